// The LSP layer: wires requests to the pure language service, caches parses per uri+version, debounces
// validation and keeps one bad request from taking the server down.
import * as path from 'path';
import {
  CodeActionKind,
  createConnection,
  Diagnostic,
  DidChangeConfigurationNotification,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildCatalog, UserCatalogInput } from './catalog/loadCatalog';
import { OxDocument } from './document';
import { FIX_ALL_KIND } from './features/codeActions';
import { isInside, readCatalogJson, uriToPath } from './host/nodeHost';
import { createLanguageService, LanguageService } from './languageService';
import { DEFAULT_SETTINGS, normalizeSettings, Settings } from './settings';

const VALIDATION_DELAY_MS = 20;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let service: LanguageService = createLanguageService({ catalog: buildCatalog().catalog, onRuleError: logRuleError });
let settings: Settings = DEFAULT_SETTINGS;
let workspaceFolders: string[] = [];
let workspaceTrusted = true;
let canPullConfiguration = false;
/** Settles once the first settings are read, so no diagnostics go out under the wrong settings. */
let configurationLoaded: Promise<void> = Promise.resolve();

const parseCache = new Map<string, { version: number; doc: OxDocument }>();
const published = new Map<string, Diagnostic[]>();
const pending = new Map<string, NodeJS.Timeout>();

function logRuleError(rule: { id: string }, error: unknown): void {
  connection.console.error(`Rule ${rule.id} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
}

/** Runs a handler; an exception is logged and answered with `fallback`. */
function runSafe<T>(name: string, fallback: T, work: () => T): T {
  try {
    return work();
  } catch (error) {
    connection.console.error(`${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return fallback;
  }
}

function parsed(text: TextDocument): OxDocument {
  const cached = parseCache.get(text.uri);
  if (cached && cached.version === text.version) return cached.doc;
  const doc = service.parse(text);
  parseCache.set(text.uri, { version: text.version, doc });
  return doc;
}

function withDocument<T>(name: string, uri: string, fallback: T, work: (doc: OxDocument) => T): T {
  const text = documents.get(uri);
  if (!text) return fallback;
  return runSafe(name, fallback, () => work(parsed(text)));
}

function validate(uri: string): void {
  pending.delete(uri);
  const text = documents.get(uri);
  if (!text) return;
  const diagnostics = runSafe('validation', [] as Diagnostic[], () => service.validate(parsed(text), settings));
  published.set(uri, diagnostics);
  void connection.sendDiagnostics({ uri, version: text.version, diagnostics });
}

function scheduleValidation(uri: string): void {
  const timer = pending.get(uri);
  if (timer) clearTimeout(timer);
  pending.set(uri, setTimeout(() => void configurationLoaded.then(() => validate(uri)), VALIDATION_DELAY_MS));
}

function revalidateAll(): void {
  parseCache.clear();
  for (const text of documents.all()) scheduleValidation(text.uri);
}

/** Resolves catalog paths from settings; in an untrusted workspace, none inside a workspace folder is read. */
async function loadUserCatalogs(paths: unknown): Promise<{ inputs: UserCatalogInput[]; problems: string[] }> {
  const inputs: UserCatalogInput[] = [];
  const problems: string[] = [];
  const list = Array.isArray(paths) ? paths.filter((p): p is string => typeof p === 'string') : [];
  for (const entry of list) {
    const file = path.isAbsolute(entry) || !workspaceFolders.length ? entry : path.join(workspaceFolders[0], entry);
    if (!workspaceTrusted && workspaceFolders.some((folder) => isInside(folder, file))) {
      problems.push(`Catalog ${file} was not loaded: the workspace is not trusted.`);
      continue;
    }
    try {
      inputs.push({ source: file, data: await readCatalogJson(file) });
    } catch (error) {
      problems.push(`Catalog ${file} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { inputs, problems };
}

async function reloadConfiguration(): Promise<void> {
  if (!canPullConfiguration) return;
  const raw = (await connection.workspace.getConfiguration('oxClusterConfig')) as Record<string, unknown> | null;
  const problems: string[] = [];
  settings = normalizeSettings(raw ?? {}, problems);
  const user = await loadUserCatalogs(raw?.catalogs);
  const built = buildCatalog(user.inputs);
  service = createLanguageService({ catalog: built.catalog, onRuleError: logRuleError });
  for (const problem of [...problems, ...user.problems, ...built.problems]) {
    connection.console.warn(problem);
    void connection.window.showWarningMessage(`OX Cluster Config: ${problem}`);
  }
  revalidateAll();
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as { workspaceTrusted?: unknown };
  workspaceTrusted = options.workspaceTrusted !== false;
  workspaceFolders = (params.workspaceFolders ?? [])
    .map((f) => uriToPath(f.uri))
    .filter((p): p is string => p !== undefined);
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['=', ':', '.'] },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      inlayHintProvider: true,
    },
    serverInfo: { name: 'ox-cluster-language-server' },
  };
});

connection.onInitialized(() => {
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'oxClusterConfig' });
    configurationLoaded = reloadConfiguration().catch((error) => connection.console.error(`Loading settings failed: ${String(error)}`));
  }
});

connection.onDidChangeConfiguration(() => {
  void reloadConfiguration().catch((error) => connection.console.error(`Loading settings failed: ${String(error)}`));
});

documents.onDidChangeContent((event) => scheduleValidation(event.document.uri));
documents.onDidClose((event) => {
  const timer = pending.get(event.document.uri);
  if (timer) clearTimeout(timer);
  pending.delete(event.document.uri);
  parseCache.delete(event.document.uri);
  published.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onCompletion((p) => withDocument('completion', p.textDocument.uri, null, (doc) => service.complete(doc, p.position)));
connection.onHover((p) => withDocument('hover', p.textDocument.uri, null, (doc) => service.hover(doc, p.position)));
connection.onDocumentSymbol((p) => withDocument('documentSymbol', p.textDocument.uri, [], (doc) => service.symbols(doc)));
connection.onFoldingRanges((p) => withDocument('foldingRange', p.textDocument.uri, [], (doc) => service.folding(doc)));
connection.languages.inlayHint.on((p) =>
  withDocument('inlayHint', p.textDocument.uri, [], (doc) => service.inlayHints(doc, p.range, settings)),
);
connection.onCodeAction((p) =>
  withDocument('codeAction', p.textDocument.uri, [], (doc) => {
    // A pending validation would leave fix-all working on stale diagnostics: run it now.
    if (pending.has(doc.uri)) {
      clearTimeout(pending.get(doc.uri));
      validate(doc.uri);
    }
    return service.codeActions(p.context, published.get(doc.uri) ?? []);
  }),
);

process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));

documents.listen(connection);
connection.listen();
