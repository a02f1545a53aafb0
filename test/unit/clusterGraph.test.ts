// The cluster map's graph of examples/: clusters, nodes, member and route edges, maps and where findings go.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { openWorkspace } from '../../server/src/cli/check';
import { ClusterGraph } from '../../server/src/languageService';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

/** The graph of folders below examples/, read as `check` reads them. */
async function graphOf(...folders: string[]): Promise<ClusterGraph> {
  const stderr: string[] = [];
  const io = { stdout: { write: () => true }, stderr: { write: (t: string) => stderr.push(t) }, cwd: EXAMPLES };
  const opened = await openWorkspace({ paths: folders, rules: [], clusters: [], values: [] }, io);
  if (typeof opened === 'number') throw new Error(`exit ${opened}: ${stderr.join('')}`);
  await opened.service.analyzeAll(opened.settings);
  return opened.service.clusterGraph();
}

const edgeList = (g: ClusterGraph, kind: string) =>
  g.edges
    .filter((e) => e.kind === kind)
    .map((e) => `${e.from} -> ${e.to}${e.fault ? ` (${e.fault})` : ''}${e.dangling ? ' dangling' : ''}`);
const rulesOn = (g: ClusterGraph, target: string) => [...new Set(g.findings.filter((f) => f.target === target).map((f) => f.rule))].sort();

