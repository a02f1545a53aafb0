import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { Diagnostic } from 'vscode-languageserver-types';
import { fixesOf } from '../../server/src/analysis/engine';
import { applyEdits } from '../support/edits';
import { analyze, applyFix, changedPaths, Files } from '../support/memoryHost';

const PROXY = 'apache2/conf-enabled/proxy_http.conf';
const STICKY = 'ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On';

function server(route: string | undefined, extra = ''): string {
  return `${route === undefined ? '' : `com.openexchange.server.backendRoute=${route}\n`}${extra}`;
}

function proxy(members: string[], sticky: string | null = STICKY, name = 'oxcluster'): string {
  return [
    '<IfModule mod_proxy_http.c>',
    `<Proxy balancer://${name}>`,
    ...members.map((m) => `    BalancerMember ${m}`),
    ...(sticky ? [`    ${sticky}`] : []),
    '</Proxy>',
    `ProxyPass /ajax balancer://${name}/ajax`,
    '</IfModule>',
    '',
  ].join('\n');
}

function cluster(routes: Record<string, string | undefined>, apache: string, extra: Files = {}): Files {
  const files: Files = { [PROXY]: apache, ...extra };
  for (const [node, route] of Object.entries(routes)) files[`cluster/${node}/etc/server.properties`] = server(route);
  return files;
}

interface Seen {
  file: string;
  line: number;
  text: string;
  severity: number | undefined;
  message: string;
}

/** The findings of one rule: file, 1-based line, the text they cover, severity, message. */
async function findings(files: Files, code: string): Promise<Seen[]> {
  const { byFile } = await analyze(files);
  const out: Seen[] = [];
  for (const [file, list] of Object.entries(byFile)) {
    for (const d of list.filter((x) => x.code === code)) out.push(seen(files, file, d));
  }
  return out;
}

function seen(files: Files, file: string, d: Diagnostic): Seen {
  const lines = files[file].split('\n');
  const text =
    d.range.start.line === d.range.end.line ? lines[d.range.start.line].slice(d.range.start.character, d.range.end.character) : '';
  return { file, line: d.range.start.line + 1, text, severity: d.severity, message: d.message };
}

/** The text of `file` after the first fix of the first `code` diagnostic. */
async function fixed(files: Files, code: string, file = PROXY): Promise<string> {
  const { byFile } = await analyze(files);
  const d = (byFile[file] ?? []).find((x) => x.code === code);
  assert.ok(d, `no ${code} in ${file}`);
  const [fix] = fixesOf(d);
  assert.ok(fix, `${code} has no fix`);
  return applyEdits(files[file], fix.edits);
}

describe('balancer-route-unknown', () => {
  test("a member route no node has: the example config's OX1 in front of nodes the installer gave APP1", async () => {
    const files = cluster({ ox1: 'APP1', ox2: 'APP2' }, proxy(['http://ox1:8009 route=OX1', 'http://ox2:8009 route=APP2']));
    assert.deepEqual(await findings(files, 'balancer-route-unknown'), [
      {
        file: PROXY,
        line: 3,
        text: 'OX1',
        severity: 1,
        message:
          'No node of cluster "cluster" has route "OX1"; its nodes\' routes are APP1 on ox1 (server.properties:1), APP2 on ox2 (server.properties:1). The node behind this member of balancer://oxcluster issues session ids ending in its own route, which no member carries, so Apache spreads each session over all members and logins break.',
      },
    ]);
    assert.equal(await fixed(files, 'balancer-route-unknown'), proxy(['http://ox1:8009 route=APP1', 'http://ox2:8009 route=APP2']));
  });

  test('quotes stay part of the route, and Apache compares the letter case', async () => {
    const files = cluster({ ox1: 'APP1', ox2: 'APP2' }, proxy(['http://a:8009 route="APP1"', 'http://b:8009 route=app2']));
    assert.deepEqual(
      (await findings(files, 'balancer-route-unknown')).map((f) => [f.text, f.message.slice(0, f.message.indexOf(';'))]),
      [
        ['"APP1"', 'No node of cluster "cluster" has route ""APP1"" (the quotes are part of the route for Apache)'],
        ['app2', 'No node of cluster "cluster" has route "app2" (Apache compares routes case-sensitively, and ox2 has "APP2")'],
      ],
    );
  });

  test("OX's default OX0 counts for a node that does not set its route; members on other ports are other services", async () => {
    const files = cluster(
      { ox1: undefined, ox2: 'OX2' },
      proxy(['http://ox1:8009 route=OX0', 'http://ox2:8009 route=OX2', 'http://ox1:8007 route=FACADE']),
    );
    assert.deepEqual(await findings(files, 'balancer-route-unknown'), []);
  });

  test('no finding when a template writes a route, of a node or of the member', async () => {
    const templated = cluster(
      { ox1: 'APP1', ox2: 'APP2' },
      proxy(['http://ox1:8009 route=APP1', 'http://ox2:8009 route={{ ox_route }}']),
      {},
    );
    const path = 'roles/web/templates/proxy_http.conf.j2';
    templated[path] = templated[PROXY];
    delete templated[PROXY];
    assert.deepEqual(await findings(templated, 'balancer-route-unknown'), []);
  });
});

