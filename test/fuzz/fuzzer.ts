// A protocol fuzzer for the real language server (server/out/server.js over stdio). It sends operations
// (see ops.ts), mirrors every document exactly as the server does (TextDocument.update), and checks after
// every step that the server is alive, answers every request within the time limit and without a JSON-RPC
// error, logs no handler failure, publishes diagnostics inside their document, and offers code actions whose
// edits apply cleanly to the current text. A failing sequence is shrunk by delta debugging.
import { catalog } from '../support/catalog';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeAction,
  Command,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  LocationLink,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { isDeepStrictEqual } from 'util';
import { updateTextDocument } from '../../server/src/host/textDocuments';
import { createLanguageService, LanguageService } from '../../server/src/languageService';
import { applyEdits } from '../support/edits';
import { LspClient } from '../support/lspClient';
import { LspRange, Op, Pos } from './ops';

export const REQUEST_TIMEOUT_MS = 10_000;

/** A fresh language service with the built-in catalog and no files: it parses a document from scratch. */
function service(): LanguageService {
  return createLanguageService({
    catalog,
    host: { readDirectory: async () => [], readFile: async (uri) => Promise.reject(new Error(uri)) },
  });
}

export type FailureKind =
  'exit' | 'hang' | 'rpc-error' | 'log' | 'diagnostic-range' | 'code-action-edit' | 'result-range' | 'text-divergence';

export interface Failure {
  kind: FailureKind;
  message: string;
  /** Index of the operation being checked (for failures seen asynchronously: the last operation sent). */
  index: number;
  /** Server stderr and error log lines, for the report. */
  logs: string[];
}

export interface RunResult {
  /** Operations sent. */
  executed: number;
  failure?: Failure;
  ms: number;
  /** With `record`: the answer to each request, by operation index. */
  answers: Map<number, unknown>;
  /** With `record`: the diagnostics last published per URI. */
  published: Map<string, PublishDiagnosticsParams>;
  /** The slowest answer (from sending to answer, queueing included): the margin to the time limit. */
  slowest: { ms: number; method: string; index: number };
}

export interface RunOptions {
  requestTimeoutMs?: number;
  /** Requests in flight at most before the fuzzer waits for their answers. */
  window?: number;
  /** Called every 1,000 operations. */
  progress?: (executed: number) => void;
  /** Exploration: report failures here and go on (a dead or hung server still ends the run). */
  keepGoing?: (failure: Failure) => void;
  /** Keep every answer and the last publications, for exact expectations in regression tests. */
  record?: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Range checks

/** The length of a line without its line break. */
function lineLength(doc: TextDocument, line: number): number {
  const text = doc.getText();
  const start = doc.offsetAt({ line, character: 0 });
  let end = line + 1 < doc.lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) : text.length;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return end - start;
}

export function positionProblem(doc: TextDocument, p: Pos | undefined): string | undefined {
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) return `not a position: ${JSON.stringify(p)}`;
  if (p.line < 0 || p.character < 0) return `negative position ${p.line}:${p.character}`;
  if (p.line >= doc.lineCount) return `line ${p.line} is past the last line ${doc.lineCount - 1}`;
  const length = lineLength(doc, p.line);
  if (p.character > length) return `character ${p.character} is past the end of line ${p.line} (length ${length})`;
  return undefined;
}

function compare(a: Pos, b: Pos): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeProblem(doc: TextDocument, r: LspRange | undefined): string | undefined {
  if (!r) return 'no range';
  const problem = positionProblem(doc, r.start) ?? positionProblem(doc, r.end);
  if (problem) return problem;
  if (compare(r.start, r.end) > 0) return 'start after end';
  return undefined;
}

function show(r: LspRange | undefined): string {
  return r ? `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}` : String(r);
}

