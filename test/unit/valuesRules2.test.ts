import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { fixesOf, runRules } from '../../server/src/analysis/engine';
import { readValuesDocument, ValuesDocument } from '../../server/src/model/helm/valuesDocument';
import { Workspace } from '../../server/src/model/workspace';
import { placeholderValueRule } from '../../server/src/rules/placeholderValue';
import { FILE_RULES } from '../../server/src/rules/registry';
import { Rule } from '../../server/src/rules/rule';
import { statusValueRule } from '../../server/src/rules/statusValue';
import { unknownRoleRule } from '../../server/src/rules/unknownRole';
import { upgradeValuesRule } from '../../server/src/rules/upgradeValues';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { catalog } from '../support/catalog';
import { K8S_STOCK, NO_CORPUS, stockValuesFiles } from '../support/corpus';
import { applyEdits } from '../support/edits';
import { brief, doc as propertiesDoc } from '../support/service';

const NEW_RULES = [statusValueRule, unknownRoleRule, upgradeValuesRule, placeholderValueRule];

function read(name: string, text: string): ValuesDocument {
  const doc = readValuesDocument(TextDocument.create(`file:///deploy/${name}`, 'yaml', 1, text), catalog);
  assert.ok(doc, name);
  return doc;
}

/** The files form one release in this order; returns each file's diagnostics of `rule`. */
function release(rule: Rule, files: Record<string, string>, chartVersion?: string): Record<string, Diagnostic[]> {
  const docs = Object.entries(files).map(([name, text]) => read(name, text));
  const workspace = new Workspace(
    catalog,
    [],
    [{ name: 'prod', values: docs.map((d) => d.uri), ...(chartVersion ? { chartVersion } : {}) }],
  );
  for (const d of docs) workspace.set(d);
  return Object.fromEntries(
    docs.map((d) => [d.uri.slice(d.uri.lastIndexOf('/') + 1), runRules({ doc: d, catalog, workspace }, [rule], DEFAULT_SETTINGS)]),
  );
}

const one = (rule: Rule, text: string, chartVersion?: string) => release(rule, { 'values.yaml': text }, chartVersion)['values.yaml'];
/** [line, from, to, severity, message] per diagnostic (0-based lines, 1 error … 3 information). */
const rows = (diagnostics: Diagnostic[]) =>
  brief(diagnostics).map(({ line, from, to, severity, message }) => [line, from, to, severity, message]);
const fixed = (text: string, d: Diagnostic, n = 0) => {
  const fix = fixesOf(d)[n];
  return { title: fix.title, text: applyEdits(text, fix.edits) };
};

test('every new rule returns nothing for a .properties file', () => {
  const props = propertiesDoc('hazelcast.properties', 'features.status.guard=true\nhzGroupName=REPLACE_ME\n');
  for (const rule of NEW_RULES) assert.deepEqual(rule.check({ doc: props, catalog }), [], rule.id);
});

const STATUS = [
  'core-mw:',
  '  features:',
  '    status:',
  '      usm-eas: Enabled',
  '      guard: true',
  '      plugins: "disabled"',
  '      reseller:',
  '  packages:',
  '    status:',
  '      open-xchange-a: no',
  '      open-xchange-b: 1',
  '      open-xchange-c: enabled',
  '      open-xchange-d: {{ .Values.d }}',
  '      open-xchange-e: ${PKG_E}',
  '  roles:',
  '    sync:',
  '      values:',
  '        packages:',
  '          status:',
  '            open-xchange-f: Disable',
  '  scaling:',
  '    nodes:',
  '      web:',
  '        values:',
  '          features:',
  '            status:',
  '              admin: maybe',
  '',
].join('\n');

