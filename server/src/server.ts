// The LSP layer: wires requests and document events to the language service, debounces analysis, publishes
// diagnostics and keeps one bad request from taking the server down.
// A require, not named imports: those make esbuild copy the module's 307 exports into an ES-module facade,
// about 1.5 ms of start-up. Types are named through `lsp.` too.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import lsp = require('vscode-languageserver/node');
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Catalog } from './catalog/catalog';
import { pathToUri, uriToPath } from './host/nodeHost';
import type { DiagnosticsPublisher } from './host/diagnosticsPublisher';
import { TEXT_DOCUMENTS } from './host/textDocuments';
import { FIX_ALL_KIND } from './features/codeActionKinds';
import type { LanguageService } from './languageService';
import type { Settings } from './settings';

const {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} = lsp;

const ANALYSIS_DELAY_MS = 20;
/** Custom request of the "Show Effective Configuration" command. */
const EFFECTIVE_CONFIGURATION_REQUEST = 'oxClusterConfig/effectiveConfiguration';
/** Custom request of the "Check Upgrade Readiness" command. */
const UPGRADE_PLAN_REQUEST = 'oxClusterConfig/upgradePlan';
const NODE_VERSION_REQUEST = 'oxClusterConfig/nodeVersion';
/** Custom request of the "Show Cluster Map" view: the map as SVG, with each element's file URI and line. */
const CLUSTER_MAP_REQUEST = 'oxClusterConfig/clusterMap';
/** The client says how the editor decoded an open `.properties` file (`latin1` or `utf8`). */
const TEXT_DECODING_NOTIFICATION = 'oxClusterConfig/textDecoding';

const connection = createConnection(ProposedFeatures.all, {
  // A request the client cancels while it waits behind other work is answered at once and never run.
  cancelUndispatched: (message) => ({ jsonrpc: '2.0', id: (message as lsp.RequestMessage).id, error: cancelled().toJson() }),
});

function cancelled(): lsp.ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The client cancelled this request.');
}
const documents = new TextDocuments(TEXT_DOCUMENTS);

/** The core, loaded on first use (see host/serverCore.ts): the built-in catalog, the service and the publisher. */
interface Core {
  api: typeof import('./host/serverCore');
  /** The built-in catalog, built once: reloading settings without user catalogs keeps it (and every parse). */
  catalog: Catalog;
  service: LanguageService;
  publisher: DiagnosticsPublisher;
}
let loadedCore: Core | undefined;

function core(): Core {
  if (loadedCore) return loadedCore;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const api = require('./host/serverCore') as typeof import('./host/serverCore');
  const catalog = api.buildCatalog().catalog;
  const service = api.createLanguageService({
    catalog,
    host: api.nodeWorkspaceHost,
    onRuleError: logRuleError,
    onMessage: (message) => connection.console.warn(message),
  });
  const publisher = new api.DiagnosticsPublisher({
    diagnostics: (uri) => runSafe('diagnostics', [], () => service.diagnostics(uri)),
    version: (uri) => documents.get(uri)?.version,
    // Edited while this analysis ran (a reload yields): the next flush analyses it again.
    isStale: (uri) => changed.has(uri),
    send: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
  });
  loadedCore = { api, catalog, service, publisher };
  return loadedCore;
}

function service(): LanguageService {
  return core().service;
}

/** The settings of the last reload; the defaults until the first one. */
let loadedSettings: Settings | undefined;

function settings(): Settings {
  return loadedSettings ?? core().api.DEFAULT_SETTINGS;
}
let workspaceFolders: string[] = [];
let workspaceTrusted = true;
let canPullConfiguration = false;
let canWatchFiles = false;
/** The client takes a completion list's shared edit range and insert format once, in itemDefaults. */
let canUseItemDefaults = false;
/** Settles once settings are read and the workspace indexed, so nothing is published under the wrong settings. */
let ready: Promise<void> = Promise.resolve();

const changed = new Set<string>();
let timer: NodeJS.Timeout | undefined;

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function logRuleError(rule: { id: string }, error: unknown): void {
  connection.console.error(`Rule ${rule.id} failed: ${errorText(error)}`);
}

/** Runs a handler; an exception is logged and answered with `fallback`. */
function runSafe<T>(name: string, fallback: T, work: () => T): T {
  try {
    return work();
  } catch (error) {
    connection.console.error(`${name} failed: ${errorText(error)}`);
    return fallback;
  }
}

function withDocument<T>(name: string, uri: string, fallback: T, work: (text: TextDocument) => T): T {
  const text = documents.get(uri);
  if (!text) return fallback;
  return runSafe(name, fallback, () => work(text));
}

function flush(): void {
  timer = undefined;
  const uris = [...changed];
  changed.clear();
  core().publisher.publish(runSafe('analysis', uris, () => service().update(uris, settings())));
}

/** Collects changes and analyses them together after a short quiet time (none for a freshly opened file). */
function schedule(uri: string, delay = ANALYSIS_DELAY_MS): void {
  changed.add(uri);
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void ready.then(flush), delay);
}

