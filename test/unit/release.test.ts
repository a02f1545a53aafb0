import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse, Scalar } from 'yaml';
import facts from '../../schemas/charts/core-mw.json';
import schema from '../../schemas/charts/chart-facts.schema.json';
import {
  builtinFeatures,
  builtinRoles,
  chartVersionFacts,
  compareVersions,
  hazelcastByDocumentsRole,
  StockName,
  stockNames,
} from '../../server/src/catalog/chartFacts';
import { availableRoles, buildRelease, buildReleases, NodeType, typeProperties } from '../../server/src/model/helm/release';
import { readValuesDocument, ValuesDocument } from '../../server/src/model/helm/valuesDocument';
import { Workspace } from '../../server/src/model/workspace';
import { catalog } from '../support/catalog';
import { K8S_STOCK, NO_CORPUS, stockValuesFiles } from '../support/corpus';

function read(name: string, text: string): ValuesDocument {
  const doc = readValuesDocument(TextDocument.create(`file:///deploy/${name}`, 'yaml', 1, text), catalog);
  assert.ok(doc);
  return doc;
}

/** [name, replicas, roles, hazelcast, lite] per node type. */
const shape = (types: NodeType[]) => types.map((t) => [t.name, t.replicas, t.roles.join(','), t.hazelcast, t.liteMember]);

function properties(type: NodeType, docs: ValuesDocument[]): Record<string, string> {
  const settings = new Map<Scalar, { doc: ValuesDocument; setting: ValuesDocument['settings'][number] }>();
  for (const doc of docs) for (const setting of doc.settings) settings.set(setting.pair.key as Scalar, { doc, setting });
  const byKey = typeProperties(type, (key) => settings.get(key));
  return Object.fromEntries([...byKey].map(([key, list]) => [key, list[list.length - 1].value]));
}

test('the chart facts follow their JSON Schema', () => {
  const validate = new Ajv({ allErrors: true }).compile(schema);
  assert.ok(validate(facts), JSON.stringify(validate.errors));
});

test('chart versions: facts of the same major, Hazelcast by the documents role from 6.0.1, unions when unknown', () => {
  assert.ok(compareVersions('6.0.1', '6.20.2') < 0 && compareVersions('10.0.0', '9.9.9') > 0 && compareVersions('4.8', '4.8.0') === 0);
  assert.equal(chartVersionFacts('4.2.0')?.version, '4.8.1');
  assert.equal(chartVersionFacts('5.10.1'), undefined);
  assert.equal(chartVersionFacts(undefined), undefined);
  assert.deepEqual(
    [hazelcastByDocumentsRole('5.10.1'), hazelcastByDocumentsRole('6.0.1'), hazelcastByDocumentsRole(undefined)],
    [false, true, undefined],
  );
  assert.deepEqual([...builtinRoles('6.20.2')].sort(), ['admin', 'businessmobility', 'documents', 'http-api', 'request-analyzer', 'sync']);
  assert.ok(builtinRoles(undefined).has('hazelcast-lite-member') && builtinRoles(undefined).has('documents'));
  assert.ok(builtinFeatures(undefined).has('weakforced') && !builtinFeatures('4.8.1').has('weakforced'));
});

/** [related, status by version, versions] of a stock name. */
const brief = (entry: StockName | undefined) => entry && [entry.related, Object.fromEntries(entry.status), entry.versions];

test('stock package and feature names per chart version, and their union for an unknown version', () => {
  const v4 = stockNames('4.8.1');
  assert.deepEqual(brief(v4.packages.get('open-xchange-guard')), [['guard'], {}, ['4.8.1']]);
  assert.deepEqual(brief(v4.packages.get('open-xchange-sso')), [[], { '4.8.1': 'disabled' }, ['4.8.1']]);
  assert.deepEqual(brief(v4.features.get('reseller')), [
    ['open-xchange-admin-reseller', 'open-xchange-admin-soap-reseller'],
    { '4.8.1': 'disabled' },
    ['4.8.1'],
  ]);
  assert.equal(v4.features.get('weakforced'), undefined);
  assert.equal(stockNames('4.2.0'), v4, 'built once per chart version');
  const all = stockNames(undefined);
  assert.deepEqual(brief(all.features.get('documents')), [
    ['open-xchange-documents-backend', 'open-xchange-hazelcast'],
    { '6.20.2': 'disabled' },
    ['1.0.0', '4.8.1', '6.20.2'],
  ]);
  // The 1.0.0 definitions name a `TODO` placeholder, no package.
  assert.deepEqual(brief(stockNames('1.0.0').features.get('guard')), [[], {}, ['1.0.0']]);
  assert.ok(![...all.packages.keys()].some((name) => !name.startsWith('open-xchange-')));
  assert.equal(stockNames('5.1.0'), all);
});

