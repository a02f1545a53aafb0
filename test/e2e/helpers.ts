// Shared helpers for the integration suites: they use the real vscode API only.
import * as assert from 'assert';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'ox-cluster-tools.ox-cluster-config';
const TIMEOUT_MS = 20_000;

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace folder is not open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = TIMEOUT_MS): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    }
    await sleep(100);
  }
}

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  await ext.activate();
  return ext;
}

/** Opens a workspace file in an editor. */
export async function open(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relative));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Waits until the language server answers for the document (document symbols come back). */
export async function waitForServer(doc: vscode.TextDocument): Promise<void> {
  await waitFor(`the language server to answer for ${doc.uri.path}`, async () => {
    const symbols = await vscode.commands.executeCommand<unknown[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri);
    return symbols && symbols.length > 0 ? true : undefined;
  });
}

export interface SimpleDiagnostic {
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  /** `line:char-line:char`, 0-based. */
  range: string;
}

const SEVERITY: Record<vscode.DiagnosticSeverity, SimpleDiagnostic['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export function simplify(d: vscode.Diagnostic): SimpleDiagnostic {
  const code = typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
  return { code, severity: SEVERITY[d.severity], range: rangeText(d.range) };
}

function sortKey(d: SimpleDiagnostic): string {
  const [a, b] = d.range.split('-')[0].split(':').map(Number);
  return `${String(a).padStart(6, '0')}:${String(b).padStart(6, '0')}:${d.code}`;
}

export function sorted(list: SimpleDiagnostic[]): SimpleDiagnostic[] {
  return [...list].sort((x, y) => sortKey(x).localeCompare(sortKey(y)));
}

/**
 * Waits until the document's diagnostics have settled (the same list for 400 ms after the server answered)
 * and returns them. With `expectedCount`, waits until that many are there.
 */
export async function settledDiagnostics(doc: vscode.TextDocument, expectedCount?: number): Promise<vscode.Diagnostic[]> {
  await waitForServer(doc);
  let previous = '';
  let stableSince = Date.now();
  return waitFor(`diagnostics of ${doc.uri.path}${expectedCount === undefined ? '' : ` (${expectedCount} expected)`}`, () => {
    const list = vscode.languages.getDiagnostics(doc.uri);
    const now = JSON.stringify(list.map((d) => [simplify(d), d.message]));
    if (now !== previous) {
      previous = now;
      stableSince = Date.now();
      return undefined;
    }
    const stableFor = Date.now() - stableSince;
    // A different count may still change (cross-file analysis); after 5 s without change it is the answer.
    if (expectedCount !== undefined && list.length !== expectedCount) return stableFor >= 5_000 ? list : undefined;
    return stableFor >= 400 ? list : undefined;
  }).catch((err: Error) => {
    const got = vscode.languages.getDiagnostics(doc.uri).map((d) => `${JSON.stringify(simplify(d))} ${d.message}`);
    throw new Error(`${err.message}\n  current diagnostics:\n    ${got.join('\n    ') || '(none)'}`);
  });
}

/** Asserts the exact set of {code, severity, range}. */
export async function assertDiagnostics(doc: vscode.TextDocument, expected: SimpleDiagnostic[]): Promise<vscode.Diagnostic[]> {
  const list = await settledDiagnostics(doc, expected.length);
  assert.deepStrictEqual(sorted(list.map(simplify)), sorted(expected), `diagnostics of ${doc.uri.path}`);
  return list;
}

export function diagnosticWithCode(list: vscode.Diagnostic[], code: string): vscode.Diagnostic {
  const d = list.find((x) => simplify(x).code === code);
  assert.ok(d, `no ${code} diagnostic among ${list.map((x) => simplify(x).code).join(', ')}`);
  return d;
}

/** The first position of `text` in the document (0-based), plus `offset` characters. */
export function positionOf(doc: vscode.TextDocument, text: string, offset = 0): vscode.Position {
  const index = doc.getText().indexOf(text);
  assert.ok(index >= 0, `"${text}" not found in ${doc.uri.path}`);
  return doc.positionAt(index + offset);
}

/** A markdown/plain hover content as text. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Reverts a document to its state on disk (the tests never save). */
export async function revert(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.strictEqual(doc.isDirty, false, `${doc.uri.path} is still dirty after the revert`);
}

/**
 * What the server reports for test/e2e/workspace/node1/etc/hazelcast.properties in a trusted workspace
 * (line 9, com.openexchange.hazelcast.e2e.workspaceKey, is known from the workspace catalog).
 */
export const NODE1_HAZELCAST: SimpleDiagnostic[] = [
  { code: 'invalid-value', severity: 'error', range: '3:40-3:46' },
  // node2 leaves network.join at its default: the nodes of one cluster disagree.
  { code: 'cluster-mismatch', severity: 'error', range: '3:40-3:46' },
  { code: 'unknown-key', severity: 'warning', range: '5:0-5:46' },
  { code: 'duplicate-key', severity: 'warning', range: '6:0-6:39' },
  // sessiond.properties of the same node sets network.port too.
  { code: 'duplicate-across-files', severity: 'warning', range: '7:0-7:39' },
  { code: 'misread-value', severity: 'warning', range: '8:31-8:34' },
];

/** NODE1_HAZELCAST with some entries changed: `replace` maps `code@range` to a new severity or null (gone). */
export function node1HazelcastWith(
  replace: Record<string, SimpleDiagnostic['severity'] | null>,
  extra: SimpleDiagnostic[] = [],
): SimpleDiagnostic[] {
  const out: SimpleDiagnostic[] = [];
  for (const d of NODE1_HAZELCAST) {
    const key = `${d.code}@${d.range}`;
    if (!(key in replace)) out.push(d);
    else if (replace[key] !== null) out.push({ ...d, severity: replace[key]! });
  }
  return [...out, ...extra];
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