async function reloadConfiguration(): Promise<void> {
  const raw = canPullConfiguration
    ? (((await connection.workspace.getConfiguration('oxClusterConfig')) as Record<string, unknown> | null) ?? {})
    : {};
  const { api, catalog, service, publisher } = core();
  const config = await api.resolveConfiguration(api.nodeConfigHost, {
    folders: workspaceFolders,
    trusted: workspaceTrusted,
    ruleDefaults: api.RULE_DEFAULTS,
    editor: raw,
    builtinCatalog: catalog,
  });
  const settings: Settings = { ...(config.editor ?? api.DEFAULT_SETTINGS), rules: config.rules };
  loadedSettings = settings;
  const started = Date.now();
  const roots = workspaceFolders.map((folder) => ({ uri: pathToUri(folder), discover: api.discoveryOf(config, [folder]) }));
  watchPackageLists(roots.map((root) => api.packageListName(root.discover)));
  const messages = await service.reconfigure({
    catalog: config.catalog,
    roots,
    clusters: config.clusters,
    releases: config.releases,
    versions: config.versions,
    balancers: config.balancers,
    maxFileSize: settings.maxFileSize ?? Infinity,
  });
  for (const text of documents.all()) service.open(text);
  publisher.publish(await service.analyzeAll(settings, () => new Promise((resolve) => setImmediate(resolve))), true);
  const { files, nodes } = service.summary();
  connection.console.info(`Indexed ${files} files in ${nodes} nodes in ${Date.now() - started} ms.`);
  for (const message of messages) connection.console.warn(message);
  // In the editor every configuration problem is a warning: what cannot be used is left out.
  for (const message of [...config.problems.map((p) => p.message), ...service.declarationProblems()]) {
    connection.console.warn(message);
    void connection.window.showWarningMessage(`OX Cluster Config: ${message}`);
  }
}

let packageListWatch: { names: string; registration: Promise<{ dispose(): void }> } | undefined;

/** Watches the package lists by the names the configuration gives them, registered again when the names change. */
function watchPackageLists(names: readonly string[]): void {
  if (!canWatchFiles) return;
  const unique = [...new Set(names)].sort();
  const key = unique.join('\n');
  if (packageListWatch?.names === key) return;
  void packageListWatch?.registration.then(
    (d) => d.dispose(),
    () => undefined,
  );
  const registration = connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: unique.map((name) => ({ globPattern: `**/${name}` })),
  });
  registration.catch((error) => connection.console.error(`Watching package lists failed: ${errorText(error)}`));
  packageListWatch = { names: key, registration };
}

function reload(): void {
  ready = reloadConfiguration().catch((error) => connection.console.error(`Loading settings failed: ${errorText(error)}`));
}

connection.onInitialize((params: lsp.InitializeParams): lsp.InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { workspaceTrusted?: unknown };
  workspaceTrusted = options.workspaceTrusted !== false;
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  const itemDefaults = params.capabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
  canUseItemDefaults = itemDefaults.includes('editRange') && itemDefaults.includes('insertTextFormat');
  // The core loads once the answer is written (the writer sends it from an immediate), while the client
  // takes the answer and sends `initialized` and the open documents: not after them, in the first analysis.
  setImmediate(() => setImmediate(() => runSafe('loading the core', undefined, core)));
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['=', ':', '.'], resolveProvider: true },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      foldingRangeProvider: true,
      inlayHintProvider: true,
    },
    serverInfo: { name: 'ox-cluster-language-server' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'oxClusterConfig' });
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [
        { globPattern: '**/*.{properties,ccf}' },
        // Templates of them that configuration management renders (hazelcast.properties.j2).
        { globPattern: '**/*.{properties,ccf}.{j2,jinja,jinja2,erb,tmpl,tpl}' },
        // Values files of any name (a release may list one), and Chart.yaml for the chart version.
        { globPattern: '**/*.{yaml,yml,gotmpl}' },
        // httpd files, found or named by an Include, and their configuration-management templates.
        { globPattern: '**/*.conf' },
        { globPattern: '**/*.conf.{j2,jinja,jinja2,erb,tmpl,tpl}' },
        { globPattern: `**/${core().api.CONFIG_FILE_NAME}` },
      ],
    });
  }
  reload();
});

connection.onDidChangeConfiguration(() => reload());

connection.onDidChangeWatchedFiles((params) => {
  void ready.then(async () => {
    for (const change of params.changes) {
      if (change.uri.endsWith(`/${core().api.CONFIG_FILE_NAME}`)) {
        reload();
        return;
      }
      try {
        if (await service().fileChanged(change.uri, change.type === FileChangeType.Deleted)) schedule(change.uri);
      } catch (error) {
        connection.console.error(`File event for ${change.uri} failed: ${errorText(error)}`);
      }
    }
  });
});

