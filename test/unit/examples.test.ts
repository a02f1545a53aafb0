import { catalog } from '../support/catalog';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { Diagnostic } from 'vscode-languageserver-types';
import { nodeWorkspaceHost, pathToUri } from '../../server/src/host/nodeHost';
import { CROSS_RULES, FILE_RULES, RULES } from '../../server/src/rules/registry';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { WorkspaceAnalyzer } from '../../server/src/analysis/workspaceAnalyzer';
import { loadFiles } from '../../server/src/analysis/load';
import { relativeUri } from '../../server/src/util/uris';
import { Workspace } from '../../server/src/model/workspace';
import { parseWorkspaceConfig } from '../../server/src/config/configFile';
import { analyze, applyFix, changedPaths, Files, fixesOf } from '../support/memoryHost';

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const ALL_RULES = RULES.map((r) => r.id);

/** Which rules fire in which file of the broken examples (paths relative to examples/). */
const EXPECTED: Record<string, string[]> = {
  'broken-cluster/apache2/proxy_http.conf': [
    'balancer-duplicate-route',
    'balancer-member-no-route',
    'balancer-not-sticky',
    'balancer-route-unknown',
    'full-member-serves-clients',
    'upgrade-node-in-balancer',
  ],
  'broken-cluster/node1/etc/cache.ccf': ['ltcp-ignored'],
  'broken-cluster/node1/etc/cache.properties': ['map-key-outside-map-file'],
  'broken-cluster/node1/etc/cluster.properties': ['deprecated-key', 'legacy-file'],
  'broken-cluster/node1/etc/hazelcast.properties': [
    'cluster-mismatch',
    'default-secret',
    'deprecated-key',
    'duplicate-across-files',
    'duplicate-key',
    'invalid-value',
    'loopback-interfaces',
    'misread-value',
    'node-not-listed',
    'unknown-key',
  ],
  'broken-cluster/node1/etc/hazelcast/sessions.properties': [
    'backups-exceed-members',
    'cluster-mismatch',
    'misread-value',
    'session-idle-below-lifetime',
    'unknown-key',
  ],
  'broken-cluster/node1/etc/server.properties': ['duplicate-across-files', 'duplicate-route', 'wrong-file'],
  'broken-cluster/node1/etc/sessiond.properties': ['default-secret', 'deprecated-key', 'invalid-value'],
  'broken-cluster/node2/etc/hazelcast.properties': ['upgrade-node-push', 'weak-cluster-exposure'],
  'broken-cluster/node2/etc/server.properties': ['duplicate-route'],
  'broken-cluster/node2/etc/sessiond.properties': ['syntax'],
  'broken-cluster/node3/etc/hazelcast.properties': ['missing-group-name'],
  'broken-cluster/node3/etc/server.properties': ['node-not-in-balancer'],
  'broken-cluster/node3/etc/sessiond.properties': ['encoding'],
  'lite-only-cluster/web1/etc/hazelcast.properties': ['no-data-members'],
  'lite-only-cluster/web2/etc/hazelcast.properties': ['join-incomplete', 'no-data-members'],
  'lite-only-cluster/worker1/etc/cache.properties': ['event-invalidation-without-hazelcast'],
  'kubernetes/broken/values.yaml': ['chart-managed-key', 'hz-group-name-unset', 'hz-group-password-ignored', 'secret-in-configmap'],
  'kubernetes/broken-4x/values.yaml': ['cluster-mismatch', 'data-holding-share'],
  'kubernetes/broken-packages/values.yaml': ['packages-differ', 'session-storage-package'],
  'kubernetes/broken-statuses/values.yaml': ['placeholder-value', 'status-value', 'unknown-role'],
  'kubernetes/upgrade/values-upgrade.yaml': ['upgrade-values'],
  'migration-8/node2/etc/server.properties': ['missing-mandatory'],
  'migration-8/node3/etc/hazelcast.properties': ['missing-mandatory'],
  'package-drift/node1/etc/hazelcast.properties': ['upgrade-package-left'],
  'package-drift/node2/etc/hazelcast.properties': ['packages-differ'],
  'package-drift/node3/etc/hazelcast.properties': ['packages-differ', 'session-storage-package'],
  'upgrade-in-progress/node1/etc/hazelcast.properties': ['key-not-in-version'],
  'upgrade-in-progress/node2/etc/hazelcast.properties': ['key-not-in-version'],
  'upgrade-in-progress/node3/etc/hazelcast.properties': ['versions-differ'],
  'upgrade-in-progress/node3/etc/mail-push.properties': ['upgrade-node-push'],
};

/** The broken examples, whose findings together cover every rule. */
const BROKEN = ['broken-cluster/', 'lite-only-cluster/', 'kubernetes/', 'migration-8/', 'package-drift/', 'upgrade-in-progress/'];

