// Rules that read the node's OX version: keys a version does not read yet, and removals as of that version.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseWorkspaceConfig } from '../../server/src/config/configFile';
import { createLanguageService } from '../../server/src/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { catalog, Files, findingLines, memoryHost, ROOT, serviceOver, uriOf } from '../support/memoryHost';

const core = (version: string) => `ii  open-xchange-core ${version}\nii  open-xchange-hazelcast-community ${version}\n`;

async function findings(files: Files, path: string, code: string): Promise<string[]> {
  const service = await serviceOver(files);
  return service
    .diagnostics(uriOf(path))
    .filter((d) => d.code === code)
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.message}`);
}

const PORT_OFFSET = 'com.openexchange.hazelcast.group.name=prod\ncom.openexchange.hazelcast.network.portOffset=0\n';

test('key-not-in-version: a key dated after the node version, said with where the version comes from', async () => {
  const files: Files = {
    'old/packages.txt': core('7.10.4-20'),
    'old/etc/hazelcast.properties': PORT_OFFSET,
    'new/etc/packages.txt': core('7.10.5-3'),
    'new/etc/hazelcast.properties': PORT_OFFSET,
    'unknown/etc/hazelcast.properties': PORT_OFFSET,
  };
  assert.deepEqual(await findings(files, 'old/etc/hazelcast.properties', 'key-not-in-version'), [
    '1:0-45 "com.openexchange.hazelcast.network.portOffset" was introduced in 7.10.5; this node runs 7.10.4 (open-xchange-core 7.10.4-20 in packages.txt), which does not read it.',
  ]);
  assert.deepEqual(await findings(files, 'new/etc/hazelcast.properties', 'key-not-in-version'), []);
  assert.deepEqual(await findings(files, 'unknown/etc/hazelcast.properties', 'key-not-in-version'), []);
});

test('deprecated-key: a key the node version still reads is no finding; one it ignores or dropped says so', async () => {
  const text =
    'com.openexchange.hazelcast.group.name=prod\ncom.openexchange.hazelcast.group.password=s3cr3t-Pa55\ncom.openexchange.hazelcast.licenseKey=ABC-123\n';
  const files: Files = {
    'n7101/packages.txt': core('7.10.1-12'),
    'n7101/etc/hazelcast.properties': text,
    'n7106/packages.txt': core('7.10.6-35'),
    'n7106/etc/hazelcast.properties': text,
    'n819/packages.txt': core('8.19.0-4'),
    'n819/etc/hazelcast.properties': text,
    'n80/packages.txt': core('8.0.0-1'),
    'n80/etc/hazelcast.properties': text,
    'unknown/etc/hazelcast.properties': text,
  };
  assert.deepEqual(await findings(files, 'n7101/etc/hazelcast.properties', 'deprecated-key'), []);
  assert.deepEqual(await findings(files, 'n7106/etc/hazelcast.properties', 'deprecated-key'), [
    '1:0-41 OX ignores "com.openexchange.hazelcast.group.password" from 7.10.3; this node runs 7.10.6 (open-xchange-core 7.10.6-35 in packages.txt).',
  ]);
  assert.deepEqual(await findings(files, 'n819/etc/hazelcast.properties', 'deprecated-key'), [
    '1:0-41 OX ignores "com.openexchange.hazelcast.group.password" from 7.10.3; this node runs 8.19.0 (open-xchange-core 8.19.0-4 in packages.txt).',
    '2:0-37 "com.openexchange.hazelcast.licenseKey" was removed; this node runs 8.19.0 (open-xchange-core 8.19.0-4 in packages.txt), which ignores it.',
  ]);
  // Between the last version known to read it and the first known not to: nothing is said.
  assert.deepEqual(
    (await findings(files, 'n80/etc/hazelcast.properties', 'deprecated-key')).map((f) => f.slice(0, 6)),
    ['1:0-41'],
  );
  // Without a version, as before: removals up to 7.10.3 only.
  assert.deepEqual(await findings(files, 'unknown/etc/hazelcast.properties', 'deprecated-key'), [
    '1:0-41 "com.openexchange.hazelcast.group.password" was removed in 7.10.3; OX ignores it.',
  ]);
});

test('versions-differ: a warning where the Hazelcast line differs, information for a rolling upgrade or an unknown line', async () => {
  const node = (n: number) =>
    `com.openexchange.hazelcast.group.name=prod\ncom.openexchange.hazelcast.network.join=static\ncom.openexchange.hazelcast.network.join.static.nodes=10.0.0.1,10.0.0.2,10.0.0.3\ncom.openexchange.hazelcast.network.interfaces=10.0.0.${n}\n`;
  const cluster = (versions: string[], bridge = false): Files =>
    Object.assign(
      {},
      ...versions.map((v, i) => ({
        [`n${i + 1}/packages.txt`]: core(v) + (bridge && i === 2 ? `ii  open-xchange-cluster-upgrade-from-7103-7104 ${v}\n` : ''),
        [`n${i + 1}/etc/hazelcast.properties`]: node(i + 1),
      })),
    );
  const all = async (files: Files) => findingLines(await serviceOver(files), files, 'versions-differ');
  assert.deepEqual(await all(cluster(['7.10.4-28', '7.10.4-28', '7.10.5-3'], true)), [
    "n3/etc/hazelcast.properties:0:0-37 2 This node runs 7.10.5 (open-xchange-core 7.10.5-3 in packages.txt), while n1, n2 run 7.10.4 (Hazelcast 3.12): Hazelcast 3.12 and 4.1 do not join one cluster, so the nodes on 7.10.5 form a cluster of their own and distributed sessions and cache events do not reach the others until every node runs it. open-xchange-cluster-upgrade-from-7103-7104, installed on n3, keeps the old cluster's caches informed meanwhile.",
  ]);
  assert.deepEqual(await all(cluster(['7.10.3-1', '7.10.4-2', '7.10.4-2'])), [
    'n1/etc/hazelcast.properties:0:0-37 3 This node runs 7.10.3 (open-xchange-core 7.10.3-1 in packages.txt), while n2, n3 run 7.10.4 (Hazelcast 3.12): both bundle Hazelcast 3.12, so a rolling upgrade keeps one cluster. Finish it, so that every node runs the same version.',
  ]);
  assert.deepEqual(await all(cluster(['8.2.0-1', '8.2.0-1', '8.19.0-4'])), [
    'n3/etc/hazelcast.properties:0:0-37 3 This node runs 8.19.0 (open-xchange-core 8.19.0-4 in packages.txt), while n1, n2 run 8.2.0. Which Hazelcast line 8.2.0 bundles is not documented in the facts we hold, so whether the nodes still form one cluster cannot be told.',
  ]);
  assert.deepEqual(await all(cluster(['7.10.6-35', '7.10.6-36', '7.10.6-35'])), []);
});

describe('upgrade-node-push', () => {
  const hz = (n: number) =>
    `com.openexchange.hazelcast.group.name=prod\ncom.openexchange.hazelcast.network.join=static\ncom.openexchange.hazelcast.network.join.static.nodes=10.0.0.1,10.0.0.2,10.0.0.3\ncom.openexchange.hazelcast.network.interfaces=10.0.0.${n}\n`;
  const cluster = (versions: string[], push: Record<number, string> = {}): Files =>
    Object.assign(
      {},
      ...versions.map((v, i) => ({
        [`n${i + 1}/packages.txt`]: core(v),
        [`n${i + 1}/etc/hazelcast.properties`]: hz(i + 1),
        ...(push[i + 1] !== undefined ? { [`n${i + 1}/etc/mail-push.properties`]: push[i + 1] } : {}),
      })),
    );
  async function run(files: Files, upgradeNode?: string): Promise<string[]> {
    const service = createLanguageService({ catalog, host: memoryHost(files) });
    const upgradeNodes = upgradeNode
      ? [{ root: ROOT, pattern: upgradeNode, file: `${ROOT}/.oxclusterconfig.json`, detail: `nodes["${upgradeNode}"].upgradeNode` }]
      : [];
    await service.reconfigure({
      catalog,
      roots: [{ uri: ROOT, discover: {} }],
      clusters: [],
      maxFileSize: Infinity,
      versions: { nodes: [], folders: [], upgradeNodes },
    });
    await service.analyzeAll(DEFAULT_SETTINGS);
    return findingLines(service, files, 'upgrade-node-push');
  }
  const KEY = 'com.openexchange.push.allowPermanentPush';

  test('a declared upgrade node with permanent push allowed is an error, with the fix in its mail-push.properties', async () => {
    const files = cluster(['7.10.4-1', '7.10.4-1', '7.10.4-1'], { 3: `${KEY}=TRUE\n` });
    assert.deepEqual(await run(files, 'n3'), [
      `n3/etc/mail-push.properties:0:41-45 1 n3 is the declared upgrade node (nodes["n3"].upgradeNode in .oxclusterconfig.json), but ${KEY} is TRUE (mail-push.properties): OX may start permanent push listeners on it, and loading their users' data runs pending update tasks on database schemas the other nodes still use. Set it to false on this node until the update tasks have run.`,
    ]);
    // Not set at all: the finding goes to the node's group name, without a file to put the fix in.
    assert.deepEqual(await run(cluster(['7.10.4-1', '7.10.4-1', '7.10.4-1']), 'n2'), [
      `n2/etc/hazelcast.properties:0:0-37 1 n2 is the declared upgrade node (nodes["n2"].upgradeNode in .oxclusterconfig.json), but ${KEY} is not set, so it is true: OX may start permanent push listeners on it, and loading their users' data runs pending update tasks on database schemas the other nodes still use. Set it to false on this node until the update tasks have run.`,
    ]);
    assert.deepEqual(await run(cluster(['7.10.4-1', '7.10.4-1', '7.10.4-1'], { 3: `${KEY}=false\n` }), 'n3'), []);
  });

  test('without a declaration the one node newer than the rest is assumed the upgrade node, as information', async () => {
    assert.deepEqual(await run(cluster(['7.10.4-1', '7.10.4-1', '7.10.5-2'], { 3: `# push\n${KEY}=true\n` })), [
      `n3/etc/mail-push.properties:1:41-45 3 n3 runs 7.10.5, newer than the rest of the cluster: this assumes it is the upgrade node of a rolling upgrade. ${KEY} is true (mail-push.properties), so OX may start permanent push listeners on it, and loading their users' data runs pending update tasks on database schemas the other nodes still use. If it is the upgrade node, set it to false there until the update tasks have run, and declare it with "upgradeNode": true for its folder under "nodes" in .oxclusterconfig.json to have this checked as an error.`,
    ]);
    // Two newer nodes, or one node of unknown version: no node stands out.
    assert.deepEqual(await run(cluster(['7.10.4-1', '7.10.5-2', '7.10.5-2'])), []);
    const unknown = cluster(['7.10.4-1', '7.10.4-1', '7.10.5-2']);
    delete unknown['n1/packages.txt'];
    assert.deepEqual(await run(unknown), []);
  });

  test('.oxclusterconfig.json declares the upgrade node under "nodes"; anything but a boolean is a problem', () => {
    const problems: string[] = [];
    const config = parseWorkspaceConfig({ nodes: { 'site/n3': { upgradeNode: true }, 'site/n4': { upgradeNode: 'yes' } } }, ROOT, problems);
    assert.deepEqual(config.upgradeNodes, [
      { root: ROOT, pattern: 'site/n3', file: `${ROOT}/.oxclusterconfig.json`, detail: 'nodes["site/n3"].upgradeNode' },
    ]);
    assert.deepEqual(problems, ['nodes["site/n4"].upgradeNode must be true or false; ignored.']);
  });
});

