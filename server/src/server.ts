// The LSP layer: wires requests to the pure core, keeps the workspace model in step (WorkspaceSync), debounces
// analysis and keeps one bad request from taking the server down.
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  LSPErrorCodes,
  ProposedFeatures,
  RequestMessage,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { buildCatalog } from './catalog/loadCatalog';
import { OxDocument } from './model/properties/propertiesDocument';
import { Catalog } from './catalog/catalog';
import { FIX_ALL_KIND } from './features/codeActions';
import { withItemDefaults } from './features/completion';
import { effectiveConfiguration, effectiveConfigurations } from './features/effectiveConfiguration';
import { renderEffectiveConfiguration } from './features/effectiveConfigurationText';
import { findDefinition, findReferences, workspaceSymbols } from './features/navigation';
import { nodeConfigHost } from './host/nodeConfigHost';
import { nodeWorkspaceHost, pathToUri, uriToPath } from './host/nodeHost';
import { DiagnosticsPublisher } from './host/diagnosticsPublisher';
import { TEXT_DOCUMENTS } from './host/textDocuments';
import { WorkspaceSync } from './analysis/workspaceSync';
import { createLanguageService, LanguageService } from './languageService';
import { CROSS_RULES, FILE_RULES, RULE_DEFAULTS } from './rules/registry';
import { DEFAULT_SETTINGS, Settings } from './settings';
import { CONFIG_FILE_NAME } from './config/configFile';
import { discoveryOf, resolveConfiguration } from './config/resolve';

const ANALYSIS_DELAY_MS = 20;
/** Custom request of the "Show Effective Configuration" command. */
const EFFECTIVE_CONFIGURATION_REQUEST = 'oxClusterConfig/effectiveConfiguration';

const connection = createConnection(ProposedFeatures.all, {
  // A request the client cancels while it waits behind other work is answered at once and never run.
  cancelUndispatched: (message) => ({ jsonrpc: '2.0', id: (message as RequestMessage).id, error: cancelled().toJson() }),
});

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The client cancelled this request.');
}
const documents = new TextDocuments(TEXT_DOCUMENTS);

/** The built-in catalog, built once: reloading settings without user catalogs keeps it (and every parse). */
const BUILTIN_CATALOG: Catalog = buildCatalog().catalog;
let catalog: Catalog = BUILTIN_CATALOG;
let service: LanguageService = createLanguageService({ catalog, onRuleError: logRuleError });
const sync = new WorkspaceSync(catalog, [], {}, [], {
  host: nodeWorkspaceHost,
  singleFileRules: FILE_RULES,
  crossRules: CROSS_RULES,
  onRuleError: logRuleError,
});
let settings: Settings = DEFAULT_SETTINGS;
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

function withDocument<T>(name: string, uri: string, fallback: T, work: (doc: OxDocument) => T): T {
  const text = documents.get(uri);
  if (!text) return fallback;
  return runSafe(name, fallback, () => work(sync.openDocument(text)));
}

const publisher = new DiagnosticsPublisher({
  diagnostics: (uri) => runSafe('diagnostics', [], () => sync.diagnostics(uri)),
  version: (uri) => documents.get(uri)?.version,
  // Edited while this analysis ran (a reload yields): the next flush analyses it again.
  isStale: (uri) => changed.has(uri),
  send: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics }),
});

function flush(): void {
  timer = undefined;
  const uris = [...changed];
  changed.clear();
  publisher.publish(runSafe('analysis', uris, () => sync.update(uris, settings)));
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
  const config = await resolveConfiguration(nodeConfigHost, {
    folders: workspaceFolders,
    trusted: workspaceTrusted,
    ruleDefaults: RULE_DEFAULTS,
    editor: raw,
    builtinCatalog: BUILTIN_CATALOG,
  });
  settings = { ...(config.editor ?? DEFAULT_SETTINGS), rules: config.rules };
  catalog = config.catalog;
  service = createLanguageService({ catalog, onRuleError: logRuleError });
  const roots = workspaceFolders.map(pathToUri);
  const discover = discoveryOf(config, workspaceFolders);
  const started = Date.now();
  sync.maxFileSize = settings.maxFileSize ?? Infinity;
  const messages = await sync.reconfigure(catalog, roots, discover, config.clusters);
  for (const text of documents.all()) sync.openDocument(text);
  publisher.publish(await sync.analyzeAll(settings, () => new Promise((resolve) => setImmediate(resolve))), true);
  connection.console.info(`Indexed ${sync.model.size} files in ${sync.model.nodes().length} nodes in ${Date.now() - started} ms.`);
  for (const message of messages) connection.console.warn(message);
  // In the editor every configuration problem is a warning: what cannot be used is left out.
  for (const { message } of config.problems) {
    connection.console.warn(message);
    void connection.window.showWarningMessage(`OX Cluster Config: ${message}`);
  }
}