test('status-value: a status other than the strings enabled and disabled, at the root, in a role and in a node type', () => {
  const diagnostics = one(statusValueRule, STATUS, '4.8.1');
  const tail = '; the chart accepts only the strings enabled and disabled and fails to render with anything else.';
  assert.deepEqual(rows(diagnostics), [
    [3, 15, 22, 1, `The status of feature "usm-eas" is "Enabled"${tail}`],
    [4, 13, 17, 1, `The status of feature "guard" is the YAML boolean true${tail}`],
    [9, 22, 24, 1, `The status of package "open-xchange-a" is no, which YAML reads as the boolean false${tail}`],
    [10, 22, 23, 1, `The status of package "open-xchange-b" is the number 1${tail}`],
    [19, 28, 35, 1, `The status of package "open-xchange-f" is "Disable"${tail}`],
    [26, 21, 26, 1, `The status of feature "admin" is "maybe"${tail}`],
  ]);
  assert.deepEqual(fixed(STATUS, diagnostics[0]), {
    title: 'Change to enabled',
    text: STATUS.replace('usm-eas: Enabled', 'usm-eas: enabled'),
  });
  assert.equal(fixed(STATUS, diagnostics[1]).text, STATUS.replace('guard: true', 'guard: enabled'));
  assert.equal(fixed(STATUS, diagnostics[2]).text, STATUS.replace('open-xchange-a: no', 'open-xchange-a: disabled'));
  assert.equal(fixed(STATUS, diagnostics[4]).text, STATUS.replace('Disable', 'disabled'));
  assert.deepEqual([fixesOf(diagnostics[3]), fixesOf(diagnostics[5])], [[], []]);
});

test('status-value: a feature status needs a definition, in the release or in the chart version (all versions when unknown)', () => {
  const text = 'core-mw:\n  features:\n    status:\n      weakforced: enabled\n      gaurd: disabled\n      mine: enabled\n';
  const defines = 'core-mw:\n  features:\n    definitions:\n      mine: [open-xchange-mine]\n';
  const unknownFeature = (name: string, chart: string, assumption = '') =>
    `Feature "${name}" is not defined: neither features.definitions in the release's values nor ${chart} defines it, so the chart refuses to render${assumption}.`;
  const old = release(statusValueRule, { 'values.yaml': text, 'values-mine.yaml': defines }, '4.8.1')['values.yaml'];
  assert.deepEqual(rows(old), [
    [3, 6, 16, 1, unknownFeature('weakforced', 'chart 4.8.1')],
    [4, 6, 11, 1, unknownFeature('gaurd', 'chart 4.8.1')],
  ]);
  assert.deepEqual(fixed(text, old[1]), { title: 'Change to guard', text: text.replace('gaurd', 'guard') });
  const unknown = release(statusValueRule, { 'values.yaml': text }, undefined)['values.yaml'];
  const all = 'any chart version we know (1.0.0, 4.8.1 and 6.20.2)';
  assert.deepEqual(rows(unknown), [
    [4, 6, 11, 1, unknownFeature('gaurd', all, ' (the chart version is unknown; this assumes its features are among those)')],
    [5, 6, 10, 1, unknownFeature('mine', all, ' (the chart version is unknown; this assumes its features are among those)')],
  ]);
  assert.deepEqual(
    rows(one(statusValueRule, text, '5.2.0'))
      .map((r) => r[4])
      .slice(0, 1),
    [unknownFeature('gaurd', all, ' (we hold no facts for chart 5.2.0; this assumes its features are among those)')],
  );
  assert.deepEqual(release(statusValueRule, { 'values.yaml': text, 'values-mine.yaml': defines }, '6.20.2')['values.yaml'].length, 1);
  // Definitions a template writes may define anything.
  assert.deepEqual(one(statusValueRule, text + '    definitions: {{ .Values.definitions }}\n', '4.8.1'), []);
});

test('status-value: no finding for exact statuses, null (which deletes a stock entry) and values a template fills', () => {
  const text = [
    'core-mw:',
    '  features:',
    '    status:',
    '      guard: enabled',
    '      plugins: "disabled"',
    "      reseller: 'enabled'",
    '      usm-eas:',
    '      admin: {{ .Values.admin }}',
    '  packages:',
    '    status:',
    '      open-xchange-x: ${X}',
    '',
  ].join('\n');
  assert.deepEqual(one(statusValueRule, text, '6.20.2'), []);
});

