// Editor features in core-mw values files: completion, hover and the outline, each with exact items and ranges.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItem, CompletionList, DocumentSymbol, MarkupContent, Range } from 'vscode-languageserver-types';
import { valuesCompletion } from '../../server/src/features/values/completion';
import { valuesHover } from '../../server/src/features/values/hover';
import { valuesSymbols } from '../../server/src/features/values/symbols';
import { propertyMarkdown } from '../../server/src/features/propertyDocs';
import { readValuesDocument, ValuesDocument } from '../../server/src/model/helm/valuesDocument';
import { catalog, newService } from '../support/service';

function read(text: string, name = 'values.yaml'): ValuesDocument {
  const doc = readValuesDocument(TextDocument.create(`file:///deploy/${name}`, 'yaml', 1, text), catalog);
  assert.ok(doc, 'read as a core-mw values file');
  return doc;
}

/** A values file with the cursor at `|` (at `§` in a template, where `|` is a pipe). */
function at(textWithBar: string, name?: string): { doc: ValuesDocument; position: { line: number; character: number } } {
  const bar = name?.endsWith('.gotmpl') ? '§' : '|';
  const offset = textWithBar.indexOf(bar);
  const doc = read(textWithBar.slice(0, offset) + textWithBar.slice(offset + 1), name);
  return { doc, position: doc.text.positionAt(offset) };
}

function completeList(textWithBar: string, chartVersion?: string, name?: string): CompletionList {
  const { doc, position } = at(textWithBar, name);
  return valuesCompletion(doc, catalog, position, chartVersion);
}

function complete(textWithBar: string, chartVersion?: string, name?: string): CompletionItem[] {
  return completeList(textWithBar, chartVersion, name).items;
}

const span = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
/** [label, range, inserted text] of each item. */
const edits = (items: CompletionItem[]) =>
  items.map((i) => {
    const edit = i.textEdit as { range: Range; newText: string };
    return [i.label, span(edit.range), edit.newText];
  });
const item = (items: CompletionItem[], label: string) => items.find((i) => i.label === label);