function reload(): void {
  ready = reloadConfiguration().catch((error) => connection.console.error(`Loading settings failed: ${errorText(error)}`));
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { workspaceTrusted?: unknown };
  workspaceTrusted = options.workspaceTrusted !== false;
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  const itemDefaults = params.capabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
  canUseItemDefaults = itemDefaults.includes('editRange') && itemDefaults.includes('insertTextFormat');
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
      watchers: [{ globPattern: '**/*.{properties,ccf}' }, { globPattern: `**/${CONFIG_FILE_NAME}` }],
    });
  }
  reload();
});

connection.onDidChangeConfiguration(() => reload());

connection.onDidChangeWatchedFiles((params) => {
  void ready.then(async () => {
    for (const change of params.changes) {
      if (change.uri.endsWith(`/${CONFIG_FILE_NAME}`)) {
        reload();
        return;
      }
      try {
        if (await sync.fileChanged(change.uri, change.type === FileChangeType.Deleted)) schedule(change.uri);
      } catch (error) {
        connection.console.error(`File event for ${change.uri} failed: ${errorText(error)}`);
      }
    }
  });
});

const justOpened = new Set<string>();
documents.onDidOpen((event) => justOpened.add(event.document.uri));
documents.onDidChangeContent((event) => {
  runSafe('parse', undefined, () => sync.openDocument(event.document));
  schedule(event.document.uri, justOpened.delete(event.document.uri) ? 0 : ANALYSIS_DELAY_MS);
});
documents.onDidClose((event) => {
  const uri = event.document.uri;
  void sync.closeDocument(uri).then(
    () => schedule(uri),
    (error) => connection.console.error(`Closing ${uri} failed: ${errorText(error)}`),
  );
});

connection.onCompletion((p) =>
  withDocument('completion', p.textDocument.uri, null, (doc) => {
    const list = service.complete(doc, p.position);
    return canUseItemDefaults ? withItemDefaults(list) : list;
  }),
);
connection.onCompletionResolve((item) => runSafe('completionResolve', item, () => service.resolveCompletion(item)));
connection.onHover((p) => withDocument('hover', p.textDocument.uri, null, (doc) => service.hover(doc, p.position, sync.model)));
connection.onDocumentSymbol((p) => withDocument('documentSymbol', p.textDocument.uri, [], (doc) => service.symbols(doc)));
connection.onFoldingRanges((p) => withDocument('foldingRange', p.textDocument.uri, [], (doc) => service.folding(doc)));
connection.onDefinition((p) => withDocument('definition', p.textDocument.uri, [], (doc) => findDefinition(sync.model, doc, p.position)));
connection.onReferences((p) => withDocument('references', p.textDocument.uri, [], (doc) => findReferences(sync.model, doc, p.position)));
connection.onWorkspaceSymbol((p) => runSafe('workspaceSymbol', [], () => workspaceSymbols(sync.model, p.query)));
connection.languages.inlayHint.on((p) =>
  withDocument('inlayHint', p.textDocument.uri, [], (doc) => service.inlayHints(doc, p.range, settings)),
);
connection.onCodeAction((p) =>
  withDocument('codeAction', p.textDocument.uri, [], (doc) => {
    // Pending changes would leave fix-all working on stale diagnostics: analyse them now.
    if (timer && changed.size) {
      clearTimeout(timer);
      flush();
    }
    return service.codeActions(p.context, sync.diagnostics(doc.uri));
  }),
);

/** The effective configuration of the node of `uri` (every node when none), as a Markdown document. */
connection.onRequest(EFFECTIVE_CONFIGURATION_REQUEST, async (params: { uri?: string; showSecrets?: boolean }, token) => {
  await ready;
  if (token.isCancellationRequested) return cancelled();
  return runSafe('effectiveConfiguration', { text: 'The effective configuration could not be computed; see the output.' }, () => {
    const options = { maskSecrets: params?.showSecrets !== true };
    const node = params?.uri ? sync.model.nodeOf(params.uri) : undefined;
    const reports = node
      ? effectiveConfiguration(sync.model, node, catalog, options)
      : effectiveConfigurations(sync.model, catalog, options);
    return { text: renderEffectiveConfiguration(reports) };
  });
});

process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${errorText(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${errorText(reason)}`));

documents.listen(connection);
connection.listen();
