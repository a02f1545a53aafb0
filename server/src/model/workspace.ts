import { Catalog } from '../catalog/catalog';
import { ConfigDocument, TextDecoding } from './document';
import { buildClusters, DeclaredCluster, declaredClusterOf, matchesNodePatterns } from './clusters';
import { EffectiveConfig, NodeFilesConfig } from './effective';
import { buildNodes, nodeFolderOf, OxCluster, OxNode, packageListFolders } from './node';
import { chooseNodeVersion, DeclaredVersion, DeclaredVersions, NO_DECLARED_VERSIONS, PackageListFile } from './packages/nodeVersion';
import { parentUri } from '../util/uris';
import { encodingOf } from './readDocument';
import { Scalar } from 'yaml';
import { isValuesDocument, ValuesDocument } from './helm/valuesDocument';
import { buildReleases, DeclaredRelease, PlacedValuesSetting, Release } from './helm/release';
import { NodeTypeConfig } from './helm/nodeTypeConfig';
import { ApacheDocument, isApacheDocument } from './apache/apacheDocument';
import { balancersInFront, clusterEndpoints, DeclaredBalancer, declares, PlacedBalancer, placedBalancers } from './apache/frontEnd';
import { imageTagVersion } from './helm/imageVersion';

/** Every indexed OX document of a workspace, grouped into nodes and clusters on demand. */
export class Workspace {
  private readonly docs = new Map<string, ConfigDocument>();
  private readonly packageLists = new Map<string, PackageListFile>();
  private nodeList?: OxNode[];
  private clusterList?: OxCluster[];
  private balancerList?: PlacedBalancer[];
  private releaseList?: Release[];
  /** The last releases built: those whose documents are unchanged are taken over. */
  private builtReleases: readonly Release[] = [];
  private kubernetesNodes?: OxNode[];
  /** The node types of a release as nodes, and their effective configurations, kept while the release is. */
  private nodesOfRelease = new WeakMap<Release, OxNode[]>();
  private typeConfigs = new WeakMap<OxNode, EffectiveConfig>();
  private readonly effectiveByNode = new Map<OxNode, EffectiveConfig>();
  private readonly decodings = new Map<string, TextDecoding>();

  constructor(
    private catalog: Catalog,
    private declared: readonly DeclaredCluster[] = [],
    private declaredReleases: readonly DeclaredRelease[] = [],
    /** The chart version of a values file whose release declares none (from a Chart.yaml beside it). */
    private readonly chartVersionOf: (doc: ValuesDocument) => string | undefined = () => undefined,
    /** OX versions of classic nodes that the configuration declares (those of clusters are in `declared`). */
    private readonly versions: DeclaredVersions = NO_DECLARED_VERSIONS,
    /** Web server files whose balancers the configuration puts in front of a named cluster. */
    private readonly declaredBalancers: readonly DeclaredBalancer[] = [],
  ) {}

  /** Replaces the catalog and declared clusters and releases; documents must be parsed again by the caller. */
  reconfigure(catalog: Catalog, declared: readonly DeclaredCluster[], declaredReleases: readonly DeclaredRelease[] = []): void {
    this.catalog = catalog;
    this.declared = declared;
    this.declaredReleases = declaredReleases;
    this.forgetReleases();
    this.invalidate();
  }

  /** What `chartVersionOf` answers changed (a Chart.yaml was edited): releases are built again. */
  chartVersionsChanged(): void {
    this.forgetReleases();
    this.invalidate();
  }

  private forgetReleases(): void {
    this.builtReleases = [];
    this.nodesOfRelease = new WeakMap();
    this.typeConfigs = new WeakMap();
  }

  private invalidate(): void {
    this.nodeList = undefined;
    this.clusterList = undefined;
    this.balancerList = undefined;
    this.releaseList = undefined;
    this.kubernetesNodes = undefined;
    this.effectiveByNode.clear();
  }

  set(doc: ConfigDocument): void {
    this.unindex(this.docs.get(doc.uri));
    this.docs.set(doc.uri, doc);
    if (isValuesDocument(doc)) for (const setting of doc.settings) this.settingIndex.set(setting.pair.key as Scalar, { doc, setting });
    this.invalidate();
  }

  delete(uri: string): boolean {
    this.unindex(this.docs.get(uri));
    const had = this.docs.delete(uri);
    if (had) this.invalidate();
    return had;
  }

  private unindex(doc: ConfigDocument | undefined): void {
    if (doc && isValuesDocument(doc)) for (const setting of doc.settings) this.settingIndex.delete(setting.pair.key as Scalar);
  }

  /** How the text of a file was decoded: as the editor reported it for an open file, else as read from disk (encodingOf). */
  decodingOf(uri: string): TextDecoding {
    return this.decodings.get(uri) ?? encodingOf(uri);
  }

