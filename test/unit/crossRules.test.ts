import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { CROSS_RULES } from '../../server/src/rules/registry';
import { DEFAULT_SETTINGS, Settings } from '../../server/src/settings';
import { DeclaredCluster } from '../../server/src/model/clusters';
import { analyze, applyFix, change, changedPaths, Files, fixesOf, relativeOf } from '../support/memoryHost';
import { brief, Brief } from '../support/service';

const E = DiagnosticSeverity.Error;
const W = DiagnosticSeverity.Warning;
const I = DiagnosticSeverity.Information;
const HINT = DiagnosticSeverity.Hint;

const H = 'com.openexchange.hazelcast.';
const M = `${H}configuration.map.`;
const S = 'com.openexchange.sessiond.';
const EVENTS = 'com.openexchange.caching.jcs.eventInvalidation';
const ROUTE = 'com.openexchange.server.backendRoute';

/** Lines of a file, each ended by a line break. */
const lines = (...l: string[]) => l.map((x) => `${x}\n`).join('');

/** A hazelcast.properties that raises nothing on its own: a lone node with a static list of three. */
const goodHazelcast = (...extra: string[]) =>
  lines(
    `${H}group.name=prod`,
    `${H}network.join=static`,
    `${H}network.join.static.nodes=10.0.0.1,10.0.0.2,10.0.0.3`,
    `${H}network.interfaces=10.0.0.*`,
    ...extra,
  );

/** A diagnostic as plain data, with the file it belongs to. */
interface Seen extends Brief {
  file: string;
}

function flatten(byFile: Record<string, Diagnostic[]>): Array<{ file: string; d: Diagnostic }> {
  return Object.entries(byFile).flatMap(([file, list]) => list.map((d) => ({ file, d })));
}

function toSeen({ file, d }: { file: string; d: Diagnostic }): Seen {
  return { file, ...brief([d])[0] };
}

/** Every diagnostic of the workspace (single-file and cross-file), in file order. */
async function check(files: Files, settings: Settings = DEFAULT_SETTINGS, declared: DeclaredCluster[] = []): Promise<Seen[]> {
  return flatten((await analyze(files, settings, declared)).byFile).map(toSeen);
}

/** The only diagnostic with `code` in the workspace. */
async function the(files: Files, code: string, file?: string): Promise<Diagnostic> {
  const found = flatten((await analyze(files)).byFile).filter((x) => x.d.code === code && (!file || x.file === file));
  assert.equal(found.length, 1, `one ${code} diagnostic expected, found ${found.length}`);
  return found[0].d;
}

function related(d: Diagnostic) {
  return (d.relatedInformation ?? []).map((r) => ({
    file: relativeOf(r.location.uri),
    line: r.location.range.start.line,
    from: r.location.range.start.character,
    to: r.location.range.end.character,
    message: r.message,
  }));
}

const titles = (d: Diagnostic) => fixesOf(d).map((f) => f.title);

/** Applies fix `n` of `d`; returns the texts of the files it changed and what the workspace then reports. */
async function fix(files: Files, d: Diagnostic, n = 0): Promise<{ changed: Files; after: Seen[] }> {
  const next = applyFix(files, fixesOf(d)[n]);
  const changed: Files = {};
  for (const p of changedPaths(files, next)) changed[p] = next[p];
  return { changed, after: await check(next) };
}

describe('session-idle-below-lifetime', () => {
  const map = (idle: string, name = 'sessions-7') => lines(`${M}name=${name}`, `${M}maxIdleSeconds=${idle}`);

  test('maxIdleSeconds below the lifetime in sessiond.properties: warning on the value, related lifetime key, fix raises it', async () => {
    const files = {
      'c/node1/etc/sessiond.properties': lines(`${S}sessionLongLifeTime=2W`),
      'c/node1/etc/hazelcast/sessions.properties': map('86400'),
    };
    const message =
      'maxIdleSeconds 86400 (1 day) is not above the session lifetime (2W = 2 weeks = 1209600 s from sessiond.properties:1): Hazelcast evicts sessions OX still considers alive.';
    assert.deepEqual(await check(files), [
      {
        file: 'c/node1/etc/hazelcast/sessions.properties',
        code: 'session-idle-below-lifetime',
        line: 1,
        from: 60,
        to: 65,
        severity: W,
        message,
      },
    ]);
    const d = await the(files, 'session-idle-below-lifetime');
    assert.deepEqual(related(d), [{ file: 'c/node1/etc/sessiond.properties', line: 0, from: 0, to: 45, message: 'Session lifetime 2W' }]);
    assert.deepEqual(titles(d), ['Raise maxIdleSeconds to 1296000 (lifetime 2W = 1209600 s + 1 day)']);
    assert.equal(fixesOf(d)[0].preferred, true);
    const { changed, after } = await fix(files, d);
    assert.deepEqual(changed, { 'c/node1/etc/hazelcast/sessions.properties': map('1296000') });
    assert.deepEqual(after, []);
  });

  test('an unset lifetime is the default 1W; related information points at sessiond.properties', async () => {
    const files = {
      'c/node1/etc/sessiond.properties': lines(`${S}maxSession=50000`),
      'c/node1/etc/hazelcast/sessions.properties': map('604800'),
    };
    const d = await the(files, 'session-idle-below-lifetime');
    assert.equal(
      d.message,
      'maxIdleSeconds 604800 (1 week) is not above the session lifetime (1W = 1 week = 604800 s, the default): Hazelcast evicts sessions OX still considers alive.',
    );
    assert.deepEqual(related(d), [
      { file: 'c/node1/etc/sessiond.properties', line: 0, from: 0, to: 0, message: `${S}sessionLongLifeTime is not set: default 1W` },
    ]);
    assert.deepEqual(titles(d), ['Raise maxIdleSeconds to 691200 (lifetime 1W = 604800 s + 1 day)']);
    // Without a sessiond.properties there is no place to point at.
    const alone = await the({ 'c/node1/etc/hazelcast/sessions.properties': map('86400') }, 'session-idle-below-lifetime');
    assert.deepEqual(related(alone), []);
  });

  test('a bare-number lifetime is milliseconds', async () => {
    const files = {
      'c/node1/etc/sessiond.properties': lines(`${S}sessionLongLifeTime=1209600000`),
      'c/node1/etc/hazelcast/sessions.properties': map('1000000'),
    };
    const d = await the(files, 'session-idle-below-lifetime');
    assert.equal(
      d.message,
      'maxIdleSeconds 1000000 (1 week 4 days 13 hours 46 minutes 40 seconds) is not above the session lifetime (1209600000 = 2 weeks = 1209600 s from sessiond.properties:1): Hazelcast evicts sessions OX still considers alive.',
    );
    assert.deepEqual(titles(d), ['Raise maxIdleSeconds to 1296000 (lifetime 1209600000 = 1209600 s + 1 day)']);
  });

  test('maxIdleSeconds=0 is the information variant without a fix', async () => {
    const files = {
      'c/node1/etc/sessiond.properties': lines(`${S}sessionLongLifeTime=2W`),
      'c/node1/etc/hazelcast/sessions.properties': map('0'),
    };
    assert.deepEqual(await check(files), [
      {
        file: 'c/node1/etc/hazelcast/sessions.properties',
        code: 'session-idle-below-lifetime',
        line: 1,
        from: 60,
        to: 61,
        severity: I,
        message:
          'maxIdleSeconds=0: Hazelcast never evicts idle sessions from this map; OX removes them only when they end, so a session whose node goes down can linger.',
      },
    ]);
    assert.deepEqual(titles(await the(files, 'session-idle-below-lifetime')), []);
  });

  test('no finding above the lifetime, for other maps, or for a lifetime in another node', async () => {
    assert.deepEqual(
      await check({
        'c/node1/etc/sessiond.properties': lines(`${S}sessionLongLifeTime=2W`),
        'c/node1/etc/hazelcast/sessions.properties': map('1209601'),
      }),
      [],
    );
    assert.deepEqual(await check({ 'c/node1/etc/hazelcast/authcode.properties': map('60', 'authcode-1') }), []);
    // node2's long lifetime does not count for node1's map (1W default there).
    assert.deepEqual(
      await check({
        'c/node2/etc/sessiond.properties': lines(`${S}sessionLongLifeTime=4W`),
        'c/node1/etc/hazelcast/sessions.properties': map('700000'),
      }),
      [],
    );
  });
});

