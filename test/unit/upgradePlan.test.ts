// The upgrade plan of a classic cluster to a target OX version, through the language service.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Ajv from 'ajv';
import data from '../../schemas/versions/mandatory.json';
import schema from '../../schemas/versions/mandatory.schema.json';
import { mandatoryKeysAt } from '../../server/src/catalog/mandatoryKeys';
import { createLanguageService, parseOxVersion } from '../../server/src/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { catalog, Files, memoryHost, ROOT, serviceOver, uriOf } from '../support/memoryHost';

const packages = (version: string, extra = '') =>
  `ii  open-xchange-core ${version}\nii  open-xchange-hazelcast-community ${version}\n${extra}`;
const hazelcast = (n: number, more = '') =>
  `com.openexchange.hazelcast.group.name=prod\ncom.openexchange.hazelcast.network.join=static\ncom.openexchange.hazelcast.network.join.static.nodes=10.0.0.1,10.0.0.2,10.0.0.3\ncom.openexchange.hazelcast.network.interfaces=10.0.0.${n}\n${more}`;

async function plan(files: Files, target: string, uri?: string): Promise<string> {
  const service = await serviceOver(files);
  return service.upgradePlan(parseOxVersion(target)!, uri, { format: 'markdown' });
}

const FROM_7104: Files = {
  'n1/packages.txt': packages('7.10.4-28'),
  'n1/etc/hazelcast.properties': hazelcast(
    1,
    'com.openexchange.hazelcast.group.password=old-Secret-1\ncom.openexchange.hazelcast.network.portOffset=auto\n',
  ),
  'n2/packages.txt': packages('7.10.4-28'),
  'n2/etc/hazelcast.properties': hazelcast(2, 'com.openexchange.hazelcast.network.portOffset=0\n'),
  'n3/packages.txt': packages('7.10.5-3', 'ii  open-xchange-cluster-upgrade-from-7103-7104 7.10.5-1\n'),
  'n3/etc/hazelcast.properties': hazelcast(3),
  'n3/etc/mail-push.properties': 'com.openexchange.push.allowPermanentPush=false\n',
};

test('7.10.4 to 7.10.5: the Hazelcast split with the bridge where installed, a key that starts to act, the upgrade node', async () => {
  assert.equal(
    await plan(FROM_7104, '7.10.5'),
    [
      '# Upgrade plan to OX 7.10.5',
      '',
      'OX 7.10.5 bundles Hazelcast 4.1.',
      '',
      '## Cluster ws',
      '',
      '### Nodes',
      '',
      '- n1: 7.10.4 (open-xchange-core 7.10.4-28 in ../packages.txt)',
      '- n2: 7.10.4 (open-xchange-core 7.10.4-28 in ../packages.txt)',
      '- n3: 7.10.5 (open-xchange-core 7.10.5-3 in ../packages.txt), already on 7.10.5',
      '',
      '### Hazelcast',
      '',
      '- From 7.10.4 (n1, n2): Hazelcast 3.12 → 4.1. The upgraded nodes form a separate cluster during the rolling upgrade, and distributed sessions are lost. Bridge package: open-xchange-cluster-upgrade-from-7103-7104 (installed on n3), on the first upgraded node only, removed again after the update.',
      '',
      '### Keys 7.10.5 no longer reads',
      '',
      'None.',
      '',
      '### Keys that start to act on 7.10.5',
      '',
      '- `com.openexchange.hazelcast.network.portOffset` (since 7.10.5, OX8 Hazelcast.yml; OX documentation/index.md (7.10.5)): n1 hazelcast.properties:6 = auto, n2 hazelcast.properties:5 = 0',
      '',
      '### Stock values that change',
      '',
      'None of the keys the nodes set.',
      '',
      '### Mandatory keys',
      '',
      '7.10.5 needs none of the keys that become mandatory in 8.3.0.',
      '',
      '### Upgrade node',
      '',
      "OX's rolling upgrade: take one node out of the load balancer, set `com.openexchange.push.allowPermanentPush=false` on it and upgrade it first (it runs the update tasks), then the others.",
      '',
      'n3 runs a newer version than the rest: it looks like the upgrade node.',
      '',
      '- n1: allowPermanentPush = true (default): permanent push stays on',
      '- n2: allowPermanentPush = true (default): permanent push stays on',
      '- n3: allowPermanentPush = false (mail-push.properties:1): ready to be the upgrade node',
      '',
    ].join('\n'),
  );
});

