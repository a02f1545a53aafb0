import { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Catalog } from '../catalog/catalog';
import { ConfigDocument, TextDecoding } from '../model/document';
import { encodingOf, readDocument } from '../model/readDocument';
import { DEFAULT_MAX_FILE_SIZE, Settings } from '../settings';
import { AnalyzerOptions, WorkspaceAnalyzer } from './workspaceAnalyzer';
import { WorkspaceHost } from './host';
import { DeclaredCluster } from '../model/clusters';
import { DiscoverOptions, IndexedRoot, isDiscovered, isDiscoveredPackageList } from './discover';
import { loadFiles, parseFile } from './load';
import { Workspace } from '../model/workspace';
import { parentUri, relativeUri } from '../util/uris';
import { DeclaredRelease } from '../model/helm/release';
import { isValuesDocument, ValuesDocument } from '../model/helm/valuesDocument';
import { ChartVersions, isChartFile } from './chartVersions';
import { DeclaredVersions, NO_DECLARED_VERSIONS, PackageListFile } from '../model/packages/nodeVersion';
import { packageListMessage, readPackageListFile } from './packageLists';
import { DeclaredBalancer } from '../model/apache/frontEnd';
import { ApacheDocument, isApacheDocument, withIncludes } from '../model/apache/apacheDocument';
import { formatOf } from '../model/readDocument';
import { isJinjaTemplate, RoleVariableFiles } from './roleVariables';
import { RoleVariables, roleOfVariableFile, roleRootOf } from '../template/ansibleVariables';
import { includedFiles, includeKey, MAX_INCLUDE_DEPTH, missingIncludeProblems, ResolvedInclude, resolveIncludes } from './includes';

/** Documents analysed between two yields to the event loop. */
const ANALYSIS_SLICE = 50;

/** The Kubernetes edition's part of a workspace's shape. */
export interface ReleaseOptions {
  /** Releases of `.oxclusterconfig.json` or the command line; their values files are read whatever their names. */
  releases?: readonly DeclaredRelease[];
  /** The chart version of every release that declares none, instead of a Chart.yaml beside its first file. */
  chartVersion?: string;
}

export interface SyncEnvironment extends Pick<AnalyzerOptions, 'singleFileRules' | 'crossRules'> {
  host: WorkspaceHost;
  onRuleError: (rule: { id: string }, error: unknown) => void;
  /** A message for the log outside of indexing (a package list re-read after a file event with lines skipped). */
  onMessage?: (message: string) => void;
}

/**
 * Keeps the workspace model in step with the disk and the editor: files found at start, open documents
 * (their editor text wins), and file events. It returns the URIs whose diagnostics need publishing.
 */
export class WorkspaceSync {
  private workspace: Workspace;
  private analyzer: WorkspaceAnalyzer;
  /** Open editor buffers; `doc` is undefined for one that is no OX file (a YAML file without core-mw values). */
  private readonly open = new Map<string, { version: number; text: TextDocument; doc: ConfigDocument | undefined }>();
  /** Files larger than this are parsed for their syntax only (oxClusterConfig.maxFileSize; its default until settings are read). */
  maxFileSize = DEFAULT_MAX_FILE_SIZE;
  private readonly onDisk = new Set<string>();
  /** The size limit the open documents were parsed with. */
  private parsedWithMaxSize = this.maxFileSize;
  private releaseOptions: ReleaseOptions = {};
  /** Values files the releases list: read even where discovery would not find them. */
  private listed = new Set<string>();
  /** httpd files read because an Include of another names them, whatever discovery says. */
  private included = new Set<string>();
  /** Folders includes are followed in: the roots indexed or loaded, and the folders of files given one by one. */
  private readonly includeRoots = new Set<string>();
  /** Each httpd file's include lines as last resolved, with the key of those lines. */
  private readonly includes = new Map<string, { key: string; resolved: readonly ResolvedInclude[] }>();
  /** Includes too deep to follow that were reported already: each is said once. */
  private readonly tooDeep = new Set<string>();
  /** Files whose diagnostics are due at the next update (their includes changed after a file event). */
  private readonly pending = new Set<string>();
  /** The last following of includes after the workspace is up: one runs at a time, so the last text counts. */
  private following: Promise<unknown> = Promise.resolve();
  /** A following that waits for the one running; the requests made meanwhile share it. */
  private queuedFollowing?: Promise<{ changed: string[] }>;
  private readonly chartVersions: ChartVersions;
  /** The variables of the Ansible roles the templates are in. */
  private readonly roleFiles: RoleVariableFiles;
  private readonly chartVersionOf = (doc: ValuesDocument) => this.releaseOptions.chartVersion ?? this.chartVersions.of(doc.uri);

