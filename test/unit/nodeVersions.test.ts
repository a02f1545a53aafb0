// What each node runs: a classic node's package list and OX version, from the list, the configuration or the
// setting; a release's node types' OX version from the image tag of its values.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { discoveryOf, resolveConfiguration } from '../../server/src/config/resolve';
import { isDiscovered, isDiscoveredPackageList } from '../../server/src/analysis/discover';
import { createLanguageService, LanguageService } from '../../server/src/languageService';
import { parseFile } from '../../server/src/analysis/load';
import { Workspace } from '../../server/src/model/workspace';
import { DeclaredVersion, DeclaredVersions } from '../../server/src/model/packages/nodeVersion';
import { readPackageList } from '../../server/src/model/packages/packageList';
import { effectiveConfigurations } from '../../server/src/features/effectiveConfiguration';
import { renderEffectiveConfiguration } from '../../server/src/features/effectiveConfigurationText';
import { normalizeSettings } from '../../server/src/settings';
import { formatOxVersion, parseOxVersion } from '../../server/src/util/versions';
import { SeverityName } from '../../server/src/rules/rule';
import { versionWords } from '../../server/src/rules/versionSupport';
import { catalog, memoryHost, relativeOf, ROOT, uriOf } from '../support/memoryHost';
import { memoryConfigHost } from '../support/memoryConfigHost';

const NODE = 'com.openexchange.hazelcast.group.name=prod\n';
const CONFIG = `${ROOT}/.oxclusterconfig.json`;

function declared(version: string, detail: string, source: 'config' | 'setting' = 'config'): DeclaredVersion {
  return { version: parseOxVersion(version)!, source, ...(source === 'config' ? { file: CONFIG } : {}), detail };
}