describe('values completion: OX keys', () => {
  test('on an empty line of `properties`: every OX key outside the map files, `key: ` inserted at the cursor', () => {
    const items = complete('core-mw:\n  properties:\n    com.openexchange.hazelcast.network.join: static\n    |\n  hzGroupName: x\n');
    const port = item(items, 'com.openexchange.hazelcast.network.port')!;
    assert.deepEqual(edits([port]), [['com.openexchange.hazelcast.network.port', '3:4-3:4', 'com.openexchange.hazelcast.network.port: ']]);
    assert.equal(port.detail, 'port · default 5701');
    assert.equal(port.sortText, '0com.openexchange.hazelcast.network.port');
    assert.deepEqual(port.data, { key: 'com.openexchange.hazelcast.network.port', syntax: 'properties' });
    assert.equal(item(items, 'com.openexchange.hazelcast.network.join'), undefined, 'already set in this map');
    assert.equal(item(items, 'com.openexchange.hazelcast.mergeRunDelay'), undefined, 'renamed keys are not offered');
    assert.ok(!items.some((i) => String(i.label).startsWith('com.openexchange.hazelcast.configuration.')), 'no map-file keys');
    assert.ok(!items.some((i) => String(i.label).startsWith('jcs.')), 'no cache.ccf patterns for `anywhere`');
    // 108 catalog keys outside the map files are neither renamed nor removed; one of them is set.
    assert.equal(items.length, 110);
  });

  test('a key typed without its colon is replaced whole; with its colon only the key is', () => {
    const typed = complete('core-mw:\n  properties:\n    com.openexchange.IPCheck: "false"\n    com.openexchange.hazelcast.netw|\n');
    assert.deepEqual(edits([item(typed, 'com.openexchange.hazelcast.network.port')!]), [
      ['com.openexchange.hazelcast.network.port', '3:4-3:35', 'com.openexchange.hazelcast.network.port: '],
    ]);
    const withColon = complete('core-mw:\n  properties:\n    com.openexchange.hazelcast.netw|ork.port:  5701 # ours\n');
    assert.deepEqual(edits([item(withColon, 'com.openexchange.hazelcast.network.port')!]), [
      ['com.openexchange.hazelcast.network.port', '2:4-2:43', 'com.openexchange.hazelcast.network.port'],
    ]);
  });

  test('under `propertiesFiles.<path>` the keys of that OX file come first', () => {
    const items = complete('hzGroupName: x\npropertiesFiles:\n  /opt/open-xchange/etc/hazelcast.properties:\n    |\n');
    assert.equal(item(items, 'com.openexchange.hazelcast.network.port')?.sortText, '0com.openexchange.hazelcast.network.port');
    assert.equal(item(items, 'com.openexchange.sessiond.sessionLongLifeTime')?.sortText, '2com.openexchange.sessiond.sessionLongLifeTime');
    assert.deepEqual(edits([item(items, 'com.openexchange.hazelcast.jmx')!]), [
      ['com.openexchange.hazelcast.jmx', '3:4-3:4', 'com.openexchange.hazelcast.jmx: '],
    ]);
  });

  test("in a role's and a node type's values, secret maps included", () => {
    const role = complete('core-mw:\n  roles:\n    documents:\n      values:\n        properties:\n          |\n');
    assert.deepEqual(edits([item(role, 'com.openexchange.hazelcast.jmx')!]), [
      ['com.openexchange.hazelcast.jmx', '5:10-5:10', 'com.openexchange.hazelcast.jmx: '],
    ]);
    const type = complete(
      'core-mw:\n  scaling:\n    nodes:\n      web:\n        values:\n          secretPropertiesFiles:\n            /opt/open-xchange/etc/sessiond.properties:\n              com.openexchange.sessiond.encr|\n',
    );
    const key = item(type, 'com.openexchange.sessiond.encryptionKey')!;
    assert.deepEqual(edits([key]), [['com.openexchange.sessiond.encryptionKey', '7:14-7:44', 'com.openexchange.sessiond.encryptionKey: ']]);
    assert.equal(key.sortText, '0com.openexchange.sessiond.encryptionKey');
    assert.equal(key.detail, 'string · default hidden');
  });

  test('in a helmfile template, lines of template actions do not change which map a line is in', () => {
    const text = [
      'core-mw:',
      '  hzGroupName: {{ .Values.hz }}',
      '  {{- if .Values.docs }}',
      '  roles:',
      '    documents:',
      '      values:',
      '        properties:',
      '          {{- toYaml .Values.extra | nindent 10 }}',
      '          com.openexchange.hazelcast.jmx: {{ .Values.jmx | quote }}',
      '          §',
      '  {{- end }}',
      '',
    ].join('\n');
    const items = complete(text, undefined, 'values-prod.yaml.gotmpl');
    assert.deepEqual(edits([item(items, 'com.openexchange.hazelcast.network.port')!]), [
      ['com.openexchange.hazelcast.network.port', '9:10-9:10', 'com.openexchange.hazelcast.network.port: '],
    ]);
    assert.equal(item(items, 'com.openexchange.hazelcast.jmx'), undefined);
  });

  test('under the core-mw key of an umbrella chart', () => {
    const items = complete('global:\n  x: 1\nappsuite:\n  core-mw:\n    properties:\n      com.openexchange.hazelcast.j|\n');
    assert.deepEqual(edits([item(items, 'com.openexchange.hazelcast.jmx')!]), [
      ['com.openexchange.hazelcast.jmx', '5:6-5:34', 'com.openexchange.hazelcast.jmx: '],
    ]);
  });

  test('nothing in comments, in template tags, outside the chart roots or in other chart keys', () => {
    assert.deepEqual(complete('core-mw:\n  properties:\n    # com.openexchange.hazel|\n    com.openexchange.IPCheck: "false"\n'), []);
    assert.deepEqual(complete('core-mw:\n  properties:\n    com.openexchange.hazelcast.jmx: {{ .Values.j|mx }}\n'), []);
    assert.deepEqual(complete('global:\n  |\ncore-mw:\n  hzGroupName: x\n'), []);
    assert.deepEqual(complete('core-mw:\n  hzGroupName: x\n  image:\n    |\n'), []);
    assert.deepEqual(complete('core-mw:\n  hzGroupName: x\n  etcFiles:\n    - name: a\n      |\n'), []);
    // Before a flow list or between a colon and its value: no item or value to replace there.
    assert.deepEqual(complete('core-mw:\n  scaling:\n    nodes:\n      web:\n        roles: |[sync]\n'), []);
    assert.deepEqual(complete('core-mw:\n  properties:\n    com.openexchange.hazelcast.jmx:| true\n'), []);
  });
});

