import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SERVER_PROCESS_ENV } from '../../server/src/host/serverProcess';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
/** The bundled server; OX_SERVER_PATH points elsewhere (e.g. a snapshot the fuzzer runs while the tree is rebuilt). */
export const SERVER_PATH = process.env.OX_SERVER_PATH ?? path.join(REPO_ROOT, 'server/out/server.js');

/** A real language server process spoken to over stdio, as an editor would. */
export class LspClient {
  readonly connection: MessageConnection;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: Array<{
    uri: string;
    version?: number;
    test?: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }> = [];
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  /** Every window/logMessage and window/showMessage with its type (1 error, 2 warning, 3 info, 4 log). */
  readonly messages: Array<{ type: number; message: string }> = [];
  /** Called for every publishDiagnostics notification, before any waiter. */
  readonly publishListeners: Array<(p: PublishDiagnosticsParams) => void> = [];

  private constructor(readonly process: ChildProcess) {
    this.connection = createMessageConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    process.stderr!.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      for (const listener of this.publishListeners) listener(p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && (w.version === undefined || w.version === p.version) && (!w.test || w.test(p))) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      this.logs.push(p.message);
      this.messages.push(p);
    });
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
      this.logs.push(p.message);
      this.messages.push(p);
      return null;
    });
    this.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      this.logs.push(p.message);
      this.messages.push(p);
    });
    this.connection.listen();
  }

  settings: unknown = {};

  /** `completionItemDefaults` declares what VS Code declares: shared completion fields may come once, in itemDefaults. */
  static async start(
    options: { settings?: unknown; workspaceFolders?: string[]; initializationOptions?: unknown; completionItemDefaults?: boolean } = {},
  ): Promise<LspClient> {
    // OX_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server under a bench or test.
    const nodeArgs = (process.env.OX_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, SERVER_PATH, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...SERVER_PROCESS_ENV },
    });
    const client = new LspClient(child);
    client.settings = options.settings ?? {};
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          ...(options.completionItemDefaults
            ? {
                completion: {
                  completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextMode', 'insertTextFormat', 'data'] },
                },
              }
            : {}),
        },
      },
      initializationOptions: options.initializationOptions ?? { workspaceTrusted: true },
      workspaceFolders: (options.workspaceFolders ?? []).map((f) => ({ uri: `file://${f}`, name: path.basename(f) })),
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  open(uri: string, text: string, languageId = 'ox-properties', version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  /** The next diagnostics published for `uri` (at `version`, if given). */
  nextDiagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        version,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /** The first diagnostics for `uri` that pass `test`: the last ones published, or the next that do. */
  diagnosticsWhere(uri: string, test: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    const last = this.diagnostics.get(uri);
    if (last && test(last)) return Promise.resolve(last);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        test,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /** The last diagnostics published for `uri`, if any were. */
  lastPublished(uri: string): PublishDiagnosticsParams | undefined {
    return this.diagnostics.get(uri);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      // A busy server does not read its input: the write of `exit` may never complete.
      await Promise.race([this.connection.sendNotification('exit').catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}