describe('missing-group-name', () => {
  test('join without a group name: error on the join key, fix adds the name after it', async () => {
    const text = lines(`${H}network.join=static`, `${H}network.join.static.nodes=10.0.0.1,10.0.0.2`, `${H}network.interfaces=10.0.0.*`);
    const files = { 'lab/node1/etc/hazelcast.properties': text };
    assert.deepEqual(await check(files), [
      {
        file: 'lab/node1/etc/hazelcast.properties',
        code: 'missing-group-name',
        line: 0,
        from: 0,
        to: 39,
        severity: E,
        message: `Join mode "static" needs ${H}group.name, which is not set: OX does not start Hazelcast on this node.`,
      },
    ]);
    const d = await the(files, 'missing-group-name');
    assert.deepEqual(titles(d), [`Set ${H}group.name=lab`]);
    const { changed, after } = await fix(files, d);
    assert.deepEqual(changed, {
      'lab/node1/etc/hazelcast.properties': lines(
        `${H}network.join=static`,
        `${H}group.name=lab`,
        `${H}network.join.static.nodes=10.0.0.1,10.0.0.2`,
        `${H}network.interfaces=10.0.0.*`,
      ),
    });
    assert.deepEqual(after, []);
  });

  test('a blank name in another file: the fix edits that file and takes the name the other nodes use', async () => {
    const files = {
      'c/node1/etc/hazelcast.properties': goodHazelcast(),
      'c/node2/etc/hazelcast.properties': goodHazelcast(),
      'c/node3/etc/hazelcast.properties': lines(
        `${H}network.join=static`,
        `${H}network.join.static.nodes=10.0.0.1,10.0.0.2,10.0.0.3`,
        `${H}network.interfaces=10.0.0.*`,
      ),
      'c/node3/etc/server.properties': lines(`${H}group.name=`),
    };
    // The blank name is this rule's finding only, not also a cluster-mismatch.
    assert.deepEqual(
      (await check(files)).map((x) => [x.file, x.code]),
      [
        ['c/node3/etc/hazelcast.properties', 'missing-group-name'],
        ['c/node3/etc/server.properties', 'wrong-file'],
      ],
    );
    const d = await the(files, 'missing-group-name');
    assert.equal(d.message, `Join mode "static" needs ${H}group.name, which is blank: OX does not start Hazelcast on this node.`);
    assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 39 } });
    assert.deepEqual(titles(d), [`Set ${H}group.name=prod (as on the other nodes)`]);
    const { changed, after } = await fix(files, d);
    assert.deepEqual(changed, { 'c/node3/etc/server.properties': lines(`${H}group.name=prod`) });
    assert.deepEqual(
      after.map((s) => [s.file, s.code]),
      [['c/node3/etc/server.properties', 'wrong-file']],
    );
  });

  test('no finding with join empty, unset or invalid, or with a name', async () => {
    assert.deepEqual(await check({ 'c/node1/etc/hazelcast.properties': lines(`${H}network.join=empty`) }), []);
    assert.deepEqual(await check({ 'c/node1/etc/hazelcast.properties': lines(`${H}jmx=true`) }), []);
    assert.deepEqual(
      (await check({ 'c/node1/etc/hazelcast.properties': lines(`${H}network.join=statik`) })).map((s) => s.code),
      ['invalid-value'],
    );
    assert.deepEqual(await check({ 'c/node1/etc/hazelcast.properties': goodHazelcast() }), []);
  });
});

describe('join-incomplete', () => {
  const node = (...l: string[]) => ({
    'c/node1/etc/hazelcast.properties': lines(`${H}group.name=prod`, `${H}network.interfaces=10.0.0.*`, ...l),
  });
  const onJoin = (message: string): Seen => ({
    file: 'c/node1/etc/hazelcast.properties',
    code: 'join-incomplete',
    line: 2,
    from: 0,
    to: 39,
    severity: E,
    message,
  });

  test('static without nodes, also when the list has only commas', async () => {
    assert.deepEqual(await check(node(`${H}network.join=static`)), [
      onJoin(`Join mode "static" needs ${H}network.join.static.nodes, which is not set: this node has nobody to join.`),
    ]);
    assert.deepEqual(await check(node(`${H}network.join=static`, `${H}network.join.static.nodes=`)), [
      onJoin(`Join mode "static" needs ${H}network.join.static.nodes, which is empty: this node has nobody to join.`),
    ]);
    assert.deepEqual(
      (await check(node(`${H}network.join=static`, `${H}network.join.static.nodes=,`))).filter((s) => s.code === 'join-incomplete').length,
      1,
    );
    assert.deepEqual(await check(node(`${H}network.join=static`, `${H}network.join.static.nodes=10.0.0.1`)), []);
  });

  test('multicast: defaults are complete; a unicast group address is reported on the value, a bad port only by invalid-value', async () => {
    assert.deepEqual(await check(node(`${H}network.join=multicast`)), []);
    assert.deepEqual(await check(node(`${H}network.join=multicast`, `${H}network.join.multicast.group=10.1.1.1`)), [
      {
        file: 'c/node1/etc/hazelcast.properties',
        code: 'join-incomplete',
        line: 3,
        from: 56,
        to: 64,
        severity: E,
        message: 'Join mode "multicast" needs a multicast group address (224.0.0.0 to 239.255.255.255, or ff00::/8); 10.1.1.1 is not one.',
      },
    ]);
    assert.deepEqual(await check(node(`${H}network.join=multicast`, `${H}network.join.multicast.group=`)), [
      {
        file: 'c/node1/etc/hazelcast.properties',
        code: 'join-incomplete',
        line: 3,
        from: 0,
        to: 55,
        severity: E,
        message: `Join mode "multicast" needs a multicast group address, but ${H}network.join.multicast.group is empty.`,
      },
    ]);
    assert.deepEqual(
      (await check(node(`${H}network.join=multicast`, `${H}network.join.multicast.port=0`))).map((s) => s.code),
      ['invalid-value'],
    );
    assert.deepEqual(await check(node(`${H}network.join=multicast`, `${H}network.join.multicast.group=ff02::1`)), []);
  });

  test('dns needs domain names', async () => {
    assert.deepEqual(await check(node(`${H}network.join=dns`)), [
      onJoin(`Join mode "dns" needs ${H}network.join.dns.domainNames, which is not set: there is no name to resolve.`),
    ]);
    assert.deepEqual(await check(node(`${H}network.join=dns`, `${H}network.join.dns.domainNames=ox.example.com`)), []);
  });

  test('kubernetes accepts serviceDNS and the older serviceName', async () => {
    assert.deepEqual(await check(node(`${H}network.join=kubernetes`)), [
      onJoin(
        `Join mode "kubernetes" needs the Kubernetes service, but neither ${H}network.join.k8s.serviceDNS (read by OX 8) nor ${H}network.join.k8s.serviceName (the name in older documentation) is set.`,
      ),
    ]);
    assert.deepEqual(await check(node(`${H}network.join=kubernetes`, `${H}network.join.k8s.serviceDNS=ox.ns.svc.cluster.local`)), []);
    assert.deepEqual(await check(node(`${H}network.join=kubernetes`, `${H}network.join.k8s.serviceName=ox-hazelcast`)), []);
  });

  test('aws names the missing key', async () => {
    assert.deepEqual(await check(node(`${H}network.join=AWS`, `${H}network.join.aws.accessKey=AKIAEXAMPLE`)), [
      onJoin(
        `Join mode "aws" needs ${H}network.join.aws.accessKey and ${H}network.join.aws.secretKey; ${H}network.join.aws.secretKey is not set.`,
      ),
    ]);
    assert.deepEqual(
      await check(node(`${H}network.join=aws`, `${H}network.join.aws.accessKey=AKIAEXAMPLE`, `${H}network.join.aws.secretKey=c2VjcmV0`)),
      [],
    );
  });
});

