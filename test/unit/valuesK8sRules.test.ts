// The rules of the Kubernetes edition that the lead wrote: chart-managed-key, secret-in-configmap,
// hz-group-password-ignored and hz-group-name-unset, on values files loaded through the workspace.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Diagnostic } from 'vscode-languageserver-types';
import { analyze, applyFix, Files, fixesOf } from '../support/memoryHost';

const CODES = new Set(['chart-managed-key', 'secret-in-configmap', 'hz-group-password-ignored', 'hz-group-name-unset']);

async function findings(files: Files, path = 'deploy/values.yaml'): Promise<Diagnostic[]> {
  const { byFile } = await analyze(files);
  return (byFile[path] ?? []).filter((d) => CODES.has(String(d.code)));
}

const at = (d: Diagnostic) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.severity];

async function fixed(files: Files, code: string, path = 'deploy/values.yaml'): Promise<string> {
  const d = (await findings(files, path)).find((x) => x.code === code)!;
  return applyFix(files, fixesOf(d)[0])[path];
}

const WIRING = [
  'core-mw:',
  '  hzGroupName: prod',
  '  properties:',
  '    com.openexchange.hazelcast.network.join: static',
  '    com.openexchange.hazelcast.network.portOffset: "1"',
  '    com.openexchange.sessiond.maxSession: "500"',
  '',
].join('\n');

test('chart-managed-key: each wiring property overridden, with the chart or image that sets it; the fix removes it', async () => {
  const ds = await findings({ 'deploy/values.yaml': WIRING });
  assert.deepEqual(ds.map(at), [
    ['chart-managed-key', 3, 4, 43, 2],
    ['chart-managed-key', 4, 4, 49, 2],
  ]);
  assert.equal(
    ds[0].message,
    '"com.openexchange.hazelcast.network.join" is part of the Hazelcast wiring of the core-mw chart: the image sets it to kubernetes so that the pods find each other through the headless Service. Overriding it here can keep the pods from forming one cluster.',
  );
  assert.equal(
    await fixed({ 'deploy/values.yaml': WIRING }, 'chart-managed-key'),
    WIRING.replace('    com.openexchange.hazelcast.network.join: static\n', ''),
  );
});

test('chart-managed-key: a group name set as a property moves to hzGroupName', async () => {
  const text =
    'core-mw:\n  properties:\n    com.openexchange.hazelcast.group.name: prod\n    com.openexchange.sessiond.maxSession: "500"\n';
  const [d] = await findings({ 'deploy/values.yaml': text });
  assert.equal(
    d.message,
    '"com.openexchange.hazelcast.group.name" is part of the Hazelcast wiring of the core-mw chart: the chart sets it from hzGroupName, on every pod alike. Overriding it here can keep the pods from forming one cluster. Set hzGroupName instead.',
  );
  assert.equal(fixesOf(d)[0].title, 'Move the value to hzGroupName');
  assert.equal(
    await fixed({ 'deploy/values.yaml': text }, 'chart-managed-key'),
    'core-mw:\n  properties:\n    com.openexchange.sessiond.maxSession: "500"\n  hzGroupName: prod\n',
  );
});

test('secret-in-configmap: secrets by catalog or by name under properties move to the secret map, comment kept', async () => {
  const text = [
    'core-mw:',
    '  properties:',
    '    com.openexchange.guard.restApiPassword: hunter22 # old setup',
    '    com.openexchange.mail.filter.passwordSource: global',
    '    com.openexchange.oidc.enablePasswordGrant: "true"',
    '    com.openexchange.oidc.opTokenEndpoint: https://idp.example.com/token',
    '    com.openexchange.cookie.hash.salt: "{{env COOKIE_SALT}}"',
    '    com.example.sync.token: "12345"',
    '  secretProperties:',
    '    com.openexchange.share.cryptKey: kept',
    '',
  ].join('\n');
  const ds = await findings({ 'deploy/values.yaml': text });
  assert.deepEqual(ds.map(at), [['secret-in-configmap', 2, 4, 42, 2]]);
  assert.equal(
    ds[0].message,
    '"com.openexchange.guard.restApiPassword" holds a secret under properties, which the chart renders into a ConfigMap: anyone who may read ConfigMaps in the namespace can read it. Put it under secretProperties, which goes into a Secret.',
  );
  assert.equal(
    await fixed({ 'deploy/values.yaml': text }, 'secret-in-configmap'),
    text
      .replace('    com.openexchange.guard.restApiPassword: hunter22 # old setup\n', '')
      .replace(
        '    com.openexchange.share.cryptKey: kept\n',
        '    com.openexchange.share.cryptKey: kept\n    com.openexchange.guard.restApiPassword: hunter22 # old setup\n',
      ),
  );
});

