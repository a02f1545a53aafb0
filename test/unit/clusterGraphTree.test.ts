// The cluster map of a balancer spread over an include tree: one balancer element at its <Proxy> block, each
// member edge at the file and line of its BalancerMember, the findings on a member's line on its edge.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderMap } from '../../server/src/languageService';
import type { ClusterGraph, GraphSource } from '../../server/src/map/graph';
import { Files, relativeOf, serviceOver } from '../support/memoryHost';

const nodes = (...routes: string[]): Files =>
  Object.fromEntries(routes.map((r, i) => [`ox/ox${i + 1}/etc/server.properties`, `com.openexchange.server.backendRoute=${r}\n`]));

const where = (s: GraphSource | null) => (s ? `${relativeOf(s.uri)}:${s.line}` : null);
const findingsOf = (g: ClusterGraph) => g.findings.map((f) => `${f.rule} ${where(f.source)} -> ${f.target}`);

describe('cluster graph of a balancer across an include tree', () => {
  test('in front of a cluster: one balancer at its <Proxy>, member edges and their findings at the BalancerMember lines', async () => {
    const g = (
      await serviceOver({
        ...nodes('APP1', 'APP2', 'APP3'),
        'web/apache2/apache2.conf': [
          '<Proxy balancer://oxcluster>',
          '    ProxySet stickysession=JSESSIONID',
          '</Proxy>',
          'Include conf.d/members.conf',
          'ProxyPass /ajax balancer://oxcluster/ajax',
          '',
        ].join('\n'),
        'web/apache2/conf.d/members.conf': [
          'BalancerMember balancer://oxcluster http://ox1:8009 route=APP1',
          'BalancerMember balancer://OXcluster/x http://ox2:8009 route=OX2',
          '',
        ].join('\n'),
      })
    ).clusterGraph();
    const lb = 'balancer:web/apache2/apache2.conf#oxcluster';
    assert.deepEqual(
      g.balancers.map((b) => [b.id, b.name, b.cluster, b.link, where(b.source)]),
      [[lb, 'balancer://oxcluster', 'cluster:ox', 'routes', 'web/apache2/apache2.conf:1']],
    );
    assert.deepEqual(
      g.clusters.map((c) => [c.id, c.balancers]),
      [['cluster:ox', [lb]]],
    );
    assert.deepEqual(
      g.edges.map((e) => [e.id, e.from, e.to, e.route, e.fault ?? null, where(e.source)]),
      [
        [`edge:route:${lb}->http://ox1:8009`, lb, 'node:ox/ox1/etc', 'APP1', null, 'web/apache2/conf.d/members.conf:1'],
        [`edge:route:${lb}->http://ox2:8009`, lb, 'node:ox/ox2/etc', 'OX2', 'route-unknown', 'web/apache2/conf.d/members.conf:2'],
      ],
    );
    assert.deepEqual(findingsOf(g), [
      'node-not-in-balancer ox/ox2/etc/server.properties:1 -> node:ox/ox2/etc',
      'node-not-in-balancer ox/ox3/etc/server.properties:1 -> node:ox/ox3/etc',
      `balancer-not-sticky web/apache2/apache2.conf:2 -> ${lb}`,
      `balancer-route-unknown web/apache2/conf.d/members.conf:2 -> edge:route:${lb}->http://ox2:8009`,
    ]);
    // The picture: one balancer box, and a click on a member's edge opens that member's line.
    const svg = renderMap(g, 'svg');
    assert.deepEqual(
      [...svg.matchAll(/<g id="([^"]+)" class="balancer[ "][^>]*data-uri="([^"]+)" data-line="(\d+)"/g)].map((m) => m.slice(1)),
      [[lb, 'file:///ws/web/apache2/apache2.conf', '1']],
    );
    assert.equal(svg.match(/class="balancer[ "]/g)?.length, 1);
    assert.deepEqual(
      [...svg.matchAll(/<g id="(edge:[^"]+)" data-uri="([^"]+)" data-line="(\d+)"/g)].map((m) => m.slice(1)),
      [
        [`edge:route:${lb}-&gt;http://ox1:8009`, 'file:///ws/web/apache2/conf.d/members.conf', '1'],
        [`edge:route:${lb}-&gt;http://ox2:8009`, 'file:///ws/web/apache2/conf.d/members.conf', '2'],
      ],
    );
  });

  test('in front of no cluster: one balancer, the findings of its included members file on it', async () => {
    const g = (
      await serviceOver({
        'web/apache2/ox.conf': '<Proxy balancer://oxcluster>\n    Include members.conf\n</Proxy>\n',
        'web/apache2/members.conf': 'BalancerMember http://ox1:8009 route=APP1\nBalancerMember http://ox2:8009 route=APP1\n',
      })
    ).clusterGraph();
    const lb = 'balancer:ox.conf#oxcluster';
    assert.deepEqual(
      g.balancers.map((b) => [b.id, b.cluster, b.link, where(b.source)]),
      [[lb, null, null, 'web/apache2/ox.conf:1']],
    );
    assert.deepEqual(g.edges, []);
    assert.deepEqual(findingsOf(g), [
      `balancer-duplicate-route web/apache2/members.conf:2 -> ${lb}`,
      `balancer-not-sticky web/apache2/ox.conf:1 -> ${lb}`,
    ]);
    assert.equal(renderMap(g, 'svg').match(/class="balancer[ "]/g)?.length, 1);
  });
});
