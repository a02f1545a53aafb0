import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cli, REPO, removeScratch, scratch } from './harness';

let dir: string;
let fixtures: string;
before(() => {
  dir = scratch();
  fixtures = path.join(dir, 'fixtures');
});
after(() => removeScratch(dir));

const TWO_NODES_HUMAN = `two-nodes/node1/etc/hazelcast.properties:2:39 error cluster-mismatch com.openexchange.hazelcast.group.name differs across the nodes of the cluster (node1: "prod", node2: "prod2"); they must agree on it.
two-nodes/node1/etc/hazelcast.properties:6:32 warning misread-value OX reads "yes" as false: only "true" (in any letter case) is true.
two-nodes/node2/etc/hazelcast.properties:2:39 error cluster-mismatch com.openexchange.hazelcast.group.name differs across the nodes of the cluster (node1: "prod", node2: "prod2"); they must agree on it.
2 errors, 1 warning, 0 infos in 2 files (1 cluster, 2 nodes)
1 problem can be fixed with --fix.
`;

const MISMATCH =
  'com.openexchange.hazelcast.group.name differs across the nodes of the cluster (node1: "prod", node2: "prod2"); they must agree on it.';

describe('check: output formats', () => {
  test('human: path:line:col severity rule message, paths relative to the current folder, then the summary', () => {
    const run = cli(fixtures, 'check', 'two-nodes');
    assert.equal(run.stdout, TWO_NODES_HUMAN);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
  });

  test('human: paths stay relative to the current folder, whatever folder is checked', () => {
    const run = cli(path.join(fixtures, 'two-nodes', 'node1'), 'check', '..');
    assert.match(run.stdout, /^etc\/hazelcast\.properties:2:39 error cluster-mismatch /m);
    assert.match(run.stdout, /^\.\.\/node2\/etc\/hazelcast\.properties:2:39 error cluster-mismatch /m);
  });

  test('json: 1-based lines and columns, exclusive end column', () => {
    const run = cli(fixtures, 'check', '--format', 'json', 'two-nodes');
    assert.equal(run.status, 1);
    assert.deepEqual(JSON.parse(run.stdout), [
      {
        file: 'two-nodes/node1/etc/hazelcast.properties',
        line: 2,
        column: 39,
        endLine: 2,
        endColumn: 43,
        severity: 'error',
        rule: 'cluster-mismatch',
        message: MISMATCH,
      },
      {
        file: 'two-nodes/node1/etc/hazelcast.properties',
        line: 6,
        column: 32,
        endLine: 6,
        endColumn: 35,
        severity: 'warning',
        rule: 'misread-value',
        message: 'OX reads "yes" as false: only "true" (in any letter case) is true.',
      },
      {
        file: 'two-nodes/node2/etc/hazelcast.properties',
        line: 2,
        column: 39,
        endLine: 2,
        endColumn: 44,
        severity: 'error',
        rule: 'cluster-mismatch',
        message: MISMATCH,
      },
    ]);
    assert.equal(run.stderr, '');
  });

  test('--format=json works as one argument too; an unknown format is a usage error', () => {
    assert.equal(
      cli(fixtures, 'check', '--format=json', 'two-nodes').stdout,
      cli(fixtures, 'check', '--format', 'json', 'two-nodes').stdout,
    );
    const bad = cli(fixtures, 'check', '--format', 'xml', 'two-nodes');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--format must be human, json or sarif/);
  });
});