const ROLES = [
  'core-mw:',
  '  scaling:',
  '    nodes:',
  '      web:',
  '        roles: [http-apy, hazelcast-data-holding, mine]',
  '      hz:',
  '        roles:',
  '          - documents',
  '          - hazelcast-lite-member',
  '          - {{ .Values.role }}',
  '  defaultScaling:',
  '    nodes:',
  '      default:',
  '        roles: [sinc]',
  '',
].join('\n');

test('unknown-role: a role defined nowhere only labels the pods (information); near misses get the rename', () => {
  const label = (role: string, chart: string, assumption = '') =>
    `"${role}" is not a role of ${chart}, and no roles: entry of the release defines it: it only adds the label roles.middleware.open-xchange.com/${role} to the pods, with no values, services or controller of its own${assumption}.`;
  const all = 'any chart version we know (1.0.0, 4.8.1 and 6.20.2)';
  const unknownVersion = ' (the chart version is unknown; this assumes its roles are among those)';
  const diagnostics = one(unknownRoleRule, ROLES);
  assert.deepEqual(rows(diagnostics), [
    [4, 16, 24, 3, label('http-apy', all, unknownVersion)],
    [4, 50, 54, 3, label('mine', all, unknownVersion)],
    [13, 16, 20, 3, label('sinc', all, unknownVersion)],
  ]);
  assert.deepEqual(fixed(ROLES, diagnostics[0]), { title: 'Change to http-api', text: ROLES.replace('http-apy', 'http-api') });
  assert.deepEqual(fixesOf(diagnostics[1]), []);
  assert.equal(fixed(ROLES, diagnostics[2]).text, ROLES.replace('[sinc]', '[sync]'));
  // A role the release defines in another file is no label only; on chart 4.8.1 `documents` is.
  const defines = 'core-mw:\n  roles:\n    mine:\n      values: {}\n    http-apy: {}\n    sinc: {}\n';
  const old = release(unknownRoleRule, { 'values.yaml': ROLES, 'values-roles.yaml': defines }, '4.8.1')['values.yaml'];
  assert.deepEqual(rows(old), [[7, 12, 21, 3, label('documents', 'chart 4.8.1')]]);
});

test('unknown-role: the Hazelcast roles removed in chart 6.0.1 are a warning there, with documents offered', () => {
  const removed = (role: string, version: string) =>
    `The role "${role}" was removed in chart 6.0.1; the documents role replaced it (only node types with documents run Hazelcast). On chart ${version} it only adds a pod label.`;
  const diagnostics = one(unknownRoleRule, ROLES, '6.20.2');
  assert.deepEqual(
    rows(diagnostics).map((r) => r.slice(0, 4)),
    [
      [4, 16, 24, 3],
      [4, 26, 48, 2],
      [4, 50, 54, 3],
      [8, 12, 33, 2],
      [13, 16, 20, 3],
    ],
  );
  assert.equal(diagnostics[1].message, removed('hazelcast-data-holding', '6.20.2'));
  assert.equal(diagnostics[3].message, removed('hazelcast-lite-member', '6.20.2'));
  assert.deepEqual(fixed(ROLES, diagnostics[1]), {
    title: 'Change to documents',
    text: ROLES.replace('http-apy, hazelcast-data-holding', 'http-apy, documents'),
  });
  // The type already has documents: replacing would list it twice.
  assert.deepEqual(fixesOf(diagnostics[3]), []);
  // Before 6.0.1 (and for a chart version we hold no facts for, below it) they are the chart's own roles.
  assert.deepEqual(
    one(unknownRoleRule, 'core-mw:\n  scaling:\n    nodes:\n      a:\n        roles: [hazelcast-data-holding]\n', '5.9.0'),
    [],
  );
});

const UPDATE = [
  'core-mw:',
  '  enableInitialization: true',
  '  update:',
  '    enabled: true',
  '    schemata: "oxdb_5"',
  '  mysql:',
  '    host: db.example.com',
  '',
].join('\n');

