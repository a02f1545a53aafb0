import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, MarkupContent } from 'vscode-languageserver-types';
import { fileKindOf } from '../../server/src/catalog/fileKind';
import { formatOf, languageIdOf } from '../../server/src/model/readDocument';
import { propertiesTemplateSyntax, renderedName } from '../../server/src/template/syntax';
import { brief, doc, newService, opened, openProperties, validate } from '../support/service';

const E = DiagnosticSeverity.Error;
const W = DiagnosticSeverity.Warning;

/** key, value, unknown, branch of every setting. */
function settingsOf(name: string, text: string) {
  return doc(name, text).settings.map((s) => [s.key, s.value, s.unknownValue ?? '', s.branch ?? '']);
}

describe('properties templates: names', () => {
  test('template endings read as the file they render', () => {
    assert.equal(renderedName('hazelcast.properties.j2'), 'hazelcast.properties');
    assert.equal(renderedName('cache.ccf.erb'), 'cache.ccf');
    assert.equal(renderedName('proxy_http.conf.j2'), 'proxy_http.conf.j2');
    assert.equal(fileKindOf('file:///r/templates/etc/hazelcast/sessions.properties.jinja2').file, 'hazelcast/*.properties');
    assert.equal(fileKindOf('file:///r/templates/etc/cache.ccf.tmpl').syntax, 'ccf');
    assert.equal(formatOf('file:///r/etc/server.properties.tpl'), 'properties');
    assert.equal(formatOf('file:///r/etc/server.conf.j2'), 'apache');
    assert.equal(languageIdOf('file:///r/etc/cache.ccf.j2'), 'ox-ccf');
    assert.equal(languageIdOf('file:///r/etc/sessiond.properties.erb'), 'ox-properties');
  });

  test('.tmpl and .tpl are Go unless Jinja or ERB tags say otherwise', () => {
    assert.equal(propertiesTemplateSyntax('a.properties.tmpl', 'k={{ .Values.x }}\n'), 'go');
    assert.equal(propertiesTemplateSyntax('a.properties.tmpl', '{% if x %}\nk={{ x }}\n{% endif %}\n'), 'jinja');
    assert.equal(propertiesTemplateSyntax('a.properties.tpl', '{# note #}\nk=1\n'), 'jinja');
    assert.equal(propertiesTemplateSyntax('a.properties.tpl', 'k=<%= @x %>\n'), 'erb');
    assert.equal(propertiesTemplateSyntax('a.properties.j2', '<% x %>'), 'jinja');
    assert.equal(propertiesTemplateSyntax('a.properties', '{{ x }}'), undefined);
  });
});

describe('properties templates: Jinja', () => {
  const text = [
    '{{ ansible_managed | comment }}',
    'com.hazelcast.enabled=true',
    'com.openexchange.hazelcast.group.name={{ cluster_name }}',
    '{% if big %}',
    'com.openexchange.hazelcast.network.join=static',
    '{% else %}',
    'com.openexchange.hazelcast.network.join=multicast',
    '{% endif %}',
    'com.openexchange.hazelcast.network.join=statc',
    'com.openexchange.hazelcast.merge.firstRunDelay=abc{{ x }}',
    '{# note #}',
    'com.openexchange.hazelcast.mergee.firstRunDelay=1',
    '{{ key }}=3',
    'com.openexchange.hazelcast.{{ part }}=4',
  ].join('\n');

  test('control, comment and output-only lines are no entries; tags in values make them unknown; tags in keys drop them', () => {
    assert.deepEqual(settingsOf('hazelcast.properties.j2', text), [
      ['com.hazelcast.enabled', 'true', '', ''],
      ['com.openexchange.hazelcast.group.name', '{{ cluster_name }}', 'template', ''],
      ['com.openexchange.hazelcast.network.join', 'static', '', '0.0'],
      ['com.openexchange.hazelcast.network.join', 'multicast', '', '0.1'],
      ['com.openexchange.hazelcast.network.join', 'statc', '', ''],
      ['com.openexchange.hazelcast.merge.firstRunDelay', 'abc{{ x }}', 'template', ''],
      ['com.openexchange.hazelcast.mergee.firstRunDelay', '1', '', ''],
    ]);
  });

  test('findings of the literal parts at their source positions; none on the unknown value', () => {
    assert.deepEqual(brief(validate(doc('hazelcast.properties.j2', text))), [
      {
        code: 'unknown-key',
        line: 11,
        from: 0,
        to: 47,
        severity: W,
        message:
          'Unknown key "com.openexchange.hazelcast.mergee.firstRunDelay": OX does not read it. Did you mean "com.openexchange.hazelcast.merge.firstRunDelay"?',
      },
      {
        code: 'duplicate-key',
        line: 4,
        from: 0,
        to: 39,
        severity: W,
        message: '"com.openexchange.hazelcast.network.join" is set again on line 9; only that last value counts.',
      },
      {
        code: 'duplicate-key',
        line: 6,
        from: 0,
        to: 39,
        severity: W,
        message: '"com.openexchange.hazelcast.network.join" is set again on line 9; only that last value counts.',
      },
      {
        code: 'invalid-value',
        line: 8,
        from: 40,
        to: 45,
        severity: E,
        message: '"statc" is not one of empty, static, multicast, dns, kubernetes, aws.',
      },
    ]);
  });

  test('a key set in both arms of an if/else is no duplicate; twice in one arm it is', () => {
    const t = '{% if a %}\nserver.port=8009\n{% else %}\nserver.port=8010\nserver.port=8011\n{% endif %}\n';
    assert.deepEqual(
      brief(validate(doc('server.properties.j2', t))).map((d) => [d.code, d.line]),
      [['duplicate-key', 3]],
    );
  });

  test('a template comment alone on its line can hold a suppression', () => {
    const t = '{# ox-cluster-config-disable-next-line unknown-key #}\ncom.openexchange.hazelcast.mergee.firstRunDelay=1\n';
    assert.deepEqual(validate(doc('hazelcast.properties.j2', t)), []);
  });
});

