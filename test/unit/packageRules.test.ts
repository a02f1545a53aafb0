// Package rules of the classic edition: what the nodes' package lists show across a cluster.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { packagesDifferMessage } from '../../server/src/rules/cross/packagesDiffer';
import { Files, findingLines, serviceOver } from '../support/memoryHost';

const HZ = 'com.openexchange.hazelcast.';
const hazelcast = (n: number, extra = '') =>
  `${HZ}group.name=prod\n${HZ}network.join=static\n${HZ}network.join.static.nodes=10.0.0.1,10.0.0.2,10.0.0.3\n${HZ}network.interfaces=10.0.0.${n}\n${extra}`;
const list = (version: string, names: string[]) => names.map((name) => `ii  ${name} ${version}\n`).join('');
const BASE = ['open-xchange-core', 'open-xchange-hazelcast-community', 'open-xchange-sessionstorage-hazelcast'];

/** Three nodes n1..n3; a node whose list is undefined has none. */
function cluster(lists: Array<string | undefined>, extra: string[] = []): Files {
  const files: Files = {};
  lists.forEach((text, i) => {
    files[`n${i + 1}/etc/hazelcast.properties`] = hazelcast(i + 1, extra[i] ?? '');
    if (text !== undefined) files[`n${i + 1}/packages.txt`] = text;
  });
  return files;
}

async function findings(files: Files, code: string): Promise<string[]> {
  return findingLines(await serviceOver(files), files, code);
}

const V = '7.10.6-35';
const P = (n: number) => `n${n}/etc/hazelcast.properties:0:0-37`;

test('packages-differ: per node what it lacks, a warning for packages with Hazelcast data, information for the rest', async () => {
  const files = cluster([
    list(V, [...BASE, 'open-xchange-push-dovecot', 'open-xchange-l10n-de-de', 'open-xchange-appsuite']),
    list(V, BASE),
    list(V, [...BASE, 'open-xchange-push-dovecot', 'open-xchange-cluster-upgrade-from-7105']),
  ]);
  assert.deepEqual(await findings(files, 'packages-differ'), [
    `${P(2)} 2 open-xchange-push-dovecot is not installed on node "n2" but on "n1", "n3" of the same Hazelcast cluster. Its bundles keep data in Hazelcast, and a member without them cannot read (deserialise) that data. Install the same open-xchange packages on every member.`,
    `${P(2)} 3 open-xchange-appsuite and open-xchange-l10n-de-de are not installed on node "n2" but on "n1" of the same Hazelcast cluster. They keep no data in Hazelcast as far as known, so this is only worth a look.`,
    `${P(3)} 3 open-xchange-appsuite and open-xchange-l10n-de-de are not installed on node "n3" but on "n1" of the same Hazelcast cluster. They keep no data in Hazelcast as far as known, so this is only worth a look.`,
  ]);
});

test('packages-differ: nodes without a list or without Hazelcast are left out; versions and bridge packages do not count', async () => {
  const lacking = list(V, ['open-xchange-core', 'open-xchange-hazelcast-community']);
  assert.deepEqual(await findings(cluster([list(V, BASE), list(V, BASE), undefined]), 'packages-differ'), []);
  assert.deepEqual(await findings(cluster([list(V, BASE), lacking, list(V, BASE)], ['', `${HZ}enabled=false\n`]), 'packages-differ'), []);
  assert.deepEqual(await findings(cluster([list(V, BASE), lacking, undefined]), 'packages-differ'), [
    `${P(2)} 2 open-xchange-sessionstorage-hazelcast is not installed on node "n2" but on "n1" of the same Hazelcast cluster. Its bundles keep data in Hazelcast, and a member without them cannot read (deserialise) that data. Install the same open-xchange packages on every member.`,
  ]);
  assert.deepEqual(
    await findings(
      cluster([list(V, BASE), list('7.10.6-36', BASE), list(V, [...BASE, 'open-xchange-cluster-upgrade-from-7105'])]),
      'packages-differ',
    ),
    [],
  );
  // An rpm -qa list is compared by name like a dpkg one.
  const rpm = BASE.map((name) => `${name}-7.10.6-35_1.1.noarch\n`).join('');
  assert.deepEqual(await findings(cluster([list(V, BASE), rpm, list(V, BASE)]), 'packages-differ'), []);
  // Only installed packages count: "un" and "rc" lines are none.
  const removed = `${list(V, BASE)}rc  open-xchange-push-dovecot 7.10.6-4\nun  open-xchange-hazelcast-enterprise\n`;
  assert.deepEqual(await findings(cluster([list(V, BASE), removed, list(V, BASE)]), 'packages-differ'), []);
});

