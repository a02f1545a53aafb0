// Declared releases and chart versions through the workspace sync: files of any name, Chart.yaml beside values files.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { coreMwChartVersion } from '../../server/src/analysis/chartVersions';
import { ReleaseOptions, WorkspaceSync } from '../../server/src/analysis/workspaceSync';
import { CROSS_RULES, FILE_RULES } from '../../server/src/rules/registry';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { catalog, Files, memoryHost, relativeOf, ROOT, uriOf } from '../support/memoryHost';

const CHART = (name: string, version: string) => `apiVersion: v2\nname: ${name}\nversion: ${version}\nappVersion: 8.0.0\n`;
const WITH_PASSWORD = 'hzGroupName: ox\nhzGroupPassword: secret\n';

async function syncOver(files: Files, releases: ReleaseOptions = {}): Promise<WorkspaceSync> {
  const sync = new WorkspaceSync(catalog, [], [], {
    host: memoryHost(files),
    singleFileRules: FILE_RULES,
    crossRules: CROSS_RULES,
    onRuleError: (rule, error) => {
      throw new Error(`rule ${rule.id} failed: ${String(error)}`);
    },
  });
  assert.deepEqual(await sync.reconfigure(catalog, [{ uri: ROOT, discover: {} }], [], releases), []);
  await sync.analyzeAll(DEFAULT_SETTINGS, () => Promise.resolve());
  return sync;
}

const releases = (sync: WorkspaceSync) =>
  sync.model.releases().map((r) => [r.name, r.chartVersion ?? '?', r.docs.map((d) => relativeOf(d.uri)).join(' ')]);

const findings = (sync: WorkspaceSync, path: string) => sync.diagnostics(uriOf(path)).map((d) => `${d.code}: ${d.message}`);

const PASSWORD_UNKNOWN =
  'hz-group-password-ignored: OX 8 no longer uses a Hazelcast group password: hzGroupPassword has no effect. (The chart version is unknown; chart 1.0.0 still required this key.)';
const PASSWORD_KNOWN = 'hz-group-password-ignored: OX 8 no longer uses a Hazelcast group password: hzGroupPassword has no effect.';

describe('chart version from Chart.yaml', () => {
  test('the version of a core-mw Chart.yaml; nothing for another chart, no version or no YAML', () => {
    assert.equal(coreMwChartVersion(CHART('core-mw', '6.20.2')), '6.20.2');
    assert.equal(coreMwChartVersion('name: core-mw\nversion: 1.0\n'), '1');
    assert.equal(coreMwChartVersion(CHART('appsuite-public-sector', '2.31.29')), undefined);
    assert.equal(coreMwChartVersion('name: core-mw\n'), undefined);
    assert.equal(coreMwChartVersion('name: [core-mw\n'), undefined);
    assert.equal(coreMwChartVersion('- core-mw\n'), undefined);
  });

  test('a stack or umbrella Chart.yaml names the version of its core-mw dependency, if exact', () => {
    const stack = (version: string) =>
      `apiVersion: v2\nname: appsuite-stack\nversion: 2.0.0\ndependencies:\n  - name: redis\n    version: 1.2.3\n  - name: core-mw\n    version: "${version}"\n    repository: oci://registry.example/appsuite\n`;
    assert.equal(coreMwChartVersion(stack('6.20.2')), '6.20.2');
    assert.equal(coreMwChartVersion(stack('^6.20.0')), undefined);
    assert.equal(coreMwChartVersion(stack('6.x')), undefined);
    assert.equal(coreMwChartVersion('name: stack\ndependencies: [core-mw]\n'), undefined);
    assert.equal(coreMwChartVersion('name: stack\ndependencies:\n  - name: core-mw\n'), undefined);
  });

  test('a values file opened in a folder no indexing read gets the version of the Chart.yaml there, read once', async () => {
    const sync = await syncOver({ 'new/Chart.yaml': CHART('core-mw', '4.8.1'), 'other/values.yaml': 'hzGroupName: b\n' });
    const uri = uriOf('new/values.yaml');
    sync.openDocument(TextDocument.create(uri, 'yaml', 1, WITH_PASSWORD));
    assert.equal(await sync.readChartVersionOf(uri), true);
    sync.update([uri], DEFAULT_SETTINGS);
    assert.deepEqual(
      releases(sync).find((r) => r[2] === 'new/values.yaml'),
      ['new/values.yaml', '4.8.1', 'new/values.yaml'],
    );
    assert.deepEqual(findings(sync, 'new/values.yaml'), [PASSWORD_KNOWN]);
    assert.equal(await sync.readChartVersionOf(uri), false);
    // A folder already read, and a file that is no values file: nothing to read.
    assert.equal(await sync.readChartVersionOf(uriOf('other/values.yaml')), false);
  });

  test('a values file beside a core-mw Chart.yaml gets its version; one in another folder or beside another chart does not', async () => {
    const sync = await syncOver({
      'chart/Chart.yaml': CHART('core-mw', '1.0.0'),
      'chart/values.yaml': WITH_PASSWORD,
      'chart/sub/values.yaml': WITH_PASSWORD,
      'umbrella/Chart.yaml': CHART('appsuite', '2.31.29'),
      'umbrella/values.yaml': 'core-mw:\n  hzGroupName: ox\n  hzGroupPassword: secret\n',
    });
    assert.deepEqual(releases(sync), [
      ['sub/values.yaml', '?', 'chart/sub/values.yaml'],
      ['chart/values.yaml', '1.0.0', 'chart/values.yaml'],
      ['umbrella/values.yaml', '?', 'umbrella/values.yaml'],
    ]);
    assert.deepEqual(findings(sync, 'chart/values.yaml'), []);
    assert.deepEqual(findings(sync, 'chart/sub/values.yaml'), [PASSWORD_UNKNOWN]);
  });

  test('a changed or deleted Chart.yaml changes the version and the findings of the values files beside it', async () => {
    const files: Files = {
      'chart/Chart.yaml': CHART('core-mw', '1.0.0'),
      'chart/values.yaml': WITH_PASSWORD,
      'other/values.yaml': 'hzGroupName: b\n',
    };
    const sync = await syncOver(files);
    assert.deepEqual(findings(sync, 'chart/values.yaml'), []);
    const chart = uriOf('chart/Chart.yaml');

    files['chart/Chart.yaml'] = CHART('core-mw', '4.8.1');
    assert.equal(await sync.fileChanged(chart, false), true);
    assert.deepEqual(sync.update([chart], DEFAULT_SETTINGS).map(relativeOf), ['chart/values.yaml']);
    assert.deepEqual(findings(sync, 'chart/values.yaml'), [PASSWORD_KNOWN]);

    // The same version again: nothing to do.
    assert.equal(await sync.fileChanged(chart, false), false);

    delete files['chart/Chart.yaml'];
    assert.equal(await sync.fileChanged(chart, true), true);
    sync.update([chart], DEFAULT_SETTINGS);
    assert.deepEqual(findings(sync, 'chart/values.yaml'), [PASSWORD_UNKNOWN]);

    // A Chart.yaml where no values file is: no analysis due.
    files['elsewhere/Chart.yaml'] = CHART('core-mw', '1.0.0');
    assert.equal(await sync.fileChanged(uriOf('elsewhere/Chart.yaml'), false), false);
  });
});