test('missing-mandatory: from 8.3 the three keys must be set and not empty; a short salt is a warning; older or unknown versions say nothing', async () => {
  const hz = 'com.openexchange.hazelcast.group.name=prod\n';
  const node = (
    version: string | undefined,
    server: string,
    share?: string,
    sessiond = 'com.openexchange.sessiond.encryptionKey=k3y-Of-This-Site\n',
  ): Files => ({
    ...(version ? { 'n/packages.txt': core(version) } : {}),
    'n/etc/hazelcast.properties': hz,
    'n/etc/server.properties': server,
    'n/etc/sessiond.properties': sessiond,
    ...(share !== undefined ? { 'n/etc/share.properties': share } : {}),
  });
  const SALT = 'com.openexchange.cookie.hash.salt=Qm4t7Vx2Lp9Rz6Wc3Hy8\n';
  const all = async (files: Files) => findingLines(await serviceOver(files), files, 'missing-mandatory');
  assert.deepEqual(await all(node('8.19.0-4', SALT, 'com.openexchange.share.cryptKey=Jx7qR2mV9sT4wY6z\n')), []);
  assert.deepEqual(
    await all(node('8.19.0-4', 'com.openexchange.cookie.hash.salt=short\n', 'com.openexchange.share.cryptKey=\n', '# none\n')),
    [
      "n/etc/server.properties:0:0-33 2 com.openexchange.cookie.hash.salt has 5 characters; OX's documentation asks for a random string of at least 16.",
      'n/etc/sessiond.properties:0:0-6 1 com.openexchange.sessiond.encryptionKey is not set on this node (it belongs in sessiond.properties), and this node runs 8.19.0 (open-xchange-core 8.19.0-4 in packages.txt), which refuses to start without it (equal on all nodes; a node upgraded from 8.2 or earlier that relied on the old default sets it explicitly).',
      'n/etc/share.properties:0:0-31 1 com.openexchange.share.cryptKey is empty, and this node runs 8.19.0 (open-xchange-core 8.19.0-4 in packages.txt), which refuses to start without a value (set before the first share is created).',
    ],
  );
  // No share.properties: the finding goes to the node's group name line.
  assert.deepEqual(await all(node('8.3.0-1', SALT)), [
    'n/etc/hazelcast.properties:0:0-37 1 com.openexchange.share.cryptKey is not set on this node (it belongs in share.properties), and this node runs 8.3.0 (open-xchange-core 8.3.0-1 in packages.txt), which refuses to start without it (set before the first share is created).',
  ]);
  assert.deepEqual(await all(node('8.2.0-1', '')), []);
  assert.deepEqual(await all(node(undefined, '')), []);
});