const FROM_7106: Files = {
  'n1/packages.txt': packages('7.10.6-35'),
  'n1/etc/hazelcast.properties': hazelcast(1, 'com.openexchange.hazelcast.licenseKey=ABC-123\n'),
  'n1/etc/sessiond.properties': 'com.openexchange.sessiond.maxSession=50000\ncom.openexchange.sessiond.encryptionKey=site-Key-42\n',
  'n1/etc/server.properties': 'com.openexchange.cookie.hash.salt=0123456789abcdefXYZ\n',
  'n1/etc/share.properties': 'com.openexchange.share.cryptKey=share-Key-42\n',
  'n2/packages.txt': packages('7.10.6-35'),
  'n2/etc/hazelcast.properties': hazelcast(2, 'com.openexchange.hazelcast.licenseKey=ABC-123\n'),
  'n2/etc/sessiond.properties': 'com.openexchange.sessiond.maxSession=50000\n',
  'n2/etc/server.properties': 'com.openexchange.cookie.hash.salt=\n',
  'n2/etc/share.properties': 'com.openexchange.share.cryptKey=share-Key-42\n',
  'n3/etc/hazelcast.properties': hazelcast(3, 'com.openexchange.hazelcast.network.symmetricEncryption=false\n'),
};

test('7.10.6 to 8.19: keys 8.19 no longer reads, a stock value change, mandatory keys unset or empty, a node of unknown version', async () => {
  assert.equal(
    await plan(FROM_7106, '8.19'),
    [
      '# Upgrade plan to OX 8.19',
      '',
      'OX 8.19 bundles Hazelcast 5.3.',
      '',
      '## Cluster ws',
      '',
      '### Nodes',
      '',
      '- n1: 7.10.6 (open-xchange-core 7.10.6-35 in ../packages.txt)',
      '- n2: 7.10.6 (open-xchange-core 7.10.6-35 in ../packages.txt)',
      '- n3: version unknown; only the keys 8.19 does not read can be listed for it',
      '',
      '### Hazelcast',
      '',
      '- From 7.10.6 (n1, n2): Hazelcast 5.0 → 5.3. The upgraded nodes form a separate cluster during the rolling upgrade, and distributed sessions are lost. No bridge package exists for this hop.',
      '',
      '### Keys 8.19 no longer reads',
      '',
      '- `com.openexchange.hazelcast.licenseKey`: removed after 7.10.6 at a version the sources do not give; 8.19 does not read it (read by the 7.10.3 to 7.10.6 code; no reference in OX8 (8.19) code or yml): n1 hazelcast.properties:5, n2 hazelcast.properties:5',
      '- `com.openexchange.hazelcast.network.symmetricEncryption`: removed after 7.10.5 at a version the sources do not give; 8.19 does not read it (read by the 3.12- and 4.x-era HazelcastConfigurationServiceImpl; absent from OX8 (8.19) code, yml and stock file): n3 hazelcast.properties:5',
      '',
      '### Keys that start to act on 8.19',
      '',
      'None.',
      '',
      '### Stock values that change',
      '',
      'An upgraded node keeps its configuration files (OX keeps changed files on upgrade), so it keeps the value it has; a fresh install of 8.19 ships the new one.',
      '',
      '- `com.openexchange.sessiond.maxSession`: stock 0 in 8.19 (50000 when the key is absent): n1 sessiond.properties:1 = 50000 (stock 50000 in 7.10.6), n2 sessiond.properties:1 = 50000 (stock 50000 in 7.10.6)',
      '',
      '### Mandatory keys',
      '',
      '- `com.openexchange.cookie.hash.salt` (server.properties; a random string of at least 16 characters): unset on n3; empty on n2 server.properties:1',
      '- `com.openexchange.share.cryptKey` (share.properties; set before the first share is created): unset on n3',
      '- `com.openexchange.sessiond.encryptionKey` (sessiond.properties; equal on all nodes; a node upgraded from 8.2 or earlier that relied on the old default sets it explicitly): unset on n2, n3',
      '',
      '8.19 refuses to start while one of them is unset or empty.',
      '',
      '### Upgrade node',
      '',
      "OX's rolling upgrade: take one node out of the load balancer, set `com.openexchange.push.allowPermanentPush=false` on it and upgrade it first (it runs the update tasks), then the others.",
      '',
      '- n1: allowPermanentPush = true (default): permanent push stays on',
      '- n2: allowPermanentPush = true (default): permanent push stays on',
      '- n3: allowPermanentPush = true (default): permanent push stays on',
      '',
    ].join('\n'),
  );
});

