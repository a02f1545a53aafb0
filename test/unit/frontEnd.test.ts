import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { isApacheDocument, isApacheFileName } from '../../server/src/model/apache/apacheDocument';
import { memberEndpoint, clusterEndpoints } from '../../server/src/model/apache/frontEnd';
import { analyze, Files } from '../support/memoryHost';

const node = (route: string | undefined, extra = '') =>
  `com.openexchange.hazelcast.group.name=ox\n${route === undefined ? '' : `com.openexchange.server.backendRoute=${route}\n`}${extra}`;

function balancer(members: string[], extra = 'ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On'): string {
  return ['<Proxy balancer://oxcluster>', ...members.map((m) => `  BalancerMember ${m}`), `  ${extra}`, '</Proxy>', ''].join('\n');
}

async function frontOf(files: Files) {
  const { workspace } = await analyze(files);
  return workspace.clusters().map((c) => ({
    cluster: c.name,
    balancers: (c.balancers ?? []).map((b) => `${b.balancer.name}:${b.link}`),
    endpoints: clusterEndpoints(c, (n) => workspace.effective(n)),
  }));
}

describe('which files are the web server configuration', () => {
  test('proxy_http.conf anywhere and its templates, any .conf below apache2/, apache/ or httpd/', () => {
    assert.deepEqual(
      [
        'lb/proxy_http.conf',
        'lb/proxy_http.conf.j2',
        'roles/web/templates/proxy_http.conf.erb',
        'etc/apache2/sites-enabled/ox.conf',
        'etc/httpd/conf.d/ox.conf',
        'etc/nginx/ox.conf',
        'ox1/etc/hazelcast.conf',
        'apache2/ox.conf.bak',
      ].map(isApacheFileName),
      [true, true, true, true, true, false, false, false],
    );
  });

  test('a web server file is no node: its folder does not become one', async () => {
    const { workspace } = await analyze({
      'ox1/etc/server.properties': node('OX1'),
      'apache2/conf-enabled/proxy_http.conf': balancer(['http://ox1:8009 route=OX1']),
    });
    assert.deepEqual(
      workspace.nodes().map((n) => n.name),
      ['ox1'],
    );
    assert.equal(workspace.apacheDocuments().length, 1);
    assert.ok(isApacheDocument(workspace.apacheDocuments()[0]));
  });
});

