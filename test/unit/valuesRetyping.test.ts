// Unquoted values that Helm hands OX as other text, and misread-value's findings on them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { fixesOf, runRules } from '../../server/src/analysis/engine';
import { helmRendering } from '../../server/src/model/helm/helmScalars';
import { readValuesDocument, ValuesDocument } from '../../server/src/model/helm/valuesDocument';
import { invalidValueRule } from '../../server/src/rules/invalidValue';
import { misreadValueRule } from '../../server/src/rules/misreadValue';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { catalog } from '../support/catalog';
import { K8S_STOCK, NO_CORPUS, stockValuesFiles } from '../support/corpus';
import { applyEdits } from '../support/edits';
import { brief } from '../support/service';

function read(name: string, text: string): ValuesDocument {
  const doc = readValuesDocument(TextDocument.create(`file:///deploy/${name}`, 'yaml', 1, text), catalog);
  assert.ok(doc, name);
  return doc;
}

const check = (doc: ValuesDocument) => runRules({ doc, catalog }, [misreadValueRule, invalidValueRule], DEFAULT_SETTINGS);
const rows = (diagnostics: Diagnostic[]) =>
  brief(diagnostics).map(({ code, line, from, to, severity, message }) => [code, line, from, to, severity, message]);

test('what Helm renders for unquoted scalars, as measured with sigs.k8s.io/yaml 1.3.0 over go-yaml 2.4.0', () => {
  const measured: Array<[string, string | undefined, string?]> = [
    ['y', 'true', 'boolean'],
    ['Yes', 'true', 'boolean'],
    ['ON', 'true', 'boolean'],
    ['n', 'false', 'boolean'],
    ['Off', 'false', 'boolean'],
    ['True', 'true', 'boolean'],
    ['0755', '493', 'octal'],
    ['-0755', '-493', 'octal'],
    ['0o17', '15', 'octal'],
    ['0_755', '493', 'octal'],
    ['0x1F', '31', 'hexadecimal'],
    ['0b101', '5', 'binary'],
    ['0789', '789', 'number'],
    ['+5', '5', 'number'],
    ['1_000', '1000', 'number'],
    ['1.10', '1.1', 'number'],
    ['12.0', '12', 'number'],
    ['.5', '0.5', 'number'],
    ['1e3', '1000', 'number'],
    ['1e-7', '1e-07', 'number'],
    ['0.00001', '1e-05', 'number'],
    ['1234567.5', '1.2345675e+06', 'number'],
    ['9007199254740993', '9007199254740992', 'number'],
    ['9223372036854775807', '9223372036854776000', 'number'],
    ['18446744073709551615', '1.8446744073709552e+19', 'number'],
    ['-9223372036854775808', '-9.223372036854776e+18', 'number'],
    ['1000000000000000000000', '1e+21', 'number'],
    ['-0', '0', 'number'],
    // As written: strings, timestamps, sexagesimal (go-yaml has none), overflowing floats, plain integers.
    ['oN', undefined],
    ['tRUE', undefined],
    ['true', undefined],
    ['1:20', undefined],
    ['2001-12-14', undefined],
    ['1e400', undefined],
    ['.inf', undefined],
    ['10.0.0.1', undefined],
    ['0', undefined],
    ['-7', undefined],
    ['999999', undefined],
    ['1000000', undefined],
    ['1234567', undefined],
    ['9007199254740992', undefined],
  ];
  assert.deepEqual(
    measured.map(([text]) => {
      const r = helmRendering(text);
      return r ? [text, r.text, r.reading] : [text, undefined];
    }),
    measured,
  );
});

const VALUES = [
  'core-mw:',
  '  properties:',
  '    com.openexchange.sessiond.maxSession: 0755 # octal',
  '    com.openexchange.sessiond.maxSessionPerUser: 007',
  '    com.openexchange.hazelcast.healthMonitorLevel: off',
  '    com.openexchange.hazelcast.enabled: yes',
  '    com.openexchange.hazelcast.network.symmetricEncryption.algorithm: on',
  '    com.example.version: 1.10',
  '    com.example.flag: True',
  '    com.example.count: 5',
  '    com.example.quoted: "on"',
  '    com.example.big: 1000000',
  '    com.example.done: false',
  '    com.example.tagged: !!str 0755',
  '    com.example.typed: !!bool yes',
  '  secretProperties:',
  '    com.openexchange.hazelcast.network.symmetricEncryption.password: 0x1F',
  '',
].join('\n');