test('the stock names of each chart version are those of its stock values file', { skip: !fs.existsSync(K8S_STOCK) && NO_CORPUS }, () => {
  const files = stockValuesFiles();
  assert.equal(files.length, 3);
  for (const file of files) {
    const version = /^version:\s*"?([\d.]+)/m.exec(fs.readFileSync(path.join(path.dirname(file), 'Chart.yaml'), 'utf8'))![1];
    const values = parse(fs.readFileSync(file, 'utf8')) as {
      packages: { status: Record<string, string> };
      features: { definitions: Record<string, string[]>; status: Record<string, string> };
    };
    const packages = new Set([...Object.keys(values.packages.status), ...Object.values(values.features.definitions).flat()]);
    packages.delete('TODO');
    const features = new Set([...Object.keys(values.features.definitions), ...Object.keys(values.features.status)]);
    const names = stockNames(version);
    assert.deepEqual([...names.packages.keys()].sort(), [...packages].sort(), file);
    assert.deepEqual([...names.features.keys()].sort(), [...features].sort(), file);
    for (const [name, status] of Object.entries(values.packages.status))
      assert.equal(names.packages.get(name)?.status.get(version), status);
  }
});

test('without scaling: one default type from defaultScaling with the root replicas; stock and role properties beneath', () => {
  const doc = read('values.yaml', 'core-mw:\n  replicas: 4\n  properties:\n    com.openexchange.IPCheck: "true"\n');
  const release = buildRelease('prod', [doc], '4.8.1');
  assert.deepEqual(shape(release.nodeTypes), [
    ['default', 4, 'hazelcast-data-holding,http-api,sync,admin,businessmobility,request-analyzer', true, false],
  ]);
  assert.deepEqual(properties(release.nodeTypes[0], [doc]), {
    'com.openexchange.connector.networkListenerHost': '*',
    'com.openexchange.cookie.hash': 'remember',
    'com.openexchange.IPCheck': 'true',
    'com.openexchange.jolokia.start': 'true',
    'com.openexchange.usm.ox.url': 'http://localhost:8009/appsuite/api/',
  });
  assert.equal(release.assumedChartVersion, undefined);
});

test('scaling replaces defaultScaling; roles merge their values in list order, then the type its own', () => {
  const text = [
    'replicas: 9',
    'hzGroupName: prod',
    'roles:',
    '  tuned:',
    '    values:',
    '      properties:',
    '        com.openexchange.sessiond.maxSession: "100"',
    'scaling:',
    '  nodes:',
    '    api:',
    '      replicas: 3',
    '      roles: [http-api, hazelcast-lite-member, tuned]',
    '      values:',
    '        properties:',
    '          com.openexchange.sessiond.maxSession: "200"',
    '    data:',
    '      replicas: 2',
    '      roles: [hazelcast-data-holding, tuned]',
    '',
  ].join('\n');
  const doc = read('values.yaml', text);
  const release = buildRelease('prod', [doc], '4.8.1');
  assert.deepEqual(shape(release.nodeTypes), [
    ['api', 3, 'http-api,hazelcast-lite-member,tuned', true, true],
    ['data', 2, 'hazelcast-data-holding,tuned', true, false],
  ]);
  assert.equal(properties(release.nodeTypes[0], [doc])['com.openexchange.sessiond.maxSession'], '200');
  assert.equal(properties(release.nodeTypes[1], [doc])['com.openexchange.sessiond.maxSession'], '100');
  assert.deepEqual(release.nodeTypes[0].declaredAt?.key.value, 'api');
  assert.ok(availableRoles(release).has('tuned') && availableRoles(release).has('sync'));
});

test('from chart 6.0.1 only types with the documents role run Hazelcast', () => {
  const doc = read(
    'values.yaml',
    'scaling:\n  nodes:\n    api:\n      replicas: 6\n      roles: [http-api]\n    docs:\n      replicas: 2\n      roles: [documents]\n',
  );
  assert.deepEqual(shape(buildRelease('prod', [doc], '6.20.2').nodeTypes), [
    ['api', 6, 'http-api', false, false],
    ['docs', 2, 'documents', true, false],
  ]);
  // An unknown chart version: the latest facts stand in, unless the roles say the release predates 6.0.1.
  const unknown = buildRelease('prod', [doc]);
  assert.equal(unknown.assumedChartVersion, '6.20.2');
  assert.deepEqual(
    unknown.nodeTypes.map((t) => t.hazelcast),
    [false, true],
  );
  const old = read(
    'values.yaml',
    'scaling:\n  nodes:\n    a:\n      roles: [hazelcast-lite-member]\n    b:\n      roles: [hazelcast-data-holding]\n',
  );
  assert.deepEqual(shape(buildRelease('old', [old]).nodeTypes), [
    ['a', 1, 'hazelcast-lite-member', true, true],
    ['b', 1, 'hazelcast-data-holding', true, false],
  ]);
});