  constructor(
    private catalog: Catalog,
    private roots: readonly IndexedRoot[],
    declared: readonly DeclaredCluster[],
    /** File access, the rules to run and where a rule's failure goes. */
    private readonly env: SyncEnvironment,
  ) {
    this.chartVersions = new ChartVersions(env.host);
    this.roleFiles = new RoleVariableFiles(env.host);
    this.workspace = new Workspace(catalog, declared, [], this.chartVersionOf);
    this.analyzer = this.newAnalyzer();
  }

  private newAnalyzer(): WorkspaceAnalyzer {
    return new WorkspaceAnalyzer(this.workspace, {
      catalog: this.catalog,
      singleFileRules: this.env.singleFileRules,
      crossRules: this.env.crossRules,
      onRuleError: this.env.onRuleError,
      roleVariables: (uri) => this.roleFiles.of(uri),
    });
  }

  get model(): Workspace {
    return this.workspace;
  }

  /** Reads every OX file below the workspace folders and those the releases list; open documents keep their editor text. */
  async index(): Promise<string[]> {
    const messages: string[] = [];
    for (const root of this.roots) messages.push(...(await this.load([root.uri], root.discover)).messages);
    const missing = [...this.listed].filter((uri) => !this.workspace.get(uri));
    messages.push(...(await this.loadFiles(missing)).messages);
    return [...messages, ...(await this.followIncludes()).messages];
  }

  /** Puts parsed files and package lists into the model and reads the Chart.yaml beside each values file. */
  private async add(docs: readonly ConfigDocument[], packageLists: readonly PackageListFile[] = []): Promise<void> {
    for (const doc of docs) {
      this.onDisk.add(doc.uri);
      if (!this.open.has(doc.uri)) this.workspace.set(doc);
    }
    for (const list of packageLists) this.workspace.setPackageList(list);
    await this.chartVersions.read(docs.filter(isValuesDocument).map((d) => parentUri(d.uri)));
    await this.roleFiles.read(docs);
  }

  /** Reads the OX files below more roots, with their own discovery options (the CLI checks several directories). */
  async load(
    roots: readonly string[],
    discover: DiscoverOptions,
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ files: number; messages: string[]; unreadable: number }> {
    const loaded = await loadFiles(this.env.host, roots, this.catalog, { ...discover, maxFileSize: this.maxFileSize }, onProgress);
    await this.add(loaded.docs, loaded.packageLists);
    for (const root of roots) this.includeRoots.add(root);
    const followed = await this.followIncludes();
    return {
      files: loaded.docs.length + followed.files,
      messages: [...loaded.messages, ...followed.messages],
      unreadable: loaded.unreadable + followed.unreadable,
    };
  }

