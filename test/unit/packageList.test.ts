import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readPackageList, splitRpmName, upstreamVersion } from '../../server/src/model/packages/packageList';

describe('package lists (model/packages/packageList.ts)', () => {
  test("dpkg-query -W -f='${db:Status-Abbrev} ${Package} ${Version}\\n': un and rc lines are not installed", () => {
    const list = readPackageList(
      [
        "# dpkg-query -W -f='${db:Status-Abbrev} ${Package} ${Version}\\n' 'open-xchange*'",
        'ii  open-xchange-core 7.10.6-35',
        'hi  open-xchange-hazelcast-community 7.10.6-12',
        'iUR open-xchange-sessionstorage-hazelcast 7.10.6-9',
        'un  open-xchange-hazelcast ',
        'un  open-xchange-hazelcast-enterprise',
        'rc  open-xchange-realtime-core 7.8.2-18',
        'pn  open-xchange-documents-backend 7.10.6-3',
        '',
      ].join('\n'),
    );
    assert.deepEqual(list, {
      installed: [
        { name: 'open-xchange-core', version: '7.10.6', raw: '7.10.6-35', line: 2 },
        { name: 'open-xchange-hazelcast-community', version: '7.10.6', raw: '7.10.6-12', line: 3 },
        { name: 'open-xchange-sessionstorage-hazelcast', version: '7.10.6', raw: '7.10.6-9', line: 4 },
      ],
      notInstalled: [
        { name: 'open-xchange-hazelcast', status: 'un', line: 5 },
        { name: 'open-xchange-hazelcast-enterprise', status: 'un', line: 6 },
        { name: 'open-xchange-realtime-core', status: 'rc', line: 7 },
        { name: 'open-xchange-documents-backend', status: 'pn', line: 8 },
      ],
      problems: [],
    });
  });

  test('plain dpkg-query -W: name<TAB>version; an empty version is a virtual or removed package', () => {
    const list = readPackageList(
      'open-xchange-core\t7.10.6-35\r\nopen-xchange-hazelcast\t\r\nopen-xchange-cluster-upgrade-from-7105\t\r\n',
    );
    assert.deepEqual(list, {
      installed: [{ name: 'open-xchange-core', version: '7.10.6', raw: '7.10.6-35', line: 1 }],
      notInstalled: [
        { name: 'open-xchange-hazelcast', line: 2 },
        { name: 'open-xchange-cluster-upgrade-from-7105', line: 3 },
      ],
      problems: [],
    });
  });

  test('name version pairs, with or without the trailing space of an empty version', () => {
    const list = readPackageList(
      ['open-xchange-core 7.10.6-35', 'open-xchange-hazelcast ', 'open-xchange-hazelcast-enterprise', 'open-xchange-dav 1:7.10.6-4'].join(
        '\n',
      ),
    );
    assert.deepEqual(list, {
      installed: [
        { name: 'open-xchange-core', version: '7.10.6', raw: '7.10.6-35', line: 1 },
        { name: 'open-xchange-dav', version: '7.10.6', raw: '1:7.10.6-4', line: 4 },
      ],
      notInstalled: [
        { name: 'open-xchange-hazelcast', line: 2 },
        { name: 'open-xchange-hazelcast-enterprise', line: 3 },
      ],
      problems: [],
    });
  });

  test('the bridge package of a dpkg list with its empty version cut off is a name, not an rpm entry', () => {
    // `-780-782` looks like version and release; an RPM version is dotted, so the name stays whole.
    assert.deepEqual(readPackageList('open-xchange-cluster-upgrade-from-780-782\nopen-xchange-cluster-upgrade-from-7103-7104'), {
      installed: [],
      notInstalled: [
        { name: 'open-xchange-cluster-upgrade-from-780-782', line: 1 },
        { name: 'open-xchange-cluster-upgrade-from-7103-7104', line: 2 },
      ],
      problems: [],
    });
  });

  test('rpm -qa: name-version-release[.arch], split from the right', () => {
    const list = readPackageList(
      [
        "# rpm -qa 'open-xchange*'",
        'open-xchange-core-7.10.6-35_1.1.noarch',
        'open-xchange-cluster-upgrade-from-780-782-7.8.3-0_2.1.noarch',
        'open-xchange-cluster-upgrade-from-7103-7104-7.10.5-4_3.7',
        'open-xchange-6.6.0-1.1',
        'open-xchange-admin-7.10.6-20.el8.x86_64',
      ].join('\n'),
    );
    assert.deepEqual(list, {
      installed: [
        { name: 'open-xchange-core', version: '7.10.6', raw: '7.10.6-35_1.1', arch: 'noarch', line: 2 },
        { name: 'open-xchange-cluster-upgrade-from-780-782', version: '7.8.3', raw: '7.8.3-0_2.1', arch: 'noarch', line: 3 },
        { name: 'open-xchange-cluster-upgrade-from-7103-7104', version: '7.10.5', raw: '7.10.5-4_3.7', line: 4 },
        { name: 'open-xchange', version: '6.6.0', raw: '6.6.0-1.1', line: 5 },
        { name: 'open-xchange-admin', version: '7.10.6', raw: '7.10.6-20.el8', arch: 'x86_64', line: 6 },
      ],
      notInstalled: [],
      problems: [],
    });
  });

  test("rpm -qa --qf '%{NAME} %{VERSION}-%{RELEASE}\\n'", () => {
    assert.deepEqual(readPackageList('open-xchange-core 7.10.6-35_1.1\nopen-xchange-cluster-upgrade-from-780-782 7.8.3-0_2.1\n'), {
      installed: [
        { name: 'open-xchange-core', version: '7.10.6', raw: '7.10.6-35_1.1', line: 1 },
        { name: 'open-xchange-cluster-upgrade-from-780-782', version: '7.8.3', raw: '7.8.3-0_2.1', line: 2 },
      ],
      notInstalled: [],
      problems: [],
    });
  });

  test('formats mix line by line; blank lines, comments and a byte-order mark are skipped', () => {
    const list = readPackageList(
      '\uFEFF# node1\n\n   \nii  open-xchange-core 8.19.0-2\n  # indented comment\nopen-xchange-dav-8.19.0-1_1.1.noarch\n',
    );
    assert.deepEqual(
      list.installed.map((p) => [p.name, p.version, p.line]),
      [
        ['open-xchange-core', '8.19.0', 4],
        ['open-xchange-dav', '8.19.0', 6],
      ],
    );
    assert.deepEqual(list.problems, []);
  });

  test('lines of no known format are problems with their line; the rest is read', () => {
    const list = readPackageList(
      [
        'Desired=Unknown/Install/Remove/Purge/Hold',
        '||/ Name           Version      Architecture Description',
        'ii  open-xchange-core 7.10.6-35 all The Open-Xchange core',
        'open-xchange-core 7.10.6-35',
        'open-xchange-dav (none)',
        'open-xchange-core 7.10.6-36',
        'open-xchange-core 7.10.6-35',
      ].join('\n'),
    );
    const formats = `expected "name version", dpkg-query's "status name version" or "name<TAB>version", or rpm -qa's "name-version-release[.arch]"`;
    assert.deepEqual(list, {
      installed: [{ name: 'open-xchange-core', version: '7.10.6', raw: '7.10.6-35', line: 4 }],
      notInstalled: [],
      problems: [
        { line: 1, message: `cannot read "Desired=Unknown/Install/Remove/Purge/Hold": ${formats}` },
        { line: 2, message: `cannot read "||/ Name           Version      Architecture Description": ${formats}` },
        { line: 3, message: `cannot read "ii  open-xchange-core 7.10.6-35 all The Open-Xchange core": ${formats}` },
        { line: 5, message: '"(none)" is no package version (of open-xchange-dav)' },
        { line: 6, message: 'open-xchange-core is listed again with version 7.10.6-36 (line 4: 7.10.6-35); the first counts' },
      ],
    });
  });

  test('upstream versions and rpm names', () => {
    assert.equal(upstreamVersion('7.10.6-35'), '7.10.6');
    assert.equal(upstreamVersion('7.10.6-35_1.1'), '7.10.6');
    assert.equal(upstreamVersion('2:8.19.0'), '8.19.0');
    assert.equal(upstreamVersion('7.10.6-rc1-3'), '7.10.6-rc1');
    assert.deepEqual(splitRpmName('open-xchange-cluster-upgrade-from-76x-7.8.0-1_1.1.noarch'), {
      name: 'open-xchange-cluster-upgrade-from-76x',
      version: '7.8.0',
      release: '1_1.1',
      arch: 'noarch',
    });
    assert.equal(splitRpmName('open-xchange-cluster-upgrade-from-780-782'), undefined);
    assert.equal(splitRpmName('open-xchange-core'), undefined);
    assert.equal(splitRpmName('7.10.6-35'), undefined);
  });
});