describe('node versions in the workspace model', () => {
  function workspace(): Workspace {
    const versions: DeclaredVersions = {
      nodes: [
        { ...declared('7.10.3', 'nodes["site/n4"].oxVersion'), root: ROOT, pattern: 'site/n4' },
        { ...declared('7.10.2', 'nodes["site/*"].oxVersion'), root: ROOT, pattern: 'site/*' },
      ],
      folders: [
        { ...declared('7.8.4', 'oxVersion'), root: ROOT },
        { ...declared('8.0', 'oxVersion'), root: `${ROOT}/other` },
      ],
      setting: declared('8.19', 'oxClusterConfig.oxVersion', 'setting'),
    };
    const clusters = [
      {
        name: 'site',
        nodes: ['site/n1', 'site/n2', 'site/n3', 'site/n4'],
        root: ROOT,
        oxVersion: declared('7.10.4', 'clusters[0].oxVersion'),
      },
      { name: 'loose', nodes: ['site/n5'], root: ROOT },
    ];
    const ws = new Workspace(catalog, clusters, [], undefined, versions);
    const nodeFiles = ['site/n1/etc', 'site/n2/etc', 'site/n3/etc', 'site/n4/etc', 'site/n5/etc', 'other/n6/etc', 'flat/n7', 'deep/n8/etc'];
    for (const folder of nodeFiles) ws.set(parseFile(uriOf(`${folder}/hazelcast.properties`), NODE, catalog)!);
    ws.set(parseFile('file:///elsewhere/n9/etc/hazelcast.properties', NODE, catalog)!);
    const list = (path: string, text: string) => ws.setPackageList({ uri: uriOf(path), ...readPackageList(text) });
    list('site/n1/packages.txt', 'ii  open-xchange-core 7.10.6-35\nii  open-xchange-dav 7.10.6-3\nii  libc6 2.36-9\n');
    list('site/n2/etc/packages.txt', 'open-xchange-core-7.10.5-22_1.1.noarch\n');
    list('site/n3/packages.txt', 'ii  open-xchange-dav 7.10.6-3\nun  open-xchange-core\n');
    list('flat/n7/packages.txt', 'open-xchange-core 8.19.0-4\n');
    list('flat/packages.txt', 'open-xchange-core 7.0.0-1\n');
    list('deep/packages.txt', 'open-xchange-core 7.0.0-1\n');
    return ws;
  }

  test('the list beside etc/ or in it first, then the node entry, the cluster, the folder, the setting', () => {
    const shown = workspace()
      .nodes()
      .map((n) => {
        const list = n.packages ? relativeOf(n.packages.uri) : null;
        const version = n.oxVersion && [formatOxVersion(n.oxVersion.version), n.oxVersion.source, n.oxVersion.detail];
        return [n.uri.startsWith(ROOT) ? relativeOf(n.uri) : n.uri, list, version ?? null];
      });
    assert.deepEqual(shown, [
      ['file:///elsewhere/n9/etc', null, ['8.19', 'setting', 'oxClusterConfig.oxVersion']],
      ['deep/n8/etc', null, ['7.8.4', 'config', 'oxVersion']],
      ['flat/n7', 'flat/n7/packages.txt', ['8.19.0', 'packages', 'open-xchange-core 8.19.0-4']],
      ['other/n6/etc', null, ['8.0', 'config', 'oxVersion']],
      ['site/n1/etc', 'site/n1/packages.txt', ['7.10.6', 'packages', 'open-xchange-core 7.10.6-35']],
      ['site/n2/etc', 'site/n2/etc/packages.txt', ['7.10.5', 'packages', 'open-xchange-core 7.10.5-22_1.1']],
      // A list without an installed open-xchange-core gives no version.
      ['site/n3/etc', 'site/n3/packages.txt', ['7.10.2', 'config', 'nodes["site/*"].oxVersion']],
      ['site/n4/etc', null, ['7.10.3', 'config', 'nodes["site/n4"].oxVersion']],
      ['site/n5/etc', null, ['7.10.2', 'config', 'nodes["site/*"].oxVersion']],
    ]);
  });

  test('a cluster version counts for its nodes without a list or node entry; a list change re-reads the nodes', () => {
    const ws = new Workspace(
      catalog,
      [{ name: 'site', nodes: ['site/*'], root: ROOT, oxVersion: declared('7.10.4', 'clusters[0].oxVersion') }],
      [],
      undefined,
      { nodes: [], folders: [{ ...declared('7.8.4', 'oxVersion'), root: ROOT }] },
    );
    ws.set(parseFile(uriOf('site/n1/etc/hazelcast.properties'), NODE, catalog)!);
    ws.set(parseFile(uriOf('other/n2/etc/hazelcast.properties'), NODE, catalog)!);
    const versions = () => ws.nodes().map((n) => n.oxVersion && `${formatOxVersion(n.oxVersion.version)} ${n.oxVersion.detail}`);
    assert.deepEqual(versions(), ['7.8.4 oxVersion', '7.10.4 clusters[0].oxVersion']);
    ws.setPackageList({ uri: uriOf('site/n1/packages.txt'), ...readPackageList('open-xchange-core 8.0.1-2\n') });
    assert.deepEqual(versions(), ['7.8.4 oxVersion', '8.0.1 open-xchange-core 8.0.1-2']);
    assert.deepEqual(
      ws.nodesBesidePackageList(uriOf('site/n1/packages.txt')).map((n) => relativeOf(n.uri)),
      ['site/n1/etc'],
    );
    assert.equal(ws.deletePackageList(uriOf('site/n1/packages.txt')), true);
    assert.equal(ws.deletePackageList(uriOf('site/n1/packages.txt')), false);
    assert.deepEqual(versions(), ['7.8.4 oxVersion', '7.10.4 clusters[0].oxVersion']);
  });

  test('the effective configuration shows the version with its source and the count of open-xchange packages', () => {
    const text = renderEffectiveConfiguration(effectiveConfigurations(workspace(), catalog, { maskSecrets: true }));
    const section = (node: string) => {
      const lines = text.split('\n');
      const at = lines.findIndex((l) => l.startsWith(`## ${node}`));
      return lines.slice(at, at + 6);
    };
    assert.deepEqual(section('n1'), [
      '## n1 (cluster site)',
      '',
      uriOf('site/n1/etc'),
      '',
      '- OX version: 7.10.6, from open-xchange-core 7.10.6-35 in ../packages.txt',
      '- Installed open-xchange packages: 2 (../packages.txt)',
    ]);
    assert.deepEqual(section('n2').slice(4), [
      '- OX version: 7.10.5, from open-xchange-core 7.10.5-22_1.1 in packages.txt',
      '- Installed open-xchange packages: 1 (packages.txt)',
    ]);
    assert.deepEqual(section('n4').slice(4), [
      `- OX version: 7.10.3, from nodes["site/n4"].oxVersion in ${CONFIG}`,
      '- Installed open-xchange packages: unknown (no package list)',
    ]);
    assert.deepEqual(section('n9').slice(4), [
      '- OX version: 8.19, from the setting oxClusterConfig.oxVersion',
      '- Installed open-xchange packages: unknown (no package list)',
    ]);
    const bare = new Workspace(catalog);
    bare.set(parseFile(uriOf('n1/etc/hazelcast.properties'), NODE, catalog)!);
    const unknown = renderEffectiveConfiguration(effectiveConfigurations(bare, catalog, { maskSecrets: true })).split('\n');
    assert.deepEqual(unknown.slice(unknown.indexOf('## n1 (cluster ws)') + 4, unknown.indexOf('## n1 (cluster ws)') + 6), [
      '- OX version: unknown (no open-xchange-core in a package list, no oxVersion in .oxclusterconfig.json, no oxClusterConfig.oxVersion setting)',
      '- Installed open-xchange packages: unknown (no package list)',
    ]);
  });
});

