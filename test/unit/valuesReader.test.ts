import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isValuesFileName, readValuesDocument, ValuesDocument } from '../../server/src/model/helm/valuesDocument';
import { K8S_STOCK, NO_CORPUS, stockValuesFiles } from '../support/corpus';
import { catalog } from '../support/catalog';

function read(name: string, text: string): ValuesDocument {
  const doc = readValuesDocument(TextDocument.create(`file:///deploy/${name}`, 'yaml', 1, text), catalog);
  assert.ok(doc, 'read as a core-mw values file');
  return doc;
}

/** Each setting as [scope, key, value, unknown reason or '', text under its key range]. */
function brief(doc: ValuesDocument): string[][] {
  const text = doc.text.getText();
  return doc.settings.map((s) => [s.scope ?? '', s.key, s.value, s.unknownValue ?? '', text.slice(s.keyRange.start, s.keyRange.end)]);
}

test('values files are recognised by name; the content decides', () => {
  assert.deepEqual(
    ['values.yaml', 'values-prod.yml', 'prod-values.yaml.gotmpl', 'values.yaml.gotmpl', 'Chart.yaml', 'my-values.yaml', 'values.json'].map(
      (n) => isValuesFileName(`file:///x/${n}`),
    ),
    [true, true, true, true, false, true, false],
  );
  const read = (text: string) => readValuesDocument(TextDocument.create('file:///x/values.yaml', 'yaml', 1, text), catalog);
  assert.equal(read('replicaCount: 2\nimage:\n  tag: "1.2"\n'), undefined);
  // Other charts have `properties` too: only OX keys (or OX paths in the file maps) make it core-mw's.
  assert.equal(read('properties:\n  log.level: debug\npropertiesFiles:\n  /etc/app.conf: {a: 1}\n'), undefined);
  assert.ok(read('properties:\n  com.openexchange.IPCheck: "true"\n'));
  assert.ok(read('propertiesFiles:\n  /opt/open-xchange/etc/x.properties: {a: 1}\n'));
});

test('OX keys of every OX-key map at every chart root, with their scopes', () => {
  const text = [
    'global:',
    '  imageRegistry: registry.example.com',
    'core-mw:',
    '  hzGroupName: prod',
    '  properties:',
    '    com.openexchange.hazelcast.network.join: kubernetes',
    '    com.openexchange.sessiond.maxSession: "5000"',
    '  propertiesFiles:',
    '    /opt/open-xchange/etc/hazelcast.properties:',
    "      com.openexchange.hazelcast.enabled: 'true'",
    '  secretProperties:',
    '    com.openexchange.cookie.hash.salt:',
    '  roles:',
    '    documents:',
    '      values:',
    '        properties:',
    '          com.openexchange.hazelcast.enabled: true',
    '  scaling:',
    '    nodes:',
    '      api:',
    '        replicas: 2',
    '        values:',
    '          secretPropertiesFiles:',
    '            /opt/open-xchange/etc/sessiond.properties:',
    '              com.openexchange.sessiond.maxSessionPerUser: {a: 1}',
    '',
  ].join('\n');
  const doc = read('values.yaml', text);
  assert.deepEqual(
    doc.roots.map((r) => r.path.join('.')),
    ['core-mw'],
  );
  assert.deepEqual(brief(doc), [
    ['core-mw.properties', 'com.openexchange.hazelcast.network.join', 'kubernetes', '', 'com.openexchange.hazelcast.network.join'],
    ['core-mw.properties', 'com.openexchange.sessiond.maxSession', '5000', '', 'com.openexchange.sessiond.maxSession'],
    [
      'core-mw.propertiesFiles./opt/open-xchange/etc/hazelcast.properties',
      'com.openexchange.hazelcast.enabled',
      'true',
      '',
      'com.openexchange.hazelcast.enabled',
    ],
    ['core-mw.secretProperties', 'com.openexchange.cookie.hash.salt', '', 'null', 'com.openexchange.cookie.hash.salt'],
    ['core-mw.roles.documents.values.properties', 'com.openexchange.hazelcast.enabled', 'true', '', 'com.openexchange.hazelcast.enabled'],
    [
      'core-mw.scaling.nodes.api.values.secretPropertiesFiles./opt/open-xchange/etc/sessiond.properties',
      'com.openexchange.sessiond.maxSessionPerUser',
      '',
      'structure',
      'com.openexchange.sessiond.maxSessionPerUser',
    ],
  ]);
  const quoted = doc.settings[1];
  assert.equal(text.slice(quoted.valueRange.start, quoted.valueRange.end), '"5000"');
  const empty = doc.settings[3];
  assert.deepEqual(empty.valueRange, { start: text.indexOf('salt:') + 5, end: text.indexOf('salt:') + 5 });
  assert.equal(doc.settings[0].known?.canonicalKey, 'com.openexchange.hazelcast.network.join');
  assert.equal(doc.settings[0].map.kind, 'properties');
  assert.equal(doc.settings[4].map.role, 'documents');
  assert.equal(doc.settings[5].map.nodeType, 'api');
});

