import { catalog } from '../support/catalog';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { effectiveConfiguration, effectiveConfigurations } from '../../server/src/features/effectiveConfiguration';
import { renderEffectiveConfiguration } from '../../server/src/features/effectiveConfigurationText';
import { parseFile } from '../../server/src/analysis/load';
import { Workspace } from '../../server/src/model/workspace';
import { cli, REPO, removeScratch, scratch } from './harness';

let dir: string;
before(() => {
  dir = scratch();
});
after(() => removeScratch(dir));

/** Every secret value set in the examples (catalog `secret: true`), read with the core itself. */
function shippedSecrets(): string[] {
  const secrets = new Set<string>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(properties|ccf)$/.test(entry.name)) {
        const doc = parseFile(`file://${full}`, fs.readFileSync(full, 'latin1'), catalog);
        for (const e of doc!.settings) if (e.known?.def.secret && e.value.length >= 4) secrets.add(e.value);
      }
    }
  };
  walk(path.join(REPO, 'examples'));
  walk(path.join(REPO, 'test/fixtures/cli'));
  return [...secrets];
}

interface Setting {
  key: string;
  value: string | null;
  source: 'default' | { file: string; line: number };
  candidates?: Array<{ file: string; line: number; value: string }>;
  differsInCluster?: Array<{ node: string; value: string | null }>;
  secret?: boolean;
}