function excerpt(value: unknown, max = 600): string {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/**
 * Checks a code action's edit against `texts` (URI to current text); returns what is wrong with it, if
 * anything. Ranges must lie inside the text and the edits of one file must not overlap. Text is only produced
 * when a later change of `documentChanges` edits a file again (its ranges then refer to the edited text).
 */
export function workspaceEditProblem(edit: WorkspaceEdit, texts: ReadonlyMap<string, TextDocument>): string | undefined {
  const current = new Map(texts);
  const unapplied = new Map<string, TextEdit[]>();
  const apply = (uri: string, edits: TextEdit[]): string | undefined => {
    const earlier = unapplied.get(uri);
    if (earlier) {
      const doc = current.get(uri)!;
      current.set(uri, TextDocument.create(uri, doc.languageId, doc.version + 1, applyEdits(doc.getText(), earlier)));
    }
    const doc = current.get(uri);
    if (!doc) return `edits ${uri}, which is not open`;
    for (const e of edits) {
      const problem = rangeProblem(doc, e.range);
      if (problem) return `edit ${show(e.range)} of ${uri}: ${problem}`;
    }
    const sorted = [...edits].sort((a, b) => compare(a.range.start, b.range.start));
    for (let i = 1; i < sorted.length; i++) {
      if (compare(sorted[i - 1].range.end, sorted[i].range.start) > 0)
        return `edits ${show(sorted[i - 1].range)} and ${show(sorted[i].range)} of ${uri} overlap`;
    }
    unapplied.set(uri, edits);
    return undefined;
  };
  if (edit.documentChanges) {
    for (const change of edit.documentChanges) {
      if ('kind' in change) {
        if (change.kind !== 'create') return `unexpected resource operation ${change.kind}`;
        if (!current.has(change.uri) || !change.options?.ignoreIfExists) {
          current.set(change.uri, TextDocument.create(change.uri, 'ox-properties', 0, ''));
          unapplied.delete(change.uri);
        }
      } else {
        const problem = apply(change.textDocument.uri, change.edits as TextEdit[]);
        if (problem) return problem;
      }
    }
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const problem = apply(uri, edits);
    if (problem) return problem;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// The mirror of the server's documents

interface Mirror {
  languageId: string;
  open: boolean;
  /** The document as the server keeps it: updated in place, exactly as the server updates its copy. */
  live: TextDocument;
  /** A snapshot of the current text (ranges are checked against a fresh line structure, as an editor sees it). */
  doc: TextDocument;
  /** Snapshots by version, so that diagnostics published for an older version are checked against it. */
  history: Map<number, TextDocument>;
}

const HISTORY_VERSIONS = 48;
const ERROR_PATTERN = /failed:|failed with message|Uncaught|Unhandled rejection/;

class Run {
  private readonly mirrors = new Map<string, Mirror>();
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private failure?: Failure;
  private index = -1;
  private pending: Array<Promise<void>> = [];
  private logsSeen = 0;
  private stderrSeen = 0;
  private settleCheck?: () => void;
  private readonly answers = new Map<number, unknown>();
  private slowest = { ms: 0, method: '', index: -1 };

  constructor(
    private readonly client: LspClient,
    private readonly options: RunOptions & { requestTimeoutMs: number; window: number },
  ) {
    client.publishListeners.push((p) => this.onPublish(p));
    client.process.once('exit', (code, signal) => this.fail('exit', `the server exited (code ${code}, signal ${signal})`));
  }

  private errorLogs(): string[] {
    const logs = this.client.messages.filter((m) => m.type === 1 || ERROR_PATTERN.test(m.message)).map((m) => m.message);
    return [...logs, ...this.client.stderr.filter((s) => s.trim())].map((l) => (l.length > 2000 ? `${l.slice(0, 2000)}…` : l));
  }

  private fail(kind: FailureKind, message: string, index = this.index): void {
    if (this.failure) return;
    if (this.options.keepGoing && kind !== 'exit' && kind !== 'hang') {
      this.options.keepGoing({ kind, message, index, logs: this.errorLogs().slice(-3) });
      return;
    }
    this.failure = { kind, message, index, logs: [] };
  }

  private checkLogs(): void {
    const messages = this.client.messages;
    for (; this.logsSeen < messages.length; this.logsSeen++) {
      const m = messages[this.logsSeen];
      if (m.type === 1 || ERROR_PATTERN.test(m.message)) this.fail('log', `the server logged an error: ${m.message.split('\n')[0]}`);
    }
    const stderr = this.client.stderr;
    for (; this.stderrSeen < stderr.length; this.stderrSeen++) {
      if (ERROR_PATTERN.test(stderr[this.stderrSeen]))
        this.fail('log', `the server wrote an error to stderr: ${stderr[this.stderrSeen].split('\n')[0]}`);
    }
  }

  // --- documents

  private mirror(uri: string): Mirror | undefined {
    return this.mirrors.get(uri);
  }

  private remember(m: Mirror, live: TextDocument): void {
    m.live = live;
    const doc = TextDocument.create(live.uri, live.languageId, live.version, live.getText());
    m.doc = doc;
    m.history.set(doc.version, doc);
    if (m.history.size > HISTORY_VERSIONS) m.history.delete(m.history.keys().next().value as number);
  }

  /** The current text of every open document (immutable snapshots). */
  private snapshot(): Map<string, TextDocument> {
    const out = new Map<string, TextDocument>();
    for (const [uri, m] of this.mirrors) if (m.open) out.set(uri, m.doc);
    return out;
  }

  private onPublish(p: PublishDiagnosticsParams): void {
    this.published.set(p.uri, p);
    const m = this.mirror(p.uri);
    const doc = p.version === undefined || p.version === null ? undefined : m?.history.get(p.version);
    if (doc) {
      for (const d of p.diagnostics) {
        const problem = rangeProblem(doc, d.range);
        if (problem) {
          this.fail(
            'diagnostic-range',
            `diagnostic ${excerpt({ code: d.code, range: d.range, message: d.message })} published for ${p.uri} version ${p.version}: ${problem}`,
          );
          break;
        }
        for (const r of d.relatedInformation ?? []) {
          const problem = r.location.uri === p.uri ? rangeProblem(doc, r.location.range) : undefined;
          if (problem)
            this.fail(
              'diagnostic-range',
              `related information ${show(r.location.range)} of a ${d.code} diagnostic of ${p.uri} version ${p.version}: ${problem}`,
            );
        }
      }
    }
    this.settleCheck?.();
  }

  // --- requests

  private request<T>(method: string, params: unknown, check: (result: T) => string | undefined, internal = false): void {
    const index = this.index;
    const sent = Date.now();
    const answer = this.client.connection.sendRequest(method, params) as Promise<T>;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), this.options.requestTimeoutMs)));
    this.pending.push(
      Promise.race([answer, timeout]).then(
        (result) => {
          clearTimeout(timer);
          if (Date.now() - sent > this.slowest.ms) this.slowest = { ms: Date.now() - sent, method, index };
          if (result === 'timeout') {
            this.fail('hang', `${method} was not answered within ${this.options.requestTimeoutMs} ms`, index);
            return;
          }
          if (this.options.record && !internal) this.answers.set(index, result);
          let problem: string | undefined;
          try {
            problem = check(result as T);
          } catch (error) {
            problem = `the answer could not be checked (${(error as Error).message}): ${excerpt(result)}`;
          }
          if (problem)
            this.fail(method === 'textDocument/codeAction' ? 'code-action-edit' : 'result-range', `${method}: ${problem}`, index);
        },
        (error: { code?: number; message?: string }) => {
          clearTimeout(timer);
          if (this.client.process.exitCode !== null || this.client.process.signalCode !== null) return;
          this.fail(
            'rpc-error',
            `${method} answered with an error ${error?.code}: ${error?.message} (after ${Date.now() - sent} ms)`,
            index,
          );
        },
      ),
    );
  }

  private async drain(): Promise<void> {
    while (this.pending.length) {
      const batch = this.pending;
      this.pending = [];
      await Promise.all(batch);
    }
  }

  /** Waits until the diagnostics of every open document's current version are published. */
  private async settle(): Promise<void> {
    const missing = () =>
      [...this.mirrors].filter(([uri, m]) => m.open && this.published.get(uri)?.version !== m.doc.version).map(([uri]) => uri);
    if (!missing().length) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.settleCheck = undefined;
        const late = missing();
        this.fail(
          'hang',
          `no diagnostics for ${late.map((u) => `${u} version ${this.mirror(u)?.doc.version}`).join(', ')} within ${this.options.requestTimeoutMs} ms`,
        );
        resolve();
      }, this.options.requestTimeoutMs);
      this.settleCheck = () => {
        if (missing().length && !this.failure) return;
        clearTimeout(timer);
        this.settleCheck = undefined;
        resolve();
      };
    });
    if (this.failure) return;
    // A code action request makes the server analyse pending changes (a close, say) at once, and its answer
    // comes after every publication of that analysis.
    const texts = this.snapshot();
    const any = texts.keys().next().value as string | undefined;
    if (any) {
      this.request(
        'textDocument/codeAction',
        {
          textDocument: { uri: any },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [], only: ['none'] },
        },
        () => undefined,
        true,
      );
      await this.drain();
    }
    // Settled: every open document's diagnostics are current; related locations in other files must be too.
    for (const [uri] of texts) {
      for (const d of this.published.get(uri)?.diagnostics ?? []) {
        for (const r of d.relatedInformation ?? []) {
          const target = texts.get(r.location.uri);
          const problem = target && rangeProblem(target, r.location.range);
          if (problem)
            this.fail(
              'diagnostic-range',
              `related information ${show(r.location.range)} in ${r.location.uri} of a ${d.code} diagnostic of ${uri}: ${problem}`,
            );
        }
      }
    }
  }

  private checkLocations(
    locations: Array<Location | LocationLink | SymbolInformation> | null | undefined,
    texts: Map<string, TextDocument>,
  ): string | undefined {
    for (const l of locations ?? []) {
      const uri = 'targetUri' in l ? l.targetUri : 'location' in l ? l.location.uri : l.uri;
      const range = 'targetRange' in l ? l.targetRange : 'location' in l ? l.location.range : l.range;
      const doc = texts.get(uri);
      if (!doc) continue; // not open here: the server may know it from disk
      const problem = rangeProblem(doc, range);
      if (problem) return `location ${show(range)} in ${uri}: ${problem}`;
    }
    return undefined;
  }

  private checkSymbols(doc: TextDocument, symbols: Array<DocumentSymbol | SymbolInformation> | null): string | undefined {
    const visit = (list: Array<DocumentSymbol | SymbolInformation>): string | undefined => {
      for (const s of list) {
        if ('location' in s) {
          const problem = rangeProblem(doc, s.location.range);
          if (problem) return `symbol ${s.name}: ${problem}`;
          continue;
        }
        const problem = rangeProblem(doc, s.range) ?? rangeProblem(doc, s.selectionRange);
        if (problem) return `symbol ${JSON.stringify(s.name)} ${show(s.range)}: ${problem}`;
        if (compare(s.selectionRange.start, s.range.start) < 0 || compare(s.selectionRange.end, s.range.end) > 0) {
          return `symbol ${JSON.stringify(s.name)}: selectionRange ${show(s.selectionRange)} is not inside its range ${show(s.range)}`;
        }
        const inner = visit(s.children ?? []);
        if (inner) return inner;
      }
      return undefined;
    };
    return visit(symbols ?? []);
  }

  private diagnosticsFor(uri: string, range: LspRange, choice: 'all' | 'range' | 'none'): Diagnostic[] {
    if (choice === 'none') return [];
    const all = this.published.get(uri)?.diagnostics ?? [];
    if (choice === 'all') return all;
    return all.filter((d) => compare(d.range.start, range.end) <= 0 && compare(range.start, d.range.end) <= 0);
  }

  // --- operations

  private send(op: Op): void {
    const client = this.client;
    const texts = this.snapshot();
    const docOf = (uri: string) => texts.get(uri);
    switch (op.op) {
      case 'open': {
        const live = TextDocument.create(op.uri, op.languageId, op.version, op.text);
        const m = this.mirror(op.uri) ?? { languageId: op.languageId, open: true, live, doc: live, history: new Map() };
        this.mirrors.set(op.uri, m);
        m.open = true;
        m.languageId = op.languageId;
        this.remember(m, live);
        client.open(op.uri, op.text, op.languageId, op.version);
        return;
      }
      case 'change': {
        const m = this.mirror(op.uri);
        if (m?.open && op.changes.length) this.remember(m, updateTextDocument(m.live, op.changes, op.version));
        client.change(op.uri, op.version, op.changes);
        return;
      }
      case 'close': {
        const m = this.mirror(op.uri);
        if (m) m.open = false;
        void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: op.uri } });
        return;
      }
      case 'configure':
        client.settings = op.settings;
        void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
        return;
      case 'settle':
        return;
      case 'workspaceSymbol':
        this.request<SymbolInformation[] | null>('workspace/symbol', { query: op.query }, (r) => this.checkLocations(r, texts));
        return;
      case 'definition':
      case 'references': {
        const params = { textDocument: { uri: op.uri }, position: op.position, context: { includeDeclaration: true } };
        this.request<Location[] | LocationLink[] | null>(`textDocument/${op.op}`, params, (r) => this.checkLocations(r, texts));
        return;
      }
      case 'hover':
        this.request<Hover | null>('textDocument/hover', { textDocument: { uri: op.uri }, position: op.position }, (r) => {
          const doc = docOf(op.uri);
          if (!r || !doc || !r.range) return undefined;
          const problem = rangeProblem(doc, r.range);
          return problem && `hover range ${show(r.range)}: ${problem}`;
        });
        return;
      case 'completion':
        this.request<CompletionList | CompletionItem[] | null>(
          'textDocument/completion',
          { textDocument: { uri: op.uri }, position: op.position },
          (r) => {
            const doc = docOf(op.uri);
            if (!r || !doc) return undefined;
            for (const item of Array.isArray(r) ? r : r.items) {
              const edit = item.textEdit;
              const ranges = edit ? ('range' in edit ? [edit.range] : [edit.insert, edit.replace]) : [];
              for (const range of [...ranges, ...(item.additionalTextEdits ?? []).map((e) => e.range)]) {
                const problem = rangeProblem(doc, range);
                if (problem) return `item ${JSON.stringify(item.label)} edits ${show(range)}: ${problem}`;
              }
            }
            return undefined;
          },
        );
        return;
      case 'documentSymbol':
        this.request<Array<DocumentSymbol | SymbolInformation> | null>(
          'textDocument/documentSymbol',
          { textDocument: { uri: op.uri } },
          (r) => {
            const doc = docOf(op.uri);
            if (!doc) return undefined;
            const problem = this.checkSymbols(doc, r);
            if (problem) return problem;
            // The symbols follow from the text alone: they show whether the server's copy of the text is the editor's.
            const expected = service().symbols(doc);
            if (!isDeepStrictEqual(r, expected)) {
              this.fail(
                'text-divergence',
                `documentSymbol of ${op.uri} version ${doc.version} differs from the symbols of the editor's text: the server's copy of the text is not the editor's; got ${excerpt(r, 300)}, expected ${excerpt(expected, 300)}`,
              );
            }
            return undefined;
          },
        );
        return;
      case 'foldingRange':
        this.request<FoldingRange[] | null>('textDocument/foldingRange', { textDocument: { uri: op.uri } }, (r) => {
          const doc = docOf(op.uri);
          for (const f of (doc && r) || []) {
            if (!(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < doc!.lineCount))
              return `folding range ${f.startLine}-${f.endLine} outside lines 0-${doc!.lineCount - 1}`;
          }
          return undefined;
        });
        return;
      case 'inlayHint':
        this.request<InlayHint[] | null>('textDocument/inlayHint', { textDocument: { uri: op.uri }, range: op.range }, (r) => {
          const doc = docOf(op.uri);
          for (const h of (doc && r) || []) {
            const problem = positionProblem(doc!, h.position);
            if (problem) return `inlay hint ${JSON.stringify(h.label)}: ${problem}`;
          }
          return undefined;
        });
        return;
      case 'codeAction': {
        const context = { diagnostics: this.diagnosticsFor(op.uri, op.range, op.diagnostics), ...(op.only ? { only: op.only } : {}) };
        this.request<Array<CodeAction | Command> | null>(
          'textDocument/codeAction',
          { textDocument: { uri: op.uri }, range: op.range, context },
          (r) => {
            for (const action of r ?? []) {
              if (!('edit' in action) || !action.edit) continue;
              const problem = workspaceEditProblem(action.edit, texts);
              if (problem) return `"${action.title}": ${problem}; edit ${excerpt(action.edit)}`;
            }
            return undefined;
          },
        );
        return;
      }
    }
  }

  async run(ops: Iterable<Op>): Promise<RunResult> {
    const started = Date.now();
    let executed = 0;
    for (const op of ops) {
      this.index = executed;
      try {
        this.send(op);
      } catch (error) {
        this.fail('exit', `sending failed: ${(error as Error).message}`);
      }
      executed++;
      if (op.op === 'settle') {
        await this.drain();
        await this.settle();
      } else if (this.pending.length >= this.options.window) {
        await this.drain();
      }
      this.checkLogs();
      if (this.failure) break;
      if (executed % 1000 === 0) this.options.progress?.(executed);
    }
    if (!this.failure) {
      // Everything answered and published; a last request makes sure every log line has arrived.
      await this.drain();
      if (!this.failure) await this.settle();
      if (!this.failure) {
        this.request('workspace/symbol', { query: '\u0000' }, () => undefined, true);
        await this.drain();
      }
      this.checkLogs();
    } else {
      await Promise.race([this.drain(), new Promise((r) => setTimeout(r, 2000))]);
    }
    if (this.failure) this.failure.logs = this.errorLogs();
    const published = this.options.record ? new Map(this.published) : new Map();
    return { executed, failure: this.failure, ms: Date.now() - started, answers: this.answers, published, slowest: this.slowest };
  }
}