describe('node-not-in-balancer', () => {
  test('a node whose route no member carries, at its backendRoute', async () => {
    const files = cluster({ ox1: 'APP1', ox2: 'APP2', ox3: 'APP3' }, proxy(['http://ox1:8009 route=APP1', 'http://ox2:8009 route=APP2']));
    assert.deepEqual(await findings(files, 'node-not-in-balancer'), [
      {
        file: 'cluster/ox3/etc/server.properties',
        line: 1,
        text: 'APP3',
        severity: 2,
        message:
          'ox3 has route "APP3", and no member of balancer://oxcluster (proxy_http.conf) carries it: Apache sends it no requests, and a session it issues anyway is spread over the other nodes. If it is out of the balancer on purpose (the upgrade node of a rolling upgrade), declare it as upgradeNode in .oxclusterconfig.json.',
      },
    ]);
  });

  test('not for full members while the cluster has lite members, nor when a template writes member routes', async () => {
    const lite = cluster({ ox1: 'APP1', ox2: 'APP2', ox3: 'APP3' }, proxy(['http://ox2:8009 route=APP2', 'http://ox3:8009 route=APP3']), {
      'cluster/ox2/etc/hazelcast.properties': 'com.openexchange.hazelcast.liteMember=true\n',
      'cluster/ox3/etc/hazelcast.properties': 'com.openexchange.hazelcast.liteMember=true\n',
    });
    assert.deepEqual(await findings(lite, 'node-not-in-balancer'), []);
    const loop: Files = {
      ...cluster({ ox1: 'APP1', ox2: 'APP2' }, ''),
      'web/proxy_http.conf.j2': proxy(['http://ox1:8009 route=APP1', '{{ host }}:8009 route={{ route }}']),
    };
    delete loop[PROXY];
    assert.deepEqual(await findings(loop, 'node-not-in-balancer'), []);
  });
});

