import {
  CodeAction,
  CodeActionContext,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  Position,
  Range,
  SymbolInformation,
} from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Catalog } from './catalog/catalog';
import { WorkspaceHost } from './analysis/host';
import { DiscoverOptions, IndexedRoot } from './analysis/discover';
import { WorkspaceSync } from './analysis/workspaceSync';
import { DeclaredCluster } from './model/clusters';
import { DeclaredBalancer } from './model/apache/frontEnd';
import { DeclaredRelease } from './model/helm/release';
import { DeclaredVersions } from './model/packages/nodeVersion';
import { ConfigDocument, TextDecoding } from './model/document';
import { isOxDocument, OxDocument } from './model/properties/propertiesDocument';
import { isValuesDocument } from './model/helm/valuesDocument';
import { NodeVersionStatus, nodeVersionStatus } from './features/nodeVersionStatus';
import { hasConfEnding, isApacheDocument } from './model/apache/apacheDocument';
import { PROPERTIES_TEMPLATE } from './template/syntax';
import { currentDiagnostics, FIX_ALL_KIND, fixAll, quickFixes } from './features/codeActions';
import { doComplete, resolveCompletion, withItemDefaults } from './features/completion';
import { effectiveConfiguration, effectiveConfigurations } from './features/effectiveConfiguration';
import { renderEffectiveConfiguration, renderEffectiveJson } from './features/effectiveConfigurationText';
import { effectiveNote } from './features/effectiveHover';
import { foldingRanges } from './features/folding';
import { doHover } from './features/hover';
import { renderSetting } from './model/properties/ansibleRendering';
import { inlayHints } from './features/inlayHints';
import { findDefinition, findReferences, workspaceSymbols } from './features/navigation';
import { documentSymbols } from './features/symbols';
import { valuesCompletion } from './features/values/completion';
import { valuesHover } from './features/values/hover';
import { nodeTypeNote } from './features/values/typeValues';
import { valuesSymbols } from './features/values/symbols';
import { apacheFolding } from './features/apache/folding';
import { apacheHover } from './features/apache/routeHover';
import { apacheDefinition, apacheReferences } from './features/apache/routeNavigation';
import { apacheSymbols } from './features/apache/symbols';
import { backendRouteMembers } from './features/apache/backendRouteMembers';
import { CrossRule } from './rules/crossRule';
import { CROSS_RULES, FILE_RULES } from './rules/registry';
import { Rule } from './rules/rule';
import { BatchReport, fixAll as fixWorkspace, FixResult, report } from './service/batch';
import { DiagnosticScrubber } from './service/scrub';
import { Settings } from './settings';
import { parseProperties } from './parser/propertiesParser';
import { coreMwValuesSchema } from './features/values/valuesSchema';
import { upgradePlan } from './features/upgradePlan';
import { renderUpgradePlan, renderUpgradePlanJson } from './features/upgradePlanText';
import { OxVersion, parseOxVersion } from './util/versions';
import { buildClusterGraph } from './map/clusterGraph';
import { MAP_FORMATS, MapFormat, renderMap } from './map/render/formats';
import type { ClusterGraph } from './map/graph';
import type { Expand as MapExpand } from './map/render/collapse';

export type {
  BatchReport,
  ClusterGraph,
  DeclaredBalancer,
  DeclaredCluster,
  DeclaredRelease,
  DeclaredVersions,
  DiscoverOptions,
  FixResult,
  IndexedRoot,
  MapExpand,
  MapFormat,
  OxVersion,
  WorkspaceHost,
};
export { FIX_ALL_KIND, hasConfEnding, MAP_FORMATS, parseOxVersion, PROPERTIES_TEMPLATE, renderMap };

/** What the workspace is: reconfiguring starts over with it. */
export interface WorkspaceConfiguration {
  catalog: Catalog;
  /** The folders whose OX files are read, each with the include and exclude globs of its own configuration. */
  roots: readonly IndexedRoot[];
  clusters: readonly DeclaredCluster[];
  /** Helm releases: values file URIs in `helm -f` order; other values files are releases of their own. */
  releases?: readonly DeclaredRelease[];
  /** The core-mw chart version of every release that declares none; wins over a Chart.yaml beside the values file. */
  chartVersion?: string;
  /** Files larger than this (in characters) are parsed for their syntax only. */
  maxFileSize: number;
  /** OX versions of classic nodes declared by the configuration (beside those of `clusters`) and the editor setting. */
  versions?: DeclaredVersions;
  /** Web server files declared to be in front of a cluster (`balancers` of `.oxclusterconfig.json`). */
  balancers?: readonly DeclaredBalancer[];
}