describe('examples/', () => {
  let byFile: Map<string, Diagnostic[]>;
  let clusters: string[];

  before(async () => {
    const root = pathToUri(EXAMPLES);
    const { docs, packageLists, messages } = await loadFiles(nodeWorkspaceHost, [root], catalog);
    assert.deepEqual(messages, []);
    // Each example is a workspace of its own: its .oxclusterconfig.json declares its upgrade node.
    const upgradeNodes = fs
      .readdirSync(EXAMPLES)
      .filter((name) => fs.existsSync(path.join(EXAMPLES, name, '.oxclusterconfig.json')))
      .flatMap((name) => {
        const dir = path.join(EXAMPLES, name);
        return (
          parseWorkspaceConfig(JSON.parse(fs.readFileSync(path.join(dir, '.oxclusterconfig.json'), 'utf8')), pathToUri(dir)).upgradeNodes ??
          []
        );
      });
    const workspace = new Workspace(catalog, [], [], undefined, { nodes: [], folders: [], upgradeNodes });
    for (const doc of docs) workspace.set(doc);
    for (const list of packageLists) workspace.setPackageList(list);
    const analyzer = new WorkspaceAnalyzer(workspace, {
      catalog,
      singleFileRules: FILE_RULES,
      crossRules: CROSS_RULES,
      onRuleError: (rule, error) => assert.fail(`rule ${rule.id} failed: ${String(error)}`),
    });
    analyzer.analyzeAll(DEFAULT_SETTINGS);
    byFile = new Map(docs.map((d) => [relativeUri(root, d.uri), analyzer.diagnostics(d.uri)]));
    clusters = workspace.clusters().map((c) => `${c.name}: ${c.nodes.map((n) => n.name).join(' ')}`);
  });

  const rulesIn = (prefix: string) => {
    const out: Record<string, string[]> = {};
    for (const [file, list] of byFile) {
      if (!file.startsWith(prefix) || !list.length) continue;
      out[file] = [...new Set(list.map((d) => String(d.code)))].sort();
    }
    return out;
  };

  test('six classic clusters of three nodes each, the Ansible role as a node template, and one release per Kubernetes values file', () => {
    assert.deepEqual(clusters, [
      'broken-cluster: node1 node2 node3',
      'healthy-cluster: node1 node2 node3',
      'lite-only-cluster: web1 web2 worker1',
      'migration-8: node1 node2 node3',
      'package-drift: node1 node2 node3',
      'upgrade-in-progress: node1 node2 node3',
      'open-xchange: open-xchange',
      'broken-4x/values.yaml: data web',
      'broken-packages/values.yaml: api sync',
      'broken-statuses/values.yaml: web',
      'broken/values.yaml: api documents',
      'healthy/values.yaml: http-api documents',
      'helmfile/values-prod.yaml.gotmpl: documents',
      'upgrade/values-upgrade.yaml: default',
    ]);
  });

  test('the healthy release and the helmfile template have no diagnostics at all', () => {
    const files = [...byFile.keys()].filter((f) => f.startsWith('kubernetes/healthy/') || f.startsWith('kubernetes/helmfile/'));
    assert.deepEqual(files, ['kubernetes/healthy/values.yaml', 'kubernetes/helmfile/values-prod.yaml.gotmpl']);
    const found = files.flatMap((f) => byFile.get(f)!.map((d) => `${f}:${d.range.start.line + 1} ${d.code} ${d.message}`));
    assert.deepEqual(found, []);
  });

  test("the Ansible role's templates have nothing wrong in their literal parts (its findings rest on role defaults, test/cli)", () => {
    const files = [...byFile.keys()].filter((f) => f.startsWith('ansible-role/'));
    assert.deepEqual(files, [
      'ansible-role/templates/opt/open-xchange/etc/hazelcast.properties.j2',
      'ansible-role/templates/opt/open-xchange/etc/sessiond.properties.j2',
    ]);
    assert.deepEqual(
      files.flatMap((f) => byFile.get(f)!.map((d) => `${f}:${d.range.start.line + 1} ${d.code}`)),
      [],
    );
  });

  test('healthy-cluster has no diagnostics at all', () => {
    const files = [...byFile.keys()].filter((f) => f.startsWith('healthy-cluster/'));
    assert.equal(files.length, 19);
    const found = files.flatMap((f) => byFile.get(f)!.map((d) => `${f}:${d.range.start.line + 1} ${d.code} ${d.message}`));
    assert.deepEqual(found, []);
  });

  test('the broken examples show every rule', () => {
    const fired = new Set(Object.values(Object.assign({}, ...BROKEN.map(rulesIn)) as Record<string, string[]>).flat());
    assert.deepEqual([...fired].sort(), [...ALL_RULES].sort());
  });

  test('which rule fires in which file', () => {
    assert.deepEqual(Object.assign({}, ...BROKEN.map(rulesIn)), EXPECTED);
  });

  test('every quick fix in the examples removes its own diagnostic and touches only what it names', async () => {
    const files: Files = {};
    const read = (dir: string, rel: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const r = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) read(path.join(dir, e.name), r);
        else files[r] = fs.readFileSync(path.join(dir, e.name), 'latin1');
      }
    };
    read(EXAMPLES, '');
    const { byFile: before } = await analyze(files);
    let count = 0;
    for (const [file, list] of Object.entries(before)) {
      for (const d of list) {
        for (const fix of fixesOf(d)) {
          count++;
          const next = applyFix(files, fix);
          const touched = [...new Set(fix.edits.map((e) => e.uri))].length;
          assert.equal(changedPaths(files, next).length, touched, `${fix.title}: only the files it edits change`);
          const { byFile: after } = await analyze(next);
          const still = (after[file] ?? []).filter(
            (x) => x.code === d.code && x.message === d.message && x.range.start.line === d.range.start.line,
          );
          assert.deepEqual(still, [], `${file}: "${fix.title}" leaves its ${d.code} diagnostic`);
        }
      }
    }
    assert.equal(count, 31);
  });
});
