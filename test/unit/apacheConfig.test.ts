// The httpd configuration reader: line reading, argument splitting, sections and errors, with positions.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApacheNode, parseApacheConfig } from '../../server/src/parser/apache/apacheConfig';
import { readLogicalLines } from '../../server/src/parser/apache/lines';

/** Each node as [name, [arg texts], first line] with children under sections. */
function outline(nodes: readonly ApacheNode[]): unknown[] {
  return nodes.map((n) =>
    n.kind === 'section'
      ? [`<${n.name}>`, n.args.map((a) => a.text), n.line, outline(n.children)]
      : [n.name, n.args.map((a) => a.text), n.line],
  );
}

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('line reading as httpd does it', () => {
  test('a trailing backslash joins the next line without a space, its leading blanks kept', () => {
    const text = 'ProxySet stickysession=JSESSIONID|jsessionid \\\n    scolonpathdelim=On\nBalancer\\\nMember http://a:8009\n';
    const config = parseApacheConfig(text);
    assert.deepEqual(outline(config.nodes), [
      ['ProxySet', ['stickysession=JSESSIONID|jsessionid', 'scolonpathdelim=On'], 0],
      ['BalancerMember', ['http://a:8009'], 2],
    ]);
    const [proxySet, member] = config.nodes;
    assert.equal(slice(text, proxySet.args[1]), 'scolonpathdelim=On');
    assert.equal(proxySet.args[1].start, text.indexOf('scolonpathdelim'));
    assert.equal(slice(text, member.nameSpan), 'Balancer\\\nMember');
    assert.equal(slice(text, proxySet), text.slice(0, text.indexOf('\nBalancer')));
    assert.deepEqual(config.problems, []);
  });

  test('two backslashes are no continuation; a backslash at the end of the file is kept', () => {
    assert.deepEqual(outline(parseApacheConfig('Define A x\\\\\nDefine B y\\').nodes), [
      ['Define', ['A', 'x\\'], 0],
      ['Define', ['B', 'y\\'], 1],
    ]);
  });

  test('CRLF line ends, blank lines and leading blanks', () => {
    const text = '\r\n   ServerName ox.example.com  \r\n\r\n\tListen 80\r\n';
    const config = parseApacheConfig(text);
    assert.deepEqual(outline(config.nodes), [
      ['ServerName', ['ox.example.com'], 1],
      ['Listen', ['80'], 3],
    ]);
    assert.equal(slice(text, config.nodes[0]), 'ServerName ox.example.com');
    assert.equal(readLogicalLines(text).length, 5);
  });

  test('# starts a comment only at the start of a line; a comment ending in a backslash swallows the next line', () => {
    const config = parseApacheConfig('# a comment\nProxyPass / balancer://ox/ # not one\n  # comment \\\nListen 80\nListen 81\n');
    assert.deepEqual(outline(config.nodes), [
      ['ProxyPass', ['/', 'balancer://ox/', '#', 'not', 'one'], 1],
      ['Listen', ['81'], 4],
    ]);
  });
});

describe('argument splitting as httpd does it', () => {
  test('quoted words with escapes; quotes inside a word stay part of it', () => {
    const text = `Header set X "a \\"b\\" c" 'it\\'s' route="OX1" plain\\\\x "open`;
    const [directive] = parseApacheConfig(text).nodes;
    assert.deepEqual(
      directive.args.map((a) => [a.text, a.quoted, slice(text, a)]),
      [
        ['set', false, 'set'],
        ['X', false, 'X'],
        ['a "b" c', true, '"a \\"b\\" c"'],
        ["it's", true, "'it\\'s'"],
        ['route="OX1"', false, 'route="OX1"'],
        ['plain\\x', false, 'plain\\\\x'],
        ['open', true, '"open'],
      ],
    );
  });

  test('a closing quote ends the word even when text follows', () => {
    assert.deepEqual(outline(parseApacheConfig('Define "a"b c\n').nodes), [['Define', ['a', 'b', 'c'], 0]]);
  });
});

