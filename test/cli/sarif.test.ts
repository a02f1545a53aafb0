import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { RULES } from '../../server/src/rules/registry';
import { cli, REPO, removeScratch, scratch } from './harness';

const SCHEMA_FILE = path.join(REPO, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

/**
 * The SARIF schema is draft-04 (`id`, `$schema` draft-04), which Ajv 8 does not load; apart from `id` it uses
 * nothing draft-07 reads differently (no boolean exclusiveMinimum), so it is validated as draft-07.
 * ajv-formats is not installed: the three formats it uses are checked here.
 */
function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  assert.equal(schema.$schema, 'http://json-schema.org/draft-04/schema#');
  const text = JSON.stringify(schema);
  assert.doesNotMatch(text, /"exclusiveM(in|ax)imum":(true|false)/, 'draft-04 boolean exclusive bounds would need another validator');
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  // unicodeRegExp: false, as the schema's language pattern has a stray "]" that only non-unicode regexps accept.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(s));
  ajv.addFormat('uri-reference', (s: string) => !/\s/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

interface SarifLog {
  version: string;
  runs: Array<{
    tool: {
      driver: {
        name: string;
        version: string;
        rules: Array<{ id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }>;
      };
    };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }>;
      relatedLocations?: Array<{
        id: number;
        physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> };
        message: { text: string };
      }>;
    }>;
  }>;
}

let dir: string;
before(() => {
  dir = scratch();
});
after(() => removeScratch(dir));

const validate = sarifValidator();

function sarif(cwd: string, ...args: string[]): SarifLog {
  const run = cli(cwd, 'check', '--format', 'sarif', ...args);
  assert.equal(run.stderr, '');
  const log = JSON.parse(run.stdout) as SarifLog;
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  return log;
}

describe('check --format sarif', () => {
  test('the validator rejects what is not SARIF', () => {
    assert.equal(validate({ version: '2.1.0', runs: [{ results: [] }] }), false);
    assert.equal(validate({ version: '2.0.0', runs: [] }), false);
  });

  test('valid SARIF 2.1.0 with the tool, every rule, and exact results', () => {
    const log = sarif(path.join(dir, 'fixtures'), 'two-nodes');
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'ox-cluster-config');
    assert.equal(run.tool.driver.version, pkg.version);
    const level = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
    assert.deepEqual(
      run.tool.driver.rules,
      RULES.map((r) => ({
        id: r.id,
        shortDescription: { text: r.title },
        helpUri: `https://github.com/ox-cluster-tools/ox-cluster-config/blob/main/docs/rules/${r.id}.md`,
        defaultConfiguration: { level: level[r.defaultSeverity] },
      })),
    );
    assert.equal(run.originalUriBaseIds.SRCROOT.uri, `${pathToFileURL(path.join(dir, 'fixtures')).href}/`);
    const brief = run.results.map((r) => ({
      ruleId: r.ruleId,
      rule: run.tool.driver.rules[r.ruleIndex].id,
      level: r.level,
      uri: r.locations[0].physicalLocation.artifactLocation.uri,
      base: r.locations[0].physicalLocation.artifactLocation.uriBaseId,
      region: r.locations[0].physicalLocation.region,
      related: (r.relatedLocations ?? []).map(
        (l) =>
          `${l.physicalLocation.artifactLocation.uri}:${l.physicalLocation.region.startLine}:${l.physicalLocation.region.startColumn}-${l.physicalLocation.region.endColumn} ${l.message.text}`,
      ),
    }));
    const n1 = 'two-nodes/node1/etc/hazelcast.properties';
    const n2 = 'two-nodes/node2/etc/hazelcast.properties';
    assert.deepEqual(brief, [
      {
        ruleId: 'cluster-mismatch',
        rule: 'cluster-mismatch',
        level: 'error',
        uri: n1,
        base: 'SRCROOT',
        region: { startLine: 2, startColumn: 39, endLine: 2, endColumn: 43 },
        related: [`${n2}:2:39-44 node2: "prod2"`],
      },
      {
        ruleId: 'misread-value',
        rule: 'misread-value',
        level: 'warning',
        uri: n1,
        base: 'SRCROOT',
        region: { startLine: 6, startColumn: 32, endLine: 6, endColumn: 35 },
        related: [],
      },
      {
        ruleId: 'cluster-mismatch',
        rule: 'cluster-mismatch',
        level: 'error',
        uri: n2,
        base: 'SRCROOT',
        region: { startLine: 2, startColumn: 39, endLine: 2, endColumn: 44 },
        related: [`${n1}:2:39-43 node1: "prod"`],
      },
    ]);
    assert.equal(run.results[1].message.text, 'OX reads "yes" as false: only "true" (in any letter case) is true.');
  });

  test('information and hint are notes; --rule changes the result level, not the rule default', () => {
    const log = sarif(path.join(dir, 'fixtures'), '--rule', 'cluster-mismatch=hint', '--rule', 'misread-value=information', 'two-nodes');
    assert.deepEqual(
      log.runs[0].results.map((r) => `${r.ruleId}:${r.level}`),
      ['cluster-mismatch:note', 'misread-value:note', 'cluster-mismatch:note'],
    );
    assert.equal(log.runs[0].tool.driver.rules.find((r) => r.id === 'cluster-mismatch')?.defaultConfiguration.level, 'warning');
  });

  test('the examples validate too; files outside the current folder get absolute URIs', () => {
    const log = sarif(dir, 'examples');
    assert.ok(log.runs[0].results.length > 10);
    for (const r of log.runs[0].results)
      assert.match(
        r.locations[0].physicalLocation.artifactLocation.uri,
        /^examples\/(?:[^/]+\/[^/]+\/etc\/|ansible-role\/templates\/opt\/open-xchange\/etc\/|[^/]+\/apache2\/proxy_http\.conf$|kubernetes\/[^/]+\/values[^/]*\.yaml$)/,
      );
    const outside = sarif(path.join(dir, 'fixtures', 'two-nodes', 'node1'), '../../../examples/broken-cluster/node2');
    for (const r of outside.runs[0].results) {
      assert.equal(r.locations[0].physicalLocation.artifactLocation.uriBaseId, undefined);
      assert.match(r.locations[0].physicalLocation.artifactLocation.uri, /^file:\/\/\/.*\/examples\/broken-cluster\/node2\/etc\//);
    }
  });

  test('the healthy example gives a valid log without results', () => {
    assert.deepEqual(sarif(dir, 'examples/healthy-cluster').runs[0].results, []);
  });
});