describe('check --effective', () => {
  test('each node: values with their source, other files that set them, differences in the cluster; secrets masked', () => {
    const run = cli(path.join(dir, 'fixtures'), 'check', '--effective', 'effective');
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    const reports = JSON.parse(run.stdout) as Array<{
      node: string;
      folder: string;
      cluster: string;
      ox: unknown;
      settings: Setting[];
      maps: Array<{ file: string; mapName: string; settings: Setting[] }>;
    }>;
    assert.deepEqual(
      reports.map((r) => Object.keys(r)),
      [
        ['node', 'folder', 'cluster', 'ox', 'settings', 'maps'],
        ['node', 'folder', 'cluster', 'ox', 'settings', 'maps'],
      ],
    );
    assert.deepEqual(
      reports.map((r) => [r.node, r.folder, r.cluster]),
      [
        ['node1', 'effective/node1/etc', 'effective'],
        ['node2', 'effective/node2/etc', 'effective'],
      ],
    );
    const unknown = { version: null, source: null, from: null, detail: null, packageList: null, installedPackages: null };
    assert.deepEqual(
      reports.map((r) => r.ox),
      [unknown, unknown],
    );
    const node1 = new Map(reports[0].settings.map((s) => [s.key, s]));
    assert.deepEqual(node1.get('com.openexchange.hazelcast.group.name'), {
      key: 'com.openexchange.hazelcast.group.name',
      value: 'prod',
      source: { file: 'hazelcast.properties', line: 1 },
      candidates: [
        { file: 'hazelcast.properties', line: 1, value: 'prod' },
        { file: 'server.properties', line: 1, value: 'prod' },
      ],
    });
    assert.deepEqual(node1.get('com.openexchange.hazelcast.network.interfaces'), {
      key: 'com.openexchange.hazelcast.network.interfaces',
      value: '10.0.0.1',
      source: { file: 'hazelcast.properties', line: 4 },
      differsInCluster: [{ node: 'node2', value: '10.0.0.2' }],
    });
    assert.deepEqual(node1.get('com.openexchange.hazelcast.network.symmetricEncryption.salt'), {
      key: 'com.openexchange.hazelcast.network.symmetricEncryption.salt',
      value: '********',
      source: { file: 'hazelcast.properties', line: 6 },
      differsInCluster: [{ node: 'node2', value: '********' }],
      secret: true,
    });
    assert.deepEqual(node1.get('com.openexchange.hazelcast.network.symmetricEncryption.password'), {
      key: 'com.openexchange.hazelcast.network.symmetricEncryption.password',
      value: '********',
      source: { file: 'hazelcast.properties', line: 7 },
      candidates: [
        { file: 'hazelcast.properties', line: 7, value: '********' },
        { file: 'server.properties', line: 3, value: '********' },
      ],
      secret: true,
    });
    // Catalog keys of the node's files that nobody sets show their default; those of other files are left out.
    assert.deepEqual(node1.get('com.openexchange.hazelcast.enabled'), {
      key: 'com.openexchange.hazelcast.enabled',
      value: 'true',
      source: 'default',
    });
    assert.equal(node1.has('com.openexchange.sessiond.maxSession'), false);
    assert.equal(node1.get('com.openexchange.hazelcast.network.join.aws.secretKey')?.secret, true);
    // Removed keys are left out; map keys are reported per map file.
    assert.equal(node1.has('com.openexchange.hazelcast.grouppassword'), false);
    assert.ok([...node1.keys()].every((k) => !k.startsWith('com.openexchange.hazelcast.configuration.')));
    assert.deepEqual([...node1.keys()], [...node1.keys()].sort(), 'sorted by key');
    assert.deepEqual(
      reports[0].maps.map((m) => [m.file, m.mapName]),
      [['hazelcast/sessions.properties', 'sessions-7']],
    );
    const sessions = new Map(reports[0].maps[0].settings.map((s) => [s.key, s]));
    assert.deepEqual(sessions.get('com.openexchange.hazelcast.configuration.map.maxIdleSeconds'), {
      key: 'com.openexchange.hazelcast.configuration.map.maxIdleSeconds',
      value: '1296000',
      source: { file: 'hazelcast/sessions.properties', line: 2 },
      differsInCluster: [{ node: 'node2', value: '1400000' }],
    });
    assert.deepEqual(sessions.get('com.openexchange.hazelcast.configuration.map.backupCount'), {
      key: 'com.openexchange.hazelcast.configuration.map.backupCount',
      value: '1',
      source: 'default',
    });
  });

  test('a package list beside etc/ or in it gives the node its OX version, else .oxclusterconfig.json does', () => {
    const folder = path.join(dir, 'fixtures', 'versions');
    const run = cli(folder, 'check', '--effective', '.');
    assert.equal(run.status, 0);
    const list = pathToFileURL(path.join(folder, 'node1', 'packages.txt')).href;
    const formats = `expected "name version", dpkg-query's "status name version" or "name<TAB>version", or rpm -qa's "name-version-release[.arch]"`;
    assert.equal(
      run.stderr,
      `ox-cluster-config: ${list}:8: cannot read "Desired=Unknown/Install/Remove/Purge/Hold": ${formats}; line skipped.\n`,
    );
    const reports = JSON.parse(run.stdout) as Array<{ node: string; ox: unknown }>;
    const config = { from: '.oxclusterconfig.json', packageList: null, installedPackages: null };
    assert.deepEqual(
      reports.map((r) => [r.node, r.ox]),
      [
        [
          'node1',
          {
            version: '7.10.6',
            source: 'packages',
            from: 'node1/packages.txt',
            detail: 'open-xchange-core 7.10.6-35',
            packageList: 'node1/packages.txt',
            installedPackages: 4,
          },
        ],
        [
          'node2',
          {
            version: '7.10.5',
            source: 'packages',
            from: 'node2/etc/packages.txt',
            detail: 'open-xchange-core 7.10.5-22_1.1',
            packageList: 'node2/etc/packages.txt',
            installedPackages: 2,
          },
        ],
        ['node3', { version: '7.10.5', source: 'config', ...config, detail: 'nodes["node3"].oxVersion' }],
        ['node4', { version: '7.10.6', source: 'config', ...config, detail: 'oxVersion' }],
      ],
    );
  });

  test('the examples: every node is reported, every secret masked', () => {
    const run = cli(dir, 'check', '--effective', 'examples');
    assert.equal(run.status, 0);
    const reports = JSON.parse(run.stdout) as Array<{ settings: Setting[]; maps: Array<{ settings: Setting[] }> }>;
    assert.ok(reports.length >= 5);
    const all = reports.flatMap((r) => [...r.settings, ...r.maps.flatMap((m) => m.settings)]);
    const secrets = all.filter((s) => s.secret);
    assert.ok(
      secrets.some((s) => s.source !== 'default'),
      'some secret is set in the examples',
    );
    for (const s of secrets) {
      assert.ok(s.value === null || s.value === '********', s.key);
      for (const c of s.candidates ?? []) assert.equal(c.value, '********');
      for (const d of s.differsInCluster ?? []) assert.ok(d.value === null || d.value === '********');
    }
  });

  test('secret values never appear in any output', () => {
    const secrets = shippedSecrets();
    assert.ok(secrets.length >= 3, `secrets found in the examples: ${secrets.length}`);
    const fixtures = path.join(dir, 'fixtures');
    assert.ok(secrets.includes('Pw9-cluster-secret-Kt'));
    const runs = [
      cli(fixtures, 'check', 'effective'),
      cli(fixtures, 'check', '--format', 'json', 'effective'),
      cli(fixtures, 'check', '--format', 'sarif', 'effective'),
      cli(fixtures, 'check', '--effective', 'effective'),
      cli(dir, 'check', 'examples'),
      cli(dir, 'check', '--format', 'json', 'examples'),
      cli(dir, 'check', '--format', 'sarif', 'examples'),
      cli(dir, 'check', '--effective', 'examples'),
      cli(dir, 'check', '--rule', 'default-secret=error', '--rule', 'cluster-mismatch=error', 'examples'),
    ];
    // --fix last: it may align secrets between nodes, which must not print them either.
    runs.push(cli(dir, 'check', '--fix', 'examples'), cli(dir, 'check', '--format', 'sarif', 'examples'));
    for (const run of runs) {
      for (const secret of secrets) {
        assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), `a secret value was printed: ${secret.slice(0, 3)}…`);
      }
    }
  });
});

