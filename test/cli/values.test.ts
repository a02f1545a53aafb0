// The command line on Kubernetes values files: single files, --values releases, chart versions, declared releases.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cli, REPO, removeScratch, scratch } from './harness';

/** OX's own values files with their Chart.yaml, beside the repository (absent in a fresh clone). */
const STOCK = path.join(REPO, '../shared/corpus/k8s-stock');

let dir: string;
let fixtures: string;
before(() => {
  dir = scratch();
  fixtures = path.join(dir, 'fixtures');
});
after(() => removeScratch(dir));

const UNSET_PROD =
  'k8s/loose/prod.yaml:1:1 warning hz-group-name-unset hzGroupName is empty, and 3 pods run Hazelcast: the chart makes up a random cluster name on every render, so every upgrade renames the cluster and pods of the old and new name do not join.';
const PASSWORD = 'info hz-group-password-ignored OX 8 no longer uses a Hazelcast group password: hzGroupPassword has no effect.';

describe('check: single files', () => {
  test('a values file on its own; the Chart.yaml beside it gives chart 1.0.0, which still needs hzGroupPassword', () => {
    const run = cli(fixtures, 'check', 'k8s/chart/values.yaml');
    assert.equal(run.stdout, '0 errors, 0 warnings, 0 infos in 1 file (1 cluster, 1 node)\n');
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
  });

  test('--chart-version wins over the Chart.yaml', () => {
    const run = cli(fixtures, 'check', '--chart-version', '4.8.1', 'k8s/chart/values.yaml');
    assert.equal(
      run.stdout,
      `k8s/chart/values.yaml:3:1 ${PASSWORD}\n0 errors, 0 warnings, 1 info in 1 file (1 cluster, 1 node)\n1 problem can be fixed with --fix.\n`,
    );
    assert.equal(run.status, 0);
  });

  test('a .properties file is a node of that one file: no cluster-mismatch without its sibling node', () => {
    const run = cli(fixtures, 'check', 'two-nodes/node1/etc/hazelcast.properties');
    assert.equal(
      run.stdout,
      'two-nodes/node1/etc/hazelcast.properties:6:32 warning misread-value OX reads "yes" as false: only "true" (in any letter case) is true.\n' +
        '0 errors, 1 warning, 0 infos in 1 file (1 cluster, 1 node)\n1 problem can be fixed with --fix.\n',
    );
    assert.equal(run.status, 0);
  });

  test('a YAML file without core-mw values is reported; alone it is exit 2, beside others only a line on stderr', () => {
    const alone = cli(fixtures, 'check', 'k8s/loose/notes.yaml');
    assert.equal(alone.stderr, 'ox-cluster-config: no core-mw values in k8s/loose/notes.yaml\n');
    assert.equal(alone.stdout, '');
    assert.equal(alone.status, 2);
    const beside = cli(fixtures, 'check', 'k8s/loose/notes.yaml', 'k8s/chart');
    assert.equal(beside.stderr, 'ox-cluster-config: no core-mw values in k8s/loose/notes.yaml\n');
    assert.equal(beside.stdout, '0 errors, 0 warnings, 0 infos in 1 file (1 cluster, 1 node)\n');
    assert.equal(beside.status, 0);
  });
});