describe('missing-mandatory on a release', () => {
  const SALT = 'com.openexchange.cookie.hash.salt';
  const SHARE = 'com.openexchange.share.cryptKey';
  const SESSIOND = 'com.openexchange.sessiond.encryptionKey';
  const lines = async (text: string, path = 'deploy/values.yaml') =>
    (await serviceOver({ [path]: text }))
      .diagnostics(uriOf(path))
      .filter((d) => d.code === 'missing-mandatory')
      .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.severity} ${d.message}`);
  const release = (...body: string[]) => ['hzGroupName: prod', ...body, ''].join('\n');
  const TAG = 'image:\n  tag: 8.49.108';
  const TYPES = 'scaling:\n  nodes:\n    api: {}\n    docs:\n      roles: [documents]';
  const EMPTY_NOTE = "Set a value, or remove the entry and leave the key to the chart's common-env Secret.";

  test('a key set to an empty value: an error from 8.3, information when the version is unknown, once for all node types', async () => {
    const empty = (tag: string) => release(tag, `properties:\n  ${SALT}: ""`, `secretProperties:\n  ${SHARE}: ''`, TYPES);
    assert.deepEqual(await lines(empty(TAG)), [
      `4:2-35 1 ${SALT} is set to an empty value, and the release runs 8.49.108 (image.tag in values.yaml), which refuses to start without a value (a random string of at least 16 characters). ${EMPTY_NOTE}`,
      `6:2-33 1 ${SHARE} is set to an empty value, and the release runs 8.49.108 (image.tag in values.yaml), which refuses to start without a value (set before the first share is created). ${EMPTY_NOTE}`,
    ]);
    assert.deepEqual(await lines(empty('image:\n  tag: latest')), [
      `4:2-35 3 ${SALT} is set to an empty value, and the release's OX version is unknown (no explicit image.tag in the values); this assumes OX 8.3 or later, which refuses to start without a value (a random string of at least 16 characters). ${EMPTY_NOTE}`,
      `6:2-33 3 ${SHARE} is set to an empty value, and the release's OX version is unknown (no explicit image.tag in the values); this assumes OX 8.3 or later, which refuses to start without a value (set before the first share is created). ${EMPTY_NOTE}`,
    ]);
    assert.deepEqual(await lines(empty('image:\n  tag: 8.2.0')), []);
  });

  test('unset, null, a template, an OX token or a short value is no finding while the chart creates the common-env Secret', async () => {
    assert.deepEqual(await lines(release(TAG)), []);
    assert.deepEqual(await lines(release(TAG, 'createCommonEnv: true', `properties:\n  ${SALT}:\n  ${SHARE}: "{{env SHARE_KEY}}"`)), []);
    assert.deepEqual(await lines(release(TAG, `secretProperties:\n  ${SALT}: short`)), []);
    assert.deepEqual(await lines(release(TAG, `secretProperties:\n  ${SALT}: "{{ .Values.salt }}"`), 'deploy/values.yaml.gotmpl'), []);
  });

  test('createCommonEnv false in a core-mw release: the keys nothing provides, at the key; global.appsuite and the maps provide', async () => {
    const all = `${SALT}, ${SHARE}, ${SESSIOND}`;
    assert.deepEqual(await lines(release(TAG, 'createCommonEnv: false', TYPES)), [
      `3:0-15 1 createCommonEnv is false, so the chart creates no common-env Secret, and nothing in the values provides ${all} (no global.appsuite.cookieHashSalt, global.appsuite.shareCryptKey, global.appsuite.sessiondEncryptionKey, no entry under properties or secretProperties); the release runs 8.49.108 (image.tag in values.yaml), which refuses to start without them. Set them under secretProperties, or let the chart create the Secret.`,
    ]);
    const some = release(
      'global:\n  appsuite:\n    cookieHashSalt: Qm4t7Vx2Lp9Rz6Wc3Hy8\n    shareCryptKey: ""',
      `secretPropertiesFiles:\n  /opt/open-xchange/etc/share.properties:\n    ${SHARE}: Jx7qR2mV9sT4wY6z`,
      'createCommonEnv: false',
    );
    assert.deepEqual(await lines(some), [
      `8:0-15 3 createCommonEnv is false, so the chart creates no common-env Secret, and nothing in the values provides ${SESSIOND} (no global.appsuite.sessiondEncryptionKey, no entry under properties or secretProperties); the release's OX version is unknown (no explicit image.tag in the values); this assumes OX 8.3 or later, which refuses to start without it. Set it under secretProperties, or let the chart create the Secret.`,
    ]);
    assert.deepEqual(await lines(release('image:\n  tag: 8.0.0', 'createCommonEnv: false')), []);
  });

  test('createCommonEnv false says nothing under a stack chart, when templated, or when env, a secret or an etc file may hold the keys', async () => {
    assert.deepEqual(await lines(`core-mw:\n  hzGroupName: prod\n  image:\n    tag: 8.49.108\n  createCommonEnv: false\n`), []);
    assert.deepEqual(await lines(release(TAG, 'createCommonEnv: {{ .Values.commonEnv }}'), 'deploy/values.yaml.gotmpl'), []);
    assert.deepEqual(await lines(release(TAG, 'createCommonEnv: "false"')), []);
    for (const other of [
      'extraEnv:\n  - name: COOKIE_HASH_SALT\n    value: x',
      'existingEnvSecret: ox-env',
      'existingPropertiesSecret: ox-props',
    ]) {
      assert.deepEqual(await lines(release(TAG, 'createCommonEnv: false', other)), [], other);
    }
    const etc = release(
      TAG,
      'createCommonEnv: false',
      `secretETCFiles:\n  server.properties: |\n    ${SALT}=Qm4t7Vx2Lp9Rz6Wc3Hy8`,
      `secretProperties:\n  ${SHARE}: Jx7qR2mV9sT4wY6z\n  ${SESSIOND}: k3y-Of-This-Site`,
    );
    assert.deepEqual(await lines(etc), []);
    assert.deepEqual((await lines(etc.replace(`${SALT}=`, 'com.openexchange.other='))).length, 1);
  });
});