describe('node versions in the configuration', () => {
  const DEFAULTS = new Map<string, SeverityName>([['syntax', 'error']]);

  test('oxVersion at the top, per node and per cluster; the editor setting; packageList names the file', async () => {
    const host = memoryConfigHost({
      '/ws/.oxclusterconfig.json': JSON.stringify({
        oxVersion: '7.10.6',
        nodes: { 'site/n3': { oxVersion: '8.19' }, 'site/*': {} },
        clusters: [{ name: 'site', nodes: ['site/*'], oxVersion: '7.10.5-22' }],
        packageList: 'installed.txt',
      }),
      '/other/.oxclusterconfig.json': JSON.stringify({ exclude: ['backup'] }),
    });
    const resolved = await resolveConfiguration(host, {
      folders: ['/ws', '/other'],
      trusted: true,
      ruleDefaults: DEFAULTS,
      editor: { oxVersion: ' 8.0 ', packageListFile: 'pkgs.lst' },
    });
    assert.deepEqual(resolved.problems, []);
    const v = (text: string) => parseOxVersion(text)!;
    const file = 'file:///ws/.oxclusterconfig.json';
    assert.deepEqual(resolved.clusters, [
      {
        name: 'site',
        nodes: ['site/*'],
        root: 'file:///ws',
        oxVersion: { version: v('7.10.5'), source: 'config', file, detail: 'clusters[0].oxVersion' },
      },
    ]);
    assert.deepEqual(resolved.versions, {
      nodes: [{ version: v('8.19'), source: 'config', file, detail: 'nodes["site/n3"].oxVersion', root: 'file:///ws', pattern: 'site/n3' }],
      folders: [{ version: v('7.10.6'), source: 'config', file, detail: 'oxVersion', root: 'file:///ws' }],
      upgradeNodes: [],
      setting: { version: v('8.0'), source: 'setting', detail: 'oxClusterConfig.oxVersion' },
    });
    assert.equal(resolved.editor?.oxVersion, '8.0');
    // A folder's own file wins over the editor setting, which names the list where no file does.
    assert.deepEqual(discoveryOf(resolved, ['/ws']), { include: [], exclude: [], packageList: 'installed.txt' });
    assert.deepEqual(discoveryOf(resolved, ['/other']), { include: [], exclude: ['backup'], packageList: 'pkgs.lst' });
  });

  test('invalid versions and list names are configuration problems; the rest is used', async () => {
    const host = memoryConfigHost({
      '/ws/.oxclusterconfig.json': JSON.stringify({
        oxVersion: 'latest',
        nodes: { n1: { oxVersion: 8 }, n2: { drain: true, oxVersion: '7.10.6' }, n3: '7.10.6', '': {} },
        clusters: [{ name: 'site', nodes: ['site/*'], oxVersion: '>=8.0' }],
        packageList: 'etc/packages.txt',
      }),
    });
    const resolved = await resolveConfiguration(host, {
      folders: ['/ws'],
      trusted: true,
      ruleDefaults: DEFAULTS,
      editor: { oxVersion: 'eight', packageListFile: '*.txt' },
    });
    assert.deepEqual(
      resolved.problems.map((p) => `${p.kind}: ${p.message}`),
      [
        'invalid-setting: oxClusterConfig.oxVersion: "eight" is not an OX version such as "7.10.6" or "8.19"; ignored.',
        'invalid-setting: oxClusterConfig.packageListFile must be a file name such as "packages.txt" (no folder, no glob characters); ignored.',
        'invalid-setting: /ws/.oxclusterconfig.json: clusters[0].oxVersion: ">=8.0" is not an OX version such as "7.10.6" or "8.19"; ignored.',
        'invalid-setting: /ws/.oxclusterconfig.json: oxVersion: "latest" is not an OX version such as "7.10.6" or "8.19"; ignored.',
        'invalid-setting: /ws/.oxclusterconfig.json: nodes["n1"].oxVersion: 8 is not an OX version such as "7.10.6" or "8.19"; ignored.',
        'invalid-setting: /ws/.oxclusterconfig.json: Unknown setting "drain" in nodes["n2"]; ignored.',
        'invalid-setting: /ws/.oxclusterconfig.json: nodes["n3"] must be a node path or glob with settings such as {"oxVersion": "7.10.6"}; ignored.',
        'invalid-setting: /ws/.oxclusterconfig.json: nodes[""] must be a node path or glob with settings such as {"oxVersion": "7.10.6"}; ignored.',
        'invalid-setting: /ws/.oxclusterconfig.json: "packageList" must be a file name such as "packages.txt" (no folder, no glob characters); ignored.',
      ],
    );
    assert.deepEqual(resolved.clusters, [{ name: 'site', nodes: ['site/*'], root: 'file:///ws' }]);
    assert.deepEqual(
      resolved.versions.nodes.map((n) => [n.pattern, formatOxVersion(n.version)]),
      [['n2', '7.10.6']],
    );
    assert.deepEqual(resolved.versions.folders, []);
    assert.equal(resolved.versions.setting, undefined);
    assert.deepEqual(discoveryOf(resolved, ['/ws']), { include: [], exclude: [] });
  });

  test('editor settings: an empty oxVersion and the default list name are unset', () => {
    const problems: string[] = [];
    const settings = normalizeSettings({ oxVersion: '', packageListFile: 'packages.txt' }, problems);
    assert.deepEqual([settings.oxVersion, settings.packageListFile, problems], [undefined, undefined, []]);
    assert.equal(normalizeSettings({ oxVersion: 'v7.10.6-rev35' }).oxVersion, 'v7.10.6-rev35');
  });
});