  /** Records the editor's decoding of an open file (undefined: read from disk again); true when it changed. */
  setDecoding(uri: string, decoding: TextDecoding | undefined): boolean {
    const before = this.decodingOf(uri);
    if (decoding && decoding !== encodingOf(uri)) this.decodings.set(uri, decoding);
    else this.decodings.delete(uri);
    if (before === this.decodingOf(uri)) return false;
    // Effective values of classic nodes that read UTF-8 depend on it (node types read no decoded file).
    this.effectiveByNode.clear();
    return true;
  }

  /** Takes over the decodings another workspace recorded (the same editor across a reconfiguration). */
  adoptDecodings(from: Workspace): void {
    for (const [uri, decoding] of from.decodings) this.decodings.set(uri, decoding);
  }

  get(uri: string): ConfigDocument | undefined {
    return this.docs.get(uri);
  }

  /** Adds or replaces a package list; the nodes beside it take it (see `packageListFolders`). */
  setPackageList(list: PackageListFile): void {
    this.packageLists.set(list.uri, list);
    this.invalidate();
  }

  deletePackageList(uri: string): boolean {
    const had = this.packageLists.delete(uri);
    if (had) this.invalidate();
    return had;
  }

  packageList(uri: string): PackageListFile | undefined {
    return this.packageLists.get(uri);
  }

  /** The classic nodes whose package list a file at `uri` is (or would be). */
  nodesBesidePackageList(uri: string): OxNode[] {
    const folder = parentUri(uri);
    return this.classicNodes().filter((n) => packageListFolders(n.uri).includes(folder));
  }

  documents(): IterableIterator<ConfigDocument> {
    return this.docs.values();
  }

  get size(): number {
    return this.docs.size;
  }

  /** The classic nodes (folders of `.properties` and `.ccf` files), then the node types of each release. */
  nodes(): OxNode[] {
    return [...this.classicNodes(), ...this.releaseNodes()];
  }

  private classicNodes(): OxNode[] {
    if (!this.nodeList) {
      this.nodeList = buildNodes([...this.docs.values()].filter((d) => !isValuesDocument(d) && !isApacheDocument(d)));
      const byFolder = new Map<string, PackageListFile>();
      for (const uri of [...this.packageLists.keys()].sort()) {
        const folder = parentUri(uri);
        if (!byFolder.has(folder)) byFolder.set(folder, this.packageLists.get(uri)!);
      }
      for (const node of this.nodeList) {
        const list = packageListFolders(node.uri)
          .map((f) => byFolder.get(f))
          .find((l) => l !== undefined);
        if (list) node.packages = list;
        const version = chooseNodeVersion(list, this.declaredVersionsOf(node));
        if (version) node.oxVersion = version;
        const upgrade = this.versions.upgradeNodes?.find((u) => matchesNodePatterns(node, [u.pattern], u.root));
        if (upgrade) node.upgradeNode = upgrade;
      }
    }
    return this.nodeList;
  }

  /** The versions the configuration declares for a node, narrowest first: its path, its cluster, its folder, the setting. */
  private declaredVersionsOf(node: OxNode): Array<DeclaredVersion | undefined> {
    return [
      this.versions.nodes.find((n) => matchesNodePatterns(node, [n.pattern], n.root)),
      declaredClusterOf(node, this.declared)?.oxVersion,
      this.folderVersionOf(node.uri),
      this.versions.setting,
    ];
  }

  /** The web server's configuration files, in URI order. */
  apacheDocuments(): ApacheDocument[] {
    return [...this.docs.values()].filter(isApacheDocument).sort((a, b) => (a.uri < b.uri ? -1 : 1));
  }

  /** The balancers of the web server's files, each include tree read as one configuration (see placedBalancers). */
  balancers(): PlacedBalancer[] {
    return (this.balancerList ??= placedBalancers(this.apacheDocuments()));
  }

  /**
   * The balancers a workspace without classic nodes holds (a folder of web server files only): the balancer
   * rules that need no node judge them. None when a classic cluster exists, whose balancers are in front of it.
   */
  balancersWithoutNodes(): PlacedBalancer[] {
    return this.clusters().some((c) => !c.release && !c.template) ? [] : this.balancers();
  }

  /** The top-level `oxVersion` of the deepest `.oxclusterconfig.json` folder that holds `uri`. */
  private folderVersionOf(uri: string): DeclaredVersion | undefined {
    const inside = (root: string) => uri === root || uri.startsWith(root.endsWith('/') ? root : `${root}/`);
    return this.versions.folders.filter((f) => inside(f.root)).sort((a, b) => b.root.length - a.root.length)[0];
  }

