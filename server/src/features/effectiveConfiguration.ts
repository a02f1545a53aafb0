import { Catalog } from '../catalog/catalog';
import { MAP_FILE } from '../catalog/fileKind';
import { isRetired } from '../catalog/versionFacts';
import { ConfigDocument } from '../model/document';
import { PlacedSetting, Setting as SourceSetting } from '../model/setting';
import { isSecret, redacted } from '../values/redact';
import { OxNode } from '../model/node';
import { parentUri, relativeUri } from '../util/uris';
import { Workspace } from '../model/workspace';
import { installedOxPackages, VersionSource } from '../model/packages/nodeVersion';
import { formatOxVersion } from '../util/versions';

export const MAP_NAME_KEY = 'com.openexchange.hazelcast.configuration.map.name';

/** A place in a node's files: the path relative to the node folder and a 1-based line. */
export interface SettingLocation {
  file: string;
  line: number;
}

export interface EffectiveSetting {
  key: string;
  /** The value OX reads (masked for secrets); null when the key is not set and has no default. */
  value: string | null;
  /** `default` when no file sets the key, else the file and line of the value that counts. */
  /** `chart`: the Helm chart sets it (Kubernetes edition); `default`: OX's default. */
  source: 'default' | 'chart' | SettingLocation;
  /** Every file that sets the key, when there are several (which one OX reads last is undefined). */
  candidates?: Array<SettingLocation & { value: string }>;
  /** The other nodes of the cluster whose value differs. */
  differsInCluster?: Array<{ node: string; value: string | null }>;
  /** Set for keys the catalog marks as secret. */
  secret?: true;
}

/** The settings of one map file below `hazelcast/` (read per map, not merged into the node's configuration). */
export interface EffectiveMapFile {
  /** Path relative to the node folder, e.g. `hazelcast/sessions.properties`. */
  file: string;
  /** The map's name (its `...map.name`), else the file name without `.properties`. */
  mapName: string;
  settings: EffectiveSetting[];
}

/** What a node runs: its OX version with where it comes from, and a classic node's package list. */
export interface EffectiveNodeVersion {
  /** `7.10.6`; null when unknown. */
  version: string | null;
  source: VersionSource | null;
  /** The file the version is read from (URI): the package list, the values file or the `.oxclusterconfig.json`; null for the setting. */
  from: string | null;
  /** What in it: `open-xchange-core 7.10.6-35`, `image.tag 8.49.108`, `clusters[0].oxVersion`, `oxClusterConfig.oxVersion`. */
  detail: string | null;
  /** The node's package list (URI); null when it has none (always for a node type). */
  packageList: string | null;
  /** How many `open-xchange*` packages the list shows installed; null without a list. */
  installedPackages: number | null;
  /** Set for a node type of a release: its version comes from the image tag, and no package list applies. */
  kubernetes?: true;
}

export interface EffectiveNodeReport {
  node: string;
  uri: string;
  /** The cluster the node belongs to, if any. */
  cluster: string | null;
  ox: EffectiveNodeVersion;
  /** Whether secret values are masked in this report. */
  secretsMasked: boolean;
  /** Every catalog key of the node's files plus every key the node sets, sorted by key. */
  settings: EffectiveSetting[];
  maps: EffectiveMapFile[];
}

export interface EffectiveOptions {
  maskSecrets: boolean;
}

/** Where a setting is: relative to the node folder, or for a node type to the folder of its release's first file. */
function location(node: OxNode, doc: ConfigDocument, entry: SourceSetting): SettingLocation {
  const base = node.kubernetes ? parentUri(node.kubernetes.release.docs[0].uri) : node.uri;
  return { file: relativeUri(base, doc.uri), line: doc.text.positionAt(entry.keyRange.start).line + 1 };
}

function isMapKey(catalog: Catalog, key: string): boolean {
  return catalog.fieldPrefix(key, 'properties') !== undefined || catalog.lookup(key, 'properties')?.file === MAP_FILE;
}

/** The last entry per canonical key of a map file (Java keeps the last; field names match ignoring case). */
function mapEntries(doc: ConfigDocument): Map<string, SourceSetting> {
  const last = new Map<string, SourceSetting>();
  for (const e of doc.settings) if (!e.malformed) last.set(e.canonicalKey, e);
  return last;
}

function mapNameOf(doc: ConfigDocument, entries: Map<string, SourceSetting>): string {
  const named = entries.get(MAP_NAME_KEY)?.value;
  return named || doc.kind.name.replace(/\.properties$/i, '');
}

/**
 * The effective configuration of a node as OX reads it: for every catalog key of the node's files and every
 * key the node sets, the value, where it comes from, the other files that set it and the nodes of the cluster
 * that differ. Map files below `hazelcast/` are reported one by one.
 */