describe('values completion: values, roles, statuses, chart keys', () => {
  test('the value of an OX key: the same candidates as in a .properties file, written as YAML', () => {
    const join = complete('core-mw:\n  properties:\n    com.openexchange.hazelcast.network.join: |\n');
    assert.deepEqual(
      edits(join).map((e) => e[0]),
      ['empty', 'static', 'multicast', 'dns', 'kubernetes', 'aws'],
    );
    assert.deepEqual(edits(join)[4], ['kubernetes', '2:45-2:45', 'kubernetes']);
    assert.equal(join[0].preselect, true);
    // A quoted value keeps its quotes; the editor filters on what stands in the range.
    const quoted = complete(
      'propertiesFiles:\n  /opt/open-xchange/etc/hazelcast.properties:\n    com.openexchange.hazelcast.jmx: "tr|"  # on\n',
    );
    assert.deepEqual(edits(quoted), [
      ['true', '2:36-2:40', '"true"'],
      ['false', '2:36-2:40', '"false"'],
    ]);
    assert.equal(quoted[0].filterText, '"true"');
    // Right after the colon a space comes first.
    assert.deepEqual(edits(complete('core-mw:\n  properties:\n    com.openexchange.hazelcast.jmx:|\n')), [
      ['true', '2:35-2:35', ' true'],
      ['false', '2:35-2:35', ' false'],
    ]);
    assert.deepEqual(complete('core-mw:\n  properties:\n    com.openexchange.no.such.key: |\n'), []);
  });

  test("roles of a node type: the chart's (every known version's), the file's, less the listed ones", () => {
    const text =
      'core-mw:\n  scaling:\n    nodes:\n      web:\n        roles: [http-api, |]\n  roles:\n    custom: {}\n    sync:\n      values: {}\n';
    const items = complete(text);
    assert.deepEqual(
      items.map((i) => [i.label, i.detail, i.sortText]),
      [
        ['admin', 'chart role', '0admin'],
        ['businessmobility', 'chart role', '0businessmobility'],
        ['custom', 'role defined in this file', '0custom'],
        ['documents', 'chart role', '0documents'],
        ['hazelcast-data-holding', 'removed in chart 6.0.1; use documents', '1hazelcast-data-holding'],
        ['hazelcast-lite-member', 'removed in chart 6.0.1; use documents', '1hazelcast-lite-member'],
        ['request-analyzer', 'chart role', '0request-analyzer'],
        ['sync', 'chart role, values set in this file', '0sync'],
      ],
    );
    assert.deepEqual(edits(items)[0], ['admin', '4:26-4:26', 'admin']);
    // A block list, a known chart version.
    const block = complete('core-mw:\n  scaling:\n    nodes:\n      web:\n        roles:\n        - documents\n        - ht|\n', '6.20.2');
    assert.deepEqual(edits(block), [
      ['admin', '6:10-6:12', 'admin'],
      ['businessmobility', '6:10-6:12', 'businessmobility'],
      ['http-api', '6:10-6:12', 'http-api'],
      ['request-analyzer', '6:10-6:12', 'request-analyzer'],
      ['sync', '6:10-6:12', 'sync'],
    ]);
    const mid = complete('core-mw:\n  defaultScaling:\n    nodes:\n      default:\n        roles: [sync, do|c, admin]\n', '4.8.1');
    assert.deepEqual(
      edits(mid).map((e) => e.slice(0, 2)),
      [
        ['businessmobility', '4:22-4:25'],
        ['hazelcast-data-holding', '4:22-4:25'],
        ['hazelcast-lite-member', '4:22-4:25'],
        ['http-api', '4:22-4:25'],
        ['request-analyzer', '4:22-4:25'],
      ],
    );
  });

  test('`enabled` and `disabled` under packages.status and features.status', () => {
    assert.deepEqual(edits(complete('core-mw:\n  packages:\n    status:\n      open-xchange-sessionstorage-hazelcast: |\n')), [
      ['enabled', '3:45-3:45', 'enabled'],
      ['disabled', '3:45-3:45', 'disabled'],
    ]);
    assert.deepEqual(edits(complete("hzGroupName: x\nfeatures:\n  status:\n    documents: 'en|'\n")), [
      ['enabled', '3:15-3:19', "'enabled'"],
      ['disabled', '3:15-3:19', "'disabled'"],
    ]);
    assert.deepEqual(complete('core-mw:\n  packages:\n    whitelist: |\n'), []);
  });

  test('chart keys at a chart root, with their descriptions; the OX-key maps in a values map', () => {
    const items = complete('core-mw:\n  hzGroupName: x\n  |\n  properties: {}\n');
    assert.deepEqual(
      items.map((i) => i.label),
      [
        'replicas',
        'scaling',
        'defaultScaling',
        'roles',
        'packages',
        'features',
        'update',
        'enableInitialization',
        'globalDBID',
        'secretProperties',
        'propertiesFiles',
        'secretPropertiesFiles',
      ],
    );
    assert.deepEqual(edits(items.slice(0, 2)), [
      ['replicas', '2:2-2:2', 'replicas: '],
      ['scaling', '2:2-2:2', 'scaling:\n  '],
    ]);
    assert.deepEqual(items[1].documentation, {
      kind: 'markdown',
      value: 'The node types (`scaling.nodes.<type>`: replicas, roles, values); when set, `defaultScaling` and `replicas` are ignored.',
    });
    assert.equal(items[1].insertTextMode, 2);
    assert.equal(items[0].insertTextMode, undefined);
    const values = complete('hzGroupName: x\nscaling:\n  nodes:\n    web:\n      values:\n        prop|\n');
    assert.deepEqual(edits(values), [
      ['properties', '5:8-5:12', 'properties:\n  '],
      ['secretProperties', '5:8-5:12', 'secretProperties:\n  '],
      ['propertiesFiles', '5:8-5:12', 'propertiesFiles:\n  '],
      ['secretPropertiesFiles', '5:8-5:12', 'secretPropertiesFiles:\n  '],
    ]);
  });
});

