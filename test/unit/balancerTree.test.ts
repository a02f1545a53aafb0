// A balancer spread over the files of one include tree is one balancer: its block, members and ProxySet lines
// are judged together, each finding on the line that carries it; unrelated files with the same balancer
// name stay separate.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupContent } from 'vscode-languageserver-types';
import { fixesOf } from '../../server/src/analysis/engine';
import type { LanguageService } from '../../server/src/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { Files, relativeOf, serviceOver, uriOf } from '../support/memoryHost';
import { brief } from '../support/service';

/** Every diagnostic of the workspace with its file, in file order. */
function all(svc: LanguageService) {
  return svc
    .uris()
    .sort()
    .flatMap((uri) => brief(svc.diagnostics(uri)).map((d) => ({ file: relativeOf(uri), ...d })));
}

const nodes = (...routes: string[]): Files =>
  Object.fromEntries(routes.map((r, i) => [`ox/ox${i + 1}/etc/server.properties`, `com.openexchange.server.backendRoute=${r}\n`]));

const E = 1;
const W = 2;

describe('a balancer across an include tree', () => {
  test('block and ProxySet in one file, members in an included one: one balancer, each finding on its own line', async () => {
    const files: Files = {
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
    };
    assert.deepEqual(all(await serviceOver(files)), [
      {
        file: 'ox/ox2/etc/server.properties',
        code: 'node-not-in-balancer',
        line: 0,
        from: 37,
        to: 41,
        severity: W,
        message:
          'ox2 has route "APP2", and no member of balancer://oxcluster (apache2.conf) carries it: Apache sends it no requests, and a session it issues anyway is spread over the other nodes. If it is out of the balancer on purpose (the upgrade node of a rolling upgrade), declare it as upgradeNode in .oxclusterconfig.json.',
      },
      {
        file: 'ox/ox3/etc/server.properties',
        code: 'node-not-in-balancer',
        line: 0,
        from: 37,
        to: 41,
        severity: W,
        message:
          'ox3 has route "APP3", and no member of balancer://oxcluster (apache2.conf) carries it: Apache sends it no requests, and a session it issues anyway is spread over the other nodes. If it is out of the balancer on purpose (the upgrade node of a rolling upgrade), declare it as upgradeNode in .oxclusterconfig.json.',
      },
      {
        file: 'web/apache2/apache2.conf',
        code: 'balancer-not-sticky',
        line: 1,
        from: 27,
        to: 37,
        severity: W,
        message:
          'balancer://oxcluster routes by the JSESSIONID cookie only, without the path name jsessionid (stickysession=JSESSIONID|jsessionid) and scolonpathdelim=On: TokenLogin and redirects pass the session id in the URL path (;jsessionid=…) because cookies do not survive them, and those requests reach a random node.',
      },
      {
        file: 'web/apache2/conf.d/members.conf',
        code: 'balancer-route-unknown',
        line: 1,
        from: 60,
        to: 63,
        severity: E,
        message:
          'No node of cluster "ox" has route "OX2"; its nodes\' routes are APP1 on ox1 (server.properties:1), APP2 on ox2 (server.properties:1), APP3 on ox3 (server.properties:1). The node behind this member of balancer://oxcluster issues session ids ending in its own route, which no member carries, so Apache spreads each session over all members and logins break.',
      },
    ]);
  });

  test('the fix of a ProxySet in another file edits that file', async () => {
    const files: Files = {
      ...nodes('APP1', 'APP2'),
      'web/apache2/apache2.conf': 'Include balancer.conf\n<Proxy balancer://oxcluster>\n    Include members.conf\n</Proxy>\n',
      'web/apache2/balancer.conf': 'ProxySet balancer://oxcluster stickysession=JSESSIONID\n',
      'web/apache2/members.conf': 'BalancerMember http://ox1:8009 route=APP1\nBalancerMember http://ox2:8009 route=APP2\n',
    };
    const svc = await serviceOver(files);
    // ProxySet outside a block names the balancer before its block: still the same balancer.
    assert.deepEqual(all(svc), [
      {
        file: 'web/apache2/balancer.conf',
        code: 'balancer-not-sticky',
        line: 0,
        from: 44,
        to: 54,
        severity: W,
        message:
          'balancer://oxcluster routes by the JSESSIONID cookie only, without the path name jsessionid (stickysession=JSESSIONID|jsessionid) and scolonpathdelim=On: TokenLogin and redirects pass the session id in the URL path (;jsessionid=…) because cookies do not survive them, and those requests reach a random node.',
      },
    ]);
    const [fix] = fixesOf(svc.diagnostics(uriOf('web/apache2/balancer.conf'))[0]);
    assert.deepEqual(
      fix.edits.map((e) => ({ file: relativeOf(e.uri), line: e.range.start.line, from: e.range.start.character, text: e.newText })),
      [
        { file: 'web/apache2/balancer.conf', line: 0, from: 44, text: 'JSESSIONID|jsessionid' },
        { file: 'web/apache2/balancer.conf', line: 0, from: 54, text: ' scolonpathdelim=On' },
      ],
    );
  });

  test('members included inside the <Proxy> block are its members; a route shared across files is a duplicate', async () => {
    const files: Files = {
      ...nodes('APP1', 'APP2'),
      'web/apache2/sites-enabled/ox.conf': [
        '<Proxy balancer://oxcluster>',
        '    BalancerMember http://ox1:8009 route=APP1',
        '    IncludeOptional ../ox-members/*.conf',
        '    ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On',
        '</Proxy>',
        '',
      ].join('\n'),
      'web/apache2/ox-members/b.conf': 'BalancerMember http://ox2:8009 route=APP1\n',
    };
    assert.deepEqual(all(await serviceOver(files)), [
      {
        file: 'ox/ox2/etc/server.properties',
        code: 'node-not-in-balancer',
        line: 0,
        from: 37,
        to: 41,
        severity: W,
        message:
          'ox2 has route "APP2", and no member of balancer://oxcluster (ox.conf) carries it: Apache sends it no requests, and a session it issues anyway is spread over the other nodes. If it is out of the balancer on purpose (the upgrade node of a rolling upgrade), declare it as upgradeNode in .oxclusterconfig.json.',
      },
      {
        file: 'web/apache2/ox-members/b.conf',
        code: 'balancer-duplicate-route',
        line: 0,
        from: 37,
        to: 41,
        severity: E,
        message:
          'The member on line 2 of ox.conf (in balancer://oxcluster) already carries route "APP1": Apache sends every session with this route to the first of them, so the node behind this member gets none back. Give each member the backendRoute of the node it points to.',
      },
    ]);
  });

  test('a member file that two files include is read once: one finding on its line, not one per includer', async () => {
    const files: Files = {
      ...nodes('APP1', 'APP2'),
      'web/apache2/sites-enabled/a.conf': [
        '<Proxy balancer://oxcluster>',
        '    ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On',
        '</Proxy>',
        'Include ../members.conf',
        '',
      ].join('\n'),
      'web/apache2/sites-enabled/b.conf': 'Include ../members.conf\nProxyPass /ajax balancer://oxcluster/ajax\n',
      'web/apache2/members.conf': [
        'BalancerMember balancer://oxcluster http://ox1:8009 route=APP1',
        'BalancerMember balancer://oxcluster http://ox2:8009 route=APP9',
        '',
      ].join('\n'),
    };
    assert.deepEqual(
      all(await serviceOver(files)).map((d) => `${d.file}:${d.line + 1} ${d.code}`),
      ['ox/ox2/etc/server.properties:1 node-not-in-balancer', 'web/apache2/members.conf:2 balancer-route-unknown'],
    );
  });

  test('hover on a member of an included file shows its node', async () => {
    const files: Files = {
      ...nodes('APP1', 'APP2'),
      'web/apache2/ox.conf': '<Proxy balancer://oxcluster>\n    Include members.conf\n</Proxy>\n',
      'web/apache2/members.conf': 'BalancerMember http://ox1:8009 route=APP1\nBalancerMember http://ox2:8009 route=APP2\n',
    };
    const svc = await serviceOver(files);
    const text = TextDocument.create(uriOf('web/apache2/members.conf'), 'apacheconf', 1, files['web/apache2/members.conf']);
    const hover = svc.hover(text, text.positionAt(files['web/apache2/members.conf'].indexOf('route=APP2') + 2));
    assert.equal(
      (hover?.contents as MarkupContent | undefined)?.value,
      "`route=APP2` → node **ox2** · `server.properties:1`\n\nBalancer `oxcluster` is in front of cluster **ox**: its members' routes match the nodes' routes.",
    );
  });

  test('two files that include nothing of each other stay two balancers, even with one name', async () => {
    const files: Files = {
      ...nodes('APP1', 'APP2'),
      'web/a/apache2/proxy_http.conf': [
        '<Proxy balancer://oxcluster>',
        '    BalancerMember http://ox1:8009 route=APP1',
        '    BalancerMember http://ox2:8009 route=APP2',
        '    ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On',
        '</Proxy>',
        '',
      ].join('\n'),
      'web/b/apache2/proxy_http.conf': [
        'BalancerMember balancer://oxcluster http://ox1:8009 route=APP1',
        'BalancerMember balancer://oxcluster http://ox2:8009 route=APP2',
        '',
      ].join('\n'),
    };
    assert.deepEqual(all(await serviceOver(files)), [
      {
        file: 'web/b/apache2/proxy_http.conf',
        code: 'balancer-not-sticky',
        line: 0,
        from: 0,
        to: 62,
        severity: E,
        message:
          'balancer://oxcluster has no stickysession, so Apache spreads the requests of one session over all members; only the node that issued a session knows it, and the others send the user back to the login. Add ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On.',
      },
    ]);
  });
});

