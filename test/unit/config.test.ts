import { catalog } from '../support/catalog';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { Catalog } from '../../server/src/catalog/catalog';
import { discoveryOf, resolveConfiguration } from '../../server/src/config/resolve';
import { SeverityName } from '../../server/src/rules/rule';
import { memoryConfigHost } from '../support/memoryConfigHost';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/catalogs');
const SITE_CATALOG = fs.readFileSync(path.join(FIXTURES, 'site.ox-catalog.json'), 'utf8');
const INVALID_CATALOG = fs.readFileSync(path.join(FIXTURES, 'invalid.ox-catalog.json'), 'utf8');
const BUILTIN = catalog;

const DEFAULTS = new Map<string, SeverityName>([
  ['unknown-key', 'warning'],
  ['misread-value', 'warning'],
  ['wrong-file', 'information'],
  ['syntax', 'error'],
]);

function jsonError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${text} is JSON`);
}

const siteKeys = (catalog: Catalog) => catalog.defsForFile('site.properties').map((d) => d.key);

describe('configuration resolver: rule severities', () => {
  test('flag > editor setting > later file > earlier file > default; an editor value equal to the default does not count', async () => {
    const host = memoryConfigHost({
      '/cwd/.oxclusterconfig.json': JSON.stringify({ rules: { 'unknown-key': 'off', 'misread-value': 'error', syntax: 'hint' } }),
      '/ws/.oxclusterconfig.json': JSON.stringify({ rules: { 'misread-value': 'hint', 'wrong-file': 'off' } }),
    });
    const resolved = await resolveConfiguration(host, {
      folders: ['/cwd', '/ws'],
      trusted: true,
      ruleDefaults: DEFAULTS,
      // VS Code sends every rule, mostly at its default.
      editor: { rules: { 'unknown-key': 'warning', 'misread-value': 'warning', 'wrong-file': 'error', syntax: 'error' } },
      flags: [
        { id: 'syntax', severity: 'off' },
        { id: 'syntax', severity: 'error' },
      ],
    });
    assert.deepEqual(resolved.rules, { 'unknown-key': 'off', 'misread-value': 'hint', 'wrong-file': 'error', syntax: 'error' });
    assert.deepEqual(resolved.problems, []);
    assert.deepEqual(
      resolved.files.map((f) => [f.folder, f.file]),
      [
        ['/cwd', '/cwd/.oxclusterconfig.json'],
        ['/ws', '/ws/.oxclusterconfig.json'],
      ],
    );
    assert.equal(resolved.editor?.inlayHints, true);
  });

  test('without editor settings or flags the files decide; no file at all: every rule at its default', async () => {
    const host = memoryConfigHost({ '/ws/.oxclusterconfig.json': JSON.stringify({ rules: { 'wrong-file': 'Info' } }) });
    const withFile = await resolveConfiguration(host, { folders: ['/ws'], trusted: true, ruleDefaults: DEFAULTS });
    assert.deepEqual(withFile.rules, { 'wrong-file': 'information' });
    assert.equal(withFile.editor, undefined);
    const none = await resolveConfiguration(memoryConfigHost({}), { folders: ['/ws'], trusted: true, ruleDefaults: DEFAULTS });
    assert.deepEqual(none, {
      files: [],
      editor: undefined,
      rules: {},
      clusters: [],
      releases: [],
      versions: { nodes: [], folders: [], upgradeNodes: [] },
      balancers: [],
      catalog: none.catalog,
      problems: [],
    });
    assert.deepEqual(siteKeys(none.catalog), []);
  });

  test('unknown rule ids of a file and of the editor are reported and left out; so are unknown severities', async () => {
    const host = memoryConfigHost({
      '/ws/.oxclusterconfig.json': JSON.stringify({ rules: { 'no-such-rule': 'off', 'misread-value': 'loud', syntax: 'hint' } }),
    });
    const resolved = await resolveConfiguration(host, {
      folders: ['/ws'],
      trusted: true,
      ruleDefaults: DEFAULTS,
      editor: { rules: { 'unkown-key': 'error', 'wrong-file': 7 } },
    });
    assert.deepEqual(resolved.rules, { syntax: 'hint' });
    assert.deepEqual(resolved.problems, [
      {
        kind: 'invalid-setting',
        message: 'Rule "wrong-file": unknown severity 7 (use off, hint, information, warning or error).',
      },
      { kind: 'unknown-rule', message: 'Unknown rule "unkown-key"; ignored.' },
      {
        kind: 'invalid-setting',
        message: '/ws/.oxclusterconfig.json: Rule "misread-value": unknown severity "loud" (use off, hint, information, warning or error).',
      },
      { kind: 'unknown-rule', message: '/ws/.oxclusterconfig.json: Unknown rule "no-such-rule"; ignored.' },
    ]);
  });
});

describe('configuration resolver: the configuration file', () => {
  test('clusters, include and exclude are read; clusters are relative to their folder', async () => {
    const host = memoryConfigHost({
      '/cwd/.oxclusterconfig.json': JSON.stringify({ include: ['**/x/*.properties'], exclude: ['backup'] }),
      '/ws/.oxclusterconfig.json': JSON.stringify({
        clusters: [{ name: 'prod', nodes: ['node1', 'site-b/*'] }],
        exclude: ['backup', 'old'],
      }),
    });
    const resolved = await resolveConfiguration(host, { folders: ['/cwd', '/ws'], trusted: true, ruleDefaults: DEFAULTS });
    assert.deepEqual(resolved.clusters, [{ name: 'prod', nodes: ['node1', 'site-b/*'], root: 'file:///ws' }]);
    assert.deepEqual(discoveryOf(resolved, ['/cwd', '/ws']), { include: ['**/x/*.properties'], exclude: ['backup', 'old'] });
    assert.deepEqual(discoveryOf(resolved, ['/ws']), { include: [], exclude: ['backup', 'old'] });
    assert.deepEqual(discoveryOf(resolved, ['/elsewhere']), { include: [], exclude: [] });
  });

  test('a file that is not JSON, cannot be read or holds no object is reported; nothing of it is used', async () => {
    const broken = '{ "rules": ';
    const host = memoryConfigHost({
      '/a/.oxclusterconfig.json': broken,
      '/b/.oxclusterconfig.json': { error: 'EACCES' },
      '/c/.oxclusterconfig.json': '["rules"]',
    });
    const resolved = await resolveConfiguration(host, { folders: ['/a', '/b', '/c', '/d'], trusted: true, ruleDefaults: DEFAULTS });
    assert.deepEqual(resolved.problems, [
      { kind: 'unreadable-config', message: `/a/.oxclusterconfig.json is not valid JSON: ${jsonError(broken)}` },
      { kind: 'unreadable-config', message: 'cannot read /b/.oxclusterconfig.json: EACCES' },
      { kind: 'invalid-setting', message: '/c/.oxclusterconfig.json: .oxclusterconfig.json must hold a JSON object; ignored.' },
    ]);
    assert.deepEqual(
      resolved.files.map((f) => f.folder),
      ['/c'],
    );
    assert.deepEqual(resolved.rules, {});
    assert.deepEqual(host.reads, [
      '/a/.oxclusterconfig.json',
      '/b/.oxclusterconfig.json',
      '/c/.oxclusterconfig.json',
      '/d/.oxclusterconfig.json',
    ]);
  });

  test('settings of the wrong shape are reported one by one and left out; the rest is used', async () => {
    const host = memoryConfigHost({
      '/ws/.oxclusterconfig.json': JSON.stringify({
        colour: 'red',
        rules: { syntax: 'off' },
        clusters: [{ name: 'ok', nodes: ['n1'] }, { name: 'no-nodes' }],
        catalogs: 'one.json',
        include: [1],
        exclude: ['keep'],
      }),
    });
    const resolved = await resolveConfiguration(host, { folders: ['/ws'], trusted: true, ruleDefaults: DEFAULTS });
    assert.deepEqual(
      resolved.problems.map((p) => `${p.kind}: ${p.message}`),
      [
        'invalid-setting: /ws/.oxclusterconfig.json: Unknown setting "colour" in .oxclusterconfig.json; ignored.',
        'invalid-setting: /ws/.oxclusterconfig.json: clusters[1] needs a "name" and a list of "nodes"; ignored.',
        'invalid-setting: /ws/.oxclusterconfig.json: "catalogs" must be a list of strings; ignored.',
        'invalid-setting: /ws/.oxclusterconfig.json: "include" must be a list of strings; ignored.',
      ],
    );
    assert.deepEqual(resolved.rules, { syntax: 'off' });
    assert.deepEqual(resolved.files[0].config, {
      rules: { syntax: 'off' },
      clusters: [{ name: 'ok', nodes: ['n1'], root: 'file:///ws' }],
      releases: [],
      catalogs: [],
      include: [],
      exclude: ['keep'],
    });
  });

  test('releases: values paths relative to the file, in order; missing, non-YAML and malformed entries are reported', async () => {
    const host = memoryConfigHost({
      '/ws/.oxclusterconfig.json': JSON.stringify({
        releases: [
          { name: 'prod', chartVersion: '6.20.2', values: ['k8s/values.yaml', 'k8s/prod.yaml.gotmpl', '../shared/site.yml'] },
          { name: 'half', values: ['k8s/values.yaml', 'k8s/gone.yaml', 'k8s/notes.txt'] },
          { name: 'none', chartVersion: 'latest', values: ['gone.yaml'] },
          { name: 'shapeless', values: [] },
          { name: 'extra', values: ['k8s/values.yaml'], namespace: 'ox' },
        ],
      }),
      '/ws/k8s/values.yaml': 'hzGroupName: a',
      '/ws/k8s/prod.yaml.gotmpl': 'replicas: 2',
      '/shared/site.yml': 'hzGroupName: b',
    });
    const resolved = await resolveConfiguration(host, { folders: ['/ws'], trusted: true, ruleDefaults: DEFAULTS });
    assert.deepEqual(
      resolved.problems.map((p) => `${p.kind}: ${p.message}`),
      [
        'invalid-setting: /ws/.oxclusterconfig.json: releases[2].chartVersion must be a chart version such as "6.20.2"; ignored.',
        'invalid-setting: /ws/.oxclusterconfig.json: releases[3] needs a "name" and a list of "values" files; ignored.',
        'invalid-setting: /ws/.oxclusterconfig.json: Unknown setting "namespace" in releases[4]; ignored.',
        'invalid-setting: /ws/.oxclusterconfig.json: releases[1] ("half"): no values file k8s/gone.yaml; left out.',
        'invalid-setting: /ws/.oxclusterconfig.json: releases[1] ("half"): k8s/notes.txt is not a YAML values file; left out.',
        'invalid-setting: /ws/.oxclusterconfig.json: releases[2] ("none"): no values file gone.yaml; left out.',
        'invalid-setting: /ws/.oxclusterconfig.json: releases[2] ("none") has no values file left; ignored.',
      ],
    );
    assert.deepEqual(resolved.releases, [
      {
        name: 'prod',
        chartVersion: '6.20.2',
        values: ['file:///ws/k8s/values.yaml', 'file:///ws/k8s/prod.yaml.gotmpl', 'file:///shared/site.yml'],
      },
      { name: 'half', values: ['file:///ws/k8s/values.yaml'] },
      { name: 'extra', values: ['file:///ws/k8s/values.yaml'] },
    ]);
  });

  test('balancers: files relative to their folder, each with its cluster and maybe one balancer; wrong entries are reported', async () => {
    const host = memoryConfigHost({
      '/ws/.oxclusterconfig.json': JSON.stringify({
        balancers: [
          { file: 'lb/proxy_http.conf', cluster: 'prod' },
          { file: 'lb/*.conf', cluster: 'staging', balancer: 'balancer://StagingCluster' },
          { file: 'lb/dav.conf' },
          { file: 'lb/x.conf', cluster: 'prod', balancer: 'a/b' },
          { file: 'lb/y.conf', cluster: 'prod', weight: 2 },
          'lb/z.conf',
        ],
      }),
      '/other/.oxclusterconfig.json': JSON.stringify({ balancers: { file: 'proxy_http.conf', cluster: 'prod' } }),
    });
    const resolved = await resolveConfiguration(host, { folders: ['/ws', '/other'], trusted: true, ruleDefaults: DEFAULTS });
    assert.deepEqual(
      resolved.problems.map((p) => `${p.kind}: ${p.message}`),
      [
        'invalid-setting: /ws/.oxclusterconfig.json: balancers[2] needs a "file" (a path or glob) and a "cluster" name; ignored.',
        'invalid-setting: /ws/.oxclusterconfig.json: balancers[3].balancer must be a balancer name such as "oxcluster" or "balancer://oxcluster"; ignored.',
        'invalid-setting: /ws/.oxclusterconfig.json: Unknown setting "weight" in balancers[4]; ignored.',
        'invalid-setting: /ws/.oxclusterconfig.json: balancers[5] needs a "file" (a path or glob) and a "cluster" name; ignored.',
        'invalid-setting: /other/.oxclusterconfig.json: "balancers" must be a list such as [{"file": "lb/proxy_http.conf", "cluster": "prod"}]; ignored.',
      ],
    );
    assert.deepEqual(resolved.balancers, [
      { root: 'file:///ws', pattern: 'lb/proxy_http.conf', cluster: 'prod', source: '/ws/.oxclusterconfig.json: balancers[0]' },
      {
        root: 'file:///ws',
        pattern: 'lb/*.conf',
        cluster: 'staging',
        balancer: 'stagingcluster',
        source: '/ws/.oxclusterconfig.json: balancers[1]',
      },
      { root: 'file:///ws', pattern: 'lb/y.conf', cluster: 'prod', source: '/ws/.oxclusterconfig.json: balancers[4]' },
    ]);
  });
});

describe('configuration resolver: user catalogs', () => {
  const files = {
    '/ws/.oxclusterconfig.json': JSON.stringify({ catalogs: ['site.ox-catalog.json'] }),
    '/ws/site.ox-catalog.json': SITE_CATALOG,
    '/ws/editor.ox-catalog.json': SITE_CATALOG,
    '/home/me/mine.ox-catalog.json': SITE_CATALOG,
  };

  test('a trusted workspace loads the catalogs of the editor (relative to the first folder) and of the file', async () => {
    const host = memoryConfigHost(files);
    const resolved = await resolveConfiguration(host, {
      folders: ['/ws'],
      trusted: true,
      ruleDefaults: DEFAULTS,
      editor: { catalogs: ['editor.ox-catalog.json', '/home/me/mine.ox-catalog.json', 3] },
      builtinCatalog: BUILTIN,
    });
    assert.deepEqual(resolved.problems, []);
    assert.deepEqual(host.reads, [
      '/ws/.oxclusterconfig.json',
      '/ws/editor.ox-catalog.json',
      '/home/me/mine.ox-catalog.json',
      '/ws/site.ox-catalog.json',
    ]);
    assert.notEqual(resolved.catalog, BUILTIN);
    assert.deepEqual(siteKeys(resolved.catalog), ['com.example.site.mode', 'com.example.site.mode', 'com.example.site.mode']);
  });

  test("an untrusted workspace reads no catalog its file names, nor one inside it; the user's own outside it is read", async () => {
    const host = memoryConfigHost(files);
    const resolved = await resolveConfiguration(host, {
      folders: ['/ws'],
      trusted: false,
      ruleDefaults: DEFAULTS,
      editor: { catalogs: ['editor.ox-catalog.json', '/home/me/mine.ox-catalog.json'] },
      builtinCatalog: BUILTIN,
    });
    assert.deepEqual(resolved.problems, [
      { kind: 'untrusted-catalog', message: 'Catalog /ws/editor.ox-catalog.json was not loaded: the workspace is not trusted.' },
      { kind: 'untrusted-catalog', message: 'Catalog /ws/site.ox-catalog.json was not loaded: the workspace is not trusted.' },
    ]);
    assert.deepEqual(host.reads, ['/ws/.oxclusterconfig.json', '/home/me/mine.ox-catalog.json']);
    assert.deepEqual(siteKeys(resolved.catalog), ['com.example.site.mode']);
  });

  test('a catalog the file names outside the untrusted workspace is not read either', async () => {
    const host = memoryConfigHost({
      '/ws/.oxclusterconfig.json': JSON.stringify({ catalogs: ['../home/me/mine.ox-catalog.json'] }),
      '/home/me/mine.ox-catalog.json': SITE_CATALOG,
    });
    const resolved = await resolveConfiguration(host, {
      folders: ['/ws'],
      trusted: false,
      ruleDefaults: DEFAULTS,
      builtinCatalog: BUILTIN,
    });
    assert.deepEqual(resolved.problems, [
      { kind: 'untrusted-catalog', message: 'Catalog /home/me/mine.ox-catalog.json was not loaded: the workspace is not trusted.' },
    ]);
    assert.equal(resolved.catalog, BUILTIN);
  });

  test('missing, unreadable, non-JSON and schema-invalid catalogs are reported and left out; the valid one is kept', async () => {
    const code = 'module.exports = {};';
    const host = memoryConfigHost({
      '/ws/.oxclusterconfig.json': JSON.stringify({
        catalogs: ['missing.json', 'locked.json', 'code.js', 'invalid.json', 'site.ox-catalog.json'],
      }),
      '/ws/locked.json': { error: 'EACCES' },
      '/ws/code.js': code,
      '/ws/invalid.json': INVALID_CATALOG,
      '/ws/site.ox-catalog.json': SITE_CATALOG,
    });
    const resolved = await resolveConfiguration(host, {
      folders: ['/ws'],
      trusted: true,
      ruleDefaults: DEFAULTS,
      editor: { catalogs: ['/nowhere.json'] },
    });
    assert.deepEqual(resolved.problems, [
      { kind: 'unusable-catalog', message: 'cannot read catalog /nowhere.json (from oxClusterConfig.catalogs): ENOENT' },
      { kind: 'unusable-catalog', message: 'cannot read catalog missing.json (from /ws/.oxclusterconfig.json): ENOENT' },
      { kind: 'unusable-catalog', message: 'cannot read catalog locked.json (from /ws/.oxclusterconfig.json): EACCES' },
      {
        kind: 'unusable-catalog',
        message: `cannot read catalog code.js (from /ws/.oxclusterconfig.json): not valid JSON: ${jsonError(code)}`,
      },
      {
        kind: 'unusable-catalog',
        message:
          "Catalog /ws/invalid.json is invalid and was ignored: /properties/0 must have required property 'type'; " +
          "/properties/0 must have required property 'default'; /properties/0 must have required property 'description'; " +
          '/properties/0 must NOT have additional properties: "colour"',
      },
    ]);
    assert.deepEqual(siteKeys(resolved.catalog), ['com.example.site.mode']);
  });

  test('without a usable user catalog the given built-in catalog itself is returned', async () => {
    const host = memoryConfigHost({ '/ws/.oxclusterconfig.json': JSON.stringify({ catalogs: ['missing.json'] }) });
    const resolved = await resolveConfiguration(host, { folders: ['/ws'], trusted: true, ruleDefaults: DEFAULTS, builtinCatalog: BUILTIN });
    assert.equal(resolved.catalog, BUILTIN);
    assert.deepEqual(
      resolved.problems.map((p) => p.kind),
      ['unusable-catalog'],
    );
  });
});