describe('effectiveConfiguration (core)', () => {
  function workspace() {
    const ws = new Workspace(catalog);
    const add = (p: string, text: string) => ws.set(parseFile(`file:///c/${p}`, text, catalog)!);
    add(
      'n1/etc/hazelcast.properties',
      'com.openexchange.hazelcast.group.name=prod\ncom.openexchange.hazelcast.network.symmetricEncryption.password=s3cr3t!!\n',
    );
    add('n1/etc/server.properties', 'com.openexchange.hazelcast.group.name=prod\ncom.openexchange.server.backendRoute=OX1\n');
    add('n1/etc/hazelcast/sessions.properties', 'com.openexchange.hazelcast.configuration.map.BACKUPCOUNT=2\n');
    add('n2/etc/hazelcast.properties', 'com.openexchange.hazelcast.group.name=test\n');
    add('n2/etc/hazelcast/sessions.properties', 'com.openexchange.hazelcast.configuration.map.name=sessions-7\n');
    return ws;
  }

  test('unmasked when asked; map fields under their catalog spelling; map differences by file name', () => {
    const ws = workspace();
    const [n1, n2] = ws.nodes();
    const report = effectiveConfiguration(ws, n1, catalog, { maskSecrets: false });
    assert.equal(report.node, 'n1');
    assert.equal(report.uri, 'file:///c/n1/etc');
    assert.equal(report.cluster, 'c');
    const password = report.settings.find((s) => s.key === 'com.openexchange.hazelcast.network.symmetricEncryption.password');
    const shippedDefault = catalog.lookup('com.openexchange.hazelcast.network.symmetricEncryption.password', 'properties')?.def.default;
    assert.ok(shippedDefault);
    assert.deepEqual(password, {
      key: 'com.openexchange.hazelcast.network.symmetricEncryption.password',
      value: 's3cr3t!!',
      source: { file: 'hazelcast.properties', line: 2 },
      differsInCluster: [{ node: 'n2', value: shippedDefault }],
      secret: true,
    });
    const masked = effectiveConfiguration(ws, n1, catalog, { maskSecrets: true }).settings.find((s) => s.key === password?.key);
    assert.deepEqual([masked?.value, masked?.differsInCluster], ['********', [{ node: 'n2', value: '********' }]]);
    const backup = report.maps[0].settings.find((s) => s.key === 'com.openexchange.hazelcast.configuration.map.backupCount');
    assert.deepEqual(backup, {
      key: 'com.openexchange.hazelcast.configuration.map.backupCount',
      value: '2',
      source: { file: 'hazelcast/sessions.properties', line: 1 },
      differsInCluster: [{ node: 'n2', value: '1' }],
    });
    assert.equal(report.maps[0].mapName, 'sessions');
    assert.equal(effectiveConfiguration(ws, n2, catalog, { maskSecrets: true }).maps[0].mapName, 'sessions-7');
    assert.ok(report.settings.every((s) => !s.key.startsWith('com.openexchange.hazelcast.configuration.')));
  });

  test('the rendered document: aligned lines, sources, other files, differences; secrets masked', () => {
    const ws = workspace();
    const text = renderEffectiveConfiguration(effectiveConfigurations(ws, catalog, { maskSecrets: true }));
    assert.doesNotMatch(text, /s3cr3t/);
    assert.match(text, /^## n1 \(cluster c\)$/m);
    assert.match(text, /^## n2 \(cluster c\)$/m);
    const lines = text.split('\n');
    const group = lines.find((l) => l.startsWith('com.openexchange.hazelcast.group.name '))!;
    assert.match(
      group,
      /^com\.openexchange\.hazelcast\.group\.name += prod +\(hazelcast\.properties:1; also set in server\.properties:1 = prod\)$/,
    );
    const enabled = lines.find((l) => l.startsWith('com.openexchange.hazelcast.enabled '))!;
    assert.equal(enabled.indexOf('='), group.indexOf('='), 'the = signs line up');
    assert.equal(enabled.indexOf('('), group.indexOf('('), 'the sources line up');
    assert.match(text, /^com\.openexchange\.hazelcast\.network\.symmetricEncryption\.password += \*{8} +\(hazelcast\.properties:2\)$/m);
    assert.match(text, /^### hazelcast\/sessions\.properties \(map "sessions"\)$/m);
    assert.match(text, /^### Differences in the cluster$/m);
    assert.match(text, /^com\.openexchange\.hazelcast\.group\.name\n {2}n1 \(this node\) = prod\n {2}n2 + = test$/m);
    assert.match(text, /^hazelcast\/sessions\.properties: com\.openexchange\.hazelcast\.configuration\.map\.backupCount$/m);
  });
});
