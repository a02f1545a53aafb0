// The cluster map's graph of examples/: clusters, nodes, member and route edges, maps and where findings go.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { openWorkspace } from '../../server/src/cli/check';
import { ClusterGraph, MAP_FORMATS, renderMap } from '../../server/src/languageService';
import type { GraphSource } from '../../server/src/map/graph';
import { catalog, serviceOver } from '../support/memoryHost';
import { assertClean, FILES, MARKER } from '../support/secrets';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

/** The graph of folders below examples/, read as `check` reads them. */
async function graphOf(...folders: string[]): Promise<ClusterGraph> {
  return (await openedOf(...folders)).graph;
}

/** The graph and the problems check reports, of folders below examples/. */
async function openedOf(...folders: string[]) {
  const stderr: string[] = [];
  const io = { stdout: { write: () => true }, stderr: { write: (t: string) => stderr.push(t) }, cwd: EXAMPLES };
  const opened = await openWorkspace({ paths: folders, rules: [], clusters: [], values: [] }, io);
  if (typeof opened === 'number') throw new Error(`exit ${opened}: ${stderr.join('')}`);
  await opened.service.analyzeAll(opened.settings);
  return { graph: opened.service.clusterGraph(), problems: opened.service.report().problems };
}

/** Every file below a folder, by path. */
function filesBelow(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesBelow(full) : [full];
  });
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
  test('static member lists to nodes covered by one interfaces pattern: the addresses stay, with the nodes they may be', async () => {
    const g = await graphOf('migration-8');
    const all = ['node:node1/etc', 'node:node2/etc', 'node:node3/etc'];
    assert.deepEqual(
      g.addresses.map((a) => [a.id, a.candidates]),
      [
        ['address:10.20.60.11', all],
        ['address:10.20.60.12', all],
        ['address:10.20.60.13', all],
      ],
    );
    assert.deepEqual(
      edgeList(g, 'member'),
      all.flatMap((from) => ['11', '12', '13'].map((last) => `${from} -> address:10.20.60.${last}`)),
    );
    assert.deepEqual(
      g.nodes.map((n) => [n.name, n.join, n.member, n.route, n.oxVersion, n.oxVersionDetail, n.packages]),
      [
        ['node1', 'static', 'full', 'OX1', '8.19.0', 'open-xchange-core 8.19.0-4', 4],
        ['node2', 'static', 'full', 'OX2', '8.19.0', 'open-xchange-core 8.19.0-4', 4],
        ['node3', 'static', 'full', 'OX3', '8.19.0', 'open-xchange-core 8.19.0-4', 4],
      ],
    );
    assert.deepEqual(
      g.maps.map((m) => [m.id, m.name, m.file, m.backupCount, m.asyncBackupCount, m.copies, m.fullMembers, m.varies, m.nodes]),
      [['map:migration-8/sessions', 'sessions-7', 'hazelcast/sessions.properties', 1, 0, 2, 3, false, all]],
    );
    assert.deepEqual(
      g.findings.map((f) => [f.target, f.rule]),
      [
        ['node:node2/etc', 'missing-mandatory'],
        ['node:node3/etc', 'missing-mandatory'],
      ],
    );
  });

  test('package-drift: versions and package counts per node, the package findings on the nodes', async () => {
    const g = await graphOf('package-drift');
    assert.deepEqual(
      g.nodes.map((n) => [n.id, n.oxVersion, n.packages]),
      [
        ['node:node1/etc', '7.10.6', 7],
        ['node:node2/etc', '7.10.6', 4],
        ['node:node3/etc', '7.10.6', 5],
      ],
    );
    assert.deepEqual(rulesOn(g, 'node:node1/etc'), ['upgrade-package-left']);
    assert.deepEqual(rulesOn(g, 'node:node2/etc'), ['packages-differ']);
    assert.deepEqual(rulesOn(g, 'node:node3/etc'), ['packages-differ', 'session-storage-package']);
  });

  test('every Kubernetes example: one cluster per release, its node types with their pods', async () => {
    const g = await graphOf('kubernetes');
    assert.deepEqual(
      g.clusters.map((c) => [c.id, c.name, c.groupName, c.nodes, c.apart, c.fullMembers, c.liteMembers]),
      [
        [
          'cluster:broken-4x/values.yaml',
          'web-prod',
          'web-prod',
          ['node:broken-4x/values.yaml#data', 'node:broken-4x/values.yaml#web'],
          [],
          1,
          12,
        ],
        [
          'cluster:broken-packages/values.yaml',
          'mixed',
          'mixed',
          ['node:broken-packages/values.yaml#api', 'node:broken-packages/values.yaml#sync'],
          [],
          4,
          0,
        ],
        [
          'cluster:broken-statuses/values.yaml',
          'REPLACE_WITH_HAZELCAST_GROUP_NAME',
          'REPLACE_WITH_HAZELCAST_GROUP_NAME',
          ['node:broken-statuses/values.yaml#web'],
          [],
          1,
          0,
        ],
        [
          'cluster:broken/values.yaml',
          'broken/values.yaml',
          null,
          ['node:broken/values.yaml#documents'],
          ['node:broken/values.yaml#api'],
          2,
          0,
        ],
        [
          'cluster:healthy/values.yaml',
          'appsuite-prod',
          'appsuite-prod',
          ['node:healthy/values.yaml#documents'],
          ['node:healthy/values.yaml#http-api'],
          2,
          0,
        ],
        // A template sets the replica count: the members are unknown.
        [
          'cluster:helmfile/values-prod.yaml.gotmpl',
          'helmfile/values-prod.yaml.gotmpl',
          null,
          ['node:helmfile/values-prod.yaml.gotmpl#documents'],
          [],
          null,
          null,
        ],
        ['cluster:upgrade/values-upgrade.yaml', 'ox-prod', 'ox-prod', ['node:upgrade/values-upgrade.yaml#default'], [], 1, 0],
      ],
    );
    assert.deepEqual(
      g.nodes
        .filter((n) => n.cluster !== null)
        .map((n) => [
          n.id,
          n.join,
          n.member,
          n.route,
          n.replicas,
          n.source && path.relative(EXAMPLES, n.source.uri.slice(7)),
          n.source?.line,
        ]),
      [
        ['node:broken-4x/values.yaml#data', 'kubernetes', 'full', null, 1, 'kubernetes/broken-4x/values.yaml', 8],
        ['node:broken-4x/values.yaml#web', 'kubernetes', 'lite', null, 12, 'kubernetes/broken-4x/values.yaml', 11],
        ['node:broken-packages/values.yaml#api', 'kubernetes', 'full', null, 2, 'kubernetes/broken-packages/values.yaml', 5],
        ['node:broken-packages/values.yaml#sync', 'kubernetes', 'full', null, 2, 'kubernetes/broken-packages/values.yaml', 13],
        ['node:broken-statuses/values.yaml#web', 'kubernetes', 'full', null, 1, 'kubernetes/broken-statuses/values.yaml', 15],
        ['node:broken/values.yaml#documents', 'static', 'full', null, 2, 'kubernetes/broken/values.yaml', 14],
        ['node:healthy/values.yaml#documents', 'kubernetes', 'full', null, 2, 'kubernetes/healthy/values.yaml', 14],
        [
          'node:helmfile/values-prod.yaml.gotmpl#documents',
          'kubernetes',
          'full',
          null,
          null,
          'kubernetes/helmfile/values-prod.yaml.gotmpl',
          20,
        ],
        ['node:upgrade/values-upgrade.yaml#default', 'kubernetes', 'full', null, 1, 'kubernetes/upgrade/values-upgrade.yaml', 4],
      ],
    );
    assert.deepEqual(rulesOn(g, 'node:broken-packages/values.yaml#api'), ['packages-differ', 'session-storage-package']);
    assert.deepEqual(rulesOn(g, 'node:broken-statuses/values.yaml#web'), ['unknown-role']);
    assert.deepEqual(rulesOn(g, 'cluster:broken-statuses/values.yaml'), ['placeholder-value', 'status-value']);
    assert.deepEqual(rulesOn(g, 'cluster:upgrade/values-upgrade.yaml'), ['upgrade-values']);
  });

  test('all of examples/: each problem check reports is one finding, on an element of the file and line it points at', async () => {
    const { graph: g, problems } = await openedOf('.');
    assert.equal(g.findings.length, problems.length);
    assert.equal(g.findings.length, 82);
    type Element = { id: string; source: GraphSource | null; edition?: string; file?: string };
    const byId = new Map<string, { kind: string; el: Element }>();
    const add = (kind: string, list: readonly Element[]) => list.forEach((el) => byId.set(el.id, { kind, el }));
    add('cluster', g.clusters);
    add('node', g.nodes);
    add('map', g.maps);
    add('balancer', g.balancers);
    add('edge', g.edges);
    const kinds = new Map<string, number>();
    for (const f of g.findings) {
      const target = byId.get(f.target);
      assert.ok(target, f.target);
      const { kind, el } = target;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      const where = `${f.rule} at ${f.source.uri}:${f.source.line} on ${f.target}`;
      const uri = el.source!.uri;
      if (kind === 'node' && el.edition === 'classic') {
        // Any file of the node's folder (etc/ and the package list beside it), but no map file of a member.
        const folder = uri.slice(0, uri.lastIndexOf('/etc/') + 1);
        assert.ok(f.source.uri.startsWith(folder) && !f.source.uri.includes('/etc/hazelcast/'), where);
      } else if (kind === 'map' && el.edition !== 'kubernetes') {
        assert.ok(f.source.uri.endsWith(`/etc/${el.file!}`), where);
      } else if (kind === 'edge' || kind === 'balancer') {
        assert.equal(f.source.uri, uri, where);
        if (kind === 'edge') assert.equal(f.source.line, el.source!.line, where);
      } else {
        // A node type or a release: its values file.
        assert.ok(/\.ya?ml(\.gotmpl)?$/.test(f.source.uri) && f.source.uri === uri, where);
      }
    }
    assert.deepEqual(Object.fromEntries(kinds), { node: 58, map: 6, balancer: 1, edge: 5, cluster: 12 });
  });

  test('no secret value of examples/ in the graph or any format', async () => {
    const g = await graphOf('.');
    const secrets = new Set<string>(['c2VjcmV0', 'hunter22']);
    for (const file of filesBelow(EXAMPLES).filter((f) => f.endsWith('.properties'))) {
      for (const line of fs.readFileSync(file, 'latin1').split('\n')) {
        const m = /^\s*([\w.-]+)\s*[=:]\s*(.*?)\s*$/.exec(line);
        if (m && m[2].length >= 4 && catalog.lookup(m[1], 'properties')?.def.secret) secrets.add(m[2]);
      }
    }
    // The catalog's secret keys set in the examples (cookie.hash.salt and share.cryptKey are none), and the two in values files.
    assert.equal(secrets.size, 6);
    const texts = [JSON.stringify(g), ...MAP_FORMATS.map((f) => renderMap(g, f))];
    for (const secret of secrets) for (const text of texts) assert.ok(!text.includes(secret), 'a secret value shows');
  });

  test('a secret also used as the group name is masked in every text of the graph, file URIs kept', async () => {
    const reused = `${MARKER}-grp-3333-xyz`;
    const files = Object.fromEntries(
      Object.entries(FILES).map(([file, text]) => [file, text.replace('group.name=prod', `group.name=${reused}`)]),
    );
    const g = (await serviceOver(files)).clusterGraph();
    assert.deepEqual(
      g.clusters.map((c) => [c.groupName, c.nodes]),
      [['********', ['node:node1/etc', 'node:node2/etc', 'node:node3/etc']]],
    );
    assert.equal(g.nodes[0].source?.uri, 'file:///ws/c/node1/etc/hazelcast.properties');
    assertClean('the graph', JSON.stringify(g));
    for (const format of MAP_FORMATS) assertClean(format, renderMap(g, format));
  });
  test("a listed address that one node's interfaces pattern covers is that node; one covered by none dangles", async () => {
    const node = (iface: string, list: string) =>
      [
        'com.openexchange.hazelcast.group.name=prod',
        'com.openexchange.hazelcast.network.join=static',
        `com.openexchange.hazelcast.network.join.static.nodes=${list}`,
        `com.openexchange.hazelcast.network.interfaces=${iface}`,
        '',
      ].join('\n');
    const g = (
      await serviceOver({
        'c/a/etc/hazelcast.properties': node('10.0.1.*', '10.0.2.15,10.0.3.7'),
        'c/b/etc/hazelcast.properties': node('10.0.2.10-20', '10.0.1.4:5701,10.0.2.21'),
      })
    ).clusterGraph();
    assert.deepEqual(
      g.edges.map((e) => [e.from, e.to, e.dangling, e.matchedBy]),
      [
        ['node:a/etc', 'node:b/etc', false, 'interfaces'],
        ['node:a/etc', 'address:10.0.3.7', true, undefined],
        ['node:b/etc', 'node:a/etc', false, 'interfaces'],
        ['node:b/etc', 'address:10.0.2.21', true, undefined],
      ],
    );
    assert.deepEqual(
      g.addresses.map((a) => [a.id, a.candidates]),
      [
        ['address:10.0.3.7', []],
        ['address:10.0.2.21', []],
      ],
    );
  });
  test('a Hazelcast switch a template fills in is unknown: apart, no member kind, drawn dashed with its own line in every picture', async () => {
    const g = (
      await serviceOver({
        'role/templates/etc/hazelcast.properties.j2':
          'com.openexchange.hazelcast.enabled={{ ox_hazelcast_enabled }}\ncom.openexchange.hazelcast.network.join=static\n',
        'plain/n1/etc/hazelcast.properties': 'com.openexchange.hazelcast.enabled=false\n',
        'plain/n2/etc/hazelcast.properties': 'com.openexchange.hazelcast.group.name=x\n',
      })
    ).clusterGraph();
    assert.deepEqual(
      g.nodes.map((n) => [n.id, n.hazelcast, n.member, n.join, n.cluster]),
      [
        ['node:plain/n1/etc', 'off', null, null, null],
        ['node:plain/n2/etc', 'on', 'full', 'empty', 'cluster:plain'],
        ['node:role/templates/etc', 'unknown', null, null, null],
      ],
    );
    assert.deepEqual(
      g.clusters.map((c) => [c.id, c.nodes, c.apart]),
      [
        ['cluster:plain', ['node:plain/n2/etc'], ['node:plain/n1/etc']],
        ['cluster:templates', [], ['node:role/templates/etc']],
      ],
    );
    const svg = renderMap(g, 'svg');
    assert.deepEqual(
      [...svg.matchAll(/<g id="(node:[^"]+)" class="node ([\w-]+)/g)].map((m) => [m[1], m[2]]),
      [
        ['node:plain/n1/etc', 'node-apart'],
        ['node:plain/n2/etc', 'node-full'],
        ['node:role/templates/etc', 'node-unknown'],
      ],
    );
    assert.equal(svg.match(/>Hazelcast: set by template</g)?.length, 1);
    assert.match(svg, /\.node-unknown \.box \{ fill: #fafafa; stroke-dasharray: 8 3 2 3; \}/);
    assert.equal(renderMap(g, 'html').match(/>Hazelcast: set by template</g)?.length, 1);
    const mermaid = renderMap(g, 'mermaid').split('\n');
    assert.deepEqual(
      mermaid.filter((l) => /unknown|templates<br>/.test(l)).map((l) => l.replace(/<br>⚠.*"\]$/, '"]')),
      [
        '  n5["templates<br>Hazelcast: set by template<br>route OX0 (default)"]',
        '  classDef unknown stroke-dasharray:6',
        '  class n5 unknown',
      ],
    );
    assert.deepEqual(
      renderMap(g, 'dot')
        .split('\n')
        .filter((l) => /dashed/.test(l))
        .map((l) => l.replace(/\\n! .*/, '')),
      ['  "node:role/templates/etc" [label="templates\\nHazelcast: set by template\\nroute OX0 (default)'],
    );
    assert.match(renderMap(g, 'dot'), /"node:role\/templates\/etc" \[label="[^"]*", style="rounded,dashed", color=/);
  });
  test('a group name a template fills in is unknown, not the template text', async () => {
    const g = (
      await serviceOver({
        'role/templates/etc/hazelcast.properties.j2':
          'com.openexchange.hazelcast.group.name={{ ox_cluster_name }}\ncom.openexchange.hazelcast.network.join=static\n',
      })
    ).clusterGraph();
    assert.deepEqual(
      g.nodes.map((n) => [n.name, n.groupName, n.join, n.member]),
      [['templates', null, 'static', 'full']],
    );
  });
});