  /** The Helm releases of the Kubernetes edition: declared ones, and each other values file on its own. */
  releases(): Release[] {
    if (!this.releaseList) {
      const docs = [...this.docs.values()].filter(isValuesDocument);
      this.releaseList = this.builtReleases = buildReleases(docs, this.declaredReleases, this.chartVersionOf, this.builtReleases);
    }
    return this.releaseList;
  }

  /**
   * One node per node type of each release. Its OX version: the image tag of the values, else the
   * `oxVersion` of the `.oxclusterconfig.json` folder holding the release's first file, else the setting.
   */
  private releaseNodes(): OxNode[] {
    return (this.kubernetesNodes ??= this.releases().flatMap((release) => {
      let nodes = this.nodesOfRelease.get(release);
      if (!nodes) {
        const version =
          imageTagVersion(release) ?? chooseNodeVersion(undefined, [this.folderVersionOf(release.docs[0].uri), this.versions.setting]);
        nodes = release.nodeTypes.map((type) => ({
          uri: `${release.docs[0].uri}#${type.name}`,
          name: type.name,
          docs: [...release.docs],
          kubernetes: { release, type },
          ...(version ? { oxVersion: version } : {}),
        }));
        this.nodesOfRelease.set(release, nodes);
      }
      return nodes;
    }));
  }

  /** Classic clusters, then one per release holding all its node types. */
  clusters(): OxCluster[] {
    if (!this.clusterList) {
      const classic = buildClusters(this.classicNodes(), (n) => this.effective(n), this.declared);
      const effective = (n: OxNode) => this.effective(n);
      const front = balancersInFront(
        this.balancers(),
        classic.map((c) => clusterEndpoints(c, effective)),
        this.declaredBalancers,
      );
      for (const cluster of classic) cluster.balancers = front.get(cluster) ?? [];
      const byRelease = new Map<Release, OxNode[]>();
      for (const node of this.releaseNodes()) {
        const release = node.kubernetes!.release;
        byRelease.set(release, [...(byRelease.get(release) ?? []), node]);
      }
      this.clusterList = [...classic, ...[...byRelease].map(([release, nodes]) => ({ name: release.name, nodes, release }))];
    }
    return this.clusterList;
  }

  /**
   * What is wrong with the `balancers` declarations, which only the files read can tell: a cluster name that
   * no cluster has, or a file and balancer that no web server file of the workspace holds.
   */
  balancerDeclarationProblems(): string[] {
    const names = this.clusters()
      .filter((c) => !c.release)
      .map((c) => c.name);
    const docs = this.apacheDocuments();
    return this.declaredBalancers.flatMap((d) => {
      if (!names.includes(d.cluster)) {
        const known = names.length ? `the clusters are ${names.map((n) => `"${n}"`).join(', ')}` : 'the workspace has no classic cluster';
        return [`${d.source}: no cluster is named "${d.cluster}" (${known}); ignored.`];
      }
      const named = docs.filter((doc) => declares(d, doc.uri));
      if (!named.length) return [`${d.source}: no web server file matches "${d.pattern}"; ignored.`];
      if (d.balancer !== undefined && !named.some((doc) => doc.balancers.some((b) => b.name === d.balancer))) {
        return [`${d.source}: no file matching "${d.pattern}" has a balancer "${d.balancer}"; ignored.`];
      }
      return [];
    });
  }

  effective(node: OxNode): EffectiveConfig {
    const k8s = node.kubernetes;
    const configs = k8s ? this.typeConfigs : this.effectiveByNode;
    let config = configs.get(node);
    if (!config) {
      config = k8s
        ? new NodeTypeConfig(k8s.release, k8s.type, this.catalog, (key) => this.valuesSettingOf(key))
        : new NodeFilesConfig(node, this.catalog, (uri) => this.decodingOf(uri));
      configs.set(node, config);
    }
    return config;
  }

  /** The entries of every values file by their YAML key node, kept as documents come and go. */
  private readonly settingIndex = new Map<Scalar, PlacedValuesSetting>();

  /** The values-file entry whose key is this YAML key node. */
  private valuesSettingOf(key: Scalar): PlacedValuesSetting | undefined {
    return this.settingIndex.get(key);
  }

  /** The release a values file belongs to. */
  releaseOf(uri: string): Release | undefined {
    return this.releases().find((r) => r.docs.some((d) => d.uri === uri));
  }

  /** The classic node of a file; a values file has several node types and no one node. */
  nodeOf(uri: string): OxNode | undefined {
    const language = this.docs.get(uri)?.language;
    if (language === 'ox-helm-values' || language === 'ox-apache') return undefined;
    const folder = nodeFolderOf(uri);
    return this.classicNodes().find((n) => n.uri === folder);
  }

  clusterOf(node: OxNode): OxCluster | undefined {
    return this.clusters().find((c) => c.nodes.includes(node));
  }
}