describe('check: exit codes', () => {
  test('0: the healthy example has no problem at all', () => {
    const run = cli(dir, 'check', 'examples/healthy-cluster');
    assert.equal(
      run.stdout,
      '0 errors, 0 warnings, 0 infos in 19 files (1 cluster, 3 nodes)\n',
      `healthy-cluster should be clean:\n${run.stdout}`,
    );
    assert.equal(run.status, 0);
  });

  test('0: the Ansible role example has only information on the values its defaults render', () => {
    const run = cli(dir, 'check', 'examples/ansible-role');
    const etc = 'examples/ansible-role/templates/opt/open-xchange/etc';
    assert.equal(
      run.stdout,
      [
        `${etc}/hazelcast.properties.j2:1:1 info event-invalidation-without-hazelcast With the role's default \`yes\` (defaults/main.yml:9): Cache invalidation by events is on by default, but Hazelcast is disabled (hazelcast.properties:3): the events travel over Hazelcast, so other nodes never learn about changed data and serve stale caches.`,
        `${etc}/hazelcast.properties.j2:3:36 info misread-value With the role's default \`yes\` (defaults/main.yml:9): OX reads "yes" as false: only "true" (in any letter case) is true.`,
        `${etc}/hazelcast.properties.j2:7:47 info loopback-interfaces With the role's default \`127.0.0.1\` (defaults/main.yml:7): Hazelcast listens on 127.0.0.1 only, so the other nodes cannot reach this one although join is "static".`,
        `${etc}/sessiond.properties.j2:2:38 info invalid-value With the role's default \`50k\` (defaults/main.yml:11): "50k" is not an integer: OX cannot parse it and silently uses the default 50000. Units are not allowed here: give a plain number.`,
        `${etc}/sessiond.properties.j2:6:47 info invalid-value With the template's default \`2 weeks\` (its default() filter, as the role does not set ox_session_long_lifetime): "2 weeks" is not a time span: unknown unit "weeks" (use ms, s, m, h, d or w).`,
        '0 errors, 0 warnings, 5 infos in 2 files (0 clusters, 0 nodes, 1 node template)',
        '',
      ].join('\n'),
    );
    assert.equal(run.status, 0);
  });

  test('1: errors found', () => {
    assert.equal(cli(dir, 'check', 'examples/broken-cluster').status, 1);
    assert.equal(cli(dir, 'check', 'examples').status, 1);
  });

  test('1: more warnings than --max-warnings; 0 when within', () => {
    const args = ['check', '--rule', 'cluster-mismatch=warning', 'two-nodes'];
    assert.equal(cli(fixtures, ...args).status, 0);
    const over = cli(fixtures, ...args, '--max-warnings', '0');
    assert.equal(over.status, 1);
    assert.match(over.stderr, /3 warnings, more than --max-warnings 0/);
    assert.equal(cli(fixtures, ...args, '--max-warnings', '3').status, 0);
    assert.equal(cli(fixtures, ...args, '--max-warnings=2').status, 1);
  });

  test('2: usage errors', () => {
    const cases: string[][] = [
      ['check'],
      ['check', '--bogus', 'two-nodes'],
      ['check', '--rule', 'no-such-rule=off', 'two-nodes'],
      ['check', '--rule', 'misread-value=loud', 'two-nodes'],
      ['check', '--rule', 'misread-value', 'two-nodes'],
      ['check', '--max-warnings', '-1', 'two-nodes'],
      ['check', '--max-warnings', 'many', 'two-nodes'],
      ['check', '--cluster', 'onlyname', 'two-nodes'],
      ['check', '--fix', '--effective', 'two-nodes'],
      ['check', 'two-nodes', '--format'],
      ['frobnicate'],
      [],
    ];
    for (const args of cases) {
      const run = cli(fixtures, ...args);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, /^ox-cluster-config: .+\n\nUsage:/, args.join(' '));
      assert.equal(run.stdout, '', args.join(' '));
    }
    assert.match(cli(fixtures, 'check', '--rule', 'no-such-rule=off', 'two-nodes').stderr, /unknown rule "no-such-rule"/);
  });

  test('2: a directory or file that does not exist, or a file of a kind check does not read', () => {
    const missing = cli(fixtures, 'check', 'two-nodes', 'no-such-dir');
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'ox-cluster-config: no such file or directory: no-such-dir\n');
    assert.equal(missing.stdout, '');
    const file = cli(fixtures, 'check', 'with-config/.oxclusterconfig.json');
    assert.equal(file.status, 2);
    assert.equal(
      file.stderr,
      'ox-cluster-config: not a file check reads (.properties, .ccf and their templates, .yaml, .yml, .yaml.gotmpl, .conf): with-config/.oxclusterconfig.json\n',
    );
    assert.equal(file.stdout, '');
  });

  test('2: no OX file under any directory; a directory without any beside others is only reported', () => {
    const empty = path.join(fixtures, 'empty-dir');
    fs.mkdirSync(path.join(empty, 'docs'), { recursive: true });
    fs.writeFileSync(path.join(empty, 'docs', 'README.txt'), 'not a config file\n');
    const none = cli(fixtures, 'check', 'empty-dir');
    assert.equal(none.status, 2);
    assert.equal(none.stderr, 'ox-cluster-config: no OX configuration files found under empty-dir\n');
    assert.equal(none.stdout, '');
    const some = cli(fixtures, 'check', '--rule', 'cluster-mismatch=off', '--rule', 'misread-value=off', 'empty-dir', 'two-nodes');
    assert.equal(some.status, 0);
    assert.equal(some.stderr, 'ox-cluster-config: no OX configuration files found under empty-dir\n');
    assert.equal(some.stdout, '0 errors, 0 warnings, 0 infos in 2 files (1 cluster, 2 nodes)\n');
  });

  test('a template is read as UTF-8, as configuration management reads and renders it', () => {
    const role = path.join(fixtures, 'utf8-role', 'templates', 'etc');
    fs.mkdirSync(role, { recursive: true });
    fs.writeFileSync(path.join(role, 'server.properties.j2'), Buffer.from('com.openexchange.server.backendRoute=M\u00fcnchen\n', 'utf8'));
    const run = cli(fixtures, 'check', 'utf8-role');
    assert.equal(
      run.stdout,
      'utf8-role/templates/etc/server.properties.j2:1:39 info encoding "\u00fc" is rendered as UTF-8, as configuration management writes templates out; OX 7.x reads ISO-8859-1 and gets the bytes C3 BC as "\u00c3\u00bc". Write it as \\u00FC. This holds if the node runs OX 7.x; its OX version is unknown, and OX 8 reads the file as UTF-8, as written.\n' +
        '0 errors, 0 warnings, 1 info in 1 file (0 clusters, 0 nodes, 1 node template)\n' +
        '1 problem can be fixed with --fix.\n',
    );
    assert.equal(run.status, 0);
  });

  test('2: an unreadable directory', { skip: process.getuid?.() === 0 ? 'running as root: permissions are not enforced' : false }, () => {
    const locked = path.join(fixtures, 'locked');
    fs.mkdirSync(locked);
    fs.chmodSync(locked, 0o000);
    try {
      const run = cli(fixtures, 'check', 'locked');
      assert.equal(run.status, 2);
      assert.match(run.stderr, /cannot read directory locked: EACCES/);
    } finally {
      fs.chmodSync(locked, 0o755);
    }
  });
});