test('encoding: 7.x reads ISO-8859-1 as before; 8.x reads UTF-8, so only a byte-order mark is left, kept as U+FEFF; unknown: information', async () => {
  const text = 'my.city=MÃ¼nchen\nmy.price=10 €\n';
  const bom = '\u00EF\u00BB\u00BFcom.openexchange.hazelcast.group.name=prod\n';
  const files: Files = {
    'n7106/packages.txt': core('7.10.6-35'),
    'n7106/etc/server.properties': text,
    'n7106/etc/hazelcast.properties': bom,
    'n819/packages.txt': core('8.19.0-4'),
    'n819/etc/server.properties': text,
    'n819/etc/hazelcast.properties': bom,
    'unknown/etc/server.properties': text,
  };
  assert.deepEqual(await findings(files, 'n7106/etc/server.properties', 'encoding'), [
    '0:9-11 "Ã¼" looks like UTF-8 for "ü": the file seems to be saved as UTF-8, but OX reads ISO-8859-1 and gets "Ã¼" here. Write "ü" as \\u00FC.',
    '1:12-13 "€" (U+20AC) is not in ISO-8859-1, the character set OX reads this file in: saved as UTF-8, OX reads its bytes E2 82 AC as 3 other characters. Write it as \\u20AC.',
  ]);
  assert.deepEqual(await findings(files, 'n7106/etc/hazelcast.properties', 'encoding'), [
    '0:0-3 The file starts with a UTF-8 byte-order mark. OX reads the file as ISO-8859-1, takes the mark for the characters "ï»¿" and puts them in front of line 1: OX does not see the setting "com.openexchange.hazelcast.group.name".',
  ]);
  assert.deepEqual(await findings(files, 'n819/etc/server.properties', 'encoding'), []);
  const service = await serviceOver(files);
  assert.deepEqual(
    service
      .diagnostics(uriOf('unknown/etc/server.properties'))
      .filter((d) => d.code === 'encoding')
      .map((d) => [d.range.start.line, d.severity]),
    [
      [0, 3],
      [1, 3],
    ],
  );
  assert.deepEqual(
    (await findings(files, 'unknown/etc/server.properties', 'encoding')).map((f) => f.slice(f.indexOf('. This holds'))),
    [
      '. This holds if the node runs OX 7.x; its OX version is unknown, and OX 8 reads the file as UTF-8, as written.',
      '. This holds if the node runs OX 7.x; its OX version is unknown, and OX 8 reads the file as UTF-8, as written.',
    ],
  );
  assert.deepEqual(await findings(files, 'n819/etc/hazelcast.properties', 'encoding'), [
    '0:0-3 The file starts with a UTF-8 byte-order mark. This node runs 8.19.0 (open-xchange-core 8.19.0-4 in packages.txt), which reads the file as UTF-8 but keeps the mark as the character U+FEFF and puts it in front of line 1: OX does not see the setting "com.openexchange.hazelcast.group.name".',
  ]);
});