const justOpened = new Set<string>();
documents.onDidOpen((event) => justOpened.add(event.document.uri));
documents.onDidChangeContent((event) => {
  const uri = event.document.uri;
  // An edit starts the debounce before the parse, so the two overlap: the analysis runs as soon as both are done.
  const edited = !justOpened.delete(uri);
  if (edited) schedule(uri);
  runSafe('parse', undefined, () => service().open(event.document));
  // What the text needs beside it is read first: an opened values file's Chart.yaml, the files of Include lines just typed.
  const analyse = (due: boolean) => {
    if (due || !edited) schedule(uri, 0);
  };
  service()
    .prepare(uri)
    .then(analyse, (error) => {
      connection.console.error(`Reading beside ${uri} failed: ${errorText(error)}`);
      analyse(false);
    });
});
connection.onNotification(TEXT_DECODING_NOTIFICATION, (params: { uri?: unknown; decoding?: unknown }) => {
  const { uri, decoding } = params ?? {};
  if (typeof uri !== 'string' || (decoding !== 'latin1' && decoding !== 'utf8')) return;
  if (runSafe('textDecoding', false, () => service().setDecoding(uri, decoding))) schedule(uri);
});
documents.onDidClose((event) => {
  const uri = event.document.uri;
  void service()
    .close(uri)
    .then(
      () => schedule(uri),
      (error) => connection.console.error(`Closing ${uri} failed: ${errorText(error)}`),
    );
});

connection.onCompletion((p) =>
  withDocument('completion', p.textDocument.uri, null, (text) =>
    service().complete(text, p.position, { itemDefaults: canUseItemDefaults }),
  ),
);
connection.onCompletionResolve((item) => runSafe('completionResolve', item, () => service().resolveCompletion(item)));
connection.onHover((p) => withDocument('hover', p.textDocument.uri, null, (text) => service().hover(text, p.position)));
connection.onDocumentSymbol((p) => withDocument('documentSymbol', p.textDocument.uri, [], (text) => service().symbols(text)));
connection.onFoldingRanges((p) => withDocument('foldingRange', p.textDocument.uri, [], (text) => service().folding(text)));
connection.onDefinition((p) => withDocument('definition', p.textDocument.uri, [], (text) => service().definition(text, p.position)));
connection.onReferences((p) => withDocument('references', p.textDocument.uri, [], (text) => service().references(text, p.position)));
connection.onWorkspaceSymbol((p) => runSafe('workspaceSymbol', [], () => service().workspaceSymbols(p.query)));
connection.languages.inlayHint.on((p) =>
  withDocument('inlayHint', p.textDocument.uri, [], (text) => service().inlayHints(text, p.range, settings())),
);
connection.onCodeAction((p) =>
  withDocument('codeAction', p.textDocument.uri, [], (text) => {
    // Pending changes would leave fix-all working on stale diagnostics: analyse them now.
    if (timer && changed.size) {
      clearTimeout(timer);
      flush();
    }
    return service().codeActions(text, p.context);
  }),
);

/** The effective configuration of the node of `uri` (every node when none), as a Markdown document. */
connection.onRequest(EFFECTIVE_CONFIGURATION_REQUEST, async (params: { uri?: string; showSecrets?: boolean }, token) => {
  await ready;
  if (token.isCancellationRequested) return cancelled();
  return runSafe('effectiveConfiguration', { text: 'The effective configuration could not be computed; see the output.' }, () => {
    const options = { maskSecrets: params?.showSecrets !== true, format: 'markdown' } as const;
    return { text: service().effectiveConfiguration(params?.uri || undefined, options) };
  });
});

/** The upgrade plan to `target` for the cluster of the node of `uri` (every cluster when none), as a Markdown document. */
connection.onRequest(UPGRADE_PLAN_REQUEST, async (params: { target?: string; uri?: string }, token) => {
  await ready;
  if (token.isCancellationRequested) return cancelled();
  const target = typeof params?.target === 'string' ? core().api.parseOxVersion(params.target) : undefined;
  if (!target)
    return new ResponseError(
      ErrorCodes.InvalidParams,
      `Not an OX version: ${JSON.stringify(params?.target ?? null)} (e.g. 7.10.6 or 8.19).`,
    );
  return runSafe('upgradePlan', { text: 'The upgrade plan could not be computed; see the output.' }, () => ({
    text: service().upgradePlan(target, params?.uri || undefined, { format: 'markdown' }),
  }));
});

/** The OX version of the node of `uri`, for the status bar; null for a file of no node. */
connection.onRequest(NODE_VERSION_REQUEST, async (params: { uri?: string }, token) => {
  await ready;
  if (token.isCancellationRequested) return cancelled();
  return runSafe('nodeVersion', null, () => (typeof params?.uri === 'string' ? (service().nodeVersion(params.uri) ?? null) : null));
});

connection.onRequest(CLUSTER_MAP_REQUEST, async (_params: unknown, token) => {
  await ready;
  if (token.isCancellationRequested) return cancelled();
  return runSafe<{ svg: string | null }>('clusterMap', { svg: null }, () => ({
    svg: core().api.renderMap(service().clusterGraph(), 'svg'),
  }));
});

process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${errorText(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${errorText(reason)}`));

documents.listen(connection);
connection.listen();
