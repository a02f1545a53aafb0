// Editor features in the web server's configuration: outline, hover and navigation between a balancer
// member's route and the node's backendRoute, folding; and what the other features answer there.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Location, MarkupContent } from 'vscode-languageserver-types';
import { LanguageService } from '../../server/src/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { Files, relativeOf, serviceOver, uriOf } from '../support/memoryHost';

const PROXY = 'apache2/conf-enabled/proxy_http.conf';
const OX1 = 'ox/ox1/etc/server.properties';
const OX2 = 'ox/ox2/etc/server.properties';

const FILES: Files = {
  [OX1]: '# node one\ncom.openexchange.server.backendRoute=APP1\n',
  [OX2]: 'com.openexchange.connector.networkListenerHost=10.0.0.2\n',
  [PROXY]: [
    '# OX front end',
    '# written by hand',
    '<IfModule mod_proxy_http.c>',
    '<Proxy balancer://oxcluster>',
    '  BalancerMember http://ox1:8009 timeout=100 route=APP1',
    '  BalancerMember http://10.0.0.2:8009 route=OX0 status=+D',
    '  BalancerMember http://ox2:8009 route=OX2',
    '  BalancerMember http://ox1:8007 route=DOCS',
    '  ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On',
    '</Proxy>',
    '<Proxy balancer://oxcluster_ws>',
    '  BalancerMember ws://ox1:8009 route=APP1',
    '</Proxy>',
    '</IfModule>',
    '',
  ].join('\n'),
};

function textOf(files: Files, path: string): TextDocument {
  return TextDocument.create(uriOf(path), path.endsWith('.conf') ? 'apacheconf' : 'ox-properties', 1, files[path]);
}

/** The position of the first `needle` on a line of a file, `shift` characters into it. */
function at(files: Files, path: string, needle: string, shift = 0) {
  const text = textOf(files, path);
  const offset = files[path].indexOf(needle);
  assert.ok(offset >= 0, `${needle} in ${path}`);
  return { text, position: text.positionAt(offset + shift) };
}

const where = (locations: Location[]) =>
  locations.map(
    (l) => `${relativeOf(l.uri)} ${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character}`,
  );

