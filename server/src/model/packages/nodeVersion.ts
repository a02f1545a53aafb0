// A classic node's OX version and installed packages: from its package list, else from what the
// configuration declares. Which declaration applies to a node is the workspace's to find.
import type { OxNode } from '../node';
import { compareOxVersions, OxVersion, parseOxVersion } from '../../util/versions';
import { OX_CORE_PACKAGE, PackageList } from './packageList';

/** A package list file of the workspace, read. */
export interface PackageListFile extends PackageList {
  uri: string;
}

/**
 * Where a node's OX version comes from: its package list, the image tag of its release's values (a node
 * type of the Kubernetes edition), `.oxclusterconfig.json` or the editor setting.
 */
export type VersionSource = 'packages' | 'image' | 'config' | 'setting';

export interface NodeVersion {
  version: OxVersion;
  source: VersionSource;
  /** The file it is read from (URI): the package list, the values file or the `.oxclusterconfig.json`; none for the setting. */
  file?: string;
  /** What in it: `open-xchange-core 7.10.6-35`, `image.tag 8.49.108`, `clusters[0].oxVersion`, `oxClusterConfig.oxVersion`. */
  detail: string;
}

/** An OX version the configuration declares. */
export interface DeclaredVersion extends NodeVersion {
  source: 'config' | 'setting';
}

/** Every OX version the configuration declares, except those of declared clusters (`DeclaredCluster.oxVersion`). */
export interface DeclaredVersions {
  /** Per node path or glob, relative to `root` as in declared clusters; the first that matches a node counts. */
  nodes: ReadonlyArray<DeclaredVersion & { root: string; pattern: string }>;
  /** A configuration file's top-level `oxVersion`: for every node below its folder `root` (the deepest folder counts). */
  folders: ReadonlyArray<DeclaredVersion & { root: string }>;
  /** The editor setting `oxClusterConfig.oxVersion`, for every node. */
  setting?: DeclaredVersion;
  /** The nodes declared as the upgrade node of a rolling upgrade (`nodes[…].upgradeNode`). */
  upgradeNodes?: readonly DeclaredUpgradeNode[];
}

/** A node declared as the upgrade node: upgraded first, it runs the update tasks and takes no client traffic meanwhile. */
export interface DeclaredUpgradeNode {
  /** A node path or glob relative to `root`, as in declared clusters. */
  readonly root: string;
  readonly pattern: string;
  /** The `.oxclusterconfig.json` (URI) and what in it: `nodes["node3"].upgradeNode`. */
  readonly file: string;
  readonly detail: string;
}

export const NO_DECLARED_VERSIONS: DeclaredVersions = { nodes: [], folders: [] };

/** Names of OX's own packages start with this. */
export const OX_PACKAGE_PREFIX = 'open-xchange';

/** The installed `open-xchange*` packages of a list. */
export function installedOxPackages(list: PackageList): PackageList['installed'] {
  return list.installed.filter((p) => p.name.startsWith(OX_PACKAGE_PREFIX));
}

/** The OX version a package list shows: the upstream version of its installed `open-xchange-core`. */
export function packageListVersion(list: PackageListFile): NodeVersion | undefined {
  const core = list.installed.find((p) => p.name === OX_CORE_PACKAGE);
  const version = core && parseOxVersion(core.version);
  return version && { version, source: 'packages', file: list.uri, detail: `${core.name} ${core.raw}` };
}

/** The first declaration that names a version: the package list, then the configuration from the narrowest scope, then the setting. */
export function chooseNodeVersion(
  list: PackageListFile | undefined,
  declared: ReadonlyArray<DeclaredVersion | undefined>,
): NodeVersion | undefined {
  const fromList = list && packageListVersion(list);
  if (fromList) return fromList;
  const first = declared.find((d) => d !== undefined);
  return first && { version: first.version, source: first.source, ...(first.file ? { file: first.file } : {}), detail: first.detail };
}

/**
 * The one node that runs a newer OX version than every other node of the list, all versions known: during a
 * rolling upgrade, the node that looks like the upgrade node. Undefined when no single node stands out.
 */
export function soleNewestNode<N extends Pick<OxNode, 'oxVersion'>>(nodes: readonly N[]): N | undefined {
  if (nodes.length < 2 || nodes.some((n) => !n.oxVersion)) return undefined;
  const sorted = [...nodes].sort((a, b) => compareOxVersions(b.oxVersion!.version, a.oxVersion!.version));
  return compareOxVersions(sorted[0].oxVersion!.version, sorted[1].oxVersion!.version) > 0 ? sorted[0] : undefined;
}
