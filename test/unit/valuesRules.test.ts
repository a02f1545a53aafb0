import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixesOf, runRules } from '../../server/src/analysis/engine';
import { readValuesDocument, ValuesDocument } from '../../server/src/model/helm/valuesDocument';
import { FILE_RULES } from '../../server/src/rules/registry';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { catalog } from '../support/catalog';
import { applyEdits } from '../support/edits';
import { brief } from '../support/service';

function read(name: string, text: string): ValuesDocument {
  const doc = readValuesDocument(TextDocument.create(`file:///deploy/${name}`, 'yaml', 1, text), catalog);
  assert.ok(doc);
  return doc;
}

const validate = (doc: ValuesDocument) => runRules({ doc, catalog }, FILE_RULES, DEFAULT_SETTINGS);

const RELEASE = [
  'core-mw:',
  '  properties:',
  '    com.openexchange.hazelcast.enabled: maybe # try it',
  '    com.openexchange.hazelcast.netwrk.join: static',
  '    com.openexchange.sessiond.maxSession: "5000"',
  '    com.openexchange.sessiond.maxSession: "6000"',
  '  roles:',
  '    documents:',
  '      values:',
  '        properties:',
  '          com.openexchange.sessiond.maxSession: "7000"',
  '          com.openexchange.hazelcast.enabled: yes',
  '',
].join('\n');

test('the single-file rules read the settings of a values file: each finding at its key or value', () => {
  const doc = read('values.yaml', RELEASE);
  assert.deepEqual(
    brief(validate(doc)).map(({ code, line, from, to }) => [code, line, from, to]),
    [
      ['unknown-key', 3, 4, 42],
      ['duplicate-key', 4, 4, 40],
      ['misread-value', 2, 40, 45],
    ],
  );
});

test('a key repeated in different branches of a template is no duplicate; within one branch it is', () => {
  const text = [
    'core-mw:',
    '  properties:',
    '{{- if .Values.big }}',
    '    com.openexchange.sessiond.maxSession: "9000"',
    '    com.openexchange.sessiond.maxSession: "9500"',
    '{{- else }}',
    '    com.openexchange.sessiond.maxSession: "100"',
    '{{- end }}',
    '    com.openexchange.hazelcast.enabled: {{ .Values.hz }}',
    '',
  ].join('\n');
  const doc = read('values.yaml.gotmpl', text);
  assert.deepEqual(
    brief(validate(doc)).map(({ code, line, message }) => [code, line, message]),
    [['duplicate-key', 3, '"com.openexchange.sessiond.maxSession" is set again on line 5; only that last value counts.']],
  );
});

test('quick fixes are minimal YAML edits that keep comments, indentation and quoting', () => {
  const doc = read('values.yaml', RELEASE);
  const diagnostics = validate(doc);
  const fix = (code: string, n = 0) => {
    const d = diagnostics.find((x) => x.code === code)!;
    const f = fixesOf(d)[n];
    return { title: f.title, text: applyEdits(RELEASE, f.edits) };
  };
  const rename = fix('unknown-key');
  assert.equal(rename.title, 'Change to com.openexchange.hazelcast.network.join');
  assert.equal(rename.text, RELEASE.replace('netwrk.join', 'network.join'));
  const dup = fix('duplicate-key');
  assert.equal(dup.text, RELEASE.replace('    com.openexchange.sessiond.maxSession: "5000"\n', ''));
  const value = fix('misread-value');
  assert.equal(value.title, 'Change to true');
  assert.equal(value.text, RELEASE.replace('enabled: maybe # try it', 'enabled: true # try it'));
});

test('the YAML editor: quoting kept, an emptied map becomes {}, new keys go under properties', () => {
  const text = 'core-mw:\n  properties:\n    a.b: "x" # note\n    c.d: \'y\'\n    e.f:\n  secretProperties:\n    g.h: z # last\n';
  const doc = read('values.yaml', text);
  const [ab, cd, ef, gh] = doc.settings;
  const edit = (intent: Parameters<typeof doc.editor.edits>[0]) => applyEdits(text, doc.editor.edits(intent));
  assert.equal(edit({ kind: 'set-value', doc, setting: ab, value: 'say "hi"' }), text.replace('"x"', '"say \\"hi\\""'));
  assert.equal(edit({ kind: 'set-value', doc, setting: cd, value: "it's" }), text.replace("'y'", "'it''s'"));
  assert.equal(edit({ kind: 'set-value', doc, setting: ef, value: 'on' }), text.replace('e.f:', 'e.f: "on"'));
  assert.equal(edit({ kind: 'set-value', doc, setting: ef, value: '1.10' }), text.replace('e.f:', 'e.f: "1.10"'));
  assert.equal(edit({ kind: 'set-value', doc, setting: ef, value: '300' }), text.replace('e.f:', 'e.f: 300'));
  assert.equal(edit({ kind: 'set-value', doc, setting: ef, value: 'a: b' }), text.replace('e.f:', 'e.f: "a: b"'));
  assert.equal(
    edit({ kind: 'remove', doc, settings: [gh] }),
    text.replace('  secretProperties:\n    g.h: z # last\n', '  secretProperties: {}\n'),
  );
  assert.equal(edit({ kind: 'remove', doc, settings: [cd] }), text.replace("    c.d: 'y'\n", ''));
  assert.equal(edit({ kind: 'put', doc, key: 'k.l', value: '5' }), text.replace('    e.f:\n', '    e.f:\n    k.l: 5\n'));
  assert.equal(edit({ kind: 'put', doc, key: 'a.b', value: 'w' }), text.replace('"x"', '"w"'));
  assert.equal(edit({ kind: 'rename-key', doc, setting: ab, key: 'a.c' }), text.replace('a.b:', 'a.c:'));
  const bare = read('values.yaml', 'core-mw:\n  hzGroupName: prod\n');
  assert.deepEqual(
    bare.editor.edits({ kind: 'put', doc: bare, key: 'k.l', value: 'x y' }).map((e) => [e.start, e.end, e.newText]),
    [[29, 29, '  properties:\n    k.l: x y\n']],
  );
});