describe('balancer-duplicate-route', () => {
  test('the second member with a route; members in the if and else arms of a template are none', async () => {
    const files = cluster({ ox1: 'APP1', ox2: 'APP2' }, proxy(['http://ox1:8009 route=APP1', 'http://ox2:8009 route=APP1']));
    assert.deepEqual(await findings(files, 'balancer-duplicate-route'), [
      {
        file: PROXY,
        line: 4,
        text: 'APP1',
        severity: 1,
        message:
          'The member on line 3 of balancer://oxcluster already carries route "APP1": Apache sends every session with this route to the first of them, so the node behind this member gets none back. Give each member the backendRoute of the node it points to.',
      },
    ]);
    const branches: Files = {
      ...cluster({ ox1: 'APP1', ox2: 'APP2' }, ''),
      'web/proxy_http.conf.j2': proxy([
        'http://ox2:8009 route=APP2',
        '{% if tls %}',
        'https://ox1:8010 route=APP1',
        '{% else %}',
        'http://ox1:8009 route=APP1',
        '{% endif %}',
      ]).replace(/ {4}BalancerMember \{%/g, '{%'),
    };
    delete branches[PROXY];
    assert.deepEqual(await findings(branches, 'balancer-duplicate-route'), []);
  });
});

describe('balancer-not-sticky', () => {
  test('no stickysession: an error on the balancer, fixed by a ProxySet line in its block', async () => {
    const files = cluster({ ox1: 'APP1', ox2: 'APP2' }, proxy(['http://ox1:8009 route=APP1', 'http://ox2:8009 route=APP2'], null));
    assert.deepEqual(await findings(files, 'balancer-not-sticky'), [
      {
        file: PROXY,
        line: 2,
        text: '<Proxy balancer://oxcluster>',
        severity: 1,
        message:
          'balancer://oxcluster has no stickysession, so Apache spreads the requests of one session over all members; only the node that issued a session knows it, and the others send the user back to the login. Add ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On.',
      },
    ]);
    assert.equal(await fixed(files, 'balancer-not-sticky'), proxy(['http://ox1:8009 route=APP1', 'http://ox2:8009 route=APP2']));
  });

  test('the cookie only: a warning with the reason, fixed in place', async () => {
    const files = cluster(
      { ox1: 'APP1', ox2: 'APP2' },
      proxy(['http://ox1:8009 route=APP1', 'http://ox2:8009 route=APP2'], 'ProxySet stickysession=JSESSIONID'),
    );
    assert.deepEqual(await findings(files, 'balancer-not-sticky'), [
      {
        file: PROXY,
        line: 5,
        text: 'JSESSIONID',
        severity: 2,
        message:
          'balancer://oxcluster routes by the JSESSIONID cookie only, without the path name jsessionid (stickysession=JSESSIONID|jsessionid) and scolonpathdelim=On: TokenLogin and redirects pass the session id in the URL path (;jsessionid=…) because cookies do not survive them, and those requests reach a random node.',
      },
    ]);
    assert.equal(await fixed(files, 'balancer-not-sticky'), proxy(['http://ox1:8009 route=APP1', 'http://ox2:8009 route=APP2']));
  });

  test('a wrong cookie name is an error; a lone member, and the CalDAV/CardDAV balancer, need no stickiness', async () => {
    const wrong = cluster(
      { ox1: 'APP1', ox2: 'APP2' },
      proxy(['http://ox1:8009 route=APP1', 'http://ox2:8009 route=APP2'], 'ProxySet stickysession=jsessionid|JSESSIONID'),
    );
    assert.deepEqual(
      (await findings(wrong, 'balancer-not-sticky')).map((f) => [f.severity, f.text]),
      [[1, 'jsessionid|JSESSIONID']],
    );
    const lone = cluster({ ox1: 'APP1' }, proxy(['http://ox1:8009 route=APP1'], null));
    assert.deepEqual(await findings(lone, 'balancer-not-sticky'), []);
    const dav = cluster(
      { ox1: 'APP1', ox2: 'APP2' },
      proxy(['http://ox1:8009 route=APP1', 'http://ox2:8009 route=APP2'], null, 'oxserver-sync').replace(
        'ProxyPass /ajax balancer://oxserver-sync/ajax',
        'ProxyPass / balancer://oxserver-sync/servlet/dav/',
      ),
    );
    assert.deepEqual(await findings(dav, 'balancer-not-sticky'), []);
  });
  test('a balancer declared in front of a cluster says so in its finding', async () => {
    const files = cluster({ ox1: 'APP1', ox2: 'APP2' }, proxy(['http://web1:8009 route=W1', 'http://web2:8009 route=W2'], null), {
      'other/o1/etc/server.properties': server('O1'),
      '.oxclusterconfig.json': JSON.stringify({ balancers: [{ file: PROXY, cluster: 'cluster' }] }),
    });
    assert.deepEqual(
      (await findings(files, 'balancer-not-sticky')).map((f) => [f.line, f.message]),
      [
        [
          2,
          'balancer://oxcluster has no stickysession, so Apache spreads the requests of one session over all members; only the node that issued a session knows it, and the others send the user back to the login (balancer://oxcluster is in front of cluster "cluster" as declared in .oxclusterconfig.json). Add ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On.',
        ],
      ],
    );
  });
});

describe('balancer-member-no-route', () => {
  test('a member without route= in a sticky balancer, fixed with the route of the node it reaches', async () => {
    const files = cluster({ ox1: 'APP1', ox2: 'APP2' }, proxy(['http://ox1:8009 route=APP1', 'http://ox2:8009 timeout=100']));
    assert.deepEqual(await findings(files, 'balancer-member-no-route'), [
      {
        file: PROXY,
        line: 4,
        text: 'BalancerMember http://ox2:8009',
        severity: 1,
        message:
          "This member of balancer://oxcluster has no route=, while the balancer routes sessions by their JSESSIONID suffix: the sessions of the node behind it match no member and are spread over the others. Add route= with that node's com.openexchange.server.backendRoute.",
      },
    ]);
    assert.equal(
      await fixed(files, 'balancer-member-no-route'),
      proxy(['http://ox1:8009 route=APP1', 'http://ox2:8009 timeout=100 route=APP2']),
    );
  });
});

describe('full-member-serves-clients', () => {
  test('information on an active member that reaches a full member while lite members exist', async () => {
    const files = cluster(
      { ox1: 'APP1', ox2: 'APP2' },
      proxy(['http://ox1:8009 route=APP1', 'http://ox2:8009 route=APP2', 'http://ox1:8010 route=APP1 status=+D']),
      { 'cluster/ox2/etc/hazelcast.properties': 'com.openexchange.hazelcast.liteMember=true\n' },
    );
    assert.deepEqual(
      (await findings(files, 'full-member-serves-clients')).map((f) => [f.line, f.text, f.severity]),
      [[3, 'http://ox1:8009', 3]],
    );
  });
});

describe('upgrade-node-in-balancer', () => {
  test('the declared upgrade node as an active member, fixed by disabling the member', async () => {
    const files = cluster({ ox1: 'APP1', ox2: 'APP2' }, proxy(['http://ox1:8009 route=APP1', 'http://ox2:8009 route=APP2']), {
      '.oxclusterconfig.json': JSON.stringify({ nodes: { 'cluster/ox2': { upgradeNode: true } } }),
    });
    const found = (await analyze(files)).byFile[PROXY].filter((d) => d.code === 'upgrade-node-in-balancer');
    assert.deepEqual(
      found.map((d) => seen(files, PROXY, d)),
      [
        {
          file: PROXY,
          line: 4,
          text: 'http://ox2:8009',
          severity: 2,
          message:
            'ox2 is the declared upgrade node, and this member of balancer://oxcluster sends it client requests. No user session may remain on the upgrade node and no new one may reach it: disable the member here (status=+D), not only in the balancer manager, so that an Apache restart does not route to it again.',
        },
      ],
    );
    const [fix] = fixesOf(found[0]);
    assert.equal(applyEdits(files[PROXY], fix.edits), proxy(['http://ox1:8009 route=APP1', 'http://ox2:8009 route=APP2 status=+D']));
  });
});

describe('duplicate-route with a balancer', () => {
  test("renames the second node's route and its member's route= in one fix; none without a member of that node", async () => {
    const files = cluster({ ox1: 'APP1', ox2: 'APP1' }, proxy(['http://ox1:8009 route=APP1', 'http://ox2:8009 route=APP1']));
    const { byFile } = await analyze(files);
    const offered = Object.entries(byFile).flatMap(([file, list]) =>
      list.filter((d) => d.code === 'duplicate-route').map((d) => [file, fixesOf(d).map((f) => f.title)]),
    );
    assert.deepEqual(offered, [
      ['cluster/ox1/etc/server.properties', []],
      ['cluster/ox2/etc/server.properties', ["Rename ox2's route to OX2, here and in balancer://oxcluster"]],
    ]);
    const d = byFile['cluster/ox2/etc/server.properties'].find((x) => x.code === 'duplicate-route')!;
    const after = applyFix(files, fixesOf(d)[0]);
    assert.deepEqual(changedPaths(files, after), [PROXY, 'cluster/ox2/etc/server.properties']);
    assert.equal(after['cluster/ox2/etc/server.properties'], 'com.openexchange.server.backendRoute=OX2\n');
    assert.equal(after[PROXY], proxy(['http://ox1:8009 route=APP1', 'http://ox2:8009 route=OX2']));
    const lone = cluster({ ox1: 'APP1', ox2: 'APP1' }, proxy(['http://ox1:8009 route=APP1', 'http://10.9.9.9:8009 route=APP2']));
    const loneFixes = Object.values((await analyze(lone)).byFile)
      .flat()
      .filter((x) => x.code === 'duplicate-route')
      .flatMap(fixesOf);
    assert.deepEqual(loneFixes, []);
  });
});

describe('balancers without nodes', () => {
  const NO_NODE =
    "(the workspace holds no OX node: balancer://oxcluster is taken to be in front of OX nodes, as its members are on OX's listener port, 8009 or 8010 with TLS)";

  /** Every finding of the workspace: file, 1-based line, the text it covers, its rule. */
  async function everything(files: Files): Promise<Array<Seen & { code: string }>> {
    const { byFile } = await analyze(files);
    return Object.entries(byFile).flatMap(([file, list]) => list.map((d) => ({ code: String(d.code), ...seen(files, file, d) })));
  }

  test('only web server files: not sticky, the path form missing, duplicate routes and syntax; nothing that needs a node', async () => {
    const files: Files = {
      [PROXY]: [
        proxy(['http://ox1:8009 route=OX1', 'http://ox2:8009 route=OX1']).replace(STICKY, 'ProxySet stickysession=JSESSIONID'),
        '<Proxy balancer://other>',
        '    BalancerMember http://a:8009 route=A',
        '    BalancerMember http://b:8009 route=B',
        '</Proxy>',
        '<Location /x>',
        '',
      ].join('\n'),
    };
    assert.deepEqual(await everything(files), [
      {
        code: 'syntax',
        file: PROXY,
        line: 14,
        text: '<Location /x>',
        severity: 1,
        message: '<Location> is not closed: httpd refuses the file.',
      },
      {
        code: 'balancer-duplicate-route',
        file: PROXY,
        line: 4,
        text: 'OX1',
        severity: 1,
        message:
          'The member on line 3 of balancer://oxcluster already carries route "OX1": Apache sends every session with this route to the first of them, so the node behind this member gets none back. Give each member the backendRoute of the node it points to.',
      },
      {
        code: 'balancer-not-sticky',
        file: PROXY,
        line: 5,
        text: 'JSESSIONID',
        severity: 2,
        message: `balancer://oxcluster routes by the JSESSIONID cookie only, without the path name jsessionid (stickysession=JSESSIONID|jsessionid) and scolonpathdelim=On: TokenLogin and redirects pass the session id in the URL path (;jsessionid=…) because cookies do not survive them, and those requests reach a random node ${NO_NODE}.`,
      },
      {
        code: 'balancer-not-sticky',
        file: PROXY,
        line: 10,
        text: '<Proxy balancer://other>',
        severity: 1,
        message: `balancer://other has no stickysession, so Apache spreads the requests of one session over all members; only the node that issued a session knows it, and the others send the user back to the login ${NO_NODE.replace('balancer://oxcluster', 'balancer://other')}. Add ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On.`,
      },
    ]);
    assert.equal(
      await fixed(files, 'balancer-not-sticky'),
      files[PROXY].replace('stickysession=JSESSIONID', 'stickysession=JSESSIONID|jsessionid scolonpathdelim=On'),
    );
  });

  test('only web server files: a member without route= in a sticky balancer', async () => {
    const files: Files = { [PROXY]: proxy(['http://ox1:8009 route=OX1', 'http://ox2:8009']) };
    assert.deepEqual(await everything(files), [
      {
        code: 'balancer-member-no-route',
        file: PROXY,
        line: 4,
        text: 'BalancerMember http://ox2:8009',
        severity: 1,
        message: `This member of balancer://oxcluster has no route=, while the balancer routes sessions by their JSESSIONID suffix: the sessions of the node behind it match no member and are spread over the others ${NO_NODE}. Add route= with that node's com.openexchange.server.backendRoute.`,
      },
    ]);
  });

  test('a lone member, the CalDAV/CardDAV balancer and members on other ports need no stickiness', async () => {
    const dav = proxy(['http://ox1:8009 route=OX1', 'http://ox2:8009 route=OX2'], null, 'oxserver-sync').replace(
      'ProxyPass /ajax balancer://oxserver-sync/ajax',
      'ProxyPass / balancer://oxserver-sync/servlet/dav/',
    );
    const lone = proxy(['http://ox1:8009 route=OX1'], null, 'lone');
    const facade = proxy(['http://ox1:8007', 'http://ox2:8007'], null, 'facade');
    assert.deepEqual(await everything({ [PROXY]: dav + lone + facade }), []);
  });

  test('a node in the workspace: its cluster judges the balancer, and the findings without nodes go', async () => {
    const apache = proxy(['http://ox1:8009 route=OX1', 'http://ox2:8009 route=OX2'], null);
    assert.deepEqual(
      (await everything({ [PROXY]: apache })).map((f) => f.message.includes('no OX node')),
      [true],
    );
    const withNodes = await everything(cluster({ ox1: 'OX1', ox2: 'OX2' }, apache));
    assert.deepEqual(
      withNodes.map((f) => [f.code, f.line, f.message.includes('no OX node')]),
      [['balancer-not-sticky', 2, false]],
    );
  });
});
