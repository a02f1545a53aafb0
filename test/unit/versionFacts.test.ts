// The catalog as of one OX version (catalog/versionFacts.ts), on the built-in catalog's entries.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { builtinCatalogFiles } from '../../server/src/catalog/builtin';
import type { PropertyDef } from '../../server/src/catalog/types';
import { isRetired, readStatus, retiredIn, stockValueAt, versionFactProblems } from '../../server/src/catalog/versionFacts';
import { parseOxVersion } from '../../server/src/util/versions';
import { catalog } from '../support/catalog';

const HZ = 'com.openexchange.hazelcast.';

function def(key: string): PropertyDef {
  const known = catalog.lookup(key, 'properties');
  assert.ok(known, key);
  return known.def;
}

/** The status of a key per version; `?` stands for a node whose version is unknown. */
function statuses(key: string, versions: string[]): string[] {
  return versions.map((v) => {
    const verdict = readStatus(def(key), v === '?' ? undefined : parseOxVersion(v));
    return verdict.reason ? `${verdict.status}:${verdict.reason}` : verdict.status;
  });
}

test('portOffset: read from 7.10.5 on', () => {
  assert.deepEqual(statuses(`${HZ}network.portOffset`, ['7.10.4', '7.10.5', '8.19', '?']), [
    'not-yet',
    'reads',
    'reads',
    'unknown:no-version',
  ]);
  assert.deepEqual(readStatus(def(`${HZ}network.portOffset`), parseOxVersion('7.10.4')).fact, {
    version: '7.10.5',
    evidence: 'OX8 Hazelcast.yml; OX documentation/index.md (7.10.5)',
  });
});

test('7.10.2 -> 7.10.3: group.password is ignored, appendVersion is gone', () => {
  assert.deepEqual(statuses(`${HZ}group.password`, ['7.10.2', '7.10.3', '8.19', '?']), [
    'reads',
    'ignored',
    'ignored',
    'unknown:no-version',
  ]);
  assert.deepEqual(statuses(`${HZ}group.name.appendVersion`, ['7.10.1', '7.10.2', '7.10.3', '?']), [
    'not-yet',
    'reads',
    'removed',
    'unknown:no-version',
  ]);
});

test('an old key without removal is read by every version, a known one or not', () => {
  assert.deepEqual(statuses(`${HZ}group.name`, ['7.8.0', '7.10.6', '8.19', '?']), ['reads', 'reads', 'reads', 'reads']);
});

test('undated removals: read up to lastReadIn, removed from notReadIn, unknown between and without bounds', () => {
  assert.deepEqual(statuses(`${HZ}licenseKey`, ['7.10.0', '7.10.6', '8.0', '8.19']), [
    'not-yet',
    'reads',
    'unknown:undated-removal',
    'removed',
  ]);
  assert.deepEqual(statuses(`${HZ}jmxDetailed`, ['7.10.0', '8.19']), ['unknown:undated-removal', 'unknown:undated-removal']);
  assert.deepEqual(statuses(`${HZ}network.client.nodes`, ['7.6.3', '7.8.0', '8.10', '8.11']), ['not-yet', 'reads', 'reads', 'removed']);
});

test('Redis sessions: 8.0 (documented) / 8.12 (change log) leaves the versions between unknown', () => {
  assert.deepEqual(statuses('com.openexchange.sessiond.redis.enabled', ['7.10.6', '8.0', '8.11', '8.12']), [
    'not-yet',
    'unknown:disputed-since',
    'unknown:disputed-since',
    'reads',
  ]);
});

test('8.11 -> 8.12: the stock maxSession changes from 50000 to 0; the code default stays 50000', () => {
  const maxSession = def('com.openexchange.sessiond.maxSession');
  assert.deepEqual(
    ['7.10.6', '8.11', '8.11.9', '8.12', '8.19'].map((v) => stockValueAt(maxSession, parseOxVersion(v))),
    ['50000', '50000', '50000', '0', '0'],
  );
  assert.equal(stockValueAt(maxSession, undefined), undefined);
  assert.equal(maxSession.default, '50000');
  assert.equal(stockValueAt(def(`${HZ}network.port`), parseOxVersion('8.19')), undefined);
});

