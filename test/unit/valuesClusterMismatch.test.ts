// cluster-mismatch on the Hazelcast node types of one Helm release: role and type values that override the
// release's properties with another value.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { DeclaredRelease } from '../../server/src/model/helm/release';
import { analyze, applyFix, Files, fixesOf, uriOf } from '../support/memoryHost';

const PATH = 'deploy/values.yaml';

async function mismatches(files: Files, releases: DeclaredRelease[] = []): Promise<Diagnostic[]> {
  const { byFile } = await analyze(files, DEFAULT_SETTINGS, [], releases);
  return Object.values(byFile)
    .flat()
    .filter((d) => d.code === 'cluster-mismatch');
}

const at = (d: Diagnostic) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity];
const related = (d: Diagnostic) => (d.relatedInformation ?? []).map((r) => [r.location.range.start.line, r.message]);
const titles = (d: Diagnostic) => fixesOf(d).map((f) => f.title);

/** Chart 6.x: only the types with the documents role are Hazelcast members. */
const SIX = [
  'core-mw:',
  '  hzGroupName: prod',
  '  properties:',
  '    com.openexchange.caching.jcs.eventInvalidation: "true"',
  '  roles:',
  '    documents:',
  '      values:',
  '        properties:',
  '          com.openexchange.caching.jcs.eventInvalidation: "false"',
  '  scaling:',
  '    nodes:',
  '      api:',
  '        roles: [http-api]',
  '        values:',
  '          properties:',
  '            com.openexchange.caching.jcs.eventInvalidation: "false"',
  '      docs:',
  '        roles: [documents]',
  '      office:',
  '        roles: [http-api, documents]',
  '      spare:',
  '        roles: [documents]',
  '        values:',
  '          properties:',
  '            com.openexchange.caching.jcs.eventInvalidation: "true"',
  '',
].join('\n');

test('a role and a type of one release give the Hazelcast types different values: a finding at each overriding entry', async () => {
  const ds = await mismatches({ [PATH]: SIX });
  assert.deepEqual(ds.map(at), [
    [8, 58, 65, 2],
    [24, 60, 66, 2],
  ]);
  assert.deepEqual(
    ds.map((d) => d.message),
    [
      'com.openexchange.caching.jcs.eventInvalidation differs between the node types of one Hazelcast cluster: node types "docs", "office" get "false" from role "documents", while "spare" has "true". They must agree on it.',
      'com.openexchange.caching.jcs.eventInvalidation differs between the node types of one Hazelcast cluster: node type "spare" gets "true" from its own values, while "docs", "office" have "false". They must agree on it.',
    ],
  );
  assert.deepEqual(related(ds[0]), [[24, 'spare: "true"']]);
  assert.deepEqual(related(ds[1]), [
    [8, 'docs: "false"'],
    [8, 'office: "false"'],
  ]);
  // The role's value has the majority: no fix there. Removing spare's own value gives it the role's.
  assert.deepEqual(ds.map(titles), [[], ['Remove this override, so that node type "spare" gets "false" like the other types']]);
  assert.equal(
    applyFix({ [PATH]: SIX }, fixesOf(ds[1])[0])[PATH],
    SIX.replace(
      '        values:\n          properties:\n            com.openexchange.caching.jcs.eventInvalidation: "true"\n',
      '        values:\n          properties: {}\n',
    ),
  );
});

test('no finding for a type that overrides with the value it would get anyway, nor for one outside the Hazelcast cluster', async () => {
  // api has no documents role, so from chart 6.0.1 it runs no Hazelcast; spare restates its role's value.
  const text = SIX.replace(/(api:[^]*?eventInvalidation: )"false"/, '$1"true"').replace(
    /(spare:[^]*eventInvalidation: )"true"/,
    '$1"false"',
  );
  assert.match(text, /api:\n.*\n.*\n.*\n.*eventInvalidation: "true"\n/);
  assert.deepEqual(await mismatches({ [PATH]: text }), []);
});

test('a value a template fills in is unknown: nothing to compare', async () => {
  const text = SIX.replace(/(spare:[^]*eventInvalidation: )"true"/, '$1"{{ .Values.invalidation }}"');
  assert.deepEqual(await mismatches({ 'deploy/values.yaml.gotmpl': text }), []);
});

test('the chart-managed keys are not compared: chart-managed-key reports them', async () => {
  const text = [
    'core-mw:',
    '  hzGroupName: prod',
    '  scaling:',
    '    nodes:',
    '      docs:',
    '        roles: [documents]',
    '      office:',
    '        roles: [documents]',
    '        values:',
    '          properties:',
    '            com.openexchange.hazelcast.network.join: static',
    '            com.openexchange.hazelcast.group.name: office',
    '',
  ].join('\n');
  assert.deepEqual(await mismatches({ [PATH]: text }), []);
});