describe('properties templates: ERB and Go', () => {
  test('ERB: control lines, output-only lines and comments are no entries; expressions make values unknown', () => {
    const text = [
      '<%= @header %>',
      '<%# Puppet writes this file %>',
      'com.openexchange.hazelcast.group.name=<%= @cluster_name %>',
      '<% if @static -%>',
      'com.openexchange.hazelcast.network.join=static',
      'com.openexchange.hazelcast.network.join.static.nodes=<%= @nodes.join(",") %>',
      '<% else -%>',
      'com.openexchange.hazelcast.network.join=dns',
      '<% end -%>',
      'com.openexchange.hazelcast.maxOperationTimeout=30 seconds',
    ].join('\n');
    assert.deepEqual(settingsOf('hazelcast.properties.erb', text), [
      ['com.openexchange.hazelcast.group.name', '<%= @cluster_name %>', 'template', ''],
      ['com.openexchange.hazelcast.network.join', 'static', '', '0.0'],
      ['com.openexchange.hazelcast.network.join.static.nodes', '<%= @nodes.join(",") %>', 'template', '0.0'],
      ['com.openexchange.hazelcast.network.join', 'dns', '', '0.1'],
      ['com.openexchange.hazelcast.maxOperationTimeout', '30 seconds', '', ''],
    ]);
    assert.deepEqual(
      brief(validate(doc('hazelcast.properties.erb', text))).map((d) => [d.code, d.line, d.from, d.to]),
      // The else arm's "dns" lacks its domain names whatever the template fills in, and with no interfaces
      // set that arm listens on the loopback default.
      [
        ['invalid-value', 9, 47, 57],
        ['join-incomplete', 7, 0, 39],
        ['loopback-interfaces', 7, 0, 39],
      ],
    );
  });

  test('Go: actions that print nothing are control lines, `{{ else }}` starts the other arm', () => {
    const text =
      '{{- if .Values.big }}\ncom.openexchange.connector.networkListenerPort={{ .Values.port }}\n{{ else }}\ncom.openexchange.connector.networkListenerPort=80x\n{{ end }}\n';
    assert.deepEqual(settingsOf('server.properties.tmpl', text), [
      ['com.openexchange.connector.networkListenerPort', '{{ .Values.port }}', 'template', '0.0'],
      ['com.openexchange.connector.networkListenerPort', '80x', '', '0.1'],
    ]);
    assert.deepEqual(
      brief(validate(doc('server.properties.tmpl', text))).map((d) => [d.code, d.line, d.from, d.to]),
      [['invalid-value', 3, 47, 50]],
    );
  });

  test('a cache.ccf template is read as a .ccf file', () => {
    const d = openProperties(
      newService(),
      TextDocument.create(
        'file:///r/etc/cache.ccf.erb',
        'ox-ccf',
        1,
        'jcs.default=LTCP\n<% if @x %>\njcs.default.cacheattributes.MaxObjects=<%= @max %>\n<% end %>\n',
      ),
    );
    assert.equal(d.language, 'ox-ccf');
    assert.equal(d.kind.name, 'cache.ccf');
    assert.deepEqual(
      d.settings.map((s) => [s.key, s.unknownValue ?? '']),
      [
        ['jcs.default', ''],
        ['jcs.default.cacheattributes.MaxObjects', 'template'],
      ],
    );
  });
});