describe('which balancer stands in front of which cluster', () => {
  const twoClusters = (proxy: string): Files => ({
    'alpha/a1/etc/server.properties': 'com.openexchange.server.backendRoute=A1\n',
    'alpha/a2/etc/server.properties': 'com.openexchange.server.backendRoute=A2\n',
    'beta/b1/etc/server.properties': 'com.openexchange.server.backendRoute=B1\ncom.openexchange.connector.networkListenerPort=9009\n',
    'apache2/proxy_http.conf': proxy,
  });

  test('by the routes of its members', async () => {
    const front = await frontOf(twoClusters(balancer(['http://x:8009 route=A1', 'http://y:8009 route=A2'])));
    assert.deepEqual(
      front.map((f) => [f.cluster, f.balancers]),
      [
        ['alpha', ['oxcluster:routes']],
        ['beta', []],
      ],
    );
  });

  test('by host and listener port when no route matches; a member on another port reaches no node', async () => {
    const front = await frontOf(twoClusters(balancer(['http://b1:9009 route=X', 'http://b1:8007 route=Y'])));
    assert.deepEqual(
      front.map((f) => f.balancers),
      [[], ['oxcluster:hosts']],
    );
    const beta = front[1].endpoints;
    const members = (
      await analyze(twoClusters(balancer(['http://b1:9009 route=X', 'http://b1:8007 route=Y'])))
    ).workspace.apacheDocuments()[0].balancers[0].members;
    assert.deepEqual(
      members.map((m) => memberEndpoint(m, beta.endpoints)?.node.name),
      ['b1', undefined],
    );
  });

  test('the only cluster of the workspace takes a balancer on its listener ports; two clusters take none', async () => {
    const only = await frontOf({
      'ox1/etc/server.properties': node('APP1'),
      'apache2/proxy_http.conf': balancer(['http://localhost:8009 route=OX1']),
    });
    assert.deepEqual(
      only.map((f) => f.balancers),
      [['oxcluster:only-cluster']],
    );
    const two = await frontOf(twoClusters(balancer(['http://localhost:8009 route=OX1'])));
    assert.deepEqual(
      two.map((f) => f.balancers),
      [[], []],
    );
  });

  test('a declaration in .oxclusterconfig.json wins over routes; one naming a balancer leaves the others to matching', async () => {
    const proxy = [
      balancer(['http://x:8009 route=A1', 'http://y:8009 route=A2']),
      balancer(['http://x:8009 route=A1']).replace('oxcluster', 'second'),
    ].join('');
    const declared = (balancers: unknown[]) => ({ ...twoClusters(proxy), '.oxclusterconfig.json': JSON.stringify({ balancers }) });
    const all = await frontOf(declared([{ file: 'apache2/proxy_http.conf', cluster: 'beta' }]));
    assert.deepEqual(
      all.map((f) => [f.cluster, f.balancers]),
      [
        ['alpha', []],
        ['beta', ['oxcluster:declared', 'second:declared']],
      ],
    );
    const one = await frontOf(declared([{ file: 'apache2/*.conf', cluster: 'beta', balancer: 'balancer://Second' }]));
    assert.deepEqual(
      one.map((f) => [f.cluster, f.balancers]),
      [
        ['alpha', ['oxcluster:routes']],
        ['beta', ['second:declared']],
      ],
    );
  });

  test('a declaration whose cluster, file or balancer is not there is ignored and said so', async () => {
    const files = {
      ...twoClusters(balancer(['http://x:8009 route=A1'])),
      '.oxclusterconfig.json': JSON.stringify({
        balancers: [
          { file: 'apache2/proxy_http.conf', cluster: 'gamma' },
          { file: 'proxy_http.conf', cluster: 'beta' },
          { file: 'apache2/proxy_http.conf', cluster: 'beta', balancer: 'dav' },
          { file: './apache2/proxy_http.conf', cluster: 'alpha', balancer: 'oxcluster' },
        ],
      }),
    };
    const { workspace } = await analyze(files);
    assert.deepEqual(workspace.balancerDeclarationProblems(), [
      '.oxclusterconfig.json: balancers[0]: no cluster is named "gamma" (the clusters are "alpha", "beta"); ignored.',
      '.oxclusterconfig.json: balancers[1]: no web server file matches "proxy_http.conf"; ignored.',
      '.oxclusterconfig.json: balancers[2]: no file matching "apache2/proxy_http.conf" has a balancer "dav"; ignored.',
    ]);
    assert.deepEqual(
      workspace.clusters().map((c) => [c.name, (c.balancers ?? []).map((b) => `${b.balancer.name}:${b.link}`)]),
      [
        ['alpha', ['oxcluster:declared']],
        ['beta', []],
      ],
    );
  });

  test("a node's endpoint: its route (OX0 when unset), listener ports, and the names it is known by", async () => {
    const front = await frontOf({
      'ox1/etc/server.properties':
        'com.openexchange.connector.networkListenerHost=10.0.0.5\ncom.openexchange.connector.networkSslListenerPort=8443\n',
      'ox1/etc/hazelcast.properties': 'com.openexchange.hazelcast.network.interfaces=10.0.1.5, 10.0.2.*\n',
    });
    const endpoint = front[0].endpoints.endpoints[0];
    assert.deepEqual(
      { route: endpoint.route, ports: endpoint.ports, hosts: endpoint.hosts, fromSetting: !!endpoint.routeSetting },
      { route: 'OX0', ports: [8009, 8443], hosts: ['ox1', '10.0.0.5', '10.0.1.5'], fromSetting: false },
    );
  });
});