describe('check: --values', () => {
  test('the files form one release in the order given: the later empty hzGroupName wins', () => {
    const run = cli(fixtures, 'check', '--values', 'k8s/loose/base.yaml', '--values', 'k8s/loose/prod.yaml');
    assert.equal(
      run.stdout,
      `${UNSET_PROD} From chart 6.0.1 each node type draws its own, so two types never find each other. Set a name of your own. (The chart version is unknown; this assumes chart 6.20.2.)\n` +
        '0 errors, 1 warning, 0 infos in 2 files (1 cluster, 1 node)\n1 problem can be fixed with --fix.\n',
    );
    assert.equal(run.stderr, '');
    const reversed = cli(fixtures, 'check', '--values', 'k8s/loose/prod.yaml', '--values', 'k8s/loose/base.yaml');
    assert.equal(reversed.stdout, '0 errors, 0 warnings, 0 infos in 2 files (1 cluster, 1 node)\n');
  });

  test('--chart-version applies to the release; the JSON shape stays as it is', () => {
    const run = cli(
      fixtures,
      'check',
      '--format',
      'json',
      '--chart-version',
      '4.8.1',
      '--values',
      'k8s/loose/base.yaml',
      '--values',
      'k8s/loose/prod.yaml',
    );
    assert.deepEqual(JSON.parse(run.stdout), [
      {
        file: 'k8s/loose/prod.yaml',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 12,
        severity: 'warning',
        rule: 'hz-group-name-unset',
        message: `${UNSET_PROD.slice(UNSET_PROD.indexOf('hzGroupName is'))} Set a name of your own.`,
      },
    ]);
  });

  test('the release is named after the first file, or by --release', () => {
    const cluster = (...args: string[]) =>
      (
        JSON.parse(cli(fixtures, 'check', '--effective', '--values', 'k8s/loose/base.yaml', ...args).stdout) as Array<{ cluster: string }>
      ).map((n) => n.cluster);
    assert.deepEqual(cluster(), ['base.yaml']);
    assert.deepEqual(cluster('--release', 'prod'), ['prod']);
  });

  test('usage errors: --release without --values, a chart version that is none, a missing or non-YAML file', () => {
    const usage = (args: string[], message: string) => {
      const run = cli(fixtures, 'check', ...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.ok(run.stderr.startsWith(`ox-cluster-config: ${message}\n\nUsage:`), run.stderr);
      assert.equal(run.stdout, '');
    };
    usage(['--release', 'x', 'k8s/chart'], '--release names the release of --values; give --values too.');
    usage(['--chart-version', 'latest', 'k8s/chart'], '--chart-version needs a chart version such as 6.20.2, not "latest".');
    usage(['--values'], '--values needs a value.');
    const missing = cli(fixtures, 'check', '--values', 'nope.yaml');
    assert.deepEqual([missing.status, missing.stderr], [2, 'ox-cluster-config: --values: no such file: nope.yaml\n']);
    const folder = cli(fixtures, 'check', '--values', 'k8s/chart');
    assert.deepEqual([folder.status, folder.stderr], [2, 'ox-cluster-config: --values needs a YAML values file: k8s/chart\n']);
  });
});

describe('check: releases of .oxclusterconfig.json', () => {
  test('declared files are read whatever their names, with the declared chart version; a missing one is a warning', () => {
    const run = cli(fixtures, 'check', 'k8s/release');
    const config = path.join(fixtures, 'k8s/release/.oxclusterconfig.json');
    assert.equal(run.stderr, `ox-cluster-config: ${config}: releases[0] ("prod"): no values file gone.yaml; left out.\n`);
    assert.equal(
      run.stdout,
      `${UNSET_PROD} Set a name of your own.\n` +
        `k8s/release/values-staging.yaml:2:1 ${PASSWORD} (The chart version is unknown; chart 1.0.0 still required this key.)\n` +
        '0 errors, 1 warning, 1 info in 3 files (2 clusters, 2 nodes)\n1 problem can be fixed with --fix.\n',
    );
    assert.equal(run.status, 0);
  });

  test(
    'the stock Chart.yaml files give their versions: no finding in OX own values files',
    { skip: !fs.existsSync(STOCK) && 'no ../shared' },
    () => {
      const run = cli(fixtures, 'check', STOCK);
      assert.equal(run.stdout, '0 errors, 0 warnings, 0 infos in 3 files (3 clusters, 3 nodes)\n');
      assert.equal(run.stderr, '');
    },
  );
});

describe('check --fix on values files', () => {
  test('a fixed values file is written back as UTF-8, its other characters unchanged', () => {
    const folder = path.join(dir, 'utf8');
    fs.mkdirSync(folder, { recursive: true });
    const text =
      '# Größe der Sitzungen, für alle Knoten\ncore-mw:\n  hzGroupName: prod\n  properties:\n    com.openexchange.guard.restApiPassword: "geheim-ä"\n';
    fs.writeFileSync(path.join(folder, 'values.yaml'), text, 'utf8');
    const run = cli(dir, 'check', '--fix', 'utf8');
    assert.match(run.stdout, /^Fixed 1 problem in 1 file\.\n/);
    assert.equal(
      fs.readFileSync(path.join(folder, 'values.yaml'), 'utf8'),
      '# Größe der Sitzungen, für alle Knoten\ncore-mw:\n  hzGroupName: prod\n  properties: {}\n  secretProperties:\n    com.openexchange.guard.restApiPassword: "geheim-ä"\n',
    );
  });
});