describe('package lists in the workspace files', () => {
  async function service(files: Record<string, string>, packageList?: string): Promise<LanguageService> {
    const s = createLanguageService({ catalog, host: memoryHost(files) });
    const messages = await s.reconfigure({
      catalog,
      roots: [{ uri: ROOT, discover: { exclude: ['backup'], ...(packageList ? { packageList } : {}) } }],
      clusters: [],
      maxFileSize: Infinity,
    });
    assert.deepEqual(messages, []);
    return s;
  }
  const versions = (s: LanguageService) =>
    (
      JSON.parse(s.effectiveConfiguration(undefined, { maskSecrets: true, format: 'json', folderOf: relativeOf })) as Array<{
        node: string;
        ox: { version: string | null; installedPackages: number | null };
      }>
    ).map((r) => [r.node, r.ox.version, r.ox.installedPackages]);

  test('found by the walk beside etc/, read again on change, forgotten when deleted; never an OX file', async () => {
    const files: Record<string, string> = {
      'n1/etc/hazelcast.properties': NODE,
      'n1/packages.txt': 'ii  open-xchange-core 7.10.6-35\n',
      'n2/etc/hazelcast.properties': NODE,
    };
    const s = await service(files);
    assert.deepEqual(s.uris().map(relativeOf).sort(), ['n1/etc/hazelcast.properties', 'n2/etc/hazelcast.properties']);
    assert.deepEqual(versions(s), [
      ['n1', '7.10.6', 1],
      ['n2', null, null],
    ]);
    files['n1/packages.txt'] = 'ii  open-xchange-core 8.0.0-2\nii  open-xchange-dav 8.0.0-1\n';
    files['n2/packages.txt'] = 'open-xchange-core-7.10.5-22_1.1.noarch\n';
    files['backup/n3/packages.txt'] = 'open-xchange-core 7.0.0-1\n';
    assert.equal(await s.fileChanged(uriOf('n1/packages.txt'), false), true);
    assert.equal(await s.fileChanged(uriOf('n1/packages.txt'), false), false, 'the same text again changes nothing');
    assert.equal(await s.fileChanged(uriOf('n2/packages.txt'), false), true);
    assert.equal(await s.fileChanged(uriOf('backup/n3/packages.txt'), false), false);
    assert.deepEqual(versions(s), [
      ['n1', '8.0.0', 2],
      ['n2', '7.10.5', 1],
    ]);
    // The node's files are analysed again (with its cluster's); the list itself is no document and gets no diagnostics.
    assert.deepEqual(
      s
        .update([uriOf('n2/packages.txt')], { rules: {}, inlayHints: false })
        .map(relativeOf)
        .sort(),
      ['n1/etc/hazelcast.properties', 'n2/etc/hazelcast.properties'],
    );
    assert.deepEqual(s.diagnostics(uriOf('n2/packages.txt')), []);
    delete files['n1/packages.txt'];
    assert.equal(await s.fileChanged(uriOf('n1/packages.txt'), true), true);
    assert.deepEqual(versions(s), [
      ['n1', null, null],
      ['n2', '7.10.5', 1],
    ]);
    assert.deepEqual(s.uris().map(relativeOf).sort(), ['n1/etc/hazelcast.properties', 'n2/etc/hazelcast.properties']);
  });

  test('the configured name; lines it cannot read are one message for the file', async () => {
    const files = {
      'n1/etc/hazelcast.properties': NODE,
      'n1/packages.txt': 'ii  open-xchange-core 7.10.6-35\n',
      'n1/installed.lst': 'Desired=Unknown\n||/ Name Version\nii  open-xchange-core 8.19.0-1\n',
    };
    const s = createLanguageService({ catalog, host: memoryHost(files) });
    const messages = await s.reconfigure({
      catalog,
      roots: [{ uri: ROOT, discover: { packageList: 'installed.lst' } }],
      clusters: [],
      maxFileSize: Infinity,
    });
    assert.deepEqual(messages, [
      `${uriOf('n1/installed.lst')}: 2 lines skipped; the first, line 1: cannot read "Desired=Unknown": expected "name version", dpkg-query's "status name version" or "name<TAB>version", or rpm -qa's "name-version-release[.arch]"`,
    ]);
    assert.deepEqual(versions(s), [['n1', '8.19.0', 1]]);
  });

  test('the walk and file events agree on which files are package lists', () => {
    assert.equal(isDiscoveredPackageList('n1/packages.txt', {}), true);
    assert.equal(isDiscoveredPackageList('n1/etc/packages.txt', {}), true);
    assert.equal(isDiscoveredPackageList('backup/n1/packages.txt', { exclude: ['backup'] }), false);
    assert.equal(isDiscoveredPackageList('n1/packages.txt', { packageList: 'installed.lst' }), false);
    // Include globs do not make a package list an OX file.
    assert.equal(isDiscovered('n1/etc/packages.txt', { include: ['**/*.txt'] }), false);
    assert.equal(isDiscovered('n1/etc/notes.txt', { include: ['**/*.txt'] }), true);
  });
});