test('secret-in-configmap: in a role, the secret map is created at the same level; a helmfile expression counts', async () => {
  const text = [
    'core-mw:',
    '  roles:',
    '    api:',
    '      values:',
    '        propertiesFiles:',
    '          /opt/open-xchange/etc/guard.properties:',
    '            com.openexchange.guard.restApiPassword: {{ .Values.guardPassword }}',
    '',
  ].join('\n');
  const files = { 'deploy/values-prod.yaml.gotmpl': text };
  const [d] = await findings(files, 'deploy/values-prod.yaml.gotmpl');
  assert.equal(
    fixesOf(d)[0].title,
    'Move "com.openexchange.guard.restApiPassword" to secretPropertiesFiles."/opt/open-xchange/etc/guard.properties"',
  );
  assert.equal(
    await fixed(files, 'secret-in-configmap', 'deploy/values-prod.yaml.gotmpl'),
    [
      'core-mw:',
      '  roles:',
      '    api:',
      '      values:',
      '        propertiesFiles:',
      '          /opt/open-xchange/etc/guard.properties: {}',
      '        secretPropertiesFiles:',
      '          /opt/open-xchange/etc/guard.properties:',
      '            com.openexchange.guard.restApiPassword: {{ .Values.guardPassword }}',
      '',
    ].join('\n'),
  );
});

test('hz-group-password-ignored: information, unnecessary, never for an empty value', async () => {
  const ds = await findings({ 'deploy/values.yaml': 'core-mw:\n  hzGroupName: prod\n  hzGroupPassword: c2VjcmV0\n' });
  assert.deepEqual(ds.map(at), [['hz-group-password-ignored', 2, 2, 17, 3]]);
  assert.deepEqual(ds[0].tags, [1]);
  assert.equal(
    ds[0].message,
    'OX 8 no longer uses a Hazelcast group password: hzGroupPassword has no effect. (The chart version is unknown; chart 1.0.0 still required this key.)',
  );
  assert.deepEqual(fixesOf(ds[0]), []);
  assert.deepEqual(await findings({ 'deploy/values.yaml': 'core-mw:\n  hzGroupName: prod\n  hzGroupPassword: ""\n' }), []);
});

test('hz-group-name-unset: two or more Hazelcast pods and no name; one pod, a name or a template are fine', async () => {
  const two =
    'core-mw:\n  scaling:\n    nodes:\n      docs:\n        replicas: 2\n        roles: [documents]\n      api:\n        replicas: 9\n        roles: [http-api]\n';
  const ds = await findings({ 'deploy/values.yaml': two });
  assert.deepEqual(ds.map(at), [['hz-group-name-unset', 1, 2, 9, 2]]);
  assert.equal(
    ds[0].message,
    'hzGroupName is empty, and 2 pods run Hazelcast: the chart makes up a random cluster name on every render, so every upgrade renames the cluster and pods of the old and new name do not join. From chart 6.0.1 each node type draws its own, so two types never find each other. Set a name of your own. (The chart version is unknown; this assumes chart 6.20.2.)',
  );
  assert.equal(fixesOf(ds[0])[0].title, 'Set hzGroupName to "deploy"');
  assert.equal(await fixed({ 'deploy/values.yaml': two }, 'hz-group-name-unset'), `${two}  hzGroupName: deploy\n`);
  assert.deepEqual(await findings({ 'deploy/values.yaml': two.replace('replicas: 2', 'replicas: 1') }), []);
  assert.deepEqual(await findings({ 'deploy/values.yaml': `core-mw:\n  hzGroupName: prod\n${two.slice('core-mw:\n'.length)}` }), []);
  assert.deepEqual(
    await findings(
      { 'deploy/values.yaml.gotmpl': two.replace('core-mw:\n', 'core-mw:\n  hzGroupName: {{ .Values.name }}\n') },
      'deploy/values.yaml.gotmpl',
    ),
    [],
  );
});