describe('loopback-interfaces', () => {
  const base = [`${H}group.name=prod`, `${H}network.join=static`, `${H}network.join.static.nodes=10.0.0.11,10.0.0.12:5701`];

  test('unset interfaces: warning on the join key; the fix adds a wildcard from the static list after it', async () => {
    const files = { 'c/node1/etc/hazelcast.properties': lines(...base) };
    assert.deepEqual(await check(files), [
      {
        file: 'c/node1/etc/hazelcast.properties',
        code: 'loopback-interfaces',
        line: 1,
        from: 0,
        to: 39,
        severity: W,
        message: `Hazelcast listens on 127.0.0.1 only (the default, as ${H}network.interfaces is not set), so the other nodes cannot reach this one although join is "static".`,
      },
    ]);
    const d = await the(files, 'loopback-interfaces');
    assert.deepEqual(titles(d), [`Set ${H}network.interfaces=10.0.0.* (from the static node list)`]);
    const { changed, after } = await fix(files, d);
    assert.deepEqual(changed, { 'c/node1/etc/hazelcast.properties': lines(base[0], base[1], `${H}network.interfaces=10.0.0.*`, base[2]) });
    assert.deepEqual(after, []);
  });

  test('127.0.0.1: warning on the value, fix replaces it', async () => {
    const files = { 'c/node1/etc/hazelcast.properties': lines(...base, `${H}network.interfaces=127.0.0.1`) };
    assert.deepEqual(await check(files), [
      {
        file: 'c/node1/etc/hazelcast.properties',
        code: 'loopback-interfaces',
        line: 3,
        from: 46,
        to: 55,
        severity: W,
        message: 'Hazelcast listens on 127.0.0.1 only, so the other nodes cannot reach this one although join is "static".',
      },
    ]);
    const { changed, after } = await fix(files, await the(files, 'loopback-interfaces'));
    assert.deepEqual(changed, { 'c/node1/etc/hazelcast.properties': lines(...base, `${H}network.interfaces=10.0.0.*`) });
    assert.deepEqual(after, []);
  });

  test('join set in server.properties: the fix writes hazelcast.properties, another file than the diagnostic', async () => {
    const files = {
      'c/node1/etc/hazelcast.properties': lines(base[0], base[2]),
      'c/node1/etc/server.properties': lines(`${ROUTE}=OX1`, base[1]),
    };
    const d = await the(files, 'loopback-interfaces', 'c/node1/etc/server.properties');
    assert.deepEqual(d.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 39 } });
    const { changed, after } = await fix(files, d);
    assert.deepEqual(changed, { 'c/node1/etc/hazelcast.properties': lines(base[0], base[2], `${H}network.interfaces=10.0.0.*`) });
    assert.deepEqual(
      after.map((s) => s.code),
      ['wrong-file'],
    );
  });

  test('no fix when the list has host names; no finding for a blank value (all interfaces), a real address or join empty', async () => {
    const named = await the(
      { 'c/node1/etc/hazelcast.properties': lines(base[0], base[1], `${H}network.join.static.nodes=ox1.example.com,ox2.example.com`) },
      'loopback-interfaces',
    );
    assert.deepEqual(titles(named), []);
    // A blank value is weak-cluster-exposure's finding, not this rule's.
    assert.deepEqual(
      (await check({ 'c/node1/etc/hazelcast.properties': lines(...base, `${H}network.interfaces=`) })).map((s) => s.code),
      ['weak-cluster-exposure'],
    );
    assert.deepEqual(await check({ 'c/node1/etc/hazelcast.properties': lines(...base, `${H}network.interfaces=10.0.0.11`) }), []);
    assert.deepEqual(
      await check({ 'c/node1/etc/hazelcast.properties': lines(`${H}network.join=empty`, `${H}network.interfaces=127.0.0.1`) }),
      [],
    );
  });
});

describe('backups-exceed-members', () => {
  const map = (...l: string[]) => lines(`${M}name=sessions-7`, ...l);
  const staticTwo = lines(
    `${H}group.name=prod`,
    `${H}network.join=static`,
    `${H}network.join.static.nodes=10.0.0.1,10.0.0.2`,
    `${H}network.interfaces=10.0.0.*`,
  );

  test('a lone node counts its static node list', async () => {
    const files = {
      'c/node1/etc/hazelcast.properties': staticTwo,
      'c/node1/etc/hazelcast/sessions.properties': map(`${M}backupCount=1`, `${M}asyncBackupCount=1`),
    };
    assert.deepEqual(await check(files), [
      {
        file: 'c/node1/etc/hazelcast/sessions.properties',
        code: 'backups-exceed-members',
        line: 1,
        from: 57,
        to: 58,
        severity: W,
        message:
          'This map keeps 3 copies of each entry (backupCount 1 + asyncBackupCount 1 + 1), but there are only 2 nodes in the static node list: not every copy gets a member of its own, so entries can be lost while a member is down.',
      },
    ]);
    assert.deepEqual(
      await check({
        'c/node1/etc/hazelcast.properties': staticTwo,
        'c/node1/etc/hazelcast/sessions.properties': map(`${M}readBackupData=true`),
      }),
      [],
    );
  });

  test('counts above 6 work as 6', async () => {
    const files = {
      'c/node1/etc/hazelcast.properties': staticTwo,
      'c/node1/etc/hazelcast/sessions.properties': map(`${M}asyncBackupCount=8`),
    };
    const d = await the(files, 'backups-exceed-members');
    assert.deepEqual(d.range, { start: { line: 1, character: 62 }, end: { line: 1, character: 63 } });
    assert.equal(
      d.message,
      'This map keeps 8 copies of each entry (backupCount 1 + asyncBackupCount 8, which works as 6 + 1), but there are only 2 nodes in the static node list: not every copy gets a member of its own, so entries can be lost while a member is down.',
    );
  });

  test('a cluster counts its full members; lite members do not count', async () => {
    const files = {
      'c/node1/etc/hazelcast.properties': goodHazelcast(),
      'c/node1/etc/hazelcast/sessions.properties': map(`${M}backupCount=1`),
      'c/node2/etc/hazelcast.properties': goodHazelcast(`${H}liteMember=true`),
      'c/node3/etc/hazelcast.properties': goodHazelcast(`${H}liteMember=true`),
    };
    assert.deepEqual(await check(files), [
      {
        file: 'c/node1/etc/hazelcast/sessions.properties',
        code: 'backups-exceed-members',
        line: 1,
        from: 57,
        to: 58,
        severity: W,
        message:
          'This map keeps 2 copies of each entry (backupCount 1 + asyncBackupCount 0 + 1), but there is only 1 full member in this cluster: not every copy gets a member of its own, so entries can be lost while a member is down.',
      },
    ]);
    files['c/node3/etc/hazelcast.properties'] = goodHazelcast();
    assert.deepEqual(await check(files), []);
  });

  test('not with join=empty', async () => {
    const files = {
      'c/node1/etc/hazelcast.properties': lines(`${H}network.join=empty`),
      'c/node1/etc/hazelcast/sessions.properties': map(`${M}backupCount=3`),
    };
    assert.deepEqual(await check(files), []);
  });
});

describe('no-data-members', () => {
  test('every node lite: an error at each liteMember value', async () => {
    const files = {
      'c/node1/etc/hazelcast.properties': goodHazelcast(`${H}liteMember=true`),
      'c/node2/etc/hazelcast.properties': goodHazelcast(`${H}liteMember=TRUE`),
    };
    const message =
      'All 2 nodes of cluster "c" are lite members, so no member holds distributed data (sessions, locks, caches). Make at least one a full member.';
    assert.deepEqual(await check(files), [
      { file: 'c/node1/etc/hazelcast.properties', code: 'no-data-members', line: 4, from: 38, to: 42, severity: E, message },
      { file: 'c/node2/etc/hazelcast.properties', code: 'no-data-members', line: 4, from: 38, to: 42, severity: E, message },
    ]);
  });

  test('a lone lite node with join empty is reported; one that joins others may have full members elsewhere', async () => {
    assert.deepEqual(await check({ 'solo/node1/etc/hazelcast.properties': lines(`${H}liteMember=true`) }), [
      {
        file: 'solo/node1/etc/hazelcast.properties',
        code: 'no-data-members',
        line: 0,
        from: 38,
        to: 42,
        severity: E,
        message:
          'The only node of cluster "solo" is a lite member, so no member holds distributed data (sessions, locks, caches). Make at least one a full member.',
      },
    ]);
    assert.deepEqual(await check({ 'c/node1/etc/hazelcast.properties': goodHazelcast(`${H}liteMember=true`) }), []);
  });

  test('no finding with one full member, or when Hazelcast is off', async () => {
    assert.deepEqual(
      await check({
        'c/node1/etc/hazelcast.properties': goodHazelcast(`${H}liteMember=true`),
        'c/node2/etc/hazelcast.properties': goodHazelcast(),
      }),
      [],
    );
    const off = await check({
      'c/node1/etc/hazelcast.properties': lines(`${H}enabled=false`, `${H}liteMember=true`),
      'c/node1/etc/cache.properties': lines(`${EVENTS}=false`),
    });
    assert.deepEqual(off, []);
  });

  test('nodes with Hazelcast off are no members: the others are reported, and the message says so', async () => {
    const files = {
      'c/node1/etc/hazelcast.properties': goodHazelcast(`${H}liteMember=true`),
      'c/node2/etc/hazelcast.properties': goodHazelcast(`${H}liteMember=true`),
      'c/node3/etc/hazelcast.properties': goodHazelcast(`${H}enabled=false`),
      'c/node3/etc/cache.properties': lines(`${EVENTS}=false`),
    };
    const message =
      'All 2 nodes of cluster "c" that run Hazelcast are lite members, so no member holds distributed data (sessions, locks, caches). Make at least one a full member.';
    assert.deepEqual(
      (await check(files)).filter((x) => x.code === 'no-data-members'),
      [
        { file: 'c/node1/etc/hazelcast.properties', code: 'no-data-members', line: 4, from: 38, to: 42, severity: E, message },
        { file: 'c/node2/etc/hazelcast.properties', code: 'no-data-members', line: 4, from: 38, to: 42, severity: E, message },
      ],
    );
  });
});