describe('declared releases', () => {
  const FILES: Files = {
    'k8s/Chart.yaml': CHART('core-mw', '4.8.1'),
    'k8s/base.yaml': 'hzGroupName: ox\nreplicas: 3\n',
    'k8s/prod.yml': 'hzGroupName: ""\n',
    'k8s/values-staging.yaml': WITH_PASSWORD,
    'k8s/notes.yaml': 'title: not a values file\n',
  };
  const UNSET =
    'hz-group-name-unset: hzGroupName is empty, and 3 pods run Hazelcast: the chart makes up a random cluster name on every render, so every upgrade renames the cluster and pods of the old and new name do not join. Set a name of your own.';

  test('their files are read whatever their names, in the order given; later files win', async () => {
    const sync = await syncOver(FILES, { releases: [{ name: 'prod', values: [uriOf('k8s/base.yaml'), uriOf('k8s/prod.yml')] }] });
    assert.deepEqual(releases(sync), [
      ['prod', '4.8.1', 'k8s/base.yaml k8s/prod.yml'],
      ['k8s/values-staging.yaml', '4.8.1', 'k8s/values-staging.yaml'],
    ]);
    assert.deepEqual(findings(sync, 'k8s/prod.yml'), [UNSET]);
    assert.deepEqual(findings(sync, 'k8s/values-staging.yaml'), [PASSWORD_KNOWN]);

    const reversed = await syncOver(FILES, { releases: [{ name: 'prod', values: [uriOf('k8s/prod.yml'), uriOf('k8s/base.yaml')] }] });
    assert.deepEqual(findings(reversed, 'k8s/prod.yml'), []);
    assert.deepEqual(findings(reversed, 'k8s/base.yaml'), []);
  });

  test('a release chart version wins over the chosen default, which wins over Chart.yaml', async () => {
    const sync = await syncOver(FILES, {
      releases: [{ name: 'prod', chartVersion: '6.20.2', values: [uriOf('k8s/base.yaml')] }],
      chartVersion: '1.0.0',
    });
    assert.deepEqual(releases(sync), [
      ['prod', '6.20.2', 'k8s/base.yaml'],
      ['k8s/values-staging.yaml', '1.0.0', 'k8s/values-staging.yaml'],
    ]);
    assert.deepEqual(findings(sync, 'k8s/values-staging.yaml'), []);
  });

  test('a listed file is followed by file events although discovery would not find it', async () => {
    const files = { ...FILES };
    const sync = await syncOver(files, { releases: [{ name: 'prod', values: [uriOf('k8s/base.yaml'), uriOf('k8s/prod.yml')] }] });
    files['k8s/prod.yml'] = 'hzGroupName: site\n';
    assert.equal(await sync.fileChanged(uriOf('k8s/prod.yml'), false), true);
    sync.update([uriOf('k8s/prod.yml')], DEFAULT_SETTINGS);
    assert.deepEqual(findings(sync, 'k8s/prod.yml'), []);
    assert.equal(await sync.fileChanged(uriOf('k8s/notes.yaml'), false), false);
  });
});