test('session-storage-package: a node without the package while others have it, or none of several full members has it', async () => {
  const without = list(V, ['open-xchange-core', 'open-xchange-hazelcast-community']);
  assert.deepEqual(await findings(cluster([list(V, BASE), without, undefined]), 'session-storage-package'), [
    `${P(2)} 2 open-xchange-sessionstorage-hazelcast is not installed on node "n2" but on "n1", which share its Hazelcast cluster. Sessions are kept in Hazelcast here (no Redis session storage is configured), so this node cannot read the sessions the others store. Install the package on every node of the cluster.`,
  ]);
  assert.deepEqual(await findings(cluster([without, without, undefined]), 'session-storage-package'), [
    `${P(1)} 2 open-xchange-sessionstorage-hazelcast is not installed on node "n1", one of 3 full Hazelcast members of cluster "ws", and no Redis session storage is configured. Without it the node keeps its sessions to itself, so a user whose next request reaches another node has to log in again. OX recommends the package for every cluster of several nodes.`,
    `${P(2)} 2 open-xchange-sessionstorage-hazelcast is not installed on node "n2", one of 3 full Hazelcast members of cluster "ws", and no Redis session storage is configured. Without it the node keeps its sessions to itself, so a user whose next request reaches another node has to log in again. OX recommends the package for every cluster of several nodes.`,
  ]);
});

test('session-storage-package: nothing with Redis session storage, with a single full member, or without package lists', async () => {
  const without = list(V, ['open-xchange-core', 'open-xchange-hazelcast-community']);
  const redis = {
    ...cluster([list(V, BASE), without, list(V, BASE)]),
    'n3/etc/sessiond.properties': 'com.openexchange.sessiond.redis.enabled=true\n',
  };
  assert.deepEqual(await findings(redis, 'session-storage-package'), []);
  const lite = `${HZ}liteMember=true\n`;
  assert.deepEqual(await findings(cluster([list(V, BASE), without, without], ['', lite, lite]), 'session-storage-package'), []);
  assert.deepEqual(await findings(cluster([undefined, undefined, undefined]), 'session-storage-package'), []);
  assert.deepEqual(await findings(cluster([list(V, BASE), list(V, BASE), list(V, BASE)]), 'session-storage-package'), []);
});

test('upgrade-package-left: a bridge package on a node whose version the others run too, or on 8.11 and later', async () => {
  const bridge = 'open-xchange-cluster-upgrade-from-7105';
  assert.deepEqual(await findings(cluster([list(V, BASE), list(V, BASE), list(V, [...BASE, bridge])]), 'upgrade-package-left'), [
    `${P(3)} 2 open-xchange-cluster-upgrade-from-7105 7.10.6-35 is still installed on this node, which runs 7.10.6 (open-xchange-core 7.10.6-35 in packages.txt), as do n1, n2: the rolling upgrade it bridged is over. Remove it once the update tasks have run.`,
  ]);
  assert.deepEqual(await findings(cluster([list('8.12.0-3', [...BASE, bridge])]), 'upgrade-package-left'), [
    `${P(1)} 2 open-xchange-cluster-upgrade-from-7105 8.12.0-3 is still installed on this node, which runs 8.12.0 (open-xchange-core 8.12.0-3 in packages.txt). OX removed the cluster upgrade packages in 8.11.0, so it is left over from an earlier upgrade. Remove it.`,
  ]);
});

test('upgrade-package-left: nothing while older nodes remain, or when no other node has a known version before 8.11', async () => {
  const bridge = 'open-xchange-cluster-upgrade-from-7105';
  const old = list('7.10.5-8', BASE);
  assert.deepEqual(await findings(cluster([old, old, list(V, [...BASE, bridge])]), 'upgrade-package-left'), []);
  assert.deepEqual(await findings(cluster([old, list(V, BASE), list(V, [...BASE, bridge])]), 'upgrade-package-left'), []);
  assert.deepEqual(await findings(cluster([undefined, undefined, list(V, [...BASE, bridge])]), 'upgrade-package-left'), []);
  assert.deepEqual(await findings(cluster([list('8.10.0-1', [...BASE, bridge])]), 'upgrade-package-left'), []);
  assert.deepEqual(await findings(cluster([list(V, BASE), list(V, BASE), list(V, BASE)]), 'upgrade-package-left'), []);
});

test('packagesDifferMessage: one wording for both editions, singular and plural', () => {
  const names = ['open-xchange-oidc', 'open-xchange-saml-core', 'open-xchange-push-dovecot'];
  assert.equal(
    packagesDifferMessage({ packages: names, member: 'node "a"', others: ['"b"', '"c"'], edition: 'classic', data: true }),
    'open-xchange-oidc, open-xchange-saml-core and open-xchange-push-dovecot are not installed on node "a" but on "b", "c" of the same Hazelcast cluster. Their bundles keep data in Hazelcast, and a member without them cannot read (deserialise) that data. Install the same open-xchange packages on every member.',
  );
  assert.equal(
    packagesDifferMessage({
      packages: names.slice(0, 2),
      member: 'node type "api"',
      others: ['"sync"'],
      edition: 'kubernetes',
      data: true,
    }),
    'open-xchange-oidc and open-xchange-saml-core are disabled on node type "api" but not on "sync" of the same Hazelcast cluster. Their bundles keep data in Hazelcast, and a member without them cannot read (deserialise) that data. Give every Hazelcast type the same status for them.',
  );
  assert.equal(
    packagesDifferMessage({
      packages: ['open-xchange-l10n-de-de'],
      member: 'node type "api"',
      others: ['"sync"'],
      edition: 'kubernetes',
      data: false,
    }),
    'open-xchange-l10n-de-de is disabled on node type "api" but not on "sync" of the same Hazelcast cluster. It keeps no data in Hazelcast as far as known, so this is only worth a look.',
  );
});