describe('event-invalidation-without-hazelcast', () => {
  test('set in cache.properties: warning on the value, naming where Hazelcast is switched off', async () => {
    const files = {
      'c/node1/etc/hazelcast.properties': lines(`${H}enabled=false`),
      'c/node1/etc/cache.properties': lines(`${EVENTS}=true`),
    };
    assert.deepEqual(await check(files), [
      {
        file: 'c/node1/etc/cache.properties',
        code: 'event-invalidation-without-hazelcast',
        line: 0,
        from: 47,
        to: 51,
        severity: W,
        message:
          'Cache invalidation by events is on, but Hazelcast is disabled (hazelcast.properties:1): the events travel over Hazelcast, so other nodes never learn about changed data and serve stale caches.',
      },
    ]);
  });

  test('on by default: reported on line 1 of cache.properties; "no" switches Hazelcast off as well', async () => {
    const files = {
      'c/node1/etc/hazelcast.properties': lines('# single node', `${H}enabled=no`),
      'c/node1/etc/cache.properties': lines('# stock file'),
    };
    assert.deepEqual(await check(files), [
      {
        file: 'c/node1/etc/cache.properties',
        code: 'event-invalidation-without-hazelcast',
        line: 0,
        from: 0,
        to: 12,
        severity: W,
        message:
          'Cache invalidation by events is on by default, but Hazelcast is disabled (hazelcast.properties:2): the events travel over Hazelcast, so other nodes never learn about changed data and serve stale caches.',
      },
      {
        file: 'c/node1/etc/hazelcast.properties',
        code: 'misread-value',
        line: 1,
        from: 35,
        to: 37,
        severity: W,
        message: 'OX reads "no" as false: only "true" (in any letter case) is true.',
      },
    ]);
  });

  test('no finding when invalidation is off or Hazelcast is on', async () => {
    assert.deepEqual(
      await check({
        'c/node1/etc/hazelcast.properties': lines(`${H}enabled=false`),
        'c/node1/etc/cache.properties': lines(`${EVENTS}=false`),
      }),
      [],
    );
    assert.deepEqual(
      await check({
        'c/node1/etc/hazelcast.properties': lines(`${H}enabled=true`),
        'c/node1/etc/cache.properties': lines(`${EVENTS}=true`),
      }),
      [],
    );
  });
});

describe('ltcp-ignored', () => {
  const ccf = lines(
    'jcs.region.User=LTCP',
    'jcs.auxiliary.LTCP=org.apache.jcs.auxiliary.lateral.socket.tcp.LateralTCPCacheFactory',
    'jcs.auxiliary.LTCP.attributes.TcpListenerPort=57462',
  );

  test('LTCP auxiliary lines are an unnecessary hint while event invalidation is on (the default)', async () => {
    const files = { 'c/node1/etc/cache.ccf': ccf };
    const message = `Ignored: with ${EVENTS}=true (the default), OX invalidates caches through Hazelcast and turns LTCP off. Regions still need jcs.region.<name>=LTCP.`;
    assert.deepEqual(await check(files), [
      { file: 'c/node1/etc/cache.ccf', code: 'ltcp-ignored', line: 1, from: 0, to: 85, severity: HINT, message },
      { file: 'c/node1/etc/cache.ccf', code: 'ltcp-ignored', line: 2, from: 0, to: 51, severity: HINT, message },
    ]);
    const all = flatten((await analyze(files)).byFile);
    assert.deepEqual(
      all.map((x) => x.d.tags),
      [[DiagnosticTag.Unnecessary], [DiagnosticTag.Unnecessary]],
    );
    const set = await check({ ...files, 'c/node1/etc/cache.properties': lines(`${EVENTS}=true`) });
    assert.equal(
      set[0].message,
      `Ignored: with ${EVENTS}=true, OX invalidates caches through Hazelcast and turns LTCP off. Regions still need jcs.region.<name>=LTCP.`,
    );
  });

  test('no finding with event invalidation off', async () => {
    assert.deepEqual(await check({ 'c/node1/etc/cache.ccf': ccf, 'c/node1/etc/cache.properties': lines(`${EVENTS}=false`) }), []);
  });
});

describe('legacy-file', () => {
  test('cluster.properties names the key that replaces each of its keys', async () => {
    const files = { 'c/node1/etc/cluster.properties': lines('# left over from an old release', 'com.openexchange.cluster.name=prod') };
    assert.deepEqual(await check(files), [
      {
        file: 'c/node1/etc/cluster.properties',
        code: 'deprecated-key',
        line: 1,
        from: 0,
        to: 29,
        severity: W,
        message: '"com.openexchange.cluster.name" was renamed to "com.openexchange.hazelcast.group.name"; OX no longer reads the old name.',
      },
      {
        file: 'c/node1/etc/cluster.properties',
        code: 'legacy-file',
        line: 0,
        from: 0,
        to: 31,
        severity: W,
        message:
          'cluster.properties is an old cluster discovery file; OX no longer reads its keys under these names. Move its settings to hazelcast.properties: com.openexchange.cluster.name -> com.openexchange.hazelcast.group.name.',
      },
    ]);
  });

  test('mdns.properties without known keys gets the general advice; hazelcast.properties is not legacy', async () => {
    assert.deepEqual(await check({ 'c/node1/etc/mdns.properties': lines('com.openexchange.mdns.enabled=true') }), [
      {
        file: 'c/node1/etc/mdns.properties',
        code: 'legacy-file',
        line: 0,
        from: 0,
        to: 34,
        severity: W,
        message:
          'mdns.properties is an old cluster discovery file; OX no longer reads its keys under these names. mDNS discovery is gone: choose a join mode in hazelcast.properties (com.openexchange.hazelcast.network.join).',
      },
    ]);
    assert.deepEqual(await check({ 'c/node1/etc/hazelcast.properties': goodHazelcast() }), []);
  });
});

describe('duplicate-across-files', () => {
  test('a key in two files of a node: both are reported, each pointing at the other', async () => {
    const files = {
      'c/node1/etc/hazelcast.properties': goodHazelcast(),
      'c/node1/etc/server.properties': lines(`${ROUTE}=OX1`, `${H}group.name=test`),
    };
    const seen = (await check(files)).filter((s) => s.code === 'duplicate-across-files');
    assert.deepEqual(seen, [
      {
        file: 'c/node1/etc/hazelcast.properties',
        code: 'duplicate-across-files',
        line: 0,
        from: 0,
        to: 37,
        severity: W,
        message: `"${H}group.name" is also set in server.properties:2 to a different value. OX reads both files and which one it reads last is undefined; keep it in one file.`,
      },
      {
        file: 'c/node1/etc/server.properties',
        code: 'duplicate-across-files',
        line: 1,
        from: 0,
        to: 37,
        severity: W,
        message: `"${H}group.name" is also set in hazelcast.properties:1 to a different value. OX reads both files and which one it reads last is undefined; keep it in one file.`,
      },
    ]);
    const d = await the(files, 'duplicate-across-files', 'c/node1/etc/hazelcast.properties');
    assert.deepEqual(related(d), [{ file: 'c/node1/etc/server.properties', line: 1, from: 0, to: 37, message: 'Also set here: test' }]);
  });

  test('secrets are not shown; the same value is named as such; other nodes do not count', async () => {
    const secret = `${H}network.symmetricEncryption.password`;
    const files = {
      'c/node1/etc/hazelcast.properties': goodHazelcast(`${secret}=Wq8-local-1`),
      'c/node1/etc/cache.properties': lines(`${secret}=Wq8-local-1`),
      'c/node2/etc/server.properties': lines(`${secret}=Wq8-local-1`),
    };
    const d = await the(files, 'duplicate-across-files', 'c/node1/etc/cache.properties');
    assert.equal(
      d.message,
      `"${secret}" is also set in hazelcast.properties:5 (same value). OX reads both files and which one it reads last is undefined; keep it in one file.`,
    );
    assert.deepEqual(related(d), [{ file: 'c/node1/etc/hazelcast.properties', line: 4, from: 0, to: 63, message: 'Also set here' }]);
    assert.equal(JSON.stringify(await check(files)).includes('Wq8-local-1'), false);
  });
});