describe('node versions of release node types', () => {
  const values = (tag: string) => `hzGroupName: prod\nimage:\n  tag: ${tag}\n`;
  const FILES: Record<string, string> = {
    'k/plain/values.yaml': `${values('8.49.108')}scaling:\n  nodes:\n    api: {}\n    docs: {}\n`,
    'k/revision/values.yaml': `core-mw:\n  hzGroupName: prod\n  image:\n    tag: "8.26.45-1"\n`,
    'k/pinned/values.yaml': values('"8.46.71@sha256:2a5a0c"'),
    'k/latest/values.yaml': values('latest'),
    'k/digest/values.yaml': values('"sha256:2a5a0c"'),
    'k/empty/values.yaml': values('""'),
    'k/script/values.yaml': values('"${OX_TAG}"'),
    'k/templated/values.yaml.gotmpl': values('"{{ .Values.tag }}"'),
    'k/update/values.yaml': 'hzGroupName: prod\nupdate:\n  image:\n    tag: 8.49.108\n',
    'k/stack/values.yaml': 'hzGroupName: prod\nappVersion: 8.49.25\n',
  };

  function workspace(versions: DeclaredVersions = NO_DECLARED): Workspace {
    const ws = new Workspace(catalog, [], [], undefined, versions);
    for (const [path, text] of Object.entries(FILES)) ws.set(parseFile(uriOf(path), text, catalog)!);
    return ws;
  }
  const NO_DECLARED: DeclaredVersions = { nodes: [], folders: [] };
  const shown = (ws: Workspace) =>
    ws.nodes().map((n) => {
      const v = n.oxVersion;
      return [relativeOf(n.uri), v ? [formatOxVersion(v.version), v.source, v.detail, v.file && relativeOf(v.file)] : null];
    });

  test('an explicit image.tag at the chart root gives every node type its version; anything else leaves it unknown', () => {
    assert.deepEqual(shown(workspace()), [
      ['k/digest/values.yaml#default', null],
      ['k/empty/values.yaml#default', null],
      ['k/latest/values.yaml#default', null],
      ['k/pinned/values.yaml#default', ['8.46.71', 'image', 'image.tag 8.46.71@sha256:2a5a0c', 'k/pinned/values.yaml']],
      ['k/plain/values.yaml#api', ['8.49.108', 'image', 'image.tag 8.49.108', 'k/plain/values.yaml']],
      ['k/plain/values.yaml#docs', ['8.49.108', 'image', 'image.tag 8.49.108', 'k/plain/values.yaml']],
      ['k/revision/values.yaml#default', ['8.26.45', 'image', 'core-mw.image.tag 8.26.45-1', 'k/revision/values.yaml']],
      ['k/script/values.yaml#default', null],
      ['k/stack/values.yaml#default', null],
      ['k/templated/values.yaml.gotmpl#default', null],
      ['k/update/values.yaml#default', null],
    ]);
  });

  test('without an explicit tag the folder oxVersion of .oxclusterconfig.json counts, then the setting; a tag wins over both', () => {
    const ws = workspace({
      nodes: [{ ...declared('7.10.3', 'nodes["k/latest"].oxVersion'), root: ROOT, pattern: 'k/latest' }],
      folders: [{ ...declared('8.19', 'oxVersion'), root: `${ROOT}/k/latest` }],
      setting: declared('8.40', 'oxClusterConfig.oxVersion', 'setting'),
    });
    const of = (uri: string) => shown(ws).find(([u]) => u === uri)![1];
    assert.deepEqual(of('k/latest/values.yaml#default'), ['8.19', 'config', 'oxVersion', '.oxclusterconfig.json']);
    assert.deepEqual(of('k/empty/values.yaml#default'), ['8.40', 'setting', 'oxClusterConfig.oxVersion', undefined]);
    assert.deepEqual(of('k/plain/values.yaml#api'), ['8.49.108', 'image', 'image.tag 8.49.108', 'k/plain/values.yaml']);
  });

  test('messages name the tag and its file; the tag is repeated only when it says more than the version', () => {
    const words = (path: string) =>
      versionWords(
        workspace()
          .nodes()
          .find((n) => n.uri.startsWith(uriOf(path)))!.oxVersion!,
      );
    assert.equal(words('k/plain/values.yaml'), '8.49.108 (image.tag in values.yaml)');
    assert.equal(words('k/revision/values.yaml'), '8.26.45 (core-mw.image.tag 8.26.45-1 in values.yaml)');
    assert.equal(words('k/pinned/values.yaml'), '8.46.71 (image.tag 8.46.71@sha256:2a5a0c in values.yaml)');
  });

  test('the effective configuration of a node type shows its version and source, and no package list', () => {
    const reports = effectiveConfigurations(workspace(), catalog, { maskSecrets: true });
    const report = (uri: string) => reports.find((r) => r.uri === uri)!;
    assert.deepEqual(report(`${uriOf('k/plain/values.yaml')}#api`).ox, {
      version: '8.49.108',
      source: 'image',
      from: uriOf('k/plain/values.yaml'),
      detail: 'image.tag 8.49.108',
      packageList: null,
      installedPackages: null,
      kubernetes: true,
    });
    // The version line and the blank line after it, below the title, the node's heading and its URI.
    const lines = (uri: string) => renderEffectiveConfiguration(report(uri)).split('\n').slice(9, 11);
    assert.deepEqual(lines(`${uriOf('k/plain/values.yaml')}#api`), ['- OX version: 8.49.108, from image.tag 8.49.108 in values.yaml', '']);
    assert.deepEqual(lines(`${uriOf('k/latest/values.yaml')}#default`), [
      '- OX version: unknown (no explicit image.tag in the values, no oxVersion in .oxclusterconfig.json, no oxClusterConfig.oxVersion setting)',
      '',
    ]);
  });
});