describe('cluster graph', () => {
  test('broken-cluster: one cluster, member lists with an unknown address, route faults, findings on their elements', async () => {
    const g = await graphOf('broken-cluster');
    assert.deepEqual(
      g.clusters.map((c) => [c.id, c.name, c.groupName, c.nodes, c.apart, c.fullMembers, c.liteMembers, c.maps, c.balancers]),
      [
        [
          'cluster:broken-cluster',
          'broken-cluster',
          'staging',
          ['node:node1/etc', 'node:node2/etc', 'node:node3/etc'],
          [],
          2,
          1,
          ['map:broken-cluster/sessions'],
          ['balancer:apache2/proxy_http.conf#oxcluster'],
        ],
      ],
    );
    assert.deepEqual(
      g.nodes.map((n) => [n.name, n.join, n.member, n.route, n.groupName, n.upgradeNode, n.source?.line]),
      [
        ['node1', 'static', 'full', 'OX1', 'staging', false, 3],
        ['node2', 'static', 'full', 'OX1', 'staging', true, 2],
        ['node3', 'static', 'lite', 'OX3', null, false, 1],
      ],
    );
    // node1's interfaces key is misspelt: nothing names 192.168.7.21, and no balancer member has a route only one node has.
    assert.deepEqual(edgeList(g, 'member'), [
      'node:node1/etc -> address:192.168.7.21 dangling',
      'node:node1/etc -> node:node2/etc',
      'node:node2/etc -> address:192.168.7.21 dangling',
      'node:node2/etc -> node:node3/etc',
      'node:node3/etc -> address:192.168.7.21 dangling',
      'node:node3/etc -> node:node2/etc',
    ]);
    const lb = 'balancer:apache2/proxy_http.conf#oxcluster';
    assert.deepEqual(edgeList(g, 'route'), [
      `${lb} -> node:node1/etc (shared-route)`,
      `${lb} -> node:node2/etc (shared-route)`,
      `${lb} -> node:node3/etc (route-unknown)`,
      `${lb} -> address:192.168.7.24:8009 (no-node) dangling`,
    ]);
    assert.deepEqual(
      g.addresses.map((a) => a.address),
      ['192.168.7.24:8009', '192.168.7.21'],
    );
    assert.deepEqual(
      g.maps.map((m) => [m.name, m.backupCount, m.asyncBackupCount, m.copies, m.fullMembers, m.varies]),
      [['sessions-7', 1, 0, 2, 2, true]],
    );
    assert.deepEqual(rulesOn(g, 'map:broken-cluster/sessions'), [
      'backups-exceed-members',
      'cluster-mismatch',
      'misread-value',
      'session-idle-below-lifetime',
      'unknown-key',
    ]);
    assert.deepEqual(rulesOn(g, lb), ['balancer-not-sticky']);
    assert.deepEqual(rulesOn(g, `edge:route:${lb}->http://192.168.7.23:8009`), ['balancer-route-unknown']);
    assert.deepEqual(rulesOn(g, `edge:route:${lb}->http://192.168.7.22:8009`), [
      'balancer-duplicate-route',
      'full-member-serves-clients',
      'upgrade-node-in-balancer',
    ]);
    assert.deepEqual(rulesOn(g, `edge:route:${lb}->http://192.168.7.24:8009`), ['balancer-member-no-route']);
    assert.deepEqual(rulesOn(g, 'node:node3/etc'), ['encoding', 'missing-group-name', 'node-not-in-balancer']);
    assert.deepEqual(rulesOn(g, 'node:node2/etc'), ['duplicate-route', 'syntax', 'upgrade-node-push', 'weak-cluster-exposure']);
    // Every finding is placed: 46 problems as check reports them.
    assert.equal(g.findings.length, 46);
  });

  test('healthy-cluster: hosts of member lists matched through the balancer members that reach each node by its route', async () => {
    const g = await graphOf('healthy-cluster');
    assert.deepEqual(
      g.edges.filter((e) => e.kind === 'member').map((e) => `${e.from} -> ${e.to} ${e.matchedBy}`),
      [
        'node:node1/etc -> node:node2/etc balancer',
        'node:node1/etc -> node:node3/etc balancer',
        'node:node2/etc -> node:node1/etc balancer',
        'node:node2/etc -> node:node3/etc balancer',
        'node:node3/etc -> node:node1/etc balancer',
        'node:node3/etc -> node:node2/etc balancer',
      ],
    );
    assert.deepEqual(
      g.balancers.map((b) => [b.name, b.cluster, b.link]),
      [
        ['balancer://oxcluster', 'cluster:healthy-cluster', 'routes'],
        ['balancer://oxserver-sync', 'cluster:healthy-cluster', 'routes'],
      ],
    );
    assert.deepEqual(edgeList(g, 'route'), [
      'balancer:apache2/proxy_http.conf#oxcluster -> node:node1/etc',
      'balancer:apache2/proxy_http.conf#oxcluster -> node:node2/etc',
      'balancer:apache2/proxy_http.conf#oxcluster -> node:node3/etc',
      'balancer:apache2/proxy_http.conf#oxserver-sync -> node:node1/etc',
    ]);
    assert.deepEqual(g.addresses, []);
    assert.deepEqual(g.findings, []);
  });

  test('Kubernetes: the Hazelcast node types of a release by hzGroupName, the other types apart', async () => {
    const g = await graphOf('kubernetes/healthy', 'kubernetes/broken', 'kubernetes/broken-4x');
    assert.deepEqual(
      g.clusters.map((c) => [c.name, c.release, c.groupName, c.nodes, c.apart, c.fullMembers, c.liteMembers]),
      [
        ['web-prod', 'broken-4x/values.yaml', 'web-prod', ['node:broken-4x/values.yaml#data', 'node:broken-4x/values.yaml#web'], [], 1, 12],
        ['broken/values.yaml', 'broken/values.yaml', null, ['node:broken/values.yaml#documents'], ['node:broken/values.yaml#api'], 2, 0],
        [
          'appsuite-prod',
          'healthy/values.yaml',
          'appsuite-prod',
          ['node:healthy/values.yaml#documents'],
          ['node:healthy/values.yaml#http-api'],
          2,
          0,
        ],
      ],
    );
    assert.deepEqual(
      g.nodes.map((n) => [n.name, n.cluster, n.member, n.join, n.replicas]),
      [
        ['data', 'cluster:broken-4x/values.yaml', 'full', 'kubernetes', 1],
        ['web', 'cluster:broken-4x/values.yaml', 'lite', 'kubernetes', 12],
        ['api', null, null, null, 3],
        ['documents', 'cluster:broken/values.yaml', 'full', 'static', 2],
        ['http-api', null, null, null, 4],
        ['documents', 'cluster:healthy/values.yaml', 'full', 'kubernetes', 2],
      ],
    );
    assert.deepEqual(g.edges, []);
    assert.deepEqual(rulesOn(g, 'node:broken-4x/values.yaml#web'), ['cluster-mismatch']);
    assert.deepEqual(rulesOn(g, 'node:broken-4x/values.yaml#data'), ['data-holding-share']);
    assert.deepEqual(rulesOn(g, 'cluster:broken/values.yaml'), [
      'chart-managed-key',
      'hz-group-name-unset',
      'hz-group-password-ignored',
      'secret-in-configmap',
    ]);
  });

  test('OX versions and package counts from package lists; nodes without Hazelcast stand apart', async () => {
    const g = await graphOf('upgrade-in-progress', 'lite-only-cluster');
    assert.deepEqual(
      g.nodes.map((n) => [n.id, n.cluster, n.member, n.oxVersion, n.packages]),
      [
        ['node:lite-only-cluster/web1/etc', 'cluster:lite-only-cluster', 'lite', null, null],
        ['node:lite-only-cluster/web2/etc', 'cluster:lite-only-cluster', 'lite', null, null],
        ['node:lite-only-cluster/worker1/etc', null, null, null, null],
        ['node:upgrade-in-progress/node1/etc', 'cluster:upgrade-in-progress', 'full', '7.10.4', 5],
        ['node:upgrade-in-progress/node2/etc', 'cluster:upgrade-in-progress', 'full', '7.10.4', 5],
        ['node:upgrade-in-progress/node3/etc', 'cluster:upgrade-in-progress', 'full', '7.10.5', 6],
      ],
    );
    assert.deepEqual(rulesOn(g, 'node:lite-only-cluster/web1/etc'), ['no-data-members']);
  });

  test('secrets never appear: the set salt and password of broken-cluster are masked in every message', async () => {
    const text = JSON.stringify(await graphOf('broken-cluster'));
    for (const secret of ['2mw67LqNDEb3', 'D2xhL8mPkjsF']) assert.ok(!text.includes(secret), secret);
    assert.ok(text.includes('(a secret value)'));
  });
});