describe('properties templates: Java semantics of the literal parts', () => {
  const literal = [
    '! a bang comment',
    '# a comment ending in a backslash \\',
    'com.openexchange.hazelcast.network.join.static.nodes=10.0.0.1,\\',
    '    10.0.0.2',
    'com.openexchange.hazelcast.group.name = caf\\u00e9',
    'key\\ with\\ space : v',
  ].join('\n');

  test('without tags a template reads exactly as the plain file, with the same positions', () => {
    const shape = (name: string) =>
      doc(name, literal).settings.map((s) => [
        s.key,
        s.value,
        s.keyRange.start,
        s.keyRange.end,
        s.valueRange.start,
        s.valueRange.end,
        s.range.end,
      ]);
    const plain = shape('hazelcast.properties');
    assert.equal(plain.length, 3);
    for (const name of ['hazelcast.properties.j2', 'hazelcast.properties.erb', 'hazelcast.properties.tmpl'])
      assert.deepEqual(shape(name), plain, name);
    assert.deepEqual(
      doc('hazelcast.properties.j2', literal).comments.map((c) => c.text),
      doc('hazelcast.properties', literal).comments.map((c) => c.text),
    );
  });

  test('a control line between entries does not shift positions or join lines', () => {
    const text = 'a=1\n{% if x %}\nb=2\\\n  3\n{% endif %}\nc=4\n';
    const d = doc('server.properties.j2', text);
    assert.deepEqual(
      d.settings.map((s) => [s.key, s.value, d.text.positionAt(s.keyRange.start).line]),
      [
        ['a', '1', 0],
        ['b', '23', 2],
        ['c', '4', 5],
      ],
    );
  });

  test('control and comment tags at the edges of a line leave its key and value as written', () => {
    const text = 'a=1\n{% if x %}b=2{% endif %}\n{# c #}  c = 3 {# why #}\nd=4{% if y %}5{% endif %}\n<% if @e -%>e=<%= @e %><% end -%>\n';
    const settings = (name: string) =>
      doc(name, text).settings.map((s) => [s.key, s.value, s.unknownValue ?? '', s.branch ?? '', s.keyRange.start, s.valueRange.end]);
    assert.deepEqual(settings('server.properties.j2').slice(0, 4), [
      ['a', '1', '', '', 0, 3],
      ['b', '2', '', '0.0', 14, 17],
      ['c', '3', '', '', 38, 43],
      // A tag between literals: what renders depends on the template.
      ['d', '4{% if y %}5', 'template', '', 54, 68],
    ]);
    // In ERB the same holds, and an expression at the end is still the value.
    assert.deepEqual(settings('server.properties.erb').slice(4), [['e', '<%= @e %>', 'template', '0.0', 92, 103]]);
  });

  test("a continuation runs on past a control line, as in the rendered file; its value is the template's", () => {
    const text = 'nodes=10.0.0.1,\\\n{% if ox_third %}\n  10.0.0.3\n{% endif %}\nother=1\n';
    const d = doc('hazelcast.properties.j2', text);
    assert.deepEqual(
      d.settings.map((s) => [s.key, s.value, s.unknownValue ?? '', d.text.positionAt(s.keyRange.start).line]),
      [
        ['nodes', '10.0.0.1,\\\n{% if ox_third %}\n  10.0.0.3', 'template', 0],
        ['other', '1', '', 4],
      ],
    );
    // The continued line is no key of its own: no unknown-key finding on "10.0.0.3".
    assert.deepEqual(
      validate(d).map((x) => x.code),
      [],
    );
    // With CRLF line ends the same.
    const crlf = doc('hazelcast.properties.j2', text.replace(/\n/g, '\r\n'));
    assert.deepEqual(
      crlf.settings.map((s) => [s.key, s.unknownValue ?? '']),
      [
        ['nodes', 'template'],
        ['other', ''],
      ],
    );
  });
});

describe('properties templates: hover', () => {
  test('hover on a value the template fills in says it is set by the template', () => {
    const d = doc('hazelcast.properties.j2', 'com.openexchange.hazelcast.group.name={{ ox_cluster_name }}\n');
    const hover = opened(d).hover(d.text, { line: 0, character: 45 });
    const text = (hover?.contents as MarkupContent).value;
    assert.equal(
      text.split('\n\n')[0],
      'Set by the template: `{{ ox_cluster_name }}` is known only once configuration management renders the file.',
    );
    assert.deepEqual(hover?.range, { start: { line: 0, character: 38 }, end: { line: 0, character: 59 } });
  });
});
