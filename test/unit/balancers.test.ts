// Balancers of an httpd configuration: members, routes, status flags and balancer parameters wherever set.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Balancer, findBalancers } from '../../server/src/model/apache/balancers';
import { parseApacheConfig } from '../../server/src/parser/apache/apacheConfig';

const PROXY = `<IfModule mod_proxy_http.c>
  ProxyRequests Off
  <Proxy balancer://OXcluster>
    BalancerMember http://ox1.example.com:8009 timeout=100 route=APP1
    BalancerMember http://10.0.0.2:8009 route="APP2" status=+H-H+D
    # BalancerMember http://ox3.example.com:8009 route=APP3
    ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On
  </Proxy>
  <Proxy balancer://oxcluster_sync timeout=1900>
    BalancerMember ajp://ox1.example.com route=APP1
  </Proxy>
  BalancerMember balancer://oxcluster_sync/ http://[fd00::3]:8010 route=APP3
  ProxySet balancer://oxcluster_sync nofailover=On
  ProxyPass /ajax balancer://oxcluster/ajax
  ProxyPass /appsuite/api balancer://OXcluster/ajax stickysession=JSESSIONID
  ProxyPass /usm-json balancer://oxcluster_sync/usm-json
  <Location /preliminary>
    ProxyPass balancer://oxcluster/preliminary
  </Location>
  ProxyPass /other http://backend.example.com/
</IfModule>
`;

function brief(b: Balancer) {
  return {
    name: b.name,
    section: b.section ? PROXY.slice(b.section.open.start, b.section.open.end) : undefined,
    members: b.members.map((m) => [m.url.text, m.scheme, m.host, m.port, m.params.get('route')?.value, [...m.status].join('')]),
    params: [...b.params].map(([k, p]) => `${k}=${p.value} (${p.source})`),
    paths: b.paths,
  };
}

test('balancers with their members, parameters and paths, wherever httpd takes them from', () => {
  const balancers = findBalancers(parseApacheConfig(PROXY));
  assert.deepEqual(balancers.map(brief), [
    {
      name: 'oxcluster',
      section: '<Proxy balancer://OXcluster>',
      members: [
        ['http://ox1.example.com:8009', 'http', 'ox1.example.com', 8009, 'APP1', ''],
        ['http://10.0.0.2:8009', 'http', '10.0.0.2', 8009, '"APP2"', 'D'],
      ],
      params: ['stickysession=JSESSIONID (proxypass)', 'scolonpathdelim=On (proxyset)'],
      paths: ['/ajax', '/appsuite/api', '/preliminary'],
    },
    {
      name: 'oxcluster_sync',
      section: '<Proxy balancer://oxcluster_sync timeout=1900>',
      members: [
        ['ajp://ox1.example.com', 'ajp', 'ox1.example.com', 8009, 'APP1', ''],
        ['http://[fd00::3]:8010', 'http', '[fd00::3]', 8010, 'APP3', ''],
      ],
      params: ['timeout=1900 (section)', 'nofailover=On (proxyset)'],
      paths: ['/usm-json'],
    },
  ]);
});

test('the spans of a route value and of a whole parameter', () => {
  const [oxcluster] = findBalancers(parseApacheConfig(PROXY));
  const route = oxcluster.members[1].params.get('route')!;
  assert.equal(PROXY.slice(route.span.start, route.span.end), 'route="APP2"');
  assert.equal(PROXY.slice(route.valueSpan.start, route.valueSpan.end), '"APP2"');
  const sticky = oxcluster.params.get('scolonpathdelim')!;
  assert.equal(PROXY.slice(sticky.valueSpan.start, sticky.valueSpan.end), 'On');
});

test('a member a template writes has an unknown URL and route; a commented one is none', () => {
  const text =
    '<Proxy balancer://ox>\n{% for n in nodes %}\nBalancerMember http://{{ n }}:8009 route={{ n.route }}\n{% endfor %}\n</Proxy>\n';
  const [ox] = findBalancers(parseApacheConfig(text, 'jinja'));
  assert.equal(ox.members.length, 1);
  const [m] = ox.members;
  assert.equal(m.url.unknown, true);
  assert.equal(m.host, undefined);
  assert.equal(m.params.get('route')?.unknown, true);
  assert.notEqual(m.directive.branch, '');
});