describe('check: --rule', () => {
  test('off drops a rule; another severity changes it everywhere', () => {
    const run = cli(fixtures, 'check', '--rule', 'misread-value=off', '--rule', 'cluster-mismatch=information', 'two-nodes');
    assert.equal(
      run.stdout,
      `two-nodes/node1/etc/hazelcast.properties:2:39 info cluster-mismatch ${MISMATCH}\n` +
        `two-nodes/node2/etc/hazelcast.properties:2:39 info cluster-mismatch ${MISMATCH}\n` +
        '0 errors, 0 warnings, 2 infos in 2 files (1 cluster, 2 nodes)\n',
    );
    assert.equal(run.status, 0);
  });

  test('the last --rule of an id wins; "info" is accepted for information', () => {
    const run = cli(
      fixtures,
      'check',
      '--rule',
      'misread-value=off',
      '--rule',
      'misread-value=error',
      '--rule',
      'cluster-mismatch=info',
      '--format',
      'json',
      'two-nodes',
    );
    assert.deepEqual(
      JSON.parse(run.stdout).map((p: { rule: string; severity: string }) => `${p.rule}:${p.severity}`),
      ['cluster-mismatch:information', 'misread-value:error', 'cluster-mismatch:information'],
    );
    assert.equal(run.status, 1);
  });
});