/** Runs the operations against a fresh server; stops at the first failure. */
export async function runOps(ops: Iterable<Op>, options: RunOptions = {}): Promise<RunResult> {
  const client = await LspClient.start();
  const run = new Run(client, { requestTimeoutMs: REQUEST_TIMEOUT_MS, window: 8, ...options });
  try {
    return await run.run(ops);
  } finally {
    await client.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Shrinking

export interface ShrinkOptions extends RunOptions {
  /** Time the shrinker may take at most. */
  budgetMs?: number;
  log?: (message: string) => void;
  /** Which failures count as the one being shrunk; by default any failure of the same kind. */
  matches?: (failure: Failure) => boolean;
}

function splitKeepingBreaks(text: string): string[] {
  return text.split(/(?<=\r\n|\r(?!\n)|\n)/);
}

/**
 * Delta debugging (ddmin): drops chunks of `items` while `fails` still holds; returns a list from which no
 * single chunk of the final granularity can be dropped.
 */
export async function ddmin<T>(items: T[], fails: (candidate: T[]) => Promise<boolean>, outOfTime: () => boolean): Promise<T[]> {
  let current = items;
  let n = 2;
  while (current.length >= 2 && !outOfTime()) {
    const chunk = Math.ceil(current.length / n);
    let reduced = false;
    for (let start = 0; start < current.length && !outOfTime(); start += chunk) {
      const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
      if (await fails(candidate)) {
        current = candidate;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (n >= current.length) break;
      n = Math.min(n * 2, current.length);
    }
  }
  if (current.length === 1 && !outOfTime() && (await fails([]))) return [];
  return current;
}

/**
 * Shrinks a failing sequence: first to the failing operation, then drops chunks of operations, then lines of
 * the texts opened or set, while a failure of the same kind persists.
 */
export async function shrink(
  ops: Op[],
  failure: Failure,
  options: ShrinkOptions = {},
): Promise<{ ops: Op[]; failure: Failure; runs: number }> {
  const deadline = Date.now() + (options.budgetMs ?? 120_000);
  const outOfTime = () => Date.now() > deadline;
  let last = failure;
  let runs = 0;
  const matches = options.matches ?? ((f: Failure) => f.kind === failure.kind);
  const fails = async (candidate: Op[]): Promise<boolean> => {
    runs++;
    let seen: Failure | undefined;
    // With a custom predicate, other failures on the way do not end the run.
    const keepGoing = options.matches ? (f: Failure) => void (seen ??= matches(f) ? f : undefined) : undefined;
    const result = await runOps(candidate, { ...options, progress: undefined, keepGoing });
    seen ??= result.failure && matches(result.failure) ? result.failure : undefined;
    if (seen) last = seen;
    return !!seen;
  };
  let current = ops.slice(0, failure.index + 1);
  if (!(await fails(current))) {
    current = ops;
    if (!(await fails(current))) return { ops, failure, runs };
  }
  options.log?.(`shrinking ${current.length} operations`);
  current = await ddmin(current, fails, outOfTime);
  options.log?.(`${current.length} operations left; shrinking texts`);
  for (let i = 0; i < current.length && !outOfTime(); i++) {
    const op = current[i];
    if (op.op === 'open') {
      const lines = await ddmin(
        splitKeepingBreaks(op.text),
        (candidate) => fails(current.map((o, j) => (j === i ? { ...op, text: candidate.join('') } : o))),
        outOfTime,
      );
      current = current.map((o, j) => (j === i ? { ...op, text: lines.join('') } : o));
    } else if (op.op === 'change' && op.changes.length > 1) {
      const changes = await ddmin(
        op.changes,
        (candidate) => fails(current.map((o, j) => (j === i ? { ...op, changes: candidate } : o))),
        outOfTime,
      );
      current = current.map((o, j) => (j === i ? { ...op, changes } : o));
    }
  }
  // The last failure seen may come from a candidate that was not kept: run the result once more.
  await fails(current);
  return { ops: current, failure: last, runs };
}

/** A failure report: seed, operation, message, server logs and the shrunk reproducer. */
export function formatFailure(failure: Failure, context: { seed?: number; reproducer?: string }): string {
  const lines = [
    `FUZZ FAILURE${context.seed !== undefined ? ` (seed ${context.seed})` : ''} at operation ${failure.index}: [${failure.kind}] ${failure.message}`,
  ];
  if (failure.logs.length) lines.push('server errors:', ...failure.logs.map((l) => `  ${l.trimEnd().split('\n').join('\n  ')}`));
  if (context.reproducer) lines.push('shrunk reproducer (JSON operations for runOps(decodeOps(...))):', context.reproducer);
  return lines.join('\n');
}