describe('cluster-mismatch', () => {
  test('a majority: only the odd node is reported (error for the group name), the fix aligns it', async () => {
    const files = {
      'c/node1/etc/hazelcast.properties': goodHazelcast(),
      'c/node2/etc/hazelcast.properties': goodHazelcast(),
      'c/node3/etc/hazelcast.properties': goodHazelcast().replace('=prod', '=test'),
    };
    assert.deepEqual(await check(files), [
      {
        file: 'c/node3/etc/hazelcast.properties',
        code: 'cluster-mismatch',
        line: 0,
        from: 38,
        to: 42,
        severity: E,
        message: `${H}group.name differs from the other nodes of the cluster: node3 has "test", most nodes have "prod". Nodes must agree on it, or the cluster splits.`,
      },
    ]);
    const d = await the(files, 'cluster-mismatch');
    assert.deepEqual(related(d), [
      { file: 'c/node1/etc/hazelcast.properties', line: 0, from: 38, to: 42, message: 'node1: "prod"' },
      { file: 'c/node2/etc/hazelcast.properties', line: 0, from: 38, to: 42, message: 'node2: "prod"' },
    ]);
    assert.deepEqual(titles(d), ['Align with the other nodes: prod']);
    const { changed, after } = await fix(files, d);
    assert.deepEqual(changed, { 'c/node3/etc/hazelcast.properties': goodHazelcast() });
    assert.deepEqual(after, []);
  });

  test('a node with Hazelcast off is no member: its group name, join and maps are not compared; it keeps its own findings', async () => {
    const off = (enabled: string) => ({
      'c/node1/etc/hazelcast.properties': goodHazelcast(),
      'c/node2/etc/hazelcast.properties': goodHazelcast(),
      'c/node3/etc/hazelcast.properties': goodHazelcast(`${H}enabled=${enabled}`)
        .replace('=prod', '=test')
        .replace('join=static', 'join=multicast'),
      'c/node1/etc/hazelcast/sessions.properties': lines(`${M}name=sessions-7`, `${M}backupCount=1`),
      'c/node2/etc/hazelcast/sessions.properties': lines(`${M}name=sessions-7`, `${M}backupCount=1`),
      'c/node3/etc/hazelcast/sessions.properties': lines(`${M}name=sessions-7`, `${M}backupCount=2`),
    });
    assert.deepEqual(await check(off('true')), [
      {
        file: 'c/node3/etc/hazelcast.properties',
        code: 'cluster-mismatch',
        line: 0,
        from: 38,
        to: 42,
        severity: E,
        message: `${H}group.name differs from the other nodes of the cluster: node3 has "test", most nodes have "prod". Nodes must agree on it, or the cluster splits.`,
      },
      {
        file: 'c/node3/etc/hazelcast.properties',
        code: 'cluster-mismatch',
        line: 1,
        from: 40,
        to: 49,
        severity: E,
        message: `${H}network.join differs from the other nodes of the cluster: node3 has "multicast", most nodes have "static". Nodes must agree on it, or the cluster splits.`,
      },
      {
        file: 'c/node3/etc/hazelcast/sessions.properties',
        code: 'cluster-mismatch',
        line: 1,
        from: 57,
        to: 58,
        severity: W,
        message: `${M}backupCount in hazelcast/sessions.properties differs from the other nodes of the cluster: node3 has "2", most nodes have "1". Nodes must agree on it.`,
      },
    ]);
    // Still its own node rule: event invalidation needs Hazelcast.
    assert.deepEqual(await check(off('false')), [
      {
        file: 'c/node3/etc/hazelcast.properties',
        code: 'event-invalidation-without-hazelcast',
        line: 0,
        from: 0,
        to: 42,
        severity: W,
        message:
          'Cache invalidation by events is on by default, but Hazelcast is disabled (hazelcast.properties:5): the events travel over Hazelcast, so other nodes never learn about changed data and serve stale caches.',
      },
    ]);
  });

  test('no majority: every node is reported, without a fix', async () => {
    const files = {
      'c/node1/etc/hazelcast.properties': goodHazelcast(),
      'c/node2/etc/hazelcast.properties': goodHazelcast().replace('join=static', 'join=Multicast'),
    };
    const message = `${H}network.join differs across the nodes of the cluster (node1: "static", node2: "Multicast"); they must agree on it.`;
    assert.deepEqual(await check(files), [
      { file: 'c/node1/etc/hazelcast.properties', code: 'cluster-mismatch', line: 1, from: 40, to: 46, severity: E, message },
      { file: 'c/node2/etc/hazelcast.properties', code: 'cluster-mismatch', line: 1, from: 40, to: 49, severity: E, message },
    ]);
    assert.deepEqual(titles(await the(files, 'cluster-mismatch', 'c/node1/etc/hazelcast.properties')), []);
  });

  test('join mode compared ignoring case; encryption details only where encryption is on', async () => {
    const salt = `${H}network.symmetricEncryption.salt`;
    assert.deepEqual(
      await check({
        'c/node1/etc/hazelcast.properties': goodHazelcast(`${salt}=aaa-local`),
        'c/node2/etc/hazelcast.properties': goodHazelcast(`${salt}=bbb-local`).replace('join=static', 'join=STATIC'),
      }),
      [],
    );
  });

  test('secrets are masked; an unset secret is "(not set)"; the fix copies the value without showing it', async () => {
    const enc = `${H}network.symmetricEncryption`;
    const files = {
      'c/node1/etc/hazelcast.properties': goodHazelcast(`${enc}=true`, `${enc}.salt=Site-Salt-1`, `${enc}.password=Local-Pw-77`),
      'c/node2/etc/hazelcast.properties': goodHazelcast(`${enc}=true`, `${enc}.salt=Site-Salt-1`, `${enc}.password=Local-Pw-77`),
      'c/node3/etc/hazelcast.properties': goodHazelcast(`${enc}=true`, `${enc}.salt=Site-Salt-1`, `${enc}.password=Other-Pw-12`),
      'c/node4/etc/hazelcast.properties': goodHazelcast(`${enc}=true`, `${enc}.salt=Site-Salt-1`),
    };
    const seen = await check(files);
    const message = `${enc}.password differs across the nodes of the cluster (node1: (a secret value), node2: (a secret value), node3: (a secret value), node4: (not set)); they must agree on it.`;
    assert.deepEqual(seen, [
      { file: 'c/node1/etc/hazelcast.properties', code: 'cluster-mismatch', line: 6, from: 64, to: 75, severity: E, message },
      { file: 'c/node2/etc/hazelcast.properties', code: 'cluster-mismatch', line: 6, from: 64, to: 75, severity: E, message },
      { file: 'c/node3/etc/hazelcast.properties', code: 'cluster-mismatch', line: 6, from: 64, to: 75, severity: E, message },
      {
        file: 'c/node4/etc/hazelcast.properties',
        code: 'default-secret',
        line: 4,
        from: 55,
        to: 59,
        severity: W,
        message: `"${enc}.password" is not set, so OX uses its built-in default, which is publicly known. Set a secret of your own.`,
      },
      { file: 'c/node4/etc/hazelcast.properties', code: 'cluster-mismatch', line: 0, from: 0, to: 42, severity: E, message },
    ]);
    assert.equal(JSON.stringify(seen).includes('Pw-'), false);
    delete (files as Files)['c/node4/etc/hazelcast.properties'];
    const d = await the(files, 'cluster-mismatch');
    assert.equal(
      d.message,
      `${enc}.password differs from the other nodes of the cluster: node3 has a different secret value than most nodes. Nodes must agree on it, or the cluster splits.`,
    );
    assert.deepEqual(
      related(d).map((r) => r.message),
      ['node1: (a secret value)', 'node2: (a secret value)'],
    );
    assert.deepEqual(titles(d), [`Align ${enc}.password with the other nodes`]);
    const { changed, after } = await fix(files, d);
    assert.deepEqual(changed, {
      'c/node3/etc/hazelcast.properties': goodHazelcast(`${enc}=true`, `${enc}.salt=Site-Salt-1`, `${enc}.password=Local-Pw-77`),
    });
    assert.deepEqual(after, []);
  });

  test('event invalidation differs: a warning; an unset value counts as the default where cache.properties exists', async () => {
    const files = {
      'c/node1/etc/cache.properties': lines(`${EVENTS}=false`),
      'c/node2/etc/cache.properties': lines('# stock'),
      'c/node3/etc/cache.properties': lines(`${EVENTS}=TRUE`),
      'c/node4/etc/server.properties': lines(`${ROUTE}=OX4`),
    };
    assert.deepEqual(await check(files), [
      {
        file: 'c/node1/etc/cache.properties',
        code: 'cluster-mismatch',
        line: 0,
        from: 47,
        to: 52,
        severity: W,
        message: `${EVENTS} differs from the other nodes of the cluster: node1 has "false", most nodes have "TRUE". Nodes must agree on it.`,
      },
    ]);
    const d = await the(files, 'cluster-mismatch');
    assert.deepEqual(related(d), [
      { file: 'c/node2/etc/cache.properties', line: 0, from: 0, to: 7, message: 'node2: "true" (default)' },
      { file: 'c/node3/etc/cache.properties', line: 0, from: 47, to: 51, message: 'node3: "TRUE"' },
    ]);
    const { changed } = await fix(files, d);
    assert.deepEqual(changed, { 'c/node1/etc/cache.properties': lines(`${EVENTS}=TRUE`) });
  });

  test('when most nodes leave a setting at its default, the fix removes it from the odd node', async () => {
    const files = {
      'c/node1/etc/hazelcast/sessions.properties': lines(
        `${M}name=sessions-7`,
        `${M}readBackupData=true`,
        '# tuning',
        `${M}readBackupData=true`,
      ),
      'c/node2/etc/hazelcast/sessions.properties': lines(`${M}name=sessions-7`),
      'c/node3/etc/hazelcast/sessions.properties': lines(`${M}name=sessions-7`, `${M}timeToLiveSecond=60`),
    };
    const seen = await check(files);
    assert.deepEqual(
      seen.map((x) => [x.file, x.code, x.line, x.from, x.to, x.severity]),
      [
        ['c/node1/etc/hazelcast/sessions.properties', 'duplicate-key', 1, 0, 59, W],
        ['c/node1/etc/hazelcast/sessions.properties', 'cluster-mismatch', 3, 60, 64, W],
        ['c/node3/etc/hazelcast/sessions.properties', 'unknown-key', 1, 0, 61, W],
      ],
    );
    assert.equal(
      seen[1].message,
      `${M}readBackupData in hazelcast/sessions.properties differs from the other nodes of the cluster: node1 has "true", most nodes have "false" (default). Nodes must agree on it.`,
    );
    const d = await the(files, 'cluster-mismatch');
    assert.deepEqual(titles(d), ['Remove this setting, as most nodes leave it at the default']);
    // A setting without a default reads "(not set)" where it is missing.
    const index = await the(
      { ...files, 'c/node1/etc/hazelcast/sessions.properties': lines(`${M}name=sessions-7`, `${M}indexes.attributes=userId`) },
      'cluster-mismatch',
    );
    assert.equal(
      index.message,
      `${M}indexes.attributes in hazelcast/sessions.properties differs from the other nodes of the cluster: node1 has "userId", most nodes have (not set). Nodes must agree on it.`,
    );
    const { changed, after } = await fix(files, d);
    assert.deepEqual(changed, { 'c/node1/etc/hazelcast/sessions.properties': lines(`${M}name=sessions-7`, '# tuning') });
    assert.deepEqual(
      after.map((x) => x.code),
      ['unknown-key'],
    );
    // Two settings on the last lines, without a final line break: one edit, no overlap.
    const tail = {
      ...files,
      'c/node1/etc/hazelcast/sessions.properties': `${M}name=sessions-7\n${M}readBackupData=true\n${M}readBackupData=true`,
    };
    const tailFix = fixesOf(await the(tail, 'cluster-mismatch'));
    assert.equal(tailFix[0].edits.length, 1);
    assert.deepEqual((await fix(tail, await the(tail, 'cluster-mismatch'))).changed, {
      'c/node1/etc/hazelcast/sessions.properties': `${M}name=sessions-7\n`,
    });
  });

  test('map settings are compared per map file name, only between nodes that have the file, as warnings', async () => {
    const files = {
      'c/node1/etc/hazelcast/sessions.properties': lines(`${M}name=sessions-7`, `${M}backupCount=1`, `${M}readBackupData=true`),
      'c/node2/etc/hazelcast/sessions.properties': lines(`${M}name=sessions-7`, `${M}BACKUPCOUNT=1`, `${M}readBackupData=TRUE`),
      'c/node3/etc/hazelcast/sessions.properties': lines(`${M}name=sessions-7`, `${M}readBackupData=false`),
      'c/node1/etc/hazelcast/authcode.properties': lines(`${M}name=authcode-1`, `${M}backupCount=2`),
      'c/node3/etc/hazelcast/codes.properties': lines(`${M}name=authcode-1`, `${M}backupCount=1`),
    };
    assert.deepEqual(await check(files), [
      {
        file: 'c/node3/etc/hazelcast/sessions.properties',
        code: 'cluster-mismatch',
        line: 1,
        from: 60,
        to: 65,
        severity: W,
        message: `${M}readBackupData in hazelcast/sessions.properties differs from the other nodes of the cluster: node3 has "false", most nodes have "true". Nodes must agree on it.`,
      },
    ]);
    const { changed, after } = await fix(files, await the(files, 'cluster-mismatch'));
    assert.deepEqual(changed, { 'c/node3/etc/hazelcast/sessions.properties': lines(`${M}name=sessions-7`, `${M}readBackupData=true`) });
    assert.deepEqual(after, []);
  });
});