describe('check: --cluster', () => {
  test('declared clusters win over the automatic grouping', () => {
    const run = cli(fixtures, 'check', '--cluster', 'a=two-nodes/node1', '--cluster', 'b=two-nodes/node2/', 'two-nodes');
    assert.equal(
      run.stdout,
      'two-nodes/node1/etc/hazelcast.properties:6:32 warning misread-value OX reads "yes" as false: only "true" (in any letter case) is true.\n' +
        '0 errors, 1 warning, 0 infos in 2 files (2 clusters, 2 nodes)\n' +
        '1 problem can be fixed with --fix.\n',
    );
    assert.equal(run.status, 0);
  });

  test('one cluster across folders that would otherwise be separate, named as declared', () => {
    const run = cli(
      dir,
      'check',
      '--cluster',
      `joined=examples/healthy-cluster/node1,${path.join(dir, 'fixtures/two-nodes/node2')}`,
      '--effective',
      'examples/healthy-cluster',
      'fixtures/two-nodes',
    );
    const reports = JSON.parse(run.stdout) as Array<{ node: string; folder: string; cluster: string }>;
    assert.deepEqual(
      reports.map((r) => `${r.folder} ${r.cluster}`),
      [
        'examples/healthy-cluster/node1/etc joined',
        'examples/healthy-cluster/node2/etc healthy-cluster',
        'examples/healthy-cluster/node3/etc healthy-cluster',
        'fixtures/two-nodes/node1/etc two-nodes',
        'fixtures/two-nodes/node2/etc joined',
      ],
    );
  });

  test('a declared cluster that matches no node is reported on stderr', () => {
    const run = cli(fixtures, 'check', '--cluster', 'ghost=nowhere/*', 'two-nodes');
    assert.match(run.stderr, /--cluster ghost: no node folder matches nowhere\/\*/);
  });
});

