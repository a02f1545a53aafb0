import { Catalog } from '../catalog/catalog';
import { ConfigDocument } from './document';
import { buildClusters, DeclaredCluster } from './clusters';
import { EffectiveConfig } from './effective';
import { buildNodes, nodeFolderOf, OxCluster, OxNode } from './node';

/** Every indexed OX document of a workspace, grouped into nodes and clusters on demand. */
export class Workspace {
  private readonly docs = new Map<string, ConfigDocument>();
  private nodeList?: OxNode[];
  private clusterList?: OxCluster[];
  private readonly effectiveByNode = new Map<OxNode, EffectiveConfig>();

  constructor(
    private catalog: Catalog,
    private declared: readonly DeclaredCluster[] = [],
  ) {}

  /** Replaces the catalog and declared clusters; documents must be parsed again by the caller. */
  reconfigure(catalog: Catalog, declared: readonly DeclaredCluster[]): void {
    this.catalog = catalog;
    this.declared = declared;
    this.invalidate();
  }

  private invalidate(): void {
    this.nodeList = undefined;
    this.clusterList = undefined;
    this.effectiveByNode.clear();
  }

  set(doc: ConfigDocument): void {
    this.docs.set(doc.uri, doc);
    this.invalidate();
  }

  delete(uri: string): boolean {
    const had = this.docs.delete(uri);
    if (had) this.invalidate();
    return had;
  }

  get(uri: string): ConfigDocument | undefined {
    return this.docs.get(uri);
  }

  documents(): IterableIterator<ConfigDocument> {
    return this.docs.values();
  }

  get size(): number {
    return this.docs.size;
  }

  /** The classic nodes: folders of `.properties` and `.ccf` files (values files describe releases instead). */
  nodes(): OxNode[] {
    return (this.nodeList ??= buildNodes([...this.docs.values()].filter((d) => d.language !== 'ox-helm-values')));
  }

  clusters(): OxCluster[] {
    return (this.clusterList ??= buildClusters(this.nodes(), (n) => this.effective(n), this.declared));
  }

  effective(node: OxNode): EffectiveConfig {
    let config = this.effectiveByNode.get(node);
    if (!config) this.effectiveByNode.set(node, (config = new EffectiveConfig(node, this.catalog)));
    return config;
  }

  nodeOf(uri: string): OxNode | undefined {
    if (this.docs.get(uri)?.language === 'ox-helm-values') return undefined;
    const folder = nodeFolderOf(uri);
    return this.nodes().find((n) => n.uri === folder);
  }

  clusterOf(node: OxNode): OxCluster | undefined {
    return this.clusters().find((c) => c.nodes.includes(node));
  }
}