export type EffectiveFormat = { format: 'markdown' } | { format: 'json'; folderOf: (uri: string) => string };

/**
 * The one way into the core for the server and the CLI: it owns the workspace model (files on disk, open
 * documents), its analysis and the diagnostics' secret policy, and answers every feature from them.
 */
export interface LanguageService {
  readonly catalog: Catalog;
  /** Starts over with a new catalog, roots, discovery, clusters and releases; returns messages about files it could not read. */
  reconfigure(config: WorkspaceConfiguration): Promise<string[]>;
  /** Reads the OX files below more roots with their own discovery options. */
  load(
    roots: readonly string[],
    discover: DiscoverOptions,
    onProgress?: (done: number, total: number) => void,
  ): Promise<{ files: number; messages: string[]; unreadable: number }>;
  /** Reads the given files whatever their names; `skipped` are those no reader takes (a YAML file without core-mw values). */
  loadFiles(uris: readonly string[]): Promise<{ files: number; messages: string[]; unreadable: number; skipped: string[] }>;
  /** An editor opened or changed a document; parsed once per version. Undefined for a file that is no OX file. */
  open(text: TextDocument): ConfigDocument | undefined;
  /**
   * Reads what an opened or edited document's analysis needs beside it if nothing read it yet (a values file's
   * Chart.yaml, the files an httpd file's new Include lines name, those it no longer names dropped); true when
   * analysis is due again. Cheap when nothing is to read, so it may follow every edit; calls made while files are
   * read wait for them, so the last text counts.
   */
  prepare(uri: string): Promise<boolean>;
  close(uri: string): Promise<void>;
  /** How the editor decoded an open file's bytes (ISO-8859-1 unless it says otherwise); true when its analysis is due. */
  setDecoding(uri: string, decoding: TextDecoding): boolean;
  /** A file changed on disk; true when its analysis is due. */
  fileChanged(uri: string, deleted: boolean): Promise<boolean>;
  /** Analyses after changes of `uris`; returns the URIs whose diagnostics may differ. */
  update(uris: readonly string[], settings: Settings): string[];
  /** Analyses everything again, yielding between slices; returns every URI that has or had diagnostics. */
  analyzeAll(settings: Settings, yieldNow?: () => Promise<void>): Promise<string[]>;
  /** The current diagnostics of a file, secret values masked. */
  diagnostics(uri: string): Diagnostic[];
  /** The URIs of every file of the workspace. */
  uris(): string[];
  summary(): { files: number; nodes: number; clusters: string[] };
  /** Declarations of the configuration that the files read contradict (a balancer's cluster that does not exist), one message each. */
  declarationProblems(): string[];
  complete(text: TextDocument, position: Position, options?: { itemDefaults?: boolean }): CompletionList;
  resolveCompletion(item: CompletionItem): CompletionItem;
  hover(text: TextDocument, position: Position): Hover | null;
  /** Quick fixes and fix-all from the document's current diagnostics. */
  codeActions(text: TextDocument, context: CodeActionContext): CodeAction[];
  symbols(text: TextDocument): DocumentSymbol[];
  folding(text: TextDocument): FoldingRange[];
  inlayHints(text: TextDocument, range: Range, settings: Settings): InlayHint[];
  definition(text: TextDocument, position: Position): Location[];
  references(text: TextDocument, position: Position): Location[];
  workspaceSymbols(query: string): SymbolInformation[];
  /** The effective configuration of the node of `uri` (every node when undefined or in no node), as text. */
  effectiveConfiguration(uri: string | undefined, options: { maskSecrets: boolean } & EffectiveFormat): string;
  /**
   * What upgrading to `target` changes for the cluster of the node of `uri` (every classic cluster when undefined
   * or in no node): keys the target stops or starts reading, stock values, mandatory keys, the Hazelcast hop and
   * the upgrade node's push switch. Secret values are masked.
   */
  upgradePlan(target: OxVersion, uri: string | undefined, format: EffectiveFormat): string;
  /** The OX version of the node a file belongs to, for the status bar; undefined for a file of no node. */
  nodeVersion(uri: string): NodeVersionStatus | undefined;
  /** Applies the safe fixes in passes; the workspace then holds the fixed text, analysed. */
  fixAll(settings: Settings): Promise<FixResult>;
  /** Every problem of the workspace in file and line order, secrets masked. */
  report(): BatchReport;
  /** The cluster map: clusters, nodes, member lists, maps, balancers and routes, with the current findings on them (secrets masked). */
  clusterGraph(): ClusterGraph;
}