describe('check: .oxclusterconfig.json', () => {
  test('rules, clusters, catalogs and exclude of the checked folder are used', () => {
    const run = cli(fixtures, 'check', 'with-config');
    assert.equal(
      run.stdout,
      'with-config/a/etc/hazelcast.properties:1:32 error misread-value OX reads "yes" as false: only "true" (in any letter case) is true.\n' +
        'with-config/a/etc/site.properties:1:23 error invalid-value "purple" is not one of blue, green.\n' +
        '2 errors, 0 warnings, 0 infos in 3 files (2 clusters, 2 nodes)\n' +
        '1 problem can be fixed with --fix.\n',
    );
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    // --rule wins over the file.
    assert.doesNotMatch(cli(fixtures, 'check', '--rule', 'misread-value=off', 'with-config').stdout, /misread-value/);
  });

  test("the current folder's file is read too", () => {
    const run = cli(path.join(fixtures, 'with-config'), 'check', 'a');
    assert.match(run.stdout, /^a\/etc\/site\.properties:1:23 error invalid-value "purple" is not one of blue, green\.$/m);
    assert.match(run.stdout, /^a\/etc\/hazelcast\.properties:1:32 error misread-value /m);
  });

  test('odd settings are warnings; broken JSON and unusable catalogs are errors (exit 2)', () => {
    const root = path.join(fixtures, 'config-cases');
    fs.cpSync(path.join(fixtures, 'two-nodes'), root, { recursive: true });
    const config = path.join(root, '.oxclusterconfig.json');
    fs.writeFileSync(config, JSON.stringify({ rules: { 'misread-value': 'loud', 'no-such-rule': 'off' }, colour: 'red' }));
    const odd = cli(fixtures, 'check', 'config-cases');
    assert.equal(odd.status, 1);
    assert.match(odd.stderr, /Unknown setting "colour"/);
    assert.match(odd.stderr, /Rule "misread-value": unknown severity "loud"/);
    assert.match(odd.stderr, /Unknown rule "no-such-rule"; ignored\./);

    fs.writeFileSync(config, '{ "rules": ');
    const broken = cli(fixtures, 'check', 'config-cases');
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /\.oxclusterconfig\.json is not valid JSON/);
    assert.equal(broken.stdout, '');

    fs.copyFileSync(path.join(REPO, 'test/fixtures/catalogs/invalid.ox-catalog.json'), path.join(root, 'invalid.ox-catalog.json'));
    fs.writeFileSync(config, JSON.stringify({ catalogs: ['invalid.ox-catalog.json'] }));
    const invalid = cli(fixtures, 'check', 'config-cases');
    assert.equal(invalid.status, 2);
    assert.match(invalid.stderr, /invalid\.ox-catalog\.json is invalid and was ignored/);

    fs.writeFileSync(config, JSON.stringify({ catalogs: ['missing.ox-catalog.json'] }));
    const missing = cli(fixtures, 'check', 'config-cases');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read catalog missing\.ox-catalog\.json .*ENOENT/);

    // A catalog is data: a file with code in it is not JSON and is refused, never run.
    fs.writeFileSync(path.join(root, 'evil.js'), 'require("fs").writeFileSync("pwned", "x"); module.exports = {};');
    fs.writeFileSync(config, JSON.stringify({ catalogs: ['evil.js'] }));
    const code = cli(fixtures, 'check', 'config-cases');
    assert.equal(code.status, 2);
    assert.match(code.stderr, /not valid JSON/);
    assert.equal(fs.existsSync(path.join(fixtures, 'pwned')), false);
  });

  test('every configuration problem is reported, one line each, before exit 2', () => {
    const root = path.join(fs.realpathSync(fixtures), 'config-all');
    fs.cpSync(path.join(fixtures, 'two-nodes'), root, { recursive: true });
    fs.copyFileSync(path.join(REPO, 'test/fixtures/catalogs/invalid.ox-catalog.json'), path.join(root, 'invalid.ox-catalog.json'));
    fs.copyFileSync(path.join(REPO, 'test/fixtures/catalogs/invalid.ox-catalog.json'), path.join(root, 'invalid2.ox-catalog.json'));
    const config = path.join(root, '.oxclusterconfig.json');
    fs.writeFileSync(
      config,
      JSON.stringify({
        rules: { 'no-such-rule': 'off' },
        catalogs: ['invalid.ox-catalog.json', 'missing.ox-catalog.json', 'invalid2.ox-catalog.json'],
      }),
    );
    const invalid = (file: string) =>
      `ox-cluster-config: Catalog ${path.join(root, file)} is invalid and was ignored: /properties/0 must have required property 'type'; ` +
      "/properties/0 must have required property 'default'; /properties/0 must have required property 'description'; " +
      '/properties/0 must NOT have additional properties: "colour"\n';
    const run = cli(fixtures, 'check', 'config-all');
    assert.equal(
      run.stderr,
      `ox-cluster-config: ${config}: Unknown rule "no-such-rule"; ignored.\n` +
        `ox-cluster-config: cannot read catalog missing.ox-catalog.json (from ${config}): ENOENT\n` +
        invalid('invalid.ox-catalog.json') +
        invalid('invalid2.ox-catalog.json'),
    );
    assert.equal(run.stdout, '');
    assert.equal(run.status, 2);
  });
});

