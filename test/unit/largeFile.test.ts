import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createOxDocument } from '../../server/src/model/properties/propertiesDocument';
import { findMalformedEscapes, parseProperties } from '../../server/src/parser/propertiesParser';
import { catalog } from '../support/service';

const ALPHABET = ['\\', '\\', 'u', 'u', '0', '1', 'G', 'f', '\n', '\r', '\r\n', '#', '!', '=', ':', ' ', 'k'];

test('the syntax-only scan finds exactly the malformed escapes the full parser finds', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(findMalformedEscapes(text), parseProperties(text).problems);
    }),
    { seed: 20261121, numRuns: 5000 },
  );
});

test('cases: escaped backslash, comment, continuation into the escape, end of file', () => {
  for (const text of ['a=\\\\u12\n', '# \\u12\nb=1', 'k=\\\n  \\u12G', 'k=\\u00\\\n  41', 'x=1\nk=\\u1', '\\u']) {
    assert.deepEqual(findMalformedEscapes(text), parseProperties(text).problems, JSON.stringify(text));
  }
});

test('a document above the size limit keeps its syntax problems and nothing else', () => {
  const text = 'com.openexchange.hazelcast.jmx=yes\nbroken=\\u12\n';
  const doc = createOxDocument(TextDocument.create('file:///n/etc/hazelcast.properties', 'ox-properties', 1, text), catalog, 10);
  assert.equal(doc.large, true);
  assert.deepEqual(doc.entries, []);
  assert.deepEqual(
    doc.parsed.problems.map((p) => [p.start, p.end]),
    [[42, 46]],
  );
});
