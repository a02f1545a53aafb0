import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { FILE_RULES, RULES, ruleDocPath, ruleMeta } from '../../server/src/rules/registry';
import { RuleScope } from '../../server/src/rules/rule';
import { generate } from '../../scripts/gen/rules';

const ROOT = path.resolve(__dirname, '../../..');

describe('npm run gen (scripts/gen/rules.ts)', () => {
  test('every file it writes is current on disk', async () => {
    const generated = await generate(ROOT);
    assert.deepEqual(
      generated.map((g) => g.file),
      ['package.json', 'schemas/oxclusterconfig.schema.json', 'README.md', 'docs/rules/README.md'],
    );
    for (const { file, text } of generated) {
      assert.ok(fs.readFileSync(path.join(ROOT, file), 'utf8') === text, `${file} is stale: run npm run gen`);
    }
  });

  test('package.json: one setting per rule in registry order, then the other settings unchanged', async () => {
    const pkg = JSON.parse((await generate(ROOT))[0].text);
    const properties = pkg.contributes.configuration.properties as Record<string, unknown>;
    assert.deepEqual(Object.keys(properties), [
      ...RULES.map((r) => `oxClusterConfig.rules.${r.id}`),
      'oxClusterConfig.catalogs',
      'oxClusterConfig.filePatterns',
      'oxClusterConfig.inlayHints.enabled',
      'oxClusterConfig.trace.server',
      'oxClusterConfig.maxFileSize',
      'oxClusterConfig.oxVersion',
      'oxClusterConfig.encoding.followOxVersion',
      'oxClusterConfig.packageListFile',
    ]);
    assert.deepEqual(properties['oxClusterConfig.rules.ltcp-ignored'], {
      type: 'string',
      enum: ['off', 'hint', 'information', 'warning', 'error'],
      default: 'hint',
      scope: 'resource',
      enumDescriptions: [
        'Do not report.',
        'Report as a hint (shown as dots under the text).',
        'Report as information.',
        'Report as a warning.',
        'Report as an error.',
      ],
      markdownDescription:
        'Severity of the `ltcp-ignored` check: jcs.auxiliary.LTCP.\\* settings in cache.ccf, which OX ignores while event invalidation is on. (a check across the files of a node)',
    });
  });
});

describe('rule registry', () => {
  test('ids are unique, file rules come first, lookup by id', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, 47);
    const firstCross = RULES.findIndex((r) => r.scope !== 'file');
    assert.equal(firstCross, FILE_RULES.length);
    assert.ok(RULES.slice(firstCross).every((r) => r.scope !== 'file'));
    assert.equal(ruleMeta('duplicate-route')?.defaultSeverity, 'error');
    assert.equal(ruleMeta('no-such-rule'), undefined);
  });

  test('every rule has its page docs/rules/<id>.md, and every page there belongs to a rule', () => {
    const pages = fs
      .readdirSync(path.join(ROOT, 'docs/rules'))
      .filter((name) => name.endsWith('.md') && name !== 'README.md')
      .map((name) => `docs/rules/${name}`);
    const expected = RULES.map((r) => ruleDocPath(r.id));
    assert.deepEqual(
      expected.filter((page) => !pages.includes(page)),
      [],
      'rules without a page',
    );
    assert.deepEqual(
      pages.filter((page) => !expected.includes(page)),
      [],
      'pages of no rule',
    );
  });

  test("each rule's page agrees with its metadata: heading, default severity, scope, quick fix", () => {
    const scope: Record<RuleScope, string> = { file: 'one file', node: 'one node', cluster: 'cluster' };
    for (const rule of RULES) {
      const lines = fs.readFileSync(path.join(ROOT, ruleDocPath(rule.id)), 'utf8').split('\n');
      assert.equal(lines[0], `# ${rule.id}`);
      const facts = lines[2];
      assert.ok(facts.startsWith(`**Default severity:** ${rule.defaultSeverity}`), `${rule.id}: ${facts}`);
      assert.ok(facts.includes(` · **Scope:** ${scope[rule.scope]}`), `${rule.id}: ${facts}`);
      assert.equal(facts.includes('**Quick fix:** none'), !rule.fixable, `${rule.id}: ${facts}`);
    }
  });
});