describe('duplicate-route', () => {
  test('two nodes with one route: an error at each, pointing at the other', async () => {
    const files = {
      'c/node1/etc/server.properties': lines(`${ROUTE}=OX1`),
      'c/node2/etc/server.properties': lines('# copied from node1', `${ROUTE}=OX1`),
      'c/node3/etc/server.properties': lines(`${ROUTE}=OX3`),
    };
    assert.deepEqual(await check(files), [
      {
        file: 'c/node1/etc/server.properties',
        code: 'duplicate-route',
        line: 0,
        from: 37,
        to: 40,
        severity: E,
        message:
          'Route "OX1" is also used by node2 (server.properties:2): the load balancer cannot tell these nodes apart by the JSESSIONID suffix. Give each node its own route.',
      },
      {
        file: 'c/node2/etc/server.properties',
        code: 'duplicate-route',
        line: 1,
        from: 37,
        to: 40,
        severity: E,
        message:
          'Route "OX1" is also used by node1 (server.properties:1): the load balancer cannot tell these nodes apart by the JSESSIONID suffix. Give each node its own route.',
      },
    ]);
    const d = await the(files, 'duplicate-route', 'c/node1/etc/server.properties');
    assert.deepEqual(related(d), [
      { file: 'c/node2/etc/server.properties', line: 1, from: 0, to: 36, message: 'node2 uses the same route' },
    ]);
  });

  test('no finding for distinct routes or for the same route in two clusters', async () => {
    assert.deepEqual(
      await check({ 'c/node1/etc/server.properties': lines(`${ROUTE}=OX1`), 'c/node2/etc/server.properties': lines(`${ROUTE}=OX2`) }),
      [],
    );
    assert.deepEqual(
      await check({ 'a/node1/etc/server.properties': lines(`${ROUTE}=OX1`), 'b/node1/etc/server.properties': lines(`${ROUTE}=OX1`) }),
      [],
    );
  });
});