test('upgrade-values: an update release with enableInitialization true, a local mysql section and no globalDBID', () => {
  const diagnostics = one(upgradeValuesRule, UPDATE);
  assert.deepEqual(rows(diagnostics), [
    [
      1,
      2,
      22,
      2,
      `enableInitialization is true in an update-task release (update.enabled: true): its init container would run the config database initialisation and server registration again. OX's update guide sets it to false for this release.`,
    ],
    [
      5,
      2,
      7,
      2,
      `This update-task release (update.enabled: true) has a local mysql: section and no global.mysql.existingSecret: OX's update guide points global.mysql.existingSecret at the main release's MySQL secret (e.g. "<release>-core-mw-mysql") instead.`,
    ],
    [
      3,
      4,
      11,
      2,
      "This update-task release (update.enabled: true) sets no globalDBID: OX's update guide sets it to the deployment's global database id, which the chart hands to the image as GLOBAL_DB_ID for globaldb.yml.",
    ],
  ]);
  assert.deepEqual(fixed(UPDATE, diagnostics[0]), {
    title: 'Set enableInitialization to false',
    text: UPDATE.replace('enableInitialization: true', 'enableInitialization: false'),
  });
});

test('upgrade-values: nothing for a main release, or an update release set up as S002 says (stack chart nesting too)', () => {
  assert.deepEqual(one(upgradeValuesRule, UPDATE.replace('enabled: true', 'enabled: false')), []);
  const good = [
    'global:',
    '  mysql:',
    '    existingSecret: prod-core-mw-mysql',
    'core-mw:',
    '  globalDBID: 3',
    '  update:',
    '    enabled: true',
    '  mysql:',
    '    host: db.example.com',
    '',
  ].join('\n');
  assert.deepEqual(one(upgradeValuesRule, good), []);
  assert.deepEqual(
    one(upgradeValuesRule, good.replace('globalDBID: 3', 'enableInitialization: false\n  globalDBID: {{ .Values.db }}')),
    [],
  );
});

test('upgrade-values: problems in another file of the release are reported at update.enabled, pointing there', () => {
  const base = 'core-mw:\n  hzGroupName: prod\n  enableInitialization: true\n  mysql:\n    host: db\n';
  const update = 'core-mw:\n  update:\n    enabled: true\n  globalDBID: 7\n';
  const result = release(upgradeValuesRule, { 'values.yaml': base, 'values-update.yaml': update });
  assert.deepEqual(result['values.yaml'], []);
  const [init, mysql] = result['values-update.yaml'];
  assert.deepEqual(rows([init, mysql]), [
    [
      2,
      4,
      11,
      2,
      `This update-task release (update.enabled: true) runs with enableInitialization: true from values.yaml: its init container would run the config database initialisation and server registration again. OX's update guide sets it to false for this release.`,
    ],
    [
      2,
      4,
      11,
      2,
      `This update-task release (update.enabled: true) reads a local mysql: section from values.yaml and sets no global.mysql.existingSecret: OX's update guide points global.mysql.existingSecret at the main release's MySQL secret (e.g. "<release>-core-mw-mysql") instead.`,
    ],
  ]);
  assert.deepEqual(
    [init, mysql].map((d) => d.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message])),
    [
      [['file:///deploy/values.yaml', 2, 'enableInitialization: true is set here']],
      [['file:///deploy/values.yaml', 3, 'The local mysql: section']],
    ],
  );
  // The update file turning initialisation off wins over the base file.
  const off = release(upgradeValuesRule, { 'values.yaml': base, 'values-update.yaml': update + '  enableInitialization: false\n' });
  assert.equal(off['values-update.yaml'].length, 1);
});