export interface LanguageServiceOptions {
  catalog: Catalog;
  host: WorkspaceHost;
  rules?: { file?: readonly Rule[]; cross?: readonly CrossRule[] };
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (rule: { id: string }, error: unknown) => void;
  /** A message for the log that comes outside of indexing (lines skipped in a package list re-read after a file event). */
  onMessage?: (message: string) => void;
}

const noYield = () => Promise.resolve();

export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  let catalog = options.catalog;
  const sync = new WorkspaceSync(catalog, [], [], {
    host: options.host,
    singleFileRules: options.rules?.file ?? FILE_RULES,
    crossRules: options.rules?.cross ?? CROSS_RULES,
    onRuleError: options.onRuleError ?? (() => undefined),
    ...(options.onMessage ? { onMessage: options.onMessage } : {}),
  });
  const scrubber = new DiagnosticScrubber(
    () => sync.model.documents(),
    () => catalog,
  );
  const changed = <T>(result: T): T => {
    scrubber.invalidate();
    return result;
  };
  const open = (text: TextDocument): ConfigDocument | undefined => {
    const before = sync.document(text.uri);
    const doc = sync.openDocument(text);
    if (doc !== before) scrubber.invalidate();
    return doc;
  };
  /** Runs a feature of the .properties format on the document, or answers `none` for another format. */
  const withProperties = <T>(text: TextDocument, none: T, feature: (doc: OxDocument) => T): T => {
    const doc = open(text);
    return doc && isOxDocument(doc) ? feature(doc) : none;
  };
  /** Runs a feature that every format supports, or answers `none` for a file that is no OX file. */
  const withConfig = <T>(text: TextDocument, none: T, feature: (doc: ConfigDocument) => T): T => {
    const doc = open(text);
    return doc ? feature(doc) : none;
  };
  const diagnostics = (uri: string) => scrubber.apply(sync.diagnostics(uri));
  const analyzeAll = (settings: Settings, yieldNow: () => Promise<void> = noYield) => sync.analyzeAll(settings, yieldNow);

  return {
    get catalog() {
      return catalog;
    },
    async reconfigure(config) {
      catalog = config.catalog;
      sync.maxFileSize = config.maxFileSize;
      scrubber.invalidate();
      const releases = { releases: config.releases, chartVersion: config.chartVersion };
      return changed(await sync.reconfigure(config.catalog, config.roots, config.clusters, releases, config.versions, config.balancers));
    },
    load: async (roots, discover, onProgress) => changed(await sync.load(roots, discover, onProgress)),
    loadFiles: async (uris) => changed(await sync.loadFiles(uris)),
    open,
    prepare: async (uri) =>
      changed((await sync.readChartVersionOf(uri)) || (await sync.followIncludesOf(uri)) || (await sync.readRoleVariablesOf(uri))),
    close: async (uri) => changed(await sync.closeDocument(uri)),
    setDecoding: (uri, decoding) => sync.setDecoding(uri, decoding),
    fileChanged: async (uri, deleted) => changed(await sync.fileChanged(uri, deleted)),
    update: (uris, settings) => sync.update(uris, settings),
    analyzeAll,
    diagnostics,
    uris: () => [...sync.model.documents()].map((d) => d.uri),
    summary: () => ({ files: sync.model.size, nodes: sync.model.nodes().length, clusters: sync.model.clusters().map((c) => c.name) }),
    declarationProblems: () => sync.model.balancerDeclarationProblems(),
    complete(text, position, completionOptions) {
      const doc = open(text);
      if (!doc || doc.large || !(isOxDocument(doc) || isValuesDocument(doc))) return { isIncomplete: false, items: [] };
      const list = isOxDocument(doc)
        ? doComplete(doc, catalog, position)
        : valuesCompletion(doc, catalog, position, sync.model.releaseOf(doc.uri)?.chartVersion);
      return completionOptions?.itemDefaults ? withItemDefaults(list) : list;
    },
    resolveCompletion: (item) => resolveCompletion(item, catalog),
    hover(text, position) {
      const doc = open(text);
      if (doc && isValuesDocument(doc)) return valuesHover(doc, position, (key, secret) => nodeTypeNote(sync.model, doc.uri, key, secret));
      if (doc && isApacheDocument(doc)) return apacheHover(sync.model, doc, position);
      if (!doc || !isOxDocument(doc)) return null;
      const vars = sync.roleVariablesOf(doc.uri);
      return doHover(
        doc,
        position,
        (key, secret) => effectiveNote(sync.model, doc, key, secret),
        vars && ((setting) => renderSetting(doc, setting, vars)),
      );
    },
    codeActions(text, context) {
      open(text);
      const current = diagnostics(text.uri);
      const only = context.only;
      const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
      // Fixes come from the current analysis: the editor's diagnostics may be of an older version of the text.
      const actions = wants('quickfix') ? quickFixes(currentDiagnostics(context.diagnostics, current)) : [];
      if (wants(FIX_ALL_KIND)) {
        const all = fixAll(current);
        if (all) actions.push(all);
      }
      return actions;
    },
    // The editor features below know the .properties format; other formats bring their own.
    symbols(text) {
      const doc = open(text);
      if (doc && isApacheDocument(doc)) return apacheSymbols(doc);
      return doc && isValuesDocument(doc) ? valuesSymbols(doc) : doc && isOxDocument(doc) ? documentSymbols(doc) : [];
    },
    // Values files fold as YAML: the YAML extension does it, so they get none from here.
    folding(text) {
      const doc = open(text);
      return doc && isApacheDocument(doc) ? apacheFolding(doc) : doc && isOxDocument(doc) ? foldingRanges(doc) : [];
    },
    inlayHints: (text, range, settings) => (settings.inlayHints ? withProperties(text, [], (doc) => inlayHints(doc, range)) : []),
    definition: (text, position) =>
      withConfig(text, [], (doc) =>
        isApacheDocument(doc) ? apacheDefinition(sync.model, doc, position) : findDefinition(sync.model, doc, position),
      ),
    // A backendRoute's references include the balancer members with its route, and a member's the node's setting.
    references: (text, position) =>
      withConfig(text, [], (doc) => {
        if (isApacheDocument(doc)) return apacheReferences(sync.model, doc, position);
        const found = findReferences(sync.model, doc, position);
        return isOxDocument(doc) ? [...found, ...backendRouteMembers(sync.model, doc, position)] : found;
      }),
    workspaceSymbols: (query) => workspaceSymbols(sync.model, query),
    effectiveConfiguration(uri, effectiveOptions) {
      const masked = { maskSecrets: effectiveOptions.maskSecrets };
      const node = uri === undefined ? undefined : sync.model.nodeOf(uri);
      const reports = node
        ? [effectiveConfiguration(sync.model, node, catalog, masked)]
        : effectiveConfigurations(sync.model, catalog, masked);
      return effectiveOptions.format === 'json'
        ? renderEffectiveJson(reports, effectiveOptions.folderOf)
        : renderEffectiveConfiguration(reports);
    },
    upgradePlan(target, uri, format) {
      const plan = upgradePlan(sync.model, catalog, target, uri);
      return format.format === 'json' ? renderUpgradePlanJson(plan, format.folderOf) : renderUpgradePlan(plan);
    },
    nodeVersion: (uri) => nodeVersionStatus(sync.model, uri),
    fixAll: async (settings) => changed(await fixWorkspace(sync, () => analyzeAll(settings))),
    report: () => report(sync, diagnostics),
    clusterGraph: () => buildClusterGraph({ workspace: sync.model, catalog, diagnostics, scrub: (text) => scrubber.text(text) }),
  };
}

/** A .properties text as java.util.Properties reads it: the last value of each key, or its first syntax problem. */
export function javaProperties(text: string): { values: Map<string, string>; problem?: { offset: number; message: string } } {
  const doc = parseProperties(text);
  const values = new Map<string, string>();
  const first = doc.problems[0];
  if (first) return { values, problem: { offset: first.start, message: first.message } };
  for (const entry of doc.entries) values.set(entry.key, entry.value);
  return { values };
}

/** The JSON Schema (draft-07) of core-mw values files, from the catalog and the chart facts. */
export function valuesSchema(catalog: Catalog): Record<string, unknown> {
  return coreMwValuesSchema(catalog);
}