describe('a balancer without nodes', () => {
  test('judged on its own until a node appears, then by its cluster; the findings without nodes go', async () => {
    const files: Files = {
      'web/apache2/proxy_http.conf':
        '<Proxy balancer://oxcluster>\n    BalancerMember http://ox1:8009 route=APP1\n    BalancerMember http://ox2:8009 route=APP2\n</Proxy>\n',
    };
    const svc = await serviceOver(files);
    const messages = () =>
      all(svc).map((d) => `${d.file}:${d.line + 1} ${d.code} ${d.message.includes('no OX node') ? 'without nodes' : 'by its cluster'}`);
    assert.deepEqual(messages(), ['web/apache2/proxy_http.conf:1 balancer-not-sticky without nodes']);
    Object.assign(files, nodes('APP1', 'APP2'));
    for (const path of ['ox/ox1/etc/server.properties', 'ox/ox2/etc/server.properties']) await svc.fileChanged(uriOf(path), false);
    assert.deepEqual(
      svc.update(['ox/ox1/etc/server.properties', 'ox/ox2/etc/server.properties'].map(uriOf), DEFAULT_SETTINGS).map(relativeOf).sort(),
      ['ox/ox1/etc/server.properties', 'ox/ox2/etc/server.properties', 'web/apache2/proxy_http.conf'],
    );
    assert.deepEqual(messages(), ['web/apache2/proxy_http.conf:1 balancer-not-sticky by its cluster']);
  });
});