test('placeholder-value: placeholders in OX keys and chart keys; secrets are never quoted', () => {
  const text = [
    'core-mw:',
    '  hzGroupName: REPLACE_WITH_GROUP_NAME',
    '  masterPassword: "<YOUR_PASSWORD>"',
    '  globalDBID: TODO',
    '  properties:',
    '    com.openexchange.mail.loginSource: changeme',
    '    com.openexchange.UI.product.name: "Mail at <COMPANY_NAME>"',
    '    com.example.api.token: REPLACE_ME',
    '  secretProperties:',
    '    com.example.service.url: https://REPLACE_WITH_HOST/api',
    '    com.openexchange.cookie.hash.salt: change-me',
    '',
  ].join('\n');
  const secret = (key: string) =>
    `"${key}" still holds a placeholder instead of a real secret: it is used as written. Put the real value in before deploying.`;
  const plain = (key: string, p: string) =>
    `"${key}" still holds the placeholder "${p}": it is used as written. Put the real value in before deploying.`;
  assert.deepEqual(rows(one(placeholderValueRule, text)), [
    [1, 15, 38, 2, plain('hzGroupName', 'REPLACE_WITH_GROUP_NAME')],
    [2, 18, 35, 2, secret('masterPassword')],
    [3, 14, 18, 2, plain('globalDBID', 'TODO')],
    [5, 39, 47, 2, plain('com.openexchange.mail.loginSource', 'changeme')],
    [6, 38, 62, 2, plain('com.openexchange.UI.product.name', '<COMPANY_NAME>')],
    [7, 27, 37, 2, secret('com.example.api.token')],
    [9, 29, 58, 2, secret('com.example.service.url')],
    [10, 39, 48, 2, secret('com.openexchange.cookie.hash.salt')],
  ]);
});

test("placeholder-value: OX's own <name> syntax, lower-case brackets, words that merely contain a placeholder and unknown values", () => {
  const text = [
    'core-mw:',
    '  hzGroupName: todo-app',
    '  masterAdmin: <admin>',
    '  jolokiaPassword: changemeplease',
    '  properties:',
    "    com.openexchange.secret.secretSource: \"<user-id> + '@' + <context-id> + '/' + <random>\"",
    '    com.openexchange.secret.recovery.secretSource: "<PASSWORD>"',
    '    com.openexchange.mail.loginSource: TODOS',
    '    com.openexchange.a.b: {{ .Values.changeme }}',
    '    com.openexchange.c.d: ${REPLACE_ME}',
    '    com.openexchange.e.f: REPLACE_MEMBER',
    '  basicAuthPassword: {{ "REPLACE_ME" }}',
    '',
  ].join('\n');
  assert.deepEqual(one(placeholderValueRule, text), []);
});

test(
  'no findings of these rules on OX stock chart values, with or without their chart version',
  { skip: !fs.existsSync(K8S_STOCK) && NO_CORPUS },
  () => {
    const files = stockValuesFiles();
    assert.equal(files.length, 3);
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const version = /^version:\s*"?([\d.]+)/m.exec(fs.readFileSync(path.join(path.dirname(file), 'Chart.yaml'), 'utf8'))?.[1];
      assert.ok(version, file);
      for (const chartVersion of [version, undefined]) {
        for (const rule of NEW_RULES) assert.deepEqual(one(rule, text, chartVersion), [], `${rule.id} ${file} ${chartVersion}`);
      }
    }
    assert.ok(NEW_RULES.every((r) => FILE_RULES.includes(r)));
  },
);

const DOCS = path.resolve(__dirname, '../../../docs/rules');

test('the examples of the rule pages give exactly the messages the pages show, and none for the good files', () => {
  const versions: Record<string, string | undefined> = { 'status-value': '4.8.1', 'unknown-role': '6.20.2' };
  for (const rule of NEW_RULES) {
    const page = fs.readFileSync(path.join(DOCS, `${rule.id}.md`), 'utf8');
    const block = (after: string, lang: string) => {
      const at = page.indexOf(after);
      assert.ok(at >= 0, `${rule.id}: ${after}`);
      const start = page.indexOf('```' + lang + '\n', at) + lang.length + 4;
      return page.slice(start, page.indexOf('```\n', start));
    };
    const name = (after: string) => /`([^`]+)`/.exec(page.slice(page.indexOf(after)))![1];
    const bad = release(rule, { [name('**Bad**')]: block('**Bad**', 'yaml') }, versions[rule.id]);
    assert.deepEqual(
      Object.values(bad)[0].map((d) => d.message),
      block('**Bad**', 'text').trimEnd().split('\n'),
      rule.id,
    );
    const good = release(rule, { [name('**Good**')]: block('**Good**', 'yaml') }, versions[rule.id]);
    assert.deepEqual(Object.values(good)[0], [], `${rule.id} (good)`);
  }
});