test('encoding: bytes that are no UTF-8 are a warning on an 8.x node, with escapes both versions read alike; fine on 7.x; information when unknown', async () => {
  // As read from disk, one byte per character: "ü" is the byte FC.
  const text = 'my.city=Z\u00FCrich\ncom.openexchange.sessiond.encryptionKey=sch\u00F6\u00E9n\nmy.other=M\u00C3\u00BCnchen\n';
  const files: Files = {
    'n7106/packages.txt': core('7.10.6-35'),
    'n7106/etc/server.properties': text,
    'n819/packages.txt': core('8.19.0-4'),
    'n819/etc/server.properties': text,
    'unknown/etc/server.properties': text,
  };
  const runs = 'this node runs 8.19.0 (open-xchange-core 8.19.0-4 in packages.txt), which reads the file as UTF-8';
  assert.deepEqual(await findings(files, 'n819/etc/server.properties', 'encoding'), [
    `0:9-10 "\u00FC" (byte FC) is not UTF-8: ${runs} and gets the replacement character U+FFFD in its place. The file seems to be saved as ISO-8859-1, which OX 7.x reads. Write it as \\u00FC, which both read alike.`,
    `1:43-45 This secret value holds 2 bytes that are not UTF-8: ${runs} and gets the replacement character U+FFFD in their place. The file seems to be saved as ISO-8859-1, which OX 7.x reads. Write them as \\uXXXX escapes, which both read alike.`,
  ]);
  const service = await serviceOver(files);
  const diagnostics = service.diagnostics(uriOf('n819/etc/server.properties')).filter((d) => d.code === 'encoding');
  assert.deepEqual(
    diagnostics.map((d) => d.severity),
    [2, 2],
  );
  // "MÃ¼nchen" is UTF-8 for "München", as OX 8 reads it; OX 7.x reads ISO-8859-1 bytes as they are.
  assert.deepEqual(
    (await findings(files, 'n7106/etc/server.properties', 'encoding')).map((f) => f.slice(0, 7)),
    ['2:10-12'],
  );
  assert.deepEqual(
    (await findings(files, 'unknown/etc/server.properties', 'encoding')).map((f) => [f.slice(0, 7), f.slice(f.indexOf('. This holds'))]),
    [
      ['0:9-10 ', '. This holds if the node runs OX 8; its OX version is unknown, and OX 7.x reads each byte as the character shown.'],
      ['1:43-45', '. This holds if the node runs OX 8; its OX version is unknown, and OX 7.x reads each byte as the character shown.'],
      ['2:10-12', '. This holds if the node runs OX 7.x; its OX version is unknown, and OX 8 reads the file as UTF-8, as written.'],
    ],
  );
});