export function effectiveConfiguration(
  workspace: Workspace,
  node: OxNode,
  catalog: Catalog,
  options: EffectiveOptions,
): EffectiveNodeReport {
  const cluster = workspace.clusterOf(node);
  const others = (cluster?.nodes ?? []).filter((n) => n !== node);
  const isSecretKey = (key: string) => isSecret(catalog.lookup(key, 'properties')?.def);
  const show = (key: string, value: string | null) => redacted(value, options.maskSecrets && isSecretKey(key));
  const effective = workspace.effective(node);

  const keys = new Set<string>();
  const catalogFiles = new Set(node.docs.filter((d) => d.kind.syntax === 'properties' && d.kind.file !== MAP_FILE).map((d) => d.kind.file));
  for (const file of catalogFiles) {
    for (const def of catalog.defsForFile(file)) {
      if (def.key !== undefined && !isRetired(def) && !isMapKey(catalog, def.key)) keys.add(def.key);
    }
  }
  for (const key of effective.keys()) keys.add(key);

  const settings = [...keys].sort().map((key): EffectiveSetting => {
    const value = effective.get(key);
    const setting: EffectiveSetting = {
      key,
      value: show(key, value.value),
      source: value.source ? location(node, value.source.doc, value.source.setting) : value.byChart ? 'chart' : 'default',
    };
    if (value.candidates.length > 1) {
      setting.candidates = value.candidates.map((c: PlacedSetting) => ({
        ...location(node, c.doc, c.setting),
        value: show(key, c.setting.value) ?? '',
      }));
    }
    // A map key outside a map file has no effect, so how other nodes set it does not matter.
    const differs = (isMapKey(catalog, key) ? [] : others)
      .map((other) => ({ node: other.name, value: workspace.effective(other).get(key).value }))
      .filter((o) => o.value !== value.value)
      .map((o) => ({ node: o.node, value: show(key, o.value) }));
    if (differs.length) setting.differsInCluster = differs;
    if (isSecretKey(key)) setting.secret = true;
    return setting;
  });

  const mapDefs = catalog.defsForFile(MAP_FILE).filter((d) => d.key !== undefined && !isRetired(d));
  const otherMaps = others.map((other) => ({
    node: other,
    byName: new Map(other.docs.filter((d) => d.kind.file === MAP_FILE).map((d) => [d.kind.name, mapEntries(d)] as const)),
  }));
  const maps = node.docs
    .filter((d) => d.kind.file === MAP_FILE)
    .map((doc): EffectiveMapFile => {
      const entries = mapEntries(doc);
      const mapKeys = new Set<string>([...mapDefs.map((d) => d.key!), ...entries.keys()]);
      const defaultOf = (key: string) => catalog.lookup(key, 'properties', MAP_FILE)?.def.default ?? null;
      const valueIn = (list: Map<string, SourceSetting>, key: string) => list.get(key)?.value ?? defaultOf(key);
      const mapSettings = [...mapKeys].sort().map((key): EffectiveSetting => {
        const entry = entries.get(key);
        const value = entry ? entry.value : defaultOf(key);
        const setting: EffectiveSetting = { key, value: show(key, value), source: entry ? location(node, doc, entry) : 'default' };
        const differs = otherMaps
          .flatMap((o) => {
            const list = o.byName.get(doc.kind.name);
            return list ? [{ node: o.node.name, value: valueIn(list, key) }] : [];
          })
          .filter((o) => o.value !== value)
          .map((o) => ({ node: o.node, value: show(key, o.value) }));
        if (differs.length) setting.differsInCluster = differs;
        if (isSecretKey(key)) setting.secret = true;
        return setting;
      });
      return { file: relativeUri(node.uri, doc.uri), mapName: mapNameOf(doc, entries), settings: mapSettings };
    });

  return {
    node: node.name,
    uri: node.uri,
    cluster: cluster?.name ?? null,
    ox: nodeVersionReport(node),
    secretsMasked: options.maskSecrets,
    settings,
    maps,
  };
}

function nodeVersionReport(node: OxNode): EffectiveNodeVersion {
  const version = node.oxVersion;
  return {
    version: version ? formatOxVersion(version.version) : null,
    source: version?.source ?? null,
    from: version?.file ?? null,
    detail: version?.detail ?? null,
    packageList: node.packages?.uri ?? null,
    installedPackages: node.packages ? installedOxPackages(node.packages).length : null,
    ...(node.kubernetes ? { kubernetes: true as const } : {}),
  };
}

/** The effective configuration of every node of the workspace, in node order. */
export function effectiveConfigurations(workspace: Workspace, catalog: Catalog, options: EffectiveOptions): EffectiveNodeReport[] {
  return workspace.nodes().map((node) => effectiveConfiguration(workspace, node, catalog, options));
}