const ETC = '/opt/open-xchange/etc/';

describe('values completion: OX file paths, package and feature names', () => {
  test('keys of propertiesFiles: the path of every OX file the catalog knows but the map files, with its count of keys', () => {
    const list = completeList('core-mw:\n  hzGroupName: x\n  propertiesFiles:\n    |\n');
    assert.equal(list.isIncomplete, true, 'asked again as the typed text changes');
    assert.deepEqual(
      list.items.map((i) => [i.label, i.detail]),
      [
        [`${ETC}cache.ccf`, 'OX file · 30 known keys, 78 key patterns'],
        [`${ETC}cache.properties`, 'OX file · 3 known keys'],
        [`${ETC}hazelcast.properties`, 'OX file · 56 known keys'],
        [`${ETC}mail-push.properties`, 'OX file · 5 known keys'],
        [`${ETC}push-ms.properties`, 'OX file · 2 known keys'],
        [`${ETC}push-udp.properties`, 'OX file · 12 known keys'],
        [`${ETC}push_imapidle.properties`, 'OX file · 3 known keys'],
        [`${ETC}push_mailnotify.properties`, 'OX file · 1 known key'],
        [`${ETC}server.properties`, 'OX file · 9 known keys'],
        [`${ETC}sessiond.properties`, 'OX file · 19 known keys'],
        [`${ETC}sessionstorage-hazelcast.properties`, 'OX file · 1 known key'],
        [`${ETC}share.properties`, 'OX file · 0 known keys'],
      ],
    );
    const hazelcast = list.items[2];
    assert.deepEqual(edits([hazelcast]), [[`${ETC}hazelcast.properties`, '3:4-3:4', `${ETC}hazelcast.properties:\n  `]]);
    assert.deepEqual([hazelcast.kind, hazelcast.insertTextFormat, hazelcast.insertTextMode, hazelcast.filterText], [17, 2, 2, undefined]);
    assert.deepEqual(hazelcast.documentation, {
      kind: 'markdown',
      value:
        'The OX keys of this map are applied to `/opt/open-xchange/etc/hazelcast.properties` in the container. The catalog describes 56 keys of `hazelcast.properties` (renamed and removed keys not counted); in the map they complete first.',
    });
    assert.equal(
      (list.items[0].documentation as MarkupContent).value,
      'The OX keys of this map are applied to `/opt/open-xchange/etc/cache.ccf` in the container. The catalog describes 30 keys and 78 key patterns of `cache.ccf` (renamed and removed keys not counted); in the map they complete first.',
    );
    assert.equal(
      (list.items[11].documentation as MarkupContent).value,
      'The OX keys of this map are applied to `/opt/open-xchange/etc/share.properties` in the container. The catalog describes no current keys of `share.properties` (renamed and removed keys not counted).',
    );
  });

  test('filtered by what is typed: a path prefix, or a file name (the editor then filters on the name); paths in the map left out', () => {
    const byName = complete(`propertiesFiles:\n  ${ETC}sessiond.properties:\n    x: 1\n  ses|\n`);
    assert.deepEqual(edits(byName), [
      [`${ETC}sessionstorage-hazelcast.properties`, '3:2-3:5', `${ETC}sessionstorage-hazelcast.properties:\n  `],
    ]);
    assert.equal(byName[0].filterText, 'sessionstorage-hazelcast.properties');
    const byPath = complete(
      `core-mw:\n  scaling:\n    nodes:\n      web:\n        values:\n          secretPropertiesFiles:\n            ${ETC}S|\n`,
    );
    assert.deepEqual(
      byPath.map((i) => [i.label, span((i.textEdit as { range: Range }).range), i.filterText]),
      [
        [`${ETC}server.properties`, '6:12-6:35', undefined],
        [`${ETC}sessiond.properties`, '6:12-6:35', undefined],
        [`${ETC}sessionstorage-hazelcast.properties`, '6:12-6:35', undefined],
        [`${ETC}share.properties`, '6:12-6:35', undefined],
      ],
    );
    // With its colon only the key is replaced; a quoted key stays quoted.
    const withColon = complete(
      `core-mw:\n  roles:\n    documents:\n      values:\n        propertiesFiles:\n          ${ETC}hazel|cast.properties: {}\n`,
    );
    assert.deepEqual(edits(withColon), [[`${ETC}hazelcast.properties`, '5:10-5:52', `${ETC}hazelcast.properties`]]);
    assert.equal(withColon[0].insertTextMode, undefined);
    const quoted = complete(`hzGroupName: x\nsecretPropertiesFiles:\n  '${ETC}push_|'\n`);
    assert.deepEqual(
      quoted.map((i) => [...edits([i])[0], i.filterText]),
      [
        [`${ETC}push_imapidle.properties`, '2:2-2:31', `'${ETC}push_imapidle.properties':\n  `, `'${ETC}push_imapidle.properties'`],
        [`${ETC}push_mailnotify.properties`, '2:2-2:31', `'${ETC}push_mailnotify.properties':\n  `, `'${ETC}push_mailnotify.properties'`],
      ],
    );
    assert.deepEqual(complete('hzGroupName: x\npropertiesFiles:\n  /etc/|\n'), []);
    assert.deepEqual(complete(`hzGroupName: x\npropertiesFiles:\n  ${ETC}hazelcast/|\n`), [], 'the map files have no one name');
  });

  test('no file paths in the OX-key maps, at a path’s value or below its keys; OX keys of a .ccf path are its own first', () => {
    assert.ok(!complete('core-mw:\n  properties:\n    |\n').some((i) => String(i.label).startsWith('/')));
    assert.deepEqual(complete(`propertiesFiles:\n  ${ETC}hazelcast.properties: |\n`), []);
    assert.deepEqual(
      complete(`core-mw:\n  propertiesFiles:\n    ${ETC}server.properties:\n      com.openexchange.IPCheck:\n        |\n`),
      [],
    );
    const ccf = complete(`propertiesFiles:\n  ${ETC}cache.ccf:\n    |\n`);
    assert.equal(ccf.length, 108);
    assert.deepEqual(
      ccf.slice(0, 2).map((i) => [i.label, i.sortText]),
      [
        ['jcs.default', '0jcs.default'],
        ['jcs.default.cacheattributes', '0jcs.default.cacheattributes'],
      ],
    );
  });

  test('keys of packages.status: the package names of the chart version, less those the map sets', () => {
    const items = complete('core-mw:\n  packages:\n    status:\n      open-xchange-sso: enabled\n      |\n', '4.8.1');
    assert.equal(items.length, 53);
    assert.equal(item(items, 'open-xchange-sso'), undefined);
    assert.equal(item(items, 'open-xchange-weakforced'), undefined, 'a 6.x package');
    assert.deepEqual(edits(items.slice(0, 2)), [
      ['open-xchange-admin', '4:6-4:6', 'open-xchange-admin: '],
      ['open-xchange-admin-autocontextid', '4:6-4:6', 'open-xchange-admin-autocontextid: '],
    ]);
    assert.deepEqual(
      ['open-xchange-admin', 'open-xchange-admin-autocontextid', 'open-xchange-usm'].map((name) => [
        item(items, name)!.detail,
        item(items, name)!.kind,
      ]),
      [
        ['package · feature admin', 9],
        ['package · disabled by default', 9],
        ['package · feature usm-eas', 9],
      ],
    );
    // In a role's values, typed in part, with a known 6.x version.
    const role = complete(
      'core-mw:\n  roles:\n    documents:\n      values:\n        packages:\n          status:\n            open-xchange-d|\n',
      '6.20.2',
    );
    assert.equal(role.length, 56);
    assert.deepEqual(edits([item(role, 'open-xchange-documents-backend')!]), [
      ['open-xchange-documents-backend', '6:12-6:26', 'open-xchange-documents-backend: '],
    ]);
    assert.equal(item(role, 'open-xchange-hazelcast')!.detail, 'package · feature documents');
    // Every version's names when the version is unknown, with the versions of those not in all.
    const all = complete('hzGroupName: x\npackages:\n  status:\n    |\n');
    assert.deepEqual(
      ['open-xchange-cluster-upgrade-from-76x', 'open-xchange-admin-oauth-provider', 'open-xchange-sms-twilio'].map(
        (name) => item(all, name)?.detail,
      ),
      [
        'package · disabled by default · chart 1.0.0 only',
        'package · feature admin · chart 1.0.0, 4.8.1 only',
        'package · disabled by default',
      ],
    );
  });

  test('keys of features.status: the chart’s features (all versions when unknown) and those the file defines', () => {
    const items = complete(
      'core-mw:\n  features:\n    definitions:\n      mine: [open-xchange-mine]\n    status:\n      admin: enabled\n      |\n',
    );
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['cloud-plugins', 'feature · 9 packages · disabled by default · chart 1.0.0 only'],
        ['documents', 'feature · 2 packages · disabled by default in chart 6.20.2'],
        ['guard', 'feature · 5 packages'],
        ['guard-admin', 'feature · 1 package · chart 6.20.2 only'],
        ['mine', 'feature defined in this file'],
        ['omf-source', 'feature · 5 packages · disabled by default · chart 4.8.1, 6.20.2 only'],
        ['oxaas', 'feature · 4 packages · disabled by default · chart 1.0.0 only'],
        ['plugins', 'feature · 12 packages · disabled by default'],
        ['reseller', 'feature · 2 packages · disabled by default'],
        ['usm-eas', 'feature · 2 packages · disabled by default · chart 4.8.1, 6.20.2 only'],
        ['weakforced', 'feature · 1 package · disabled by default · chart 6.20.2 only'],
      ],
    );
    assert.deepEqual(edits([items[0]]), [['cloud-plugins', '6:6-6:6', 'cloud-plugins: ']]);
    assert.deepEqual(item(items, 'reseller')!.documentation, {
      kind: 'markdown',
      value: "The chart's definition switches `open-xchange-admin-reseller`, `open-xchange-admin-soap-reseller`.",
    });
    assert.equal(item(items, 'mine')!.documentation, undefined);
    // A known version, in a node type's values; a quoted key with its colon keeps its quotes.
    const typed = complete(
      'core-mw:\n  scaling:\n    nodes:\n      web:\n        values:\n          features:\n            status:\n              "gu|": enabled\n',
      '1.0.0',
    );
    assert.deepEqual(
      typed.map((i) => [...edits([i])[0], i.filterText]),
      [
        ['admin', '7:14-7:18', '"admin"', '"admin"'],
        ['cloud-plugins', '7:14-7:18', '"cloud-plugins"', '"cloud-plugins"'],
        ['documents', '7:14-7:18', '"documents"', '"documents"'],
        ['guard', '7:14-7:18', '"guard"', '"guard"'],
        ['oxaas', '7:14-7:18', '"oxaas"', '"oxaas"'],
        ['plugins', '7:14-7:18', '"plugins"', '"plugins"'],
        ['reseller', '7:14-7:18', '"reseller"', '"reseller"'],
      ],
    );
    assert.equal(item(typed, 'guard')!.detail, 'feature · 0 packages');
    assert.equal((item(typed, 'guard')!.documentation as MarkupContent).value, "The chart's definition names no packages.");
  });

  test('statuses in role and node type values too; no names beside status, in definitions or below a name', () => {
    assert.deepEqual(
      edits(
        complete(
          'core-mw:\n  scaling:\n    nodes:\n      web:\n        values:\n          features:\n            status:\n              usm-eas: |\n',
        ),
      ),
      [
        ['enabled', '7:23-7:23', 'enabled'],
        ['disabled', '7:23-7:23', 'disabled'],
      ],
    );
    assert.deepEqual(complete('core-mw:\n  packages:\n    |\n'), []);
    assert.deepEqual(complete('core-mw:\n  features:\n    definitions:\n      |\n'), []);
    assert.deepEqual(complete('core-mw:\n  features:\n    status:\n      admin:\n        |\n'), []);
    assert.deepEqual(complete('core-mw:\n  properties:\n    com.openexchange.IPCheck: "false"\n  x:\n    status:\n      |\n'), []);
  });
});