describe('node-not-listed', () => {
  const node = (list: string, own: string) =>
    lines(`${H}group.name=prod`, `${H}network.join=static`, `${H}network.join.static.nodes=${list}`, `${H}network.interfaces=${own}`);

  test("a node's address missing from another node's list: information on that list, fix appends in the list's style", async () => {
    const files = {
      'c/node1/etc/hazelcast.properties': node('10.0.0.1, 10.0.0.2', '10.0.0.1'),
      'c/node2/etc/hazelcast.properties': node('10.0.0.1,10.0.0.2,10.0.0.3', '10.0.0.2'),
      'c/node3/etc/hazelcast.properties': node('10.0.0.1,10.0.0.2,10.0.0.3', '10.0.0.3'),
    };
    assert.deepEqual(await check(files), [
      {
        file: 'c/node1/etc/hazelcast.properties',
        code: 'node-not-listed',
        line: 2,
        from: 53,
        to: 71,
        severity: I,
        message:
          "node3 (10.0.0.3) is not in this node's static node list. It can still join through another node, but listing every node lets any of them start first.",
      },
    ]);
    const d = await the(files, 'node-not-listed');
    assert.deepEqual(titles(d), ['Add 10.0.0.3 to the list']);
    const { changed, after } = await fix(files, d);
    assert.deepEqual(changed, { 'c/node1/etc/hazelcast.properties': node('10.0.0.1, 10.0.0.2, 10.0.0.3', '10.0.0.1') });
    assert.deepEqual(after, []);
  });

  test('a trailing comma is reused', async () => {
    const files = {
      'c/node1/etc/hazelcast.properties': node('10.0.0.1,', '10.0.0.1'),
      'c/node2/etc/hazelcast.properties': node('10.0.0.1,10.0.0.2', '10.0.0.2'),
    };
    const { changed } = await fix(files, await the(files, 'node-not-listed'));
    assert.deepEqual(changed, { 'c/node1/etc/hazelcast.properties': node('10.0.0.1,10.0.0.2', '10.0.0.1') });
  });

  test('no finding when nodes have wildcard interfaces or use another join mode', async () => {
    assert.deepEqual(
      await check({
        'c/node1/etc/hazelcast.properties': node('10.0.0.1', '10.0.0.*'),
        'c/node2/etc/hazelcast.properties': node('10.0.0.1', '10.0.0.*'),
      }),
      [],
    );
  });
});

describe('weak-cluster-exposure', () => {
  const base = [`${H}group.name=prod`, `${H}network.join=static`, `${H}network.join.static.nodes=10.0.0.11,10.0.0.12:5701`];
  const blankMessage = (mode: string) =>
    `${H}network.interfaces is blank, so Hazelcast listens on every network interface of this host, not only on the cluster network (join is "${mode}"). ` +
    'Whoever reaches the Hazelcast port on any of them can talk to the cluster: list the addresses of the cluster network instead.';
  const restMessage =
    'Hazelcast\'s REST endpoint is on (join is "static"): whoever reaches this node\'s Hazelcast port can read and change entries of the distributed maps and queues (sessions among them) over plain HTTP, without credentials. ' +
    'OX does not use it; switch it off.';
  const memcacheMessage =
    'Hazelcast\'s memcache endpoint is on (join is "static"): whoever reaches this node\'s Hazelcast port can store data in the cluster and read its statistics with the memcache text protocol, without credentials. ' +
    'OX does not use it; switch it off.';

  test('blank interfaces: warning on the key, the fix sets a wildcard from the static node list', async () => {
    const files = { 'c/node1/etc/hazelcast.properties': lines(...base, `${H}network.interfaces=`) };
    assert.deepEqual(await check(files), [
      {
        file: 'c/node1/etc/hazelcast.properties',
        code: 'weak-cluster-exposure',
        line: 3,
        from: 0,
        to: 45,
        severity: W,
        message: blankMessage('static'),
      },
    ]);
    const d = await the(files, 'weak-cluster-exposure');
    assert.deepEqual(titles(d), [`Set ${H}network.interfaces=10.0.0.* (from the static node list)`]);
    assert.equal(fixesOf(d)[0].preferred, true);
    const { changed, after } = await fix(files, d);
    assert.deepEqual(changed, { 'c/node1/etc/hazelcast.properties': lines(...base, `${H}network.interfaces=10.0.0.*`) });
    assert.deepEqual(after, []);
  });

  test('blank interfaces with host names in the list, without a separator, or with another join mode', async () => {
    const named = {
      'c/node1/etc/hazelcast.properties': lines(
        base[0],
        base[1],
        `${H}network.join.static.nodes=ox1.example.com,ox2.example.com`,
        `${H}network.interfaces=  `,
      ),
    };
    const d = await the(named, 'weak-cluster-exposure');
    assert.equal(d.message, blankMessage('static'));
    assert.deepEqual(titles(d), []);
    // A key without a separator is blank too; the fix then adds one.
    const bare = { 'c/node1/etc/hazelcast.properties': lines(...base, `${H}network.interfaces`) };
    const { changed, after } = await fix(bare, await the(bare, 'weak-cluster-exposure'));
    assert.deepEqual(changed, { 'c/node1/etc/hazelcast.properties': lines(...base, `${H}network.interfaces=10.0.0.*`) });
    assert.deepEqual(after, []);
    const dns = {
      'c/node1/etc/hazelcast.properties': lines(
        base[0],
        `${H}network.join=DNS`,
        `${H}network.join.dns.domainNames=hz.example.com`,
        `${H}network.interfaces=`,
      ),
    };
    assert.deepEqual(await check(dns), [
      {
        file: 'c/node1/etc/hazelcast.properties',
        code: 'weak-cluster-exposure',
        line: 3,
        from: 0,
        to: 45,
        severity: W,
        message: blankMessage('dns'),
      },
    ]);
  });

  test('the REST endpoint on: warning on the value, the fix switches it off', async () => {
    const files = { 'c/node1/etc/hazelcast.properties': goodHazelcast(`${H}rest.enabled=true`) };
    assert.deepEqual(await check(files), [
      {
        file: 'c/node1/etc/hazelcast.properties',
        code: 'weak-cluster-exposure',
        line: 4,
        from: 40,
        to: 44,
        severity: W,
        message: restMessage,
      },
    ]);
    const d = await the(files, 'weak-cluster-exposure');
    assert.deepEqual(titles(d), [`Set ${H}rest.enabled=false`]);
    assert.equal(fixesOf(d)[0].preferred, true);
    const { changed, after } = await fix(files, d);
    assert.deepEqual(changed, { 'c/node1/etc/hazelcast.properties': goodHazelcast(`${H}rest.enabled=false`) });
    assert.deepEqual(after, []);
  });

  test('the memcache endpoint on in another file (any letter case): the finding and fix go to that file', async () => {
    const files = {
      'c/node1/etc/hazelcast.properties': goodHazelcast(),
      'c/node1/etc/server.properties': lines(`${ROUTE}=OX1`, `${H}memcache.enabled = TRUE`),
    };
    const d = await the(files, 'weak-cluster-exposure', 'c/node1/etc/server.properties');
    assert.equal(d.message, memcacheMessage);
    assert.deepEqual(d.range, { start: { line: 1, character: 46 }, end: { line: 1, character: 50 } });
    const { changed, after } = await fix(files, d);
    assert.deepEqual(changed, { 'c/node1/etc/server.properties': lines(`${ROUTE}=OX1`, `${H}memcache.enabled = false`) });
    assert.deepEqual(
      after.map((s) => s.code),
      ['wrong-file'],
    );
  });

  test('every exposure of a node is reported on its own line', async () => {
    const files = {
      'c/node1/etc/hazelcast.properties': lines(...base, `${H}network.interfaces=`, `${H}rest.enabled=true`, `${H}memcache.enabled=true`),
    };
    assert.deepEqual(
      (await check(files)).map((s) => [s.code, s.line, s.from, s.to, s.message]),
      [
        ['weak-cluster-exposure', 3, 0, 45, blankMessage('static')],
        ['weak-cluster-exposure', 4, 40, 44, restMessage],
        ['weak-cluster-exposure', 5, 44, 48, memcacheMessage],
      ],
    );
  });

  test('no finding with join empty or unset, Hazelcast off, endpoints off, a real address, or Kubernetes with blank interfaces', async () => {
    const weak = async (files: Files) => (await check(files)).filter((s) => s.code === 'weak-cluster-exposure');
    const exposed = [`${H}network.interfaces=`, `${H}rest.enabled=true`, `${H}memcache.enabled=true`];
    assert.deepEqual(await weak({ 'c/node1/etc/hazelcast.properties': lines(`${H}network.join=empty`, ...exposed) }), []);
    assert.deepEqual(await weak({ 'c/node1/etc/hazelcast.properties': lines(...exposed) }), []);
    assert.deepEqual(await weak({ 'c/node1/etc/hazelcast.properties': lines(...base, `${H}enabled=false`, ...exposed) }), []);
    // OX reads anything but "true" as false: "yes" is misread-value's finding, not an open endpoint.
    assert.deepEqual(
      await weak({ 'c/node1/etc/hazelcast.properties': goodHazelcast(`${H}rest.enabled=false`, `${H}memcache.enabled=yes`) }),
      [],
    );
    assert.deepEqual(await check({ 'c/node1/etc/hazelcast.properties': goodHazelcast() }), []);
    const k8s = lines(
      base[0],
      `${H}network.join=kubernetes`,
      `${H}network.join.k8s.serviceDNS=ox-hz.ox.svc.cluster.local`,
      `${H}network.interfaces=`,
    );
    assert.deepEqual(await weak({ 'c/node1/etc/hazelcast.properties': k8s }), []);
  });
});