test('an umbrella chart nests core-mw deeper; a core-mw values file has its root at the top', () => {
  const umbrella = read('values.yaml', 'appsuite:\n  core-mw:\n    properties:\n      com.openexchange.hazelcast.enabled: "false"\n');
  assert.deepEqual(
    umbrella.roots.map((r) => r.path.join('.')),
    ['appsuite.core-mw'],
  );
  assert.deepEqual(
    brief(umbrella).map((b) => b[0]),
    ['appsuite.core-mw.properties'],
  );
  const plain = read('values.yaml', 'replicas: 3\nhzGroupName: prod\nproperties: {com.openexchange.hazelcast.enabled: "true"}\n');
  assert.deepEqual(
    plain.roots.map((r) => r.path.join('.')),
    [''],
  );
  assert.deepEqual(brief(plain), [['properties', 'com.openexchange.hazelcast.enabled', 'true', '', 'com.openexchange.hazelcast.enabled']]);
});

test('a helmfile template: tags are masked, values they fill are unknown, branches kept, positions unchanged', () => {
  const text = [
    'core-mw:',
    '  properties:',
    '{{- if eq .Environment.Name "prod" }}',
    '    com.openexchange.sessiond.maxSession: {{ .Values.maxSession }}',
    '{{- else }}',
    '    com.openexchange.sessiond.maxSession: "100"',
    '{{- end }}',
    '    com.openexchange.cookie.hash.salt: {{ "{{env SALT}}" }}',
    '    com.openexchange.hazelcast.network.join: "{{ requiredEnv "JOIN" }}"',
    '    com.openexchange.hazelcast.group.name: ${GROUP}',
    '{{ .Values.extra | toYaml | nindent 4 }}',
    '',
  ].join('\n');
  const doc = read('values-prod.yaml.gotmpl', text);
  assert.equal(doc.rendered, true);
  assert.deepEqual(doc.syntaxProblems, []);
  assert.deepEqual(
    brief(doc).map(([, key, value, unknown, written]) => [key, value.replace(/_+/, '_'), unknown, written]),
    [
      ['com.openexchange.sessiond.maxSession', '_', 'template', 'com.openexchange.sessiond.maxSession'],
      ['com.openexchange.sessiond.maxSession', '100', '', 'com.openexchange.sessiond.maxSession'],
      ['com.openexchange.cookie.hash.salt', '_', 'ox-token', 'com.openexchange.cookie.hash.salt'],
      ['com.openexchange.hazelcast.network.join', '_', 'template', 'com.openexchange.hazelcast.network.join'],
      ['com.openexchange.hazelcast.group.name', '${GROUP}', 'variable', 'com.openexchange.hazelcast.group.name'],
    ],
  );
  assert.deepEqual(
    doc.settings.map((s) => s.branch ?? ''),
    ['0.0', '0.1', '', '', ''],
  );
});

test("in a plain values file an OX token is OX's, read at run time", () => {
  const doc = read(
    'values.yaml',
    'properties:\n  com.openexchange.cookie.hash.salt: "{{env COOKIE_SALT}}"\n  com.openexchange.share.cryptKey: "{{ file<secrets.properties> KEY:x }}"\n',
  );
  assert.deepEqual(
    doc.settings.map((s) => s.unknownValue),
    ['ox-token', 'ox-token'],
  );
});

test('YAML errors are syntax problems; in a template they are uncertain', () => {
  const broken = read('values.yaml', 'properties:\n  com.openexchange.hazelcast.enabled: "true\n  other: [1, 2\n');
  assert.ok(broken.syntaxProblems.length > 0);
  assert.ok(broken.syntaxProblems.every((p) => p.code === 'yaml' && !p.uncertain && p.message.startsWith('Not valid YAML: ')));
  const template = read('values.yaml.gotmpl', 'properties:\n  a.b: [1, 2\n  com.openexchange.hazelcast.enabled: {{ .x\n');
  assert.deepEqual(
    template.syntaxProblems.filter((p) => p.code === 'template').map((p) => [p.start, p.end, p.message]),
    [[63, 68, 'This template action is not closed with "}}": helmfile cannot render the file.']],
  );
  assert.ok(template.syntaxProblems.filter((p) => p.code === 'yaml').every((p) => p.uncertain));
});

test('a second YAML document is information: Helm reads the first one only', () => {
  const text = 'properties:\n  com.openexchange.a: "x"\n---\nproperties:\n  com.openexchange.b: "y"\n';
  const doc = read('values.yaml', text);
  assert.deepEqual(
    doc.syntaxProblems.map((p) => [text.slice(p.start, p.end), p.uncertain, p.message]),
    [['---', true, 'A second YAML document starts here: Helm reads only the first document of a values file and ignores the rest.']],
  );
  assert.deepEqual(
    doc.settings.map((s) => s.key),
    ['com.openexchange.a'],
  );
});

test('comments of the YAML text, for suppression directives', () => {
  const doc = read(
    'values.yaml',
    '# ox-cluster-config-disable unknown-key\nproperties:\n  com.openexchange.a: "x # not a comment" # trailing\n  # last\n',
  );
  const text = doc.text.getText();
  assert.deepEqual(
    doc.comments.map((c) => [c.text, text.slice(c.start, c.end)]),
    [
      [' ox-cluster-config-disable unknown-key', '# ox-cluster-config-disable unknown-key'],
      [' trailing', '# trailing'],
      [' last', '# last'],
    ],
  );
});

test('OX stock chart values files read without syntax problems', { skip: !fs.existsSync(K8S_STOCK) && NO_CORPUS }, () => {
  const files = stockValuesFiles();
  assert.equal(files.length, 3);
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const doc = readValuesDocument(TextDocument.create(`file://${file}`, 'yaml', 1, text), catalog);
    assert.ok(doc, file);
    assert.deepEqual(doc.syntaxProblems, [], file);
    for (const s of doc.settings) assert.equal(text.slice(s.keyRange.start, s.keyRange.end), s.key);
  }
});