describe('values hover', () => {
  const text = [
    'core-mw:',
    '  hzGroupName: cluster-a',
    '  secretProperties:',
    '    com.openexchange.sessiond.encryptionKey: "{{ .Values.key }}"',
    '    com.openexchange.sessiond.sessionLongLifeTime: 2W',
    '  propertiesFiles:',
    '    /opt/open-xchange/etc/hazelcast.properties:',
    '      com.openexchange.hazelcast.network.join: kubernetes',
    '  roles:',
    '    documents:',
    '      values:',
    '        properties:',
    '          com.openexchange.sessiond.encryptionKey: s3cret-Value',
    '          com.openexchange.sessiond.randomTokenTimeout: "{{ env SHORT }}"',
    '          com.openexchange.no.such.key: x',
    '',
  ].join('\n');
  const doc = read(text);
  const hover = (line: number, character: number) => valuesHover(doc, { line, character });
  const markdown = (line: number, character: number) => (hover(line, character)?.contents as MarkupContent | undefined)?.value;
  const docs = (key: string) => propertyMarkdown(catalog.lookup(key, 'properties')!, key);

  test('an OX key: its property docs and where the chart puts it', () => {
    assert.equal(
      markdown(7, 10),
      `${docs('com.openexchange.hazelcast.network.join')}\n\n---\n\nSet in \`propertiesFiles\`: goes into the chart's **ConfigMap** (readable by anyone who may read ConfigMaps), applied to \`/opt/open-xchange/etc/hazelcast.properties\`.`,
    );
    assert.equal(span(hover(7, 10)!.range!), '7:6-7:45');
    assert.equal(span(hover(7, 50)!.range!), '7:47-7:57');
  });

  test('template and OX token values, role maps, secret maps', () => {
    assert.equal(
      markdown(3, 4),
      `${docs('com.openexchange.sessiond.encryptionKey')}\n\n---\n\nSet in \`secretProperties\`: goes into the chart's **Secret**, applied to no particular file (\`anywhere\`).\n\nValue: set by a template when the file is rendered.`,
    );
    assert.equal(
      markdown(13, 12),
      `${docs('com.openexchange.sessiond.randomTokenTimeout')}\n\n---\n\nSet in \`properties\`: goes into the chart's **ConfigMap** (readable by anyone who may read ConfigMaps), applied to no particular file (\`anywhere\`) for node types with the role \`documents\`.\n\nValue: resolved by OX at run time (a \`{{…}}\` token OX fills in).`,
    );
  });

  test('never a secret value: not the value, not its meaning; time spans of plain keys are explained', () => {
    const secret = markdown(12, 60)!;
    assert.ok(!secret.includes('s3cret'), secret);
    assert.ok(secret.startsWith(docs('com.openexchange.sessiond.encryptionKey')));
    // In a secret map even a time span is not explained.
    assert.ok(markdown(4, 55)!.startsWith(docs('com.openexchange.sessiond.sessionLongLifeTime')));
    const plain = read('core-mw:\n  properties:\n    com.openexchange.sessiond.sessionLongLifeTime: 2W\n');
    const value = (valuesHover(plain, { line: 2, character: 53 })?.contents as MarkupContent).value;
    assert.ok(value.startsWith('`2W = 14 days = 1209600 s`\n\n---\n\n'), value);
  });

  test('chart keys have their description; unknown keys and other places have none', () => {
    assert.equal(
      markdown(1, 4),
      '**hzGroupName** (core-mw chart)\n\nName of the Hazelcast cluster the pods join; left empty, the chart draws a random name on every render.',
    );
    assert.equal(span(hover(1, 4)!.range!), '1:2-1:13');
    assert.equal(hover(14, 14), null);
    assert.equal(hover(9, 6), null);
    assert.equal(hover(1, 18), null);
  });
});