async function ofRule(files: Files, code: string, path = 'deploy/values.yaml'): Promise<Diagnostic[]> {
  const { byFile } = await analyze(files);
  return (byFile[path] ?? []).filter((d) => d.code === code);
}

test('no-data-members on a release: every Hazelcast type a lite member (before chart 6.0.1), reported at each type', async () => {
  const text = [
    'core-mw:',
    '  hzGroupName: prod',
    '  scaling:',
    '    nodes:',
    '      web:',
    '        replicas: 2',
    '        roles: [http-api, hazelcast-lite-member]',
    '      worker:',
    '        roles: [hazelcast-lite-member]',
    '',
  ].join('\n');
  const ds = await ofRule({ 'deploy/values.yaml': text }, 'no-data-members');
  assert.deepEqual(ds.map(at), [
    ['no-data-members', 4, 6, 9, 1],
    ['no-data-members', 7, 6, 12, 1],
  ]);
  assert.equal(
    ds[0].message,
    'Every node type of release "deploy/values.yaml" that runs Hazelcast is a lite member (web ×2, worker ×1), so no pod holds distributed data (sessions, locks, caches). Make at least one type a full member.',
  );
  assert.deepEqual(
    await ofRule(
      { 'deploy/values.yaml': text.replace('roles: [hazelcast-lite-member]', 'roles: [hazelcast-data-holding]') },
      'no-data-members',
    ),
    [],
  );
});

test('backups-exceed-members on a release: map copies against the pods of full members', async () => {
  const text = (pods: number) =>
    [
      'core-mw:',
      '  hzGroupName: prod',
      '  propertiesFiles:',
      '    /opt/open-xchange/etc/hazelcast/sessions.properties:',
      '      com.openexchange.hazelcast.configuration.map.name: sessions-7',
      '      com.openexchange.hazelcast.configuration.map.backupCount: "2"',
      '  scaling:',
      '    nodes:',
      '      docs:',
      `        replicas: ${pods}`,
      '        roles: [documents]',
      '',
    ].join('\n');
  const ds = await ofRule({ 'deploy/values.yaml': text(2) }, 'backups-exceed-members');
  assert.deepEqual(ds.map(at), [['backups-exceed-members', 5, 64, 67, 2]]);
  assert.equal(
    ds[0].message,
    'This map keeps 3 copies of each entry (backupCount 2 + asyncBackupCount 0 + 1), but release "deploy/values.yaml" runs only 2 full-member pods (docs ×2): not every copy gets a pod of its own, so entries can be lost while a pod restarts.',
  );
  assert.deepEqual(await ofRule({ 'deploy/values.yaml': text(3) }, 'backups-exceed-members'), []);
  assert.deepEqual(
    await ofRule(
      { 'deploy/values.yaml.gotmpl': text(2).replace('replicas: 2', 'replicas: {{ .Values.n }}') },
      'backups-exceed-members',
      'deploy/values.yaml.gotmpl',
    ),
    [],
  );
});

test('data-holding-share: under 10 % full members among 10 or more Hazelcast pods; 10 % is enough', async () => {
  const text = (data: number) =>
    [
      'core-mw:',
      '  hzGroupName: prod',
      '  scaling:',
      '    nodes:',
      '      data:',
      `        replicas: ${data}`,
      '        roles: [hazelcast-data-holding]',
      '      web:',
      '        replicas: 12',
      '        roles: [http-api, hazelcast-lite-member]',
      '',
    ].join('\n');
  const ds = await ofRule({ 'deploy/values.yaml': text(1) }, 'data-holding-share');
  assert.deepEqual(ds.map(at), [['data-holding-share', 4, 6, 10, 3]]);
  assert.equal(
    ds[0].message,
    'Only 1 of the 13 Hazelcast pods of release "deploy/values.yaml" (8 %) are full members (data ×1); the others are lite members. Every session, lock and cache entry lives on these few pods, and each restart of one moves a large part of the data. OX\'s sizing advice is at least 10 % full members.',
  );
  assert.deepEqual(await ofRule({ 'deploy/values.yaml': text(2) }, 'data-holding-share'), []);
});