describe('settings and suppression comments', () => {
  const files = {
    'c/node1/etc/sessiond.properties': lines(`${S}sessionLongLifeTime=2W`),
    'c/node1/etc/hazelcast/sessions.properties': lines(`${M}name=sessions-7`, `${M}maxIdleSeconds=0`),
  };

  test('a configured severity wins over the severity of a finding; off switches the rule off', async () => {
    assert.deepEqual(
      (await check(files, { rules: { 'session-idle-below-lifetime': 'error' }, inlayHints: true })).map((s) => [s.code, s.severity]),
      [['session-idle-below-lifetime', E]],
    );
    assert.deepEqual(await check(files, { rules: { 'session-idle-below-lifetime': 'off' }, inlayHints: true }), []);
    assert.deepEqual(
      (await check(files)).map((s) => s.severity),
      [I],
    );
  });

  test('comments suppress cross-file findings in the file they are placed in', async () => {
    const nextLine = {
      ...files,
      'c/node1/etc/hazelcast/sessions.properties': lines(
        `${M}name=sessions-7`,
        '# ox-cluster-config-disable-next-line session-idle-below-lifetime',
        `${M}maxIdleSeconds=0`,
      ),
    };
    assert.deepEqual(await check(nextLine), []);
    const otherRule = {
      ...files,
      'c/node1/etc/hazelcast/sessions.properties': lines(
        `${M}name=sessions-7`,
        '# ox-cluster-config-disable-next-line duplicate-key',
        `${M}maxIdleSeconds=0`,
      ),
    };
    assert.deepEqual(
      (await check(otherRule)).map((s) => s.code),
      ['session-idle-below-lifetime'],
    );
    const wholeFile = {
      'c/node1/etc/server.properties': lines('# ox-cluster-config-disable duplicate-route', `${ROUTE}=OX1`),
      'c/node2/etc/server.properties': lines(`${ROUTE}=OX1`),
    };
    assert.deepEqual(
      (await check(wholeFile)).map((s) => [s.file, s.code]),
      [['c/node2/etc/server.properties', 'duplicate-route']],
    );
  });
});

describe('incremental analysis', () => {
  test('a change in sessiond.properties updates the finding in hazelcast/sessions.properties', async () => {
    const analysis = await analyze({
      'c/node1/etc/sessiond.properties': lines(`${S}sessionLongLifeTime=1W`),
      'c/node1/etc/hazelcast/sessions.properties': lines(`${M}name=sessions-7`, `${M}maxIdleSeconds=1000000`),
      'c/node2/etc/server.properties': lines(`${ROUTE}=OX2`),
      'other/node1/etc/server.properties': lines(`${ROUTE}=OX9`),
    });
    assert.deepEqual(Object.keys(analysis.byFile), []);
    const affected = change(analysis, 'c/node1/etc/sessiond.properties', lines(`${S}sessionLongLifeTime=2W`));
    assert.deepEqual(affected, [
      'c/node1/etc/hazelcast/sessions.properties',
      'c/node1/etc/sessiond.properties',
      'c/node2/etc/server.properties',
    ]);
    assert.deepEqual(
      flatten(analysis.byFile)
        .map(toSeen)
        .map((s) => [s.file, s.code, s.line, s.from, s.to]),
      [['c/node1/etc/hazelcast/sessions.properties', 'session-idle-below-lifetime', 1, 60, 67]],
    );
    change(analysis, 'c/node1/etc/sessiond.properties', lines(`${S}sessionLongLifeTime=10D`));
    assert.deepEqual(Object.keys(analysis.byFile), []);
  });
});

describe('clusters', () => {
  const route = (r: string) => lines(`${ROUTE}=${r}`);
  async function clusters(files: Files, declared: DeclaredCluster[] = []): Promise<string[]> {
    const { workspace } = await analyze(files, DEFAULT_SETTINGS, declared);
    return workspace.clusters().map((c) => `${c.name}: ${c.nodes.map((n) => relativeOf(n.uri)).join(' ')}`);
  }

  test('nodes under one folder form one cluster; sibling folders form two', async () => {
    const files = {
      'a/node1/etc/server.properties': route('OX1'),
      'a/node2/etc/server.properties': route('OX1'),
      'b/node1/etc/server.properties': route('OX1'),
    };
    assert.deepEqual(await clusters(files), ['a: a/node1/etc a/node2/etc', 'b: b/node1/etc']);
    assert.deepEqual(
      (await check(files)).map((s) => s.file),
      ['a/node1/etc/server.properties', 'a/node2/etc/server.properties'],
    );
  });

  test('overlapping static node lists join nodes from different folders', async () => {
    const files = {
      'dc1/ox1/etc/hazelcast.properties': lines(`${H}network.join.static.nodes=10.1.0.1,10.1.0.2`),
      'dc2/ox2/etc/hazelcast.properties': lines(`${H}network.join.static.nodes=10.1.0.2:5701`),
      'dc3/ox3/etc/hazelcast.properties': lines(`${H}network.join.static.nodes=10.9.0.1`),
    };
    assert.deepEqual(await clusters(files), ['dc1: dc1/ox1/etc dc2/ox2/etc', 'dc3: dc3/ox3/etc']);
  });

  test('declared clusters win over folders', async () => {
    const files = {
      'a/node1/etc/server.properties': route('OX1'),
      'a/node2/etc/server.properties': route('OX1'),
      'b/node1/etc/server.properties': route('OX1'),
    };
    const declared = [{ name: 'mixed', nodes: ['a/node2', 'b/*'] }];
    assert.deepEqual(await clusters(files, declared), ['mixed: a/node2/etc b/node1/etc', 'a: a/node1/etc']);
    assert.deepEqual(
      (await check(files, DEFAULT_SETTINGS, declared)).map((s) => s.file),
      ['a/node2/etc/server.properties', 'b/node1/etc/server.properties'],
    );
  });
});

test('every cross-file rule of the classic edition is counted: this file covers them, versionRules.test.ts the version rules, packageRules.test.ts the package rules, balancerRules.test.ts the balancer rules, valuesK8sRules.test.ts the Kubernetes ones', () => {
  const ids = CROSS_RULES.filter((r) => (r.editions ?? ['classic']).includes('classic')).map((r) => r.id);
  assert.equal(ids.length, 27);
  assert.equal(new Set(ids).size, 27);
});

describe('a file OX skips (malformed \\u escape)', () => {
  test('still gets its single-file findings, default-secret included, though the node no longer reads it', async () => {
    const enc = `${H}network.symmetricEncryption`;
    const files = {
      'c/node1/etc/hazelcast.properties': lines(`${enc}=true`, `${enc}.salt=our-own-salt`, `${enc}.password=D2xhL8mPkjsF`, 'x=\\u12G4'),
    };
    assert.deepEqual(
      (await check(files)).map((s) => [s.code, s.line, s.from, s.to]),
      [
        ['syntax', 3, 2, 7],
        ['default-secret', 2, 64, 76],
      ],
    );
  });
});