describe('sections', () => {
  test('nested sections close case-insensitively, with the spans of their tags', () => {
    const text =
      '<IfModule mod_proxy.c>\n  <Proxy balancer://oxcluster>\n    BalancerMember http://ox1:8009 route=APP1\n    ProxySet stickysession=JSESSIONID\n  </proxy>\n  <Location /ajax>\n  </Location>\n</IfModule>\n';
    const config = parseApacheConfig(text);
    assert.deepEqual(outline(config.nodes), [
      [
        '<IfModule>',
        ['mod_proxy.c'],
        0,
        [
          [
            '<Proxy>',
            ['balancer://oxcluster'],
            1,
            [
              ['BalancerMember', ['http://ox1:8009', 'route=APP1'], 2],
              ['ProxySet', ['stickysession=JSESSIONID'], 3],
            ],
          ],
          ['<Location>', ['/ajax'], 5, []],
        ],
      ],
    ]);
    const proxy = (config.nodes[0] as Extract<ApacheNode, { kind: 'section' }>).children[0] as Extract<ApacheNode, { kind: 'section' }>;
    assert.equal(slice(text, proxy.open), '<Proxy balancer://oxcluster>');
    assert.equal(slice(text, proxy.close!), '</proxy>');
    assert.equal(slice(text, proxy.nameSpan), 'Proxy');
    assert.equal(slice(text, proxy).endsWith('</proxy>'), true);
    assert.deepEqual(config.problems, []);
  });

  test('a section without arguments, and its tag spread over continued lines', () => {
    assert.deepEqual(outline(parseApacheConfig('<Directory>\n</Directory>\n<Proxy \\\n balancer://a>\n</Proxy>\n').nodes), [
      ['<Directory>', [], 0, []],
      ['<Proxy>', ['balancer://a'], 2, []],
    ]);
  });

  test('unbalanced sections are problems with positions, and reading goes on', () => {
    const text =
      '<VirtualHost *:80>\n<Proxy balancer://a>\nBalancerMember http://a:8009 route=A\n</VirtualHost>\n</Location>\n<Proxy balancer://b\nBalancerMember http://b:8009 route=B\n';
    const config = parseApacheConfig(text);
    assert.deepEqual(
      config.problems.map((p) => [slice(text, p), p.message]),
      [
        ['</VirtualHost>', 'Expected </Proxy> before </VirtualHost>: <Proxy> is not closed.'],
        ['</Location>', '</Location> closes no open <Location> section.'],
        ['<Proxy balancer://b', 'The <Proxy section tag is missing its closing ">".'],
        ['<Proxy balancer://b', '<Proxy> is not closed: httpd refuses the file.'],
      ],
    );
    assert.deepEqual(outline(config.nodes), [
      ['<VirtualHost>', ['*:80'], 0, [['<Proxy>', ['balancer://a'], 1, [['BalancerMember', ['http://a:8009', 'route=A'], 2]]]]],
      ['<Proxy>', ['balancer://b'], 5, [['BalancerMember', ['http://b:8009', 'route=B'], 6]]],
    ]);
  });
});

describe('templates and variables', () => {
  test('control lines are no directives; an argument a template or a variable fills in is unknown', () => {
    const text =
      '<Proxy balancer://oxcluster>\n{% for node in ox_nodes %}\n  BalancerMember http://{{ node.host }}:8009 route={{ node.route }}\n{% endfor %}\n  BalancerMember http://${BACKUP}:8009 route=OXB status=+H\n</Proxy>\n';
    const config = parseApacheConfig(text, 'jinja');
    const proxy = config.nodes[0] as Extract<ApacheNode, { kind: 'section' }>;
    assert.deepEqual(
      proxy.children.map((c) => [c.name, c.line, c.args.map((a) => [slice(text, a), a.unknown])]),
      [
        [
          'BalancerMember',
          2,
          [
            ['http://{{ node.host }}:8009', true],
            ['route={{ node.route }}', true],
          ],
        ],
        [
          'BalancerMember',
          4,
          [
            ['http://${BACKUP}:8009', true],
            ['route=OXB', false],
            ['status=+H', false],
          ],
        ],
      ],
    );
    assert.notEqual(proxy.children[0].branch, '');
    assert.equal(proxy.children[1].branch, '');
    assert.deepEqual(config.problems, []);
  });
});