test('several files form one release in order: later files win, null deletes a stock value, templated counts are unknown', () => {
  const a = read(
    'values.yaml',
    'core-mw:\n  properties:\n    com.openexchange.IPCheck: null\n    com.openexchange.sessiond.maxSession: "1"\n',
  );
  const b = read(
    'values-prod.yaml.gotmpl',
    'core-mw:\n  replicas: {{ .Values.count }}\n  properties:\n    com.openexchange.sessiond.maxSession: "2"\n',
  );
  const [release] = buildReleases([a, b], [{ name: 'prod', chartVersion: '6.20.2', values: [a.uri, b.uri] }]);
  assert.equal(release.name, 'prod');
  assert.deepEqual(shape(release.nodeTypes), [
    ['default', undefined, 'http-api,sync,admin,businessmobility,request-analyzer,documents', true, false],
  ]);
  const props = properties(release.nodeTypes[0], [a, b]);
  assert.equal(props['com.openexchange.IPCheck'], undefined);
  assert.equal(props['com.openexchange.sessiond.maxSession'], '2');
  // Undeclared files are releases of their own, named after the file.
  assert.deepEqual(
    buildReleases([b, a]).map((r) => r.name),
    ['deploy/values-prod.yaml.gotmpl', 'deploy/values.yaml'],
  );
});

test('building releases again takes over those whose files and chart version are unchanged, and only those', () => {
  const a = read('values.yaml', 'core-mw:\n  properties:\n    com.openexchange.sessiond.maxSession: "1"\n');
  const b = read('values-prod.yaml', 'core-mw:\n  properties:\n    com.openexchange.sessiond.maxSession: "2"\n');
  const declared = [{ name: 'prod', values: [a.uri, b.uri] }];
  const first = buildReleases([a, b], declared);
  assert.equal(buildReleases([a, b], declared, () => undefined, first)[0], first[0]);
  // Another chart version, another text of one file, another order: built again, with the new values.
  assert.notEqual(buildReleases([a, b], declared, () => '6.20.2', first)[0], first[0]);
  const edited = read('values-prod.yaml', 'core-mw:\n  properties:\n    com.openexchange.sessiond.maxSession: "3"\n');
  const [rebuilt] = buildReleases([a, edited], declared, () => undefined, first);
  assert.notEqual(rebuilt, first[0]);
  assert.equal(properties(rebuilt.nodeTypes[0], [a, edited])['com.openexchange.sessiond.maxSession'], '3');
  const swapped = buildReleases([a, b], [{ name: 'prod', values: [b.uri, a.uri] }], () => undefined, first);
  assert.notEqual(swapped[0], first[0]);
  assert.equal(properties(swapped[0].nodeTypes[0], [a, b])['com.openexchange.sessiond.maxSession'], '1');
});

test('a workspace edit builds again only the edited release; every node type reads its file as it is now', () => {
  const ws = new Workspace(catalog);
  const value = (uri: string) => {
    const node = ws.clusters().find((c) => c.release?.docs[0].uri === uri)!.nodes[0];
    return ws.effective(node).get('com.openexchange.sessiond.maxSession');
  };
  const a = read('a/values.yaml', 'core-mw:\n  properties:\n    com.openexchange.sessiond.maxSession: "1"\n');
  ws.set(a);
  ws.set(read('b/values.yaml', 'core-mw:\n  properties:\n    com.openexchange.sessiond.maxSession: "2"\n'));
  const [releaseA] = ws.releases();
  assert.equal(value(a.uri).value, '1');
  const edited = read('b/values.yaml', 'core-mw:\n  properties:\n    com.openexchange.sessiond.maxSession: "3"\n');
  ws.set(edited);
  assert.equal(ws.releases()[0], releaseA);
  assert.deepEqual([value(a.uri).value, value(edited.uri).value], ['1', '3']);
  assert.equal(value(edited.uri).source?.doc, edited);
  // The key of the replaced file no longer leads to its entry: OX's default applies.
  ws.set(read('b/values.yaml', 'core-mw:\n  properties: {}\n'));
  assert.deepEqual([value(edited.uri).value, value(edited.uri).source], ['50000', undefined]);
});