describe('check: progress', () => {
  test('more than 300 files: a progress line every 500 files on a non-terminal stderr', () => {
    const root = path.join(fixtures, 'many', 'node1', 'etc', 'hazelcast');
    fs.mkdirSync(root, { recursive: true });
    for (let i = 0; i < 510; i++)
      fs.writeFileSync(
        path.join(root, `map${String(i).padStart(3, '0')}.properties`),
        `com.openexchange.hazelcast.configuration.map.name=map${i}\n`,
      );
    const run = cli(fixtures, 'check', 'many');
    assert.equal(run.stderr, 'checking files: 500/510\n');
    assert.equal(run.stdout, '0 errors, 0 warnings, 0 infos in 510 files (1 cluster, 1 node)\n');
    assert.equal(run.status, 0);
    assert.equal(cli(fixtures, 'check', 'two-nodes').stderr, '');
  });
});

describe('dump and help', () => {
  test('dump still prints a file as JSON', () => {
    const run = cli(fixtures, 'dump', 'two-nodes/node2/etc/hazelcast.properties');
    assert.equal(run.status, 0);
    assert.deepEqual(JSON.parse(run.stdout), {
      'com.openexchange.hazelcast.group.name': 'prod2',
      'com.openexchange.hazelcast.network.join': 'static',
      'com.openexchange.hazelcast.network.join.static.nodes': '10.0.0.1,10.0.0.2',
      'com.openexchange.hazelcast.network.interfaces': '10.0.0.2',
    });
    assert.equal(cli(fixtures, 'dump').status, 2);
  });

  test('--help documents every option, every rule and the exit codes', () => {
    const { RULES } = require('../../server/src/rules/registry') as typeof import('../../server/src/rules/registry');
    for (const args of [['--help'], ['check', '--help']]) {
      const run = cli(fixtures, ...args);
      assert.equal(run.status, 0);
      for (const option of [
        '--format',
        '--rule',
        '--max-warnings',
        '--cluster',
        '--fix',
        '--effective',
        '--values',
        '--release',
        '--chart-version',
        'schema core-mw',
        '"releases"',
        '.oxclusterconfig.json',
        'no OX configuration files found',
        'Exit codes',
      ]) {
        assert.ok(run.stdout.includes(option), `help mentions ${option}`);
      }
      for (const rule of RULES) {
        const line = run.stdout.split('\n').find((l) => l.startsWith(`    ${rule.id} `)) ?? '';
        assert.match(line, new RegExp(`^    ${rule.id} +${rule.defaultSeverity} `));
        assert.ok(line.endsWith(`  ${rule.title}`), `help gives the title of ${rule.id}`);
      }
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    assert.equal(cli(fixtures, '--version').stdout, `${pkg.version}\n`);
  });
});

describe('check: configuration-management templates', () => {
  const HAZELCAST = 'templates/roles/ox/templates/opt/open-xchange/etc/hazelcast.properties.j2';
  const SESSIOND = 'templates/cookbooks/ox/templates/default/sessiond.properties.erb';

  test('templates below a folder are found; each folder of them is a node template', () => {
    const run = cli(fixtures, 'check', 'templates');
    assert.equal(
      run.stdout,
      `${SESSIOND}:3:50 error invalid-value "1 hour" is not an integer: OX cannot parse it and silently uses the default 3600000. Units are not allowed here: give a plain number of milliseconds.
${HAZELCAST}:7:54 warning misread-value OX reads "yes" as false: only "true" (in any letter case) is true.
1 error, 1 warning, 0 infos in 2 files (0 clusters, 0 nodes, 2 node templates)
1 problem can be fixed with --fix.
`,
    );
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
  });

  test('json: a template given as a single file', () => {
    const run = cli(fixtures, 'check', '--format', 'json', HAZELCAST);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    assert.deepEqual(JSON.parse(run.stdout), [
      {
        file: HAZELCAST,
        line: 7,
        column: 54,
        endLine: 7,
        endColumn: 57,
        severity: 'warning',
        rule: 'misread-value',
        message: 'OX reads "yes" as false: only "true" (in any letter case) is true.',
      },
    ]);
  });
});
