import { MAP_FILE } from '../catalog/fileKind';
import { ConfigDocument } from './document';
import { isOxDocument } from './properties/propertiesDocument';
import type { FrontBalancer } from './apache/frontEnd';
import type { NodeType, Release } from './helm/release';
import type { DeclaredUpgradeNode, NodeVersion, PackageListFile } from './packages/nodeVersion';
import { baseName, parentUri } from '../util/uris';

/** One middleware node: a folder of OX config files with its `hazelcast/` map files, or a node type of a release. */
export interface OxNode {
  /** URI of the node folder (e.g. `.../node1/etc`); for a node type, its release's first values file and `#<type>`. */
  uri: string;
  /** A short name for messages: the folder above `etc`/`conf`, else the folder itself. */
  name: string;
  docs: ConfigDocument[];
  /** Set for a node type of a Kubernetes release: its docs are the release's values files. */
  kubernetes?: { release: Release; type: NodeType };
  /** A classic node's package list (in the node folder, or beside its `etc/`), when it has one. */
  packages?: PackageListFile;
  /** The node's OX version and where it comes from (for a node type, its release's image tag first); undefined when unknown. */
  oxVersion?: NodeVersion;
  /** Set when `.oxclusterconfig.json` declares this classic node the upgrade node of a rolling upgrade. */
  upgradeNode?: DeclaredUpgradeNode;
  /**
   * A node template: every file is a template of configuration management (`hazelcast.properties.j2`). Node
   * rules run on it; it is no real node, so it forms a cluster of its own that cluster rules leave alone.
   */
  template?: true;
}

/** A set of nodes that form (or are meant to form) one Hazelcast cluster; for Kubernetes, one release's node types. */
export interface OxCluster {
  name: string;
  nodes: OxNode[];
  release?: Release;
  /** The web server's balancers in front of a classic cluster (see model/apache/frontEnd.ts). */
  balancers?: readonly FrontBalancer[];
  /** The one node template it holds: node rules run, cluster rules do not. */
  template?: true;
}

export function isConfigFolderName(name: string): boolean {
  return name === 'etc' || name === 'conf';
}

/** The node folder of a file: the nearest `etc`/`conf` above it, else the folder holding it (above `hazelcast/`). */
export function nodeFolderOf(uri: string): string {
  let dir = parentUri(uri);
  // OX reads subfolders of etc/ too, but only a few levels deep in practice; an `etc` far above is not ours.
  for (let probe = dir, depth = 0; depth < 3; depth++) {
    if (isConfigFolderName(baseName(probe))) return probe;
    const up = parentUri(probe);
    if (up === probe) break;
    probe = up;
  }
  if (baseName(dir) === 'hazelcast') dir = parentUri(dir);
  return dir;
}

/** The folders whose package list is a node's, in order: the node folder, then the folder holding its `etc`/`conf`. */
export function packageListFolders(nodeUri: string): string[] {
  return isConfigFolderName(baseName(nodeUri)) ? [nodeUri, parentUri(nodeUri)] : [nodeUri];
}

export function nodeName(nodeUri: string): string {
  const name = baseName(nodeUri);
  return isConfigFolderName(name) ? baseName(parentUri(nodeUri)) : name;
}

/** Groups documents into nodes, in URI order. */
export function buildNodes(docs: Iterable<ConfigDocument>): OxNode[] {
  const byFolder = new Map<string, ConfigDocument[]>();
  for (const doc of docs) {
    const folder = nodeFolderOf(doc.uri);
    const list = byFolder.get(folder);
    if (list) list.push(doc);
    else byFolder.set(folder, [doc]);
  }
  return [...byFolder.keys()].sort().map((uri) => {
    const docs = byFolder.get(uri)!.sort((a, b) => (a.uri < b.uri ? -1 : 1));
    const template = docs.every((d) => isOxDocument(d) && d.template !== undefined);
    return { uri, name: nodeName(uri), docs, ...(template ? { template: true as const } : {}) };
  });
}

export function mapFiles(node: OxNode): ConfigDocument[] {
  return node.docs.filter((d) => d.kind.file === MAP_FILE);
}

/** The node's document with this file name directly in the node folder (e.g. `hazelcast.properties`). */
export function nodeFile(node: OxNode, name: string): ConfigDocument | undefined {
  return node.docs.find((d) => !d.kind.isMapFile && d.kind.name === name && parentUri(d.uri) === node.uri);
}