function hoverText(service: LanguageService, files: Files, needle: string, shift = 0): string | undefined {
  const { text, position } = at(files, PROXY, needle, shift);
  const hover = service.hover(text, position);
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

const IN_FRONT = "Balancer `oxcluster` is in front of cluster **ox**: its members' routes match the nodes' routes.";

describe('apache: outline', () => {
  test('each balancer with its members: URL, route and status', async () => {
    const service = await serviceOver(FILES);
    const symbols = service.symbols(textOf(FILES, PROXY));
    const tree = symbols.map((s) => ({
      name: s.name,
      kind: s.kind,
      range: `${s.range.start.line}-${s.range.end.line}`,
      selection: `${s.selectionRange.start.line}:${s.selectionRange.start.character}-${s.selectionRange.end.character}`,
      members: (s.children ?? []).map((c) => `${c.name} [${c.detail}] ${c.range.start.line}:${c.selectionRange.start.character}`),
    }));
    assert.deepEqual(tree, [
      {
        name: 'balancer://oxcluster',
        kind: 2,
        range: '3-9',
        selection: '3:7-27',
        members: [
          'http://ox1:8009 [route=APP1] 4:17',
          'http://10.0.0.2:8009 [route=OX0 · status=+D] 5:17',
          'http://ox2:8009 [route=OX2] 6:17',
          'http://ox1:8007 [route=DOCS] 7:17',
        ],
      },
      { name: 'balancer://oxcluster_ws', kind: 2, range: '10-12', selection: '10:7-30', members: ['ws://ox1:8009 [route=APP1] 11:17'] },
    ]);
  });

  test('a member without a route, one outside any <Proxy> block, and a templated route', async () => {
    const files = {
      'lb/proxy_http.conf.j2': [
        'BalancerMember balancer://ox http://ox1:8009',
        '<Proxy balancer://ox>',
        '  BalancerMember http://ox2:8009 route={{ route }}',
        '</Proxy>',
        '',
      ].join('\n'),
    };
    const service = await serviceOver(files);
    const symbols = service.symbols(TextDocument.create(uriOf('lb/proxy_http.conf.j2'), 'jinja', 1, files['lb/proxy_http.conf.j2']));
    assert.deepEqual(
      symbols.map((s) => [s.name, `${s.range.start.line}-${s.range.end.line}`, (s.children ?? []).map((c) => `${c.name} [${c.detail}]`)]),
      [['balancer://ox', '1-3', ['http://ox1:8009 [no route]', 'http://ox2:8009 [route={{ route }}]']]],
    );
  });
});

describe('apache: hover on a member', () => {
  test("on the route: the node that owns it and its file:line, and why the balancer is the cluster's", async () => {
    const service = await serviceOver(FILES);
    const expected = ['`route=APP1` → node **ox1** · `server.properties:2`', IN_FRONT].join('\n\n');
    assert.equal(hoverText(service, FILES, 'route=APP1'), expected);
    assert.equal(hoverText(service, FILES, 'route=APP1', 10), expected, 'at the end of the word');
    const { text, position } = at(FILES, PROXY, 'route=APP1', 2);
    assert.deepEqual(service.hover(text, position)?.range, { start: { line: 4, character: 45 }, end: { line: 4, character: 55 } });
  });

  test("on the URL of a member whose node has no backendRoute: OX's default", async () => {
    const service = await serviceOver(FILES);
    assert.equal(
      hoverText(service, FILES, 'http://10.0.0.2', 3),
      ["`route=OX0` → node **ox2** · OX's default: no `com.openexchange.server.backendRoute` set", IN_FRONT].join('\n\n'),
    );
  });

  test('a route no node has: the routes the nodes have, and the node the member reaches by host and port', async () => {
    const service = await serviceOver(FILES);
    assert.equal(
      hoverText(service, FILES, 'route=OX2'),
      [
        '`route=OX2` → no node of cluster **ox** has this route; their routes: `APP1` (ox1), `OX0` (ox2)',
        "By host and port it reaches node **ox2**, whose route is `OX0` (OX's default: no `com.openexchange.server.backendRoute` set).",
        IN_FRONT,
      ].join('\n\n'),
    );
  });

  test('a member on a port no node listens on is another service', async () => {
    const service = await serviceOver(FILES);
    assert.equal(
      hoverText(service, FILES, 'route=DOCS'),
      ['Port 8007 is no listener port of the nodes (8009, 8010): the member is taken to be another service than a node.', IN_FRONT].join(
        '\n\n',
      ),
    );
  });

  test('nothing off a member; a member without a route; the only cluster; no known cluster', async () => {
    const service = await serviceOver(FILES);
    assert.equal(hoverText(service, FILES, 'ProxySet'), undefined);
    assert.equal(hoverText(service, FILES, 'timeout=100'), undefined);

    const only: Files = {
      'ox/ox1/etc/server.properties': 'com.openexchange.server.backendRoute=APP1\n',
      [PROXY]: '<Proxy balancer://oxcluster>\n  BalancerMember http://localhost:8009\n</Proxy>\n',
    };
    assert.equal(
      hoverText(await serviceOver(only), only, 'http://localhost'),
      [
        'The member has no `route=`.',
        "Balancer `oxcluster` is in front of cluster **ox**: it is the workspace's only cluster and the members use its listener ports.",
      ].join('\n\n'),
    );

    const none: Files = {
      'alpha/a1/etc/server.properties': 'com.openexchange.server.backendRoute=A1\n',
      'beta/b1/etc/server.properties': 'com.openexchange.server.backendRoute=B1\n',
      [PROXY]: '<Proxy balancer://oxcluster>\n  BalancerMember http://localhost:8009 route=OX1\n</Proxy>\n',
    };
    assert.equal(
      hoverText(await serviceOver(none), none, 'route=OX1'),
      'Balancer `oxcluster` is in front of no known cluster: no member matches a node by route, nor by host and listener port.',
    );
  });

  test('a balancer declared in .oxclusterconfig.json says so', async () => {
    const files: Files = {
      'alpha/a1/etc/server.properties': 'com.openexchange.server.backendRoute=A1\n',
      'beta/b1/etc/server.properties': 'com.openexchange.server.backendRoute=B1\n',
      [PROXY]: '<Proxy balancer://oxcluster>\n  BalancerMember http://web1:8009 route=B1\n</Proxy>\n',
    };
    const service = await serviceOver(files, DEFAULT_SETTINGS, [], [{ pattern: 'apache2/**', cluster: 'beta' }]);
    assert.equal(
      hoverText(service, files, 'route=B1'),
      [
        '`route=B1` → node **b1** · `server.properties:1`',
        'Balancer `oxcluster` is in front of cluster **beta**: declared in `.oxclusterconfig.json`.',
      ].join('\n\n'),
    );
    assert.deepEqual(service.declarationProblems(), []);
  });

  test('a balancer matched by the hosts of its members says so', async () => {
    const files: Files = {
      'alpha/a1/etc/server.properties': 'com.openexchange.server.backendRoute=A1\n',
      'beta/b1/etc/server.properties': 'com.openexchange.server.backendRoute=B1\n',
      [PROXY]: '<Proxy balancer://oxcluster>\n  BalancerMember http://b1:8009 route=X1\n</Proxy>\n',
    };
    assert.equal(
      hoverText(await serviceOver(files), files, 'route=X1'),
      [
        '`route=X1` → no node of cluster **beta** has this route; their routes: `B1` (b1)',
        'By host and port it reaches node **b1**, whose route is `B1` (`server.properties:1`).',
        "Balancer `oxcluster` is in front of cluster **beta**: its members' hosts and ports match the nodes' listeners.",
      ].join('\n\n'),
    );
  });
});

describe('apache: definition and references', () => {
  test("definition: the node's backendRoute value; its server.properties' first line when it sets none; else nothing", async () => {
    const service = await serviceOver(FILES);
    const definition = (needle: string) => {
      const { text, position } = at(FILES, PROXY, needle, 1);
      return where(service.definition(text, position));
    };
    assert.deepEqual(definition('route=APP1'), [`${OX1} 1:37-1:41`]);
    assert.deepEqual(definition('http://ox1:8009'), [`${OX1} 1:37-1:41`], 'from the URL too');
    assert.deepEqual(definition('route=OX0'), [`${OX2} 0:0-0:55`]);
    assert.deepEqual(definition('route=OX2'), [`${OX2} 0:0-0:55`], 'the node the member reaches by host and port');
    assert.deepEqual(definition('route=DOCS'), []);
    assert.deepEqual(definition('ProxySet'), []);

    const noServerFile: Files = {
      'ox/ox1/etc/hazelcast.properties': 'com.openexchange.hazelcast.group.name=ox\n',
      [PROXY]: '<Proxy balancer://oxcluster>\n  BalancerMember http://ox1:8009 route=OX0\n</Proxy>\n',
    };
    const other = await serviceOver(noServerFile);
    const { text, position } = at(noServerFile, PROXY, 'route=OX0');
    assert.deepEqual(other.definition(text, position), []);
  });

  test("references on a member's route: the node's setting, then every member with that route", async () => {
    const service = await serviceOver(FILES);
    const { text, position } = at(FILES, PROXY, 'route=APP1');
    assert.deepEqual(where(service.references(text, position)), [`${OX1} 1:37-1:41`, `${PROXY} 4:45-4:55`, `${PROXY} 11:31-11:41`]);
    const ox0 = at(FILES, PROXY, 'route=OX0');
    assert.deepEqual(where(service.references(ox0.text, ox0.position)), [`${PROXY} 5:38-5:47`], 'a default route has no setting');
    const noRoute = at(FILES, PROXY, 'ProxySet');
    assert.deepEqual(service.references(noRoute.text, noRoute.position), []);
  });

  test("references on backendRoute: the key's settings as before plus the members; on the value, the setting and the members", async () => {
    const service = await serviceOver(FILES);
    const onKey = at(FILES, OX1, 'backendRoute');
    assert.deepEqual(where(service.references(onKey.text, onKey.position)), [
      `${OX1} 1:0-1:36`,
      `${PROXY} 4:45-4:55`,
      `${PROXY} 11:31-11:41`,
    ]);
    const onValue = at(FILES, OX1, 'APP1', 2);
    assert.deepEqual(where(service.references(onValue.text, onValue.position)), [
      `${OX1} 1:37-1:41`,
      `${PROXY} 4:45-4:55`,
      `${PROXY} 11:31-11:41`,
    ]);
    const other = at(FILES, OX2, 'networkListenerHost');
    assert.deepEqual(where(service.references(other.text, other.position)), [`${OX2} 0:0-0:46`], 'other keys as before');
  });

  test('two clusters with the same route: each backendRoute finds only the members in front of its cluster', async () => {
    const files: Files = {
      'alpha/a1/etc/server.properties': 'com.openexchange.server.backendRoute=OX1\n',
      'beta/b1/etc/server.properties': 'com.openexchange.server.backendRoute=OX1\ncom.openexchange.connector.networkListenerPort=9009\n',
      'apache2/alpha.conf': '<Proxy balancer://alpha>\n  BalancerMember http://a1:8009 route=OX1\n</Proxy>\n',
      'apache2/beta.conf': '<Proxy balancer://beta>\n  BalancerMember http://b1:9009 route=OX1\n</Proxy>\n',
    };
    const service = await serviceOver(files);
    const onValue = at(files, 'beta/b1/etc/server.properties', 'OX1');
    assert.deepEqual(where(service.references(onValue.text, onValue.position)), [
      'beta/b1/etc/server.properties 0:37-0:40',
      'apache2/beta.conf 1:32-1:41',
    ]);
  });
});

describe('apache: the other features', () => {
  test('folding: comment runs, sections down to the line before their closing tag', async () => {
    const service = await serviceOver(FILES);
    assert.deepEqual(service.folding(textOf(FILES, PROXY)), [
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 2, endLine: 12, kind: 'region' },
      { startLine: 3, endLine: 8, kind: 'region' },
      { startLine: 10, endLine: 11, kind: 'region' },
    ]);
  });

  test('completion and inlay hints answer nothing', async () => {
    const service = await serviceOver(FILES);
    const text = textOf(FILES, PROXY);
    assert.deepEqual(service.complete(text, { line: 4, character: 50 }), { isIncomplete: false, items: [] });
    assert.deepEqual(
      service.inlayHints(
        text,
        { start: { line: 0, character: 0 }, end: { line: 14, character: 0 } },
        { ...DEFAULT_SETTINGS, inlayHints: true },
      ),
      [],
    );
  });
});
