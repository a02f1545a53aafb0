import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exclusiveBranches, findTags, scanTemplate } from '../../server/src/template/scan';
import { templateSyntaxOf } from '../../server/src/template/syntax';

test('the template syntax comes from the file name', () => {
  assert.equal(templateSyntaxOf('values-prod.yaml.gotmpl'), 'go');
  assert.equal(templateSyntaxOf('hazelcast.properties.j2'), 'jinja');
  assert.equal(templateSyntaxOf('hazelcast.properties.jinja'), 'jinja');
  assert.equal(templateSyntaxOf('hazelcast.properties.jinja2'), 'jinja');
  assert.equal(templateSyntaxOf('hazelcast.properties.erb'), 'erb');
  assert.equal(templateSyntaxOf('cache.ccf.tmpl'), 'go');
  assert.equal(templateSyntaxOf('values.yaml'), undefined);
});

test('Go tags: expressions, silent actions, comments, strings holding the closing delimiter', () => {
  const text = 'a: {{ .Values.x | quote }}\n{{- if .Values.y }}\nb: {{ "{{env X}}" }}\n{{/* note */}}\n{{ $n := 3 }}\n{{ end -}}';
  assert.deepEqual(
    findTags(text, 'go').map((t) => [text.slice(t.start, t.end), t.role, t.inner]),
    [
      ['{{ .Values.x | quote }}', 'expression', '.Values.x | quote'],
      ['{{- if .Values.y }}', 'control', 'if .Values.y'],
      ['{{ "{{env X}}" }}', 'expression', '"{{env X}}"'],
      ['{{/* note */}}', 'comment', '/* note */'],
      ['{{ $n := 3 }}', 'control', '$n := 3'],
      ['{{ end -}}', 'control', 'end'],
    ],
  );
});

test('masking keeps every position, blanks control and output lines and fills tags on text lines', () => {
  const text =
    'roles:\n{{- if .Values.big }}\n  a: {{ .Values.a }}\n{{ else }}\n  a: "x-{{ .b }}"\n{{ end }}\n{{ toYaml .extra | nindent 2 }}\n';
  const scan = scanTemplate(text, 'go');
  assert.equal(scan.masked.length, text.length);
  assert.equal(
    scan.masked,
    'roles:\n                     \n  a: _______________\n          \n  a: "x-________"\n         \n                               \n',
  );
  assert.deepEqual(scan.lineClasses, ['text', 'control', 'text', 'control', 'text', 'control', 'output', 'text']);
});

test('keys in different arms of one if/else are in exclusive branches; keys in one arm are not', () => {
  const text = '{{ if .a }}\nx: 1\nx: 2\n{{ else if .b }}\nx: 3\n{{ else }}\nx: 4\n{{ end }}\nx: 5\n';
  const scan = scanTemplate(text, 'go');
  const at = (n: number) => scan.branchAt(text.indexOf(`x: ${n}`));
  assert.deepEqual([1, 2, 3, 4, 5].map(at), ['0.0', '0.0', '0.1', '0.2', '']);
  assert.equal(exclusiveBranches(at(1), at(2)), false);
  assert.equal(exclusiveBranches(at(1), at(3)), true);
  assert.equal(exclusiveBranches(at(3), at(4)), true);
  assert.equal(exclusiveBranches(at(4), at(5)), false);
});

test('nested blocks: the inner arms are exclusive only within the same outer arm', () => {
  const text = '{% if a %}\n{% if b %}\nk=1\n{% else %}\nk=2\n{% endif %}\nk=3\n{% else %}\nk=4\n{% endif %}\n';
  const scan = scanTemplate(text, 'jinja');
  const at = (n: number) => scan.branchAt(text.indexOf(`k=${n}`));
  assert.deepEqual([1, 2, 3, 4].map(at), ['0.0/1.0', '0.0/1.1', '0.0', '0.1']);
  assert.equal(exclusiveBranches(at(1), at(2)), true);
  assert.equal(exclusiveBranches(at(1), at(3)), false);
  assert.equal(exclusiveBranches(at(2), at(4)), true);
});

test('Jinja and ERB: comments, expressions and control lines', () => {
  const jinja = '{# managed #}\nname={{ cluster_name }}\n{% for n in nodes %}\n{% endfor %}\n';
  const j = scanTemplate(jinja, 'jinja');
  assert.deepEqual(j.lineClasses, ['control', 'text', 'control', 'control', 'text']);
  assert.equal(j.masked.split('\n')[1], 'name=__________________');
  const erb = '<%# header %>\nname=<%= @cluster_name %>\n<% if @tls -%>\ntls=true\n<% end %>\n<%= @extra %>\n';
  const e = scanTemplate(erb, 'erb');
  assert.deepEqual(e.lineClasses, ['control', 'text', 'control', 'text', 'control', 'output', 'text']);
  assert.deepEqual(
    e.tags.map((t) => [t.role, t.inner]),
    [
      ['comment', 'header'],
      ['expression', '@cluster_name'],
      ['control', 'if @tls'],
      ['control', 'end'],
      ['expression', '@extra'],
    ],
  );
  assert.equal(e.branchAt(erb.indexOf('tls=true')), '0.0');
});

test('an unterminated tag ends with its line and the lines after it are read', () => {
  const text = 'a: {{ .x\nb: 2\n';
  const scan = scanTemplate(text, 'go');
  assert.deepEqual(
    scan.tags.map((t) => [t.start, t.end, t.unterminated]),
    [[3, 8, true]],
  );
  assert.equal(scan.masked, 'a: _____\nb: 2\n');
});

test('tagsIn lists the tags overlapping a span', () => {
  const text = 'a: {{ .x }}-{{ .y }}\nb: 1\n';
  const scan = scanTemplate(text, 'go');
  assert.deepEqual(
    scan.tagsIn(3, 20).map((t) => t.inner),
    ['.x', '.y'],
  );
  assert.deepEqual(scan.tagsIn(21, 25), []);
  assert.deepEqual(
    scan.tagsIn(12, 13).map((t) => t.inner),
    ['.y'],
  );
});