/** Chart 4.x: every node type runs Hazelcast. */
const FOUR = [
  'hzGroupName: prod',
  'properties:',
  '  com.openexchange.hazelcast.network.symmetricEncryption: "true"',
  'secretProperties:',
  '  com.openexchange.sessiond.encryptionKey: first-key',
  'roles:',
  '  crypto:',
  '    values:',
  '      properties:',
  '        com.openexchange.hazelcast.network.symmetricEncryption.algorithm: AES',
  'scaling:',
  '  nodes:',
  '    data:',
  '      roles: [hazelcast-data-holding]',
  '    web:',
  '      roles: [http-api, hazelcast-lite-member]',
  '    sync:',
  '      roles: [sync, hazelcast-lite-member, crypto]',
  '      values:',
  '        properties:',
  '          com.openexchange.sessiond.encryptionKey: ignored-key',
  '          com.openexchange.hazelcast.network.symmetricEncryption.algorithm: DES',
  '        secretProperties:',
  '          com.openexchange.sessiond.encryptionKey: other-key',
  '',
].join('\n');
const FOUR_RELEASE: DeclaredRelease[] = [{ name: 'prod', chartVersion: '4.8.1', values: [uriOf(PATH)] }];

test('before chart 6.0.1 every type is a member; a secret is never shown and its value wins from the Secret', async () => {
  const ds = await mismatches({ [PATH]: FOUR }, FOUR_RELEASE);
  assert.deepEqual(ds.map(at), [
    [21, 76, 79, 1],
    [23, 51, 60, 2],
  ]);
  assert.deepEqual(
    ds.map((d) => d.message),
    [
      'com.openexchange.hazelcast.network.symmetricEncryption.algorithm differs between the node types of one Hazelcast cluster: node type "sync" gets "DES" from its own values, while "data", "web" have "PBEWithMD5AndDES" (default). They must agree on it, or the cluster splits.',
      'com.openexchange.sessiond.encryptionKey differs between the node types of one Hazelcast cluster: node type "sync" gets a different secret value from its own values than "data", "web". They must agree on it.',
    ],
  );
  assert.deepEqual(related(ds[1]), [
    [4, 'data: (a secret value)'],
    [4, 'web: (a secret value)'],
  ]);
  // Removing sync's algorithm would leave the role's AES: the fix writes the others' value instead.
  assert.deepEqual(ds.map(titles), [
    ['Align with the other node types: PBEWithMD5AndDES'],
    ['Remove this override, so that node type "sync" gets the value of the other types'],
  ]);
  assert.equal(applyFix({ [PATH]: FOUR }, fixesOf(ds[0])[0])[PATH], FOUR.replace('algorithm: DES', 'algorithm: PBEWithMD5AndDES'));
  assert.equal(
    applyFix({ [PATH]: FOUR }, fixesOf(ds[1])[0])[PATH],
    FOUR.replace(
      '        secretProperties:\n          com.openexchange.sessiond.encryptionKey: other-key\n',
      '        secretProperties: {}\n',
    ),
  );
});

test('a secret is not copied into a ConfigMap, and an entry an earlier values file shadows is not removed', async () => {
  const base = [
    'properties:',
    '  com.openexchange.sessiond.encryptionKey: first-key',
    'roles:',
    '  keyed:',
    '    values:',
    '      properties:',
    '        com.openexchange.sessiond.encryptionKey: role-key',
    'scaling:',
    '  nodes:',
    '    data:',
    '      roles: [hazelcast-data-holding]',
    '    web:',
    '      roles: [hazelcast-data-holding]',
    '    sync:',
    '      roles: [hazelcast-data-holding, keyed]',
    '      values:',
    '        properties:',
    '          com.openexchange.caching.jcs.eventInvalidation: "false"',
    '          com.openexchange.sessiond.encryptionKey: own-key',
    '',
  ].join('\n');
  const prod = [
    'scaling:',
    '  nodes:',
    '    sync:',
    '      values:',
    '        properties:',
    '          com.openexchange.caching.jcs.eventInvalidation: "FALSE"',
    '',
  ].join('\n');
  const files = { [PATH]: base, 'deploy/prod-values.yaml': prod };
  const ds = await mismatches(files, [{ name: 'prod', chartVersion: '4.8.1', values: [uriOf(PATH), uriOf('deploy/prod-values.yaml')] }]);
  assert.deepEqual(
    ds.map((d) => [d.message, ...at(d), titles(d)]),
    [
      [
        'com.openexchange.caching.jcs.eventInvalidation differs between the node types of one Hazelcast cluster: node type "sync" gets "FALSE" from its own values, while "data", "web" have "true" (default). They must agree on it.',
        5,
        58,
        65,
        2,
        ['Align with the other node types: true'],
      ],
      [
        'com.openexchange.sessiond.encryptionKey differs between the node types of one Hazelcast cluster: node type "sync" gets a different secret value from its own values than "data", "web". They must agree on it.',
        18,
        51,
        58,
        2,
        [],
      ],
    ],
  );
  assert.equal(applyFix(files, fixesOf(ds[0])[0])['deploy/prod-values.yaml'], prod.replace('"FALSE"', '"true"'));
});