  /** Reads the given files (named on the command line or in a release), whatever their names; `skipped` are no OX files. */
  async loadFiles(uris: readonly string[]): Promise<{ files: number; messages: string[]; unreadable: number; skipped: string[] }> {
    const docs: ConfigDocument[] = [];
    const messages: string[] = [];
    const skipped: string[] = [];
    for (const uri of uris) {
      try {
        const doc = parseFile(uri, await this.env.host.readFile(uri, encodingOf(uri)), this.catalog, 0, this.maxFileSize);
        if (doc) docs.push(doc);
        else skipped.push(uri);
      } catch (error) {
        messages.push(`Cannot read ${uri}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await this.add(docs);
    for (const uri of uris) this.includeRoots.add(parentUri(uri));
    const followed = await this.followIncludes();
    return {
      files: docs.length + followed.files,
      messages: [...messages, ...followed.messages],
      unreadable: messages.length + followed.unreadable,
      skipped,
    };
  }

  /**
   * Reads the httpd files that the Include lines of the others name (MAX_INCLUDE_DEPTH files deep, each file
   * once, so a cycle ends), forgets those no longer named, and gives each file the problems of its includes.
   */
  private async followIncludes(): Promise<{ files: number; messages: string[]; unreadable: number; changed: string[] }> {
    const roots = [...this.includeRoots];
    const messages: string[] = [];
    const changed: string[] = [];
    let files = 0;
    let unreadable = 0;
    const found = this.workspace.apacheDocuments().filter((d) => !this.included.has(d.uri));
    const reached = new Set(found.map((d) => d.uri));
    const nowIncluded = new Set<string>();
    this.includes.clear();
    let frontier: ApacheDocument[] = found;
    for (let depth = 1; frontier.length; depth++) {
      const next: ApacheDocument[] = [];
      for (const doc of frontier) {
        const resolved = await resolveIncludes(this.env.host, doc, roots);
        this.includes.set(doc.uri, { key: includeKey(doc), resolved });
        for (const uri of resolved.flatMap((r) => r.files)) {
          if (reached.has(uri)) continue;
          reached.add(uri);
          if (depth > MAX_INCLUDE_DEPTH) {
            if (!this.tooDeep.has(uri))
              messages.push(`${uri} is included more than ${MAX_INCLUDE_DEPTH} files deep (last by ${doc.uri}); not read.`);
            this.tooDeep.add(uri);
            continue;
          }
          nowIncluded.add(uri);
          let included = this.workspace.get(uri);
          if (!included) {
            try {
              included = parseFile(uri, await this.env.host.readFile(uri, encodingOf(uri)), this.catalog, 0, this.maxFileSize);
            } catch (error) {
              messages.push(`Cannot read ${uri}: ${error instanceof Error ? error.message : String(error)}`);
              unreadable++;
            }
            if (included) {
              this.workspace.set(included);
              this.onDisk.add(uri);
              changed.push(uri);
              files++;
            }
          }
          if (included && isApacheDocument(included)) next.push(included);
        }
      }
      frontier = next;
    }
    for (const uri of this.included) {
      if (nowIncluded.has(uri) || this.open.has(uri) || this.isIndexed(uri, false)) continue;
      this.workspace.delete(uri);
      this.onDisk.delete(uri);
      changed.push(uri);
    }
    this.included = nowIncluded;
    for (const doc of this.workspace.apacheDocuments()) {
      const marked = this.withIncludes(doc);
      if (marked === doc) continue;
      this.workspace.set(marked);
      const open = this.open.get(doc.uri);
      if (open) this.open.set(doc.uri, { ...open, doc: marked });
      changed.push(doc.uri);
    }
    return { files, messages, unreadable, changed };
  }

  /** A document with the files and problems of its includes, while its include lines are those last resolved. */
  private withIncludes<T extends ConfigDocument | undefined>(doc: T): T {
    if (!doc || !isApacheDocument(doc)) return doc;
    const last = this.includes.get(doc.uri);
    const resolved = last && last.key === includeKey(doc) ? last.resolved : [];
    return withIncludes(doc, missingIncludeProblems(doc, resolved), includedFiles(doc, resolved)) as unknown as T;
  }

  /** Replaces a file's text (a fix written by the CLI) as its next version. */
  replace(uri: string, text: string): void {
    const version = (this.workspace.get(uri)?.text.version ?? 0) + 1;
    const doc = this.withIncludes(parseFile(uri, text, this.catalog, version, this.maxFileSize));
    if (doc) this.workspace.set(doc);
    else this.workspace.delete(uri);
  }

  /** Starts over with a new catalog, roots with their discovery options, and cluster, release, version and balancer declarations. */
  async reconfigure(
    catalog: Catalog,
    roots: readonly IndexedRoot[],
    declared: readonly DeclaredCluster[],
    releases: ReleaseOptions = {},
    versions: DeclaredVersions = NO_DECLARED_VERSIONS,
    balancers: readonly DeclaredBalancer[] = [],
  ): Promise<string[]> {
    // Parses made with the same catalog and size limit stay valid.
    const keepParses = catalog === this.catalog && this.maxFileSize === this.parsedWithMaxSize;
    this.catalog = catalog;
    this.parsedWithMaxSize = this.maxFileSize;
    this.roots = roots;
    this.releaseOptions = releases;
    this.listed = new Set((releases.releases ?? []).flatMap((r) => r.values));
    this.chartVersions.clear();
    this.roleFiles.clear();
    const previous = this.workspace;
    this.workspace = new Workspace(catalog, declared, releases.releases ?? [], this.chartVersionOf, versions, balancers);
    this.workspace.adoptDecodings(previous);
    this.analyzer = this.newAnalyzer();
    this.onDisk.clear();
    this.included.clear();
    this.includes.clear();
    this.tooDeep.clear();
    this.includeRoots.clear();
    for (const root of roots) this.includeRoots.add(root.uri);
    for (const [uri, entry] of this.open) {
      const doc = keepParses ? entry.doc : readDocument(entry.text, catalog, this.maxFileSize);
      this.open.set(uri, { ...entry, doc });
      if (doc) this.workspace.set(doc);
    }
    return this.index();
  }

  /** The parsed document of an open editor buffer, parsed once per version; undefined when it is no OX file. */
  openDocument(text: TextDocument): ConfigDocument | undefined {
    const cached = this.open.get(text.uri);
    if (cached && cached.version === text.version && cached.text === text) return cached.doc;
    const doc = this.withIncludes(readDocument(text, this.catalog, this.maxFileSize, cached?.doc));
    this.open.set(text.uri, { version: text.version, text, doc });
    if (doc) this.workspace.set(doc);
    else this.workspace.delete(text.uri);
    return doc;
  }

  /** Records how the editor decoded an open file; true when that changed, so its analysis is due again. */
  setDecoding(uri: string, decoding: TextDecoding): boolean {
    // Kept even before the file's didOpen arrives: its first analysis then reads it.
    if (!this.workspace.setDecoding(uri, decoding) || !this.open.has(uri)) return false;
    this.analyzer.forget([uri]);
    return true;
  }

  /**
   * Reads the Chart.yaml beside an open values file whose folder no indexing read (a file from outside the
   * workspace folders); true when that gave the file a chart version, so its analysis is due again.
   */
  async readChartVersionOf(uri: string): Promise<boolean> {
    const doc = this.workspace.get(uri);
    const folder = parentUri(uri);
    if (!doc || !isValuesDocument(doc) || this.chartVersions.isRead(folder)) return false;
    await this.chartVersions.read([folder]);
    if (this.chartVersions.of(uri) === undefined) return false;
    this.workspace.chartVersionsChanged();
    return true;
  }

  /** The variables of the Ansible role a template is in, when read. */
  roleVariablesOf(uri: string): RoleVariables | undefined {
    return this.roleFiles.of(uri);
  }

  /** Reads the role of an open template whose role no indexing read; true when that gave it variables, so its analysis is due again. */
  async readRoleVariablesOf(uri: string): Promise<boolean> {
    const doc = this.workspace.get(uri);
    return !!doc && (await this.roleFiles.read([doc]));
  }

  /** An editor closed the document: the disk content counts again (or nothing, if it is not an indexed file). */
  async closeDocument(uri: string): Promise<void> {
    this.open.delete(uri);
    this.workspace.setDecoding(uri, undefined);
    if (!this.onDisk.has(uri)) {
      this.workspace.delete(uri);
      return;
    }
    await this.reload(uri);
  }

  /** Whether the walk of a root would take the file as a package list. */
  private isPackageList(uri: string): boolean {
    return this.roots.some((root) => {
      const rel = relativeUri(root.uri, uri);
      return rel !== uri && isDiscoveredPackageList(rel, root.discover);
    });
  }

  /** A package list changed on disk: read again (or forgotten); true when the model changed. */
  private async packageListChanged(uri: string, deleted: boolean): Promise<boolean> {
    const before = this.workspace.packageList(uri);
    let list: PackageListFile | undefined;
    if (!deleted) {
      try {
        list = await readPackageListFile(this.env.host, uri);
      } catch {
        list = undefined;
      }
    }
    if (!list) return this.workspace.deletePackageList(uri);
    if (before && JSON.stringify(before) === JSON.stringify(list)) return false;
    this.workspace.setPackageList(list);
    const message = packageListMessage(list);
    if (message) this.env.onMessage?.(message);
    return true;
  }

  /** Whether indexing reads the file: discovery finds it, a release lists it, or (with `included`) an Include names it. */
  private isIndexed(uri: string, included = true): boolean {
    if (this.listed.has(uri) || (included && this.included.has(uri))) return true;
    return this.roots.some((root) => {
      const rel = relativeUri(root.uri, uri);
      return rel !== uri && isDiscovered(rel, root.discover);
    });
  }

  private async reload(uri: string): Promise<void> {
    try {
      const doc = this.withIncludes(parseFile(uri, await this.env.host.readFile(uri, encodingOf(uri)), this.catalog, 0, this.maxFileSize));
      if (!doc) throw new Error('no OX file');
      this.workspace.set(doc);
      this.onDisk.add(uri);
      if (isValuesDocument(doc)) await this.chartVersions.read([parentUri(uri)]);
      await this.roleFiles.read([doc]);
    } catch {
      this.workspace.delete(uri);
      this.onDisk.delete(uri);
    }
  }

  /** A file changed on disk (created, changed or deleted); open documents are left to the editor. */
  async fileChanged(uri: string, deleted: boolean): Promise<boolean> {
    // A Chart.yaml counts by its saved text, open or not: Helm reads the disk.
    if (isChartFile(uri)) {
      const changed = await this.chartVersions.reread(uri);
      if (changed) this.workspace.chartVersionsChanged();
      return changed;
    }
    if (this.isPackageList(uri)) return this.packageListChanged(uri, deleted);
    // A role's defaults/main.yml or vars/main.yml counts by its saved text, as Ansible reads the disk.
    if (roleOfVariableFile(uri) !== undefined && (await this.roleFiles.reread(uri)) !== undefined) return true;
    const changed = await this.fileOfModelChanged(uri, deleted);
    // An httpd file came, went or changed: what the include lines name may have too.
    if (formatOf(uri) !== 'apache') return changed;
    const followed = await this.refollowIncludes();
    return changed || followed.changed.length > 0;
  }

  private async fileOfModelChanged(uri: string, deleted: boolean): Promise<boolean> {
    if (this.open.has(uri)) return false;
    if (deleted) {
      this.onDisk.delete(uri);
      return this.workspace.delete(uri);
    }
    if (!this.isIndexed(uri)) return false;
    await this.reload(uri);
    return true;
  }

  /** An opened httpd file whose include lines differ from those last resolved: they are resolved now; true when that changed the model. */
  async followIncludesOf(uri: string): Promise<boolean> {
    const doc = this.workspace.get(uri);
    if (!doc || !isApacheDocument(doc) || this.includes.get(uri)?.key === includeKey(doc)) return false;
    await this.refollowIncludes();
    return true;
  }

  /**
   * Follows the includes again after the workspace is up: messages go out at once, changed files are due next
   * update. It waits for a following still reading files (an edit before it read a file an earlier text named).
   */
  private refollowIncludes(): Promise<{ changed: string[] }> {
    this.queuedFollowing ??= this.following.then(async () => {
      this.queuedFollowing = undefined;
      const followed = await this.followIncludes();
      for (const message of followed.messages) this.env.onMessage?.(message);
      for (const other of followed.changed) this.pending.add(other);
      return followed;
    });
    const run = this.queuedFollowing;
    this.following = run.catch(() => undefined);
    return run;
  }

  /**
   * Analyses everything again in slices, yielding to the event loop between them so that requests and
   * edits are served meanwhile. Returns every URI that has or had diagnostics.
   */
  async analyzeAll(settings: Settings, yieldNow: () => Promise<void>): Promise<string[]> {
    this.pending.clear();
    const previous = this.analyzer.reset();
    const uris = [...this.workspace.documents()].map((d) => d.uri);
    for (let i = 0; i < uris.length; i += ANALYSIS_SLICE) {
      this.analyzer.analyzeDocuments(uris.slice(i, i + ANALYSIS_SLICE), settings);
      await yieldNow();
    }
    return [...new Set([...previous, ...uris, ...this.analyzer.analyzeClusters(uris, settings)])];
  }

  /**
   * Analyses after changes; a changed Chart.yaml stands for every file of the releases of the values files
   * beside it, a changed package list for the files of the nodes it belongs to.
   */
  update(requested: readonly string[], settings: Settings): string[] {
    const changed = [...new Set([...requested, ...this.pending])];
    this.pending.clear();
    const stands = (uri: string) => isChartFile(uri) || this.isPackageList(uri) || this.isRoleVariableFile(uri);
    const ofContext = changed.flatMap((uri) =>
      isChartFile(uri)
        ? this.filesOfChart(uri)
        : this.isPackageList(uri)
          ? this.filesOfPackageList(uri)
          : this.isRoleVariableFile(uri)
            ? this.templatesOfRole(roleOfVariableFile(uri)!)
            : [],
    );
    this.analyzer.forget(ofContext);
    return this.analyzer.update([...changed.filter((uri) => !stands(uri)), ...ofContext], settings);
  }

  /** A defaults/main.yml or vars/main.yml of a role whose templates are in the model. */
  private isRoleVariableFile(uri: string): boolean {
    const root = roleOfVariableFile(uri);
    return root !== undefined && this.templatesOfRole(root).length > 0;
  }

  private templatesOfRole(root: string): string[] {
    return [...this.workspace.documents()].filter((d) => isJinjaTemplate(d) && roleRootOf(d.uri) === root).map((d) => d.uri);
  }

  private filesOfPackageList(uri: string): string[] {
    return this.workspace.nodesBesidePackageList(uri).flatMap((n) => n.docs.map((d) => d.uri));
  }

  private filesOfChart(chartUri: string): string[] {
    const folder = parentUri(chartUri);
    const beside = [...this.workspace.documents()].filter((d) => isValuesDocument(d) && parentUri(d.uri) === folder);
    return [...new Set(beside.flatMap((d) => this.workspace.releaseOf(d.uri)?.docs.map((m) => m.uri) ?? [d.uri]))];
  }

  diagnostics(uri: string): Diagnostic[] {
    return this.analyzer.diagnostics(uri);
  }

  document(uri: string): ConfigDocument | undefined {
    return this.workspace.get(uri);
  }
}