const MIXED = [
  'hzGroupName: mixed',
  'scaling:',
  '  nodes:',
  '    api:',
  '      replicas: 2',
  '      roles: [http-api, hazelcast-data-holding]',
  '      values:',
  '        packages:',
  '          status:',
  '            open-xchange-sessionstorage-hazelcast: disabled',
  '            open-xchange-sms-twilio: enabled',
  '    sync:',
  '      replicas: 2',
  '      roles: [sync, hazelcast-data-holding]',
  '',
].join('\n');

test('session-storage-package: the package off on some Hazelcast types only; Redis session storage exempts', async () => {
  const ds = await ofRule({ 'deploy/values.yaml': MIXED }, 'session-storage-package');
  assert.deepEqual(ds.map(at), [['session-storage-package', 3, 4, 7, 2]]);
  assert.equal(
    ds[0].message,
    'open-xchange-sessionstorage-hazelcast is disabled on node type "api" but not on "sync", which share its Hazelcast cluster. Sessions are kept in Hazelcast here (no Redis session storage is configured), so this type cannot read the sessions the others store. Enable the package on every Hazelcast type, or on none.',
  );
  assert.deepEqual(await ofRule({ 'deploy/values.yaml': `redis:\n  enabled: true\n${MIXED}` }, 'session-storage-package'), []);
  const offEverywhere = MIXED.replace(
    '      roles: [sync, hazelcast-data-holding]',
    '      roles: [sync, hazelcast-data-holding]\n      values:\n        packages:\n          status:\n            open-xchange-sessionstorage-hazelcast: disabled',
  );
  assert.deepEqual(await ofRule({ 'deploy/values.yaml': offEverywhere }, 'session-storage-package'), []);
});

test('packages-differ: a warning for packages that keep data in Hazelcast, information for the others', async () => {
  const ds = await ofRule({ 'deploy/values.yaml': MIXED }, 'packages-differ');
  assert.deepEqual(ds.map(at), [
    ['packages-differ', 3, 4, 7, 2],
    ['packages-differ', 11, 4, 8, 3],
  ]);
  assert.equal(
    ds[1].message,
    'open-xchange-sms-twilio is disabled on node type "sync" but not on "api" of the same Hazelcast cluster. It keeps no data in Hazelcast as far as known, so this is only worth a look.',
  );
  // From chart 6.0.1 only the documents types form the cluster: an API type may differ.
  const chart6 = MIXED.replace('[http-api, hazelcast-data-holding]', '[http-api]').replace('[sync, hazelcast-data-holding]', '[documents]');
  assert.deepEqual(await ofRule({ 'deploy/values.yaml': chart6 }, 'packages-differ'), []);
});

test('session-idle-below-lifetime on a release: the sessions map of the values against each Hazelcast type it applies to', async () => {
  const text = (idle: string) =>
    [
      'core-mw:',
      '  hzGroupName: prod',
      '  propertiesFiles:',
      '    /opt/open-xchange/etc/hazelcast/sessions.properties:',
      `      com.openexchange.hazelcast.configuration.map.maxIdleSeconds: "${idle}"`,
      '  scaling:',
      '    nodes:',
      '      docs:',
      '        replicas: 2',
      '        roles: [documents]',
      '      api:',
      '        replicas: 2',
      '        roles: [http-api]',
      '',
    ].join('\n');
  const ds = await ofRule({ 'deploy/values.yaml': text('3600') }, 'session-idle-below-lifetime');
  assert.deepEqual(ds.map(at), [['session-idle-below-lifetime', 4, 67, 73, 2]]);
  assert.equal(
    ds[0].message,
    'maxIdleSeconds 3600 (1 hour) is not above the session lifetime of node type "docs" (604800 s): Hazelcast evicts sessions OX still considers alive.',
  );
  assert.equal(applyFix({ 'deploy/values.yaml': text('3600') }, fixesOf(ds[0])[0])['deploy/values.yaml'], text('691200'));
  assert.deepEqual(await ofRule({ 'deploy/values.yaml': text('700000') }, 'session-idle-below-lifetime'), []);
});