test('before the node version is known, the checks retire exactly the keys gone by 7.10.3 or at an undated time', () => {
  const retired = builtinCatalogFiles.flatMap((f) => f.properties.filter(isRetired).map((p) => p.key ?? p.pattern));
  assert.deepEqual(retired.sort(), [
    'com.openexchange.cluster.discovery.static.nodes',
    'com.openexchange.cluster.name',
    `${HZ}enableIPv6Support`,
    `${HZ}group.name.appendVersion`,
    `${HZ}group.password`,
    `${HZ}groupname`,
    `${HZ}grouppassword`,
    `${HZ}interfaces`,
    `${HZ}jmxDetailed`,
    `${HZ}mergeFirstRunDelay`,
    `${HZ}mergeRunDelay`,
    `${HZ}networkConfig.outboundPortDefinitions`,
    `${HZ}networkConfig.port`,
    `${HZ}networkConfig.portAutoIncrement`,
    `${HZ}startupDelay`,
    'com.openexchange.sessiond.autologin',
    'com.openexchange.sessionstorage.hazelcast.encryptionKey',
    'com.openexchange.sessionstorage.hazelcast.map.asyncbackup',
    'com.openexchange.sessionstorage.hazelcast.map.backupcount',
    'com.openexchange.sessionstorage.hazelcast.map.evictionpercentage',
    'com.openexchange.sessionstorage.hazelcast.map.evictionpolicy',
    'com.openexchange.sessionstorage.hazelcast.map.maxidle',
    'com.openexchange.sessionstorage.hazelcast.map.maxsize',
    'com.openexchange.sessionstorage.hazelcast.map.mergepolicy',
    'com.openexchange.sessionstorage.hazelcast.map.name',
    'com.openexchange.sessionstorage.hazelcast.map.ttl',
    'com.openexchange.share.autoLogin',
    'jcs.region.CalendarCache',
  ]);
  assert.equal(retiredIn(def(`${HZ}group.password`)), '7.10.3');
  assert.equal(retiredIn(def(`${HZ}jmxDetailed`)), undefined);
});

test('versionFactProblems names contradictions between the version fields', () => {
  const base: PropertyDef = { key: 'a', type: 'string', default: null, description: 'd' };
  assert.deepEqual(
    versionFactProblems({
      ...base,
      since: { version: '7.10.5', disputed: { version: '7.10.1', evidence: 'x' } },
      removedIn: { version: '7.10.2', evidence: 'x', lastReadIn: '7.10.1' },
      ignoredFrom: { version: '7.10.4', evidence: 'x' },
      stockValues: [
        { from: '8.12', value: '0', evidence: 'x' },
        { from: '8.0', value: '1', evidence: 'x' },
      ],
    }),
    [
      'removedIn 7.10.2 is earlier than since 7.10.5',
      'ignoredFrom 7.10.4 is earlier than since 7.10.5',
      'since.disputed 7.10.1 is earlier than since 7.10.5',
      'lastReadIn and notReadIn belong to a removal of version "unknown"',
      'ignoredFrom 7.10.4 is not earlier than removedIn 7.10.2',
      'stockValues are not in version order at 8.0',
    ],
  );
  assert.deepEqual(
    versionFactProblems({ ...base, removedIn: { version: 'unknown', evidence: 'x', lastReadIn: '8.19', notReadIn: '8.0' } }),
    ['removedIn.lastReadIn 8.19 is not earlier than notReadIn 8.0'],
  );
  assert.deepEqual(versionFactProblems({ ...base, since: { version: 'before-7.10' }, removedIn: { version: '7.8.0', evidence: 'x' } }), []);
});