/** [name, kind, range, selection range, detail?, children] of a symbol tree. */
type Brief = [string, number, string, string, ...unknown[]];
const outline = (symbols: DocumentSymbol[]): Brief[] =>
  symbols.map((s) => {
    const row: Brief = [s.name, s.kind, span(s.range), span(s.selectionRange)];
    if (s.detail !== undefined) row.push(s.detail);
    if (s.children?.length) row.push(outline(s.children));
    return row;
  });

describe('values outline', () => {
  test('chart roots, their OX-key maps and keys, roles and node types; secrets masked', () => {
    const text = [
      'global:',
      '  x: 1',
      'core-mw:',
      '  hzGroupName: a',
      '  properties:',
      '    com.openexchange.hazelcast.jmx: "true"',
      '  secretProperties:',
      '    custom.token: abc',
      '  roles:',
      '    documents:',
      '      values:',
      '        propertiesFiles:',
      '          /opt/open-xchange/etc/sessiond.properties:',
      '            com.openexchange.sessiond.encryptionKey: k',
      '    sync: {}',
      '  scaling:',
      '    nodes:',
      '      web:',
      '        roles: [sync]',
      '        values:',
      '          properties:',
      '            com.openexchange.hazelcast.jmx: "{{ .Values.jmx }}"',
      '',
    ].join('\n');
    assert.deepEqual(outline(valuesSymbols(read(text))), [
      [
        'core-mw',
        2,
        '2:0-21:63',
        '2:0-2:7',
        [
          ['properties', 19, '4:2-5:42', '4:2-4:12', [['com.openexchange.hazelcast.jmx', 7, '5:4-5:42', '5:4-5:34', 'true']]],
          ['secretProperties', 19, '6:2-7:21', '6:2-6:18', [['custom.token', 7, '7:4-7:21', '7:4-7:16', '••••••']]],
          [
            'roles',
            3,
            '8:2-14:12',
            '8:2-8:7',
            [
              [
                'documents',
                5,
                '9:4-13:54',
                '9:4-9:13',
                [
                  [
                    'values',
                    19,
                    '10:6-13:54',
                    '10:6-10:12',
                    [
                      [
                        'propertiesFiles',
                        19,
                        '11:8-13:54',
                        '11:8-11:23',
                        [
                          [
                            '/opt/open-xchange/etc/sessiond.properties',
                            1,
                            '12:10-13:54',
                            '12:10-12:51',
                            [['com.openexchange.sessiond.encryptionKey', 7, '13:12-13:54', '13:12-13:51', '••••••']],
                          ],
                        ],
                      ],
                    ],
                  ],
                ],
              ],
              ['sync', 5, '14:4-14:12', '14:4-14:8'],
            ],
          ],
          [
            'scaling',
            3,
            '15:2-21:63',
            '15:2-15:9',
            [
              [
                'nodes',
                3,
                '16:4-21:63',
                '16:4-16:9',
                [
                  [
                    'web',
                    5,
                    '17:6-21:63',
                    '17:6-17:9',
                    [
                      [
                        'values',
                        19,
                        '19:8-21:63',
                        '19:8-19:14',
                        [
                          [
                            'properties',
                            19,
                            '20:10-21:63',
                            '20:10-20:20',
                            [['com.openexchange.hazelcast.jmx', 7, '21:12-21:63', '21:12-21:42', '(template)']],
                          ],
                        ],
                      ],
                    ],
                  ],
                ],
              ],
            ],
          ],
        ],
      ],
    ]);
  });

  test('a nested chart root is named by its path', () => {
    assert.deepEqual(outline(valuesSymbols(read('appsuite:\n  core-mw:\n    properties:\n      com.openexchange.IPCheck: "false"\n'))), [
      [
        'appsuite.core-mw',
        2,
        '1:2-3:39',
        '1:2-1:9',
        [['properties', 19, '2:4-3:39', '2:4-2:14', [['com.openexchange.IPCheck', 7, '3:6-3:39', '3:6-3:30', 'false']]]],
      ],
    ]);
  });

  test('a core-mw values file outlines from its document root', () => {
    assert.deepEqual(outline(valuesSymbols(read('hzGroupName: a\nproperties:\n  com.openexchange.IPCheck: "false"\n'))), [
      ['properties', 19, '1:0-2:35', '1:0-1:10', [['com.openexchange.IPCheck', 7, '2:2-2:35', '2:2-2:26', 'false']]],
    ]);
  });
});

describe('values files through the language service', () => {
  test('completion, hover and symbols answer for values files; YAML of other charts gets nothing', () => {
    const service = newService();
    const values = TextDocument.create(
      'file:///deploy/values-prod.yaml',
      'yaml',
      1,
      'core-mw:\n  properties:\n    com.openexchange.hazelcast.jmx: \n',
    );
    assert.deepEqual(
      service.complete(values, { line: 2, character: 36 }).items.map((i) => i.label),
      ['true', 'false'],
    );
    assert.equal(span(service.hover(values, { line: 2, character: 6 })!.range!), '2:4-2:34');
    assert.equal(service.symbols(values).length, 1);
    // Folding is the YAML extension's.
    assert.deepEqual(service.folding(values), []);
    const other = TextDocument.create('file:///charts/web/values.yaml', 'yaml', 1, 'replicaCount: 2\nproperties:\n  not.ox: true\n  \n');
    assert.deepEqual(service.complete(other, { line: 3, character: 2 }).items, []);
    assert.equal(service.hover(other, { line: 2, character: 3 }), null);
    assert.deepEqual(service.symbols(other), []);
  });
});
