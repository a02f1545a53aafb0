import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildCatalog } from '../../server/src/catalog/loadCatalog';
import { redacted, SECRET_MASK, secretScrubber, secretValues } from '../../server/src/values/redact';
import { parseFile } from '../../server/src/analysis/load';

describe('redaction policy', () => {
  test('a secret value shows as the mask, an empty one too; no value stays no value', () => {
    assert.equal(redacted('s3cret', true), SECRET_MASK);
    assert.equal(redacted('', true), SECRET_MASK);
    assert.equal(redacted(null, true), null);
    assert.equal(redacted('plain', false), 'plain');
    assert.equal(redacted('s3cret', true, '••'), '••');
  });

  test('the scrubber masks the longest secret first and skips short ones', () => {
    const scrub = secretScrubber(['abcd', 'abcdef', 'xyz']);
    assert.equal(scrub('abcdef, abcd, xyz'), `${SECRET_MASK}, ${SECRET_MASK}, xyz`);
    assert.equal(secretScrubber(['abc', ''])('abc'), 'abc');
  });

  test('secret values: those of the files and the shipped secret defaults of the catalog', () => {
    const { catalog } = buildCatalog([
      {
        source: 'c.json',
        data: {
          file: 'custom.properties',
          properties: [
            {
              key: 'com.example.pw',
              type: 'string',
              default: 'builtin-pw',
              secret: true,
              secretDefault: ['old-pw'],
              description: 'A password.',
            },
            { key: 'com.example.name', type: 'string', default: 'not-secret', description: 'A name.' },
          ],
        },
      },
    ]);
    const doc = parseFile('file:///n/etc/custom.properties', 'com.example.pw=mine\ncom.example.name=visible\n', catalog)!;
    const found = secretValues([doc], catalog);
    for (const v of ['mine', 'builtin-pw', 'old-pw']) assert.ok(found.has(v), v);
    assert.ok(!found.has('visible') && !found.has('not-secret'));
  });
});