test('7.10.6 to 8.0: an undocumented Hazelcast line and undated removals cannot be told; no mandatory keys yet', async () => {
  const text = await plan(FROM_7106, '8.0');
  const section = (title: string) => text.slice(text.indexOf(title), text.indexOf('\n### ', text.indexOf(title) + 1));
  assert.equal(
    section('### Hazelcast'),
    '### Hazelcast\n\n- From 7.10.6 (n1, n2): which Hazelcast line 8.0 bundles is not documented, so whether the upgraded nodes stay in one cluster cannot be told.\n',
  );
  assert.match(
    section('### Keys 8.0 no longer reads'),
    /licenseKey`: removed after 7\.10\.6 at a version the sources do not give, so whether 8\.0 reads it cannot be told/,
  );
  assert.equal(section('### Mandatory keys'), '### Mandatory keys\n\n8.0 needs none of the keys that become mandatory in 8.3.0.\n');
});

test('the plan of one cluster: the one of the node of the file given', async () => {
  const files: Files = { ...FROM_7104, 'site-b/other/etc/hazelcast.properties': 'com.openexchange.hazelcast.group.name=other\n' };
  const text = await plan(files, '7.10.5', uriOf('site-b/other/etc/hazelcast.properties'));
  assert.deepEqual(
    text.split('\n').filter((l) => /^(## |- (other|n\d):)/.test(l)),
    [
      '## Cluster site-b',
      '- other: version unknown; only the keys 7.10.5 does not read can be listed for it',
      '- other: allowPermanentPush = true (default): permanent push stays on',
    ],
  );
});

test('the mandatory-key facts are valid and start after 8.2', () => {
  const validate = new Ajv({ allErrors: true }).compile(schema);
  assert.ok(validate(data), JSON.stringify(validate.errors));
  assert.deepEqual(
    mandatoryKeysAt(parseOxVersion('8.3')!).map((k) => k.key),
    ['com.openexchange.cookie.hash.salt', 'com.openexchange.share.cryptKey', 'com.openexchange.sessiond.encryptionKey'],
  );
  assert.deepEqual(mandatoryKeysAt(parseOxVersion('8.2.9')!), []);
});

test('a declared upgrade node is named as such, and no other node is guessed', async () => {
  const service = await createLanguageServiceWithUpgradeNode(FROM_7104, 'n1');
  const text = service.upgradePlan(parseOxVersion('7.10.5')!, undefined, { format: 'markdown' });
  const lines = text.split('\n');
  assert.ok(lines.includes('n1 is the declared upgrade node (nodes["n1"].upgradeNode in .oxclusterconfig.json).'), text);
  assert.ok(!lines.some((l) => l.includes('looks like the upgrade node')), text);
  assert.ok(
    lines.includes('- n1: allowPermanentPush = true (default): permanent push stays on; set it to false while this is the upgrade node'),
    text,
  );
});

async function createLanguageServiceWithUpgradeNode(files: Files, node: string) {
  const service = createLanguageService({ catalog, host: memoryHost(files) });
  await service.reconfigure({
    catalog,
    roots: [{ uri: ROOT, discover: {} }],
    clusters: [],
    maxFileSize: Infinity,
    versions: {
      nodes: [],
      folders: [],
      upgradeNodes: [{ root: ROOT, pattern: node, file: `${ROOT}/.oxclusterconfig.json`, detail: `nodes["${node}"].upgradeNode` }],
    },
  });
  await service.analyzeAll(DEFAULT_SETTINGS);
  return service;
}