test('encoding: a file the editor decoded as UTF-8 saves its non-ASCII characters as several bytes, which 7.x reads apart; 8.x reads them as written', async () => {
  const files: Files = {
    'n7106/packages.txt': core('7.10.6-35'),
    'n7106/etc/server.properties': 'my.city=Zurich\n',
    'n819/packages.txt': core('8.19.0-4'),
    'n819/etc/server.properties': 'my.city=Zurich\n',
  };
  const service = await serviceOver(files);
  const open = (path: string) => service.open(TextDocument.create(uriOf(path), 'ox-properties', 1, 'my.city=Z\u00FCrich \u20AC\n'));
  open('n7106/etc/server.properties');
  open('n819/etc/server.properties');
  // Not open: nothing to analyse again yet.
  assert.equal(service.setDecoding(uriOf('other/etc/server.properties'), 'utf8'), false);
  assert.equal(service.setDecoding(uriOf('n7106/etc/server.properties'), 'utf8'), true);
  assert.equal(service.setDecoding(uriOf('n7106/etc/server.properties'), 'utf8'), false);
  assert.equal(service.setDecoding(uriOf('n819/etc/server.properties'), 'utf8'), true);
  service.update([uriOf('n7106/etc/server.properties'), uriOf('n819/etc/server.properties')], DEFAULT_SETTINGS);
  const encoding = (path: string) =>
    service
      .diagnostics(uriOf(path))
      .filter((d) => d.code === 'encoding')
      .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.severity} ${d.message}`);
  assert.deepEqual(encoding('n7106/etc/server.properties'), [
    '0:9-10 2 "\u00FC" is saved as UTF-8, the encoding this editor uses for the file; OX 7.x reads ISO-8859-1 and gets the bytes C3 BC as "\u00C3\u00BC". Write it as \\u00FC, or reopen the file with the encoding ISO-8859-1.',
    '0:15-16 2 "\u20AC" is saved as UTF-8, the encoding this editor uses for the file; OX 7.x reads ISO-8859-1 and gets the bytes E2 82 AC as "\u00E2\\u0082\u00AC". Write it as \\u20AC, or reopen the file with the encoding ISO-8859-1.',
  ]);
  assert.deepEqual(encoding('n819/etc/server.properties'), []);
  // Back to ISO-8859-1: "€" cannot be one byte, and "ü" is a byte OX 8 does not read as UTF-8.
  assert.equal(service.setDecoding(uriOf('n819/etc/server.properties'), 'latin1'), true);
  service.update([uriOf('n819/etc/server.properties')], DEFAULT_SETTINGS);
  assert.deepEqual(
    encoding('n819/etc/server.properties').map((f) => f.slice(0, 9)),
    ['0:9-10 2 '],
  );
});

describe('values as the node reads them: a file read byte by byte is UTF-8 to an 8.x node', () => {
  // "München" saved as UTF-8 (C3 BC), "Zürich" saved as ISO-8859-1 (FC), read from disk one byte per character.
  const server = 'com.openexchange.hazelcast.group.name=M\u00C3\u00BCnchen\n';
  const city = 'com.openexchange.hazelcast.group.name=Z\u00FCrich\n';
  const hz = 'com.openexchange.hazelcast.group.name=prod\ncom.openexchange.hazelcast.network.join=static\n';
  const key = (name: string) => `com.openexchange.sessiond.encryptionKey=${name}\n`;

  async function onNode(files: Files, path: string, line: number): Promise<string> {
    const service = await serviceOver(files);
    const text = TextDocument.create(uriOf(path), 'ox-properties', 1, files[path]);
    const hover = service.hover(text, { line, character: 3 });
    const markdown = (hover?.contents as { value: string }).value;
    return markdown
      .split('\n')
      .find((l) => l.startsWith('On **'))!
      .trim();
  }

  test('hover: OX 8 reads the UTF-8 bytes as one character and the ISO-8859-1 byte as U+FFFD; 7.x and an unknown version read the bytes', async () => {
    const files: Files = {
      'n819/packages.txt': core('8.19.0-4'),
      'n819/etc/hazelcast.properties': server,
      'z819/packages.txt': core('8.19.0-4'),
      'z819/etc/hazelcast.properties': city,
      'n7106/packages.txt': core('7.10.6-35'),
      'n7106/etc/hazelcast.properties': server,
      'unknown/etc/hazelcast.properties': city,
    };
    assert.equal(await onNode(files, 'n819/etc/hazelcast.properties', 0), 'On **n819**: `M\u00FCnchen` from hazelcast.properties:1');
    assert.equal(await onNode(files, 'z819/etc/hazelcast.properties', 0), 'On **z819**: `Z\uFFFDrich` from hazelcast.properties:1');
    assert.equal(
      await onNode(files, 'n7106/etc/hazelcast.properties', 0),
      'On **n7106**: `M\u00C3\u00BCnchen` from hazelcast.properties:1',
    );
    assert.equal(await onNode(files, 'unknown/etc/hazelcast.properties', 0), 'On **unknown**: `Z\u00FCrich` from hazelcast.properties:1');
  });

  test('cluster-mismatch compares what each node reads: "sch\u00F6n" as ISO-8859-1 on 7.x and as UTF-8 on 8.x is one key; the same bytes are not', async () => {
    const cluster = (on8: string): Files => ({
      'a/packages.txt': core('7.10.6-35'),
      'a/etc/hazelcast.properties': hz,
      'a/etc/sessiond.properties': key('sch\u00F6n'),
      'b/packages.txt': core('8.19.0-4'),
      'b/etc/hazelcast.properties': hz,
      'b/etc/sessiond.properties': key(on8),
    });
    assert.deepEqual(await findings(cluster('sch\u00C3\u00B6n'), 'b/etc/sessiond.properties', 'cluster-mismatch'), []);
    assert.deepEqual(
      (await findings(cluster('sch\u00F6n'), 'b/etc/sessiond.properties', 'cluster-mismatch')).map((f) => f.slice(0, 8)),
      ['0:40-45 '],
    );
  });

  test('a file the editor decoded as UTF-8 is read as it is shown', async () => {
    const path = 'n819/etc/hazelcast.properties';
    const files: Files = { 'n819/packages.txt': core('8.19.0-4'), [path]: 'com.openexchange.hazelcast.group.name=M\u00FCnchen\n' };
    assert.equal(await onNode(files, path, 0), 'On **n819**: `M\uFFFDnchen` from hazelcast.properties:1');
    const service = await serviceOver(files);
    const text = TextDocument.create(uriOf(path), 'ox-properties', 1, files[path]);
    service.open(text);
    assert.equal(service.setDecoding(uriOf(path), 'utf8'), true);
    const hover = service.hover(text, { line: 0, character: 3 });
    assert.match((hover?.contents as { value: string }).value, /On \*\*n819\*\*: `M\u00FCnchen` from/);
  });
});