test('the reader keeps what OX receives as the value and what is written beside it', () => {
  const doc = read('values.yaml', VALUES);
  assert.deepEqual(
    doc.settings.map((s) => [s.key.slice(s.key.lastIndexOf('.') + 1), s.value, s.retyped?.written]),
    [
      ['maxSession', '493', '0755'],
      ['maxSessionPerUser', '7', '007'],
      ['healthMonitorLevel', 'false', 'off'],
      ['enabled', 'true', 'yes'],
      ['algorithm', 'true', 'on'],
      ['version', '1.1', '1.10'],
      ['flag', 'true', 'True'],
      ['count', '5', undefined],
      ['quoted', 'on', undefined],
      ['big', '1000000', undefined],
      ['done', 'false', undefined],
      ['tagged', '0755', undefined],
      ['typed', 'true', undefined],
      ['password', '31', '0x1F'],
    ],
  );
});

test('misread-value: a warning where the key type reads it differently, an error where OX rejects it, information outside the catalog', () => {
  const doc = read('values.yaml', VALUES);
  const diagnostics = check(doc);
  assert.deepEqual(rows(diagnostics), [
    [
      'misread-value',
      2,
      42,
      46,
      2,
      'OX receives 493 here, not 0755: Helm reads an unquoted number with a leading 0 as octal. Quote it to keep the text.',
    ],
    [
      'misread-value',
      4,
      51,
      54,
      1,
      'OX receives false here, not off: Helm reads the unquoted word as a YAML boolean. Quote it to keep the text.',
    ],
    [
      'misread-value',
      6,
      70,
      72,
      2,
      'OX receives true here, not on: Helm reads the unquoted word as a YAML boolean. Quote it to keep the text.',
    ],
    [
      'misread-value',
      7,
      25,
      29,
      3,
      'OX receives 1.1 here, not 1.10: Helm reads an unquoted number as a 64-bit floating-point number and writes it back in its own notation. Quote it to keep the text.',
    ],
    [
      'misread-value',
      16,
      69,
      73,
      2,
      'OX receives other text here than is written: Helm reads an unquoted 0x number as hexadecimal. Quote it to keep the text.',
    ],
  ]);
  // The fix quotes the value as written; every other byte stays.
  const quoted = diagnostics.map((d) => {
    const [fix] = fixesOf(d);
    return [fix.title, applyEdits(VALUES, fix.edits)];
  });
  assert.deepEqual(
    quoted.map(([title]) => title),
    Array(5).fill('Quote it to keep the text'),
  );
  assert.deepEqual(
    quoted.map(([, text]) => text),
    [
      VALUES.replace('0755 # octal', '"0755" # octal'),
      VALUES.replace('healthMonitorLevel: off', 'healthMonitorLevel: "off"'),
      VALUES.replace('algorithm: on', 'algorithm: "on"'),
      VALUES.replace('version: 1.10', 'version: "1.10"'),
      VALUES.replace('password: 0x1F', 'password: "0x1F"'),
    ],
  );
  for (const [, text] of quoted) assert.deepEqual(rows(check(read('values.yaml', text))).length, 4);
});

test('misread-value: nothing for values a template or a deployment script fills in', () => {
  const text = [
    'core-mw:',
    '  properties:',
    '    com.openexchange.sessiond.maxSession: {{ .Values.max }}',
    '    com.example.version: ${VERSION}',
    '    com.example.flag: {{ .Values.flag | default "on" }}',
    // Masked, the action is a run of underscores, which Helm's number reading would drop.
    '    com.example.mode: 0755{{ .Values.suffix }}',
    '',
  ].join('\n');
  const doc = read('values.yaml.gotmpl', text);
  assert.deepEqual(
    doc.settings.map((s) => [s.unknownValue, s.retyped]),
    [
      ['template', undefined],
      ['variable', undefined],
      ['template', undefined],
      ['template', undefined],
    ],
  );
  assert.deepEqual(check(doc), []);
});

test('the YAML editor quotes what Helm would retype: True, integers beyond a float64', () => {
  const text = 'core-mw:\n  properties:\n    a.b: x\n';
  const doc = read('values.yaml', text);
  const set = (value: string) =>
    applyEdits(
      text,
      doc.editor
        .edits({ kind: 'set-value', doc, setting: doc.settings[0], value })
        .map((e) => ({ range: { start: doc.text.positionAt(e.start), end: doc.text.positionAt(e.end) }, newText: e.newText })),
    );
  assert.equal(set('True'), text.replace('a.b: x', 'a.b: "True"'));
  assert.equal(set('9007199254740993'), text.replace('a.b: x', 'a.b: "9007199254740993"'));
  assert.equal(set('9007199254740992'), text.replace('a.b: x', 'a.b: 9007199254740992'));
  assert.equal(set('true'), text.replace('a.b: x', 'a.b: true'));
});

test('OX stock chart values hold no value Helm retypes', { skip: !fs.existsSync(K8S_STOCK) && NO_CORPUS }, () => {
  const files = stockValuesFiles();
  assert.equal(files.length, 3);
  for (const file of files) {
    const doc = read('values.yaml', fs.readFileSync(file, 'utf8'));
    assert.deepEqual(
      doc.settings.filter((s) => s.retyped),
      [],
      file,
    );
    assert.deepEqual(check(doc), [], file);
  }
});
