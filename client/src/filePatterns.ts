// `oxClusterConfig.filePatterns`: files matching one of these globs open as ox-properties when VS Code
// opened them as plain `properties` or `plaintext`.
import * as path from 'path';
import * as vscode from 'vscode';

const SWITCHABLE = new Set(['properties', 'plaintext']);

function selectors(doc: vscode.TextDocument): vscode.DocumentFilter[] {
  const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
  const patterns = vscode.workspace.getConfiguration('oxClusterConfig', doc.uri).get<string[]>('filePatterns') ?? [];
  return patterns
    .filter((p) => typeof p === 'string' && p.trim() !== '')
    .map((p): vscode.DocumentFilter => {
      // Relative patterns are relative to the file's workspace folder; `**/...` and absolute ones match anywhere.
      if (folder && !p.startsWith('**') && !path.isAbsolute(p)) {
        return { pattern: new vscode.RelativePattern(folder, p) };
      }
      return { pattern: p };
    });
}

async function check(doc: vscode.TextDocument): Promise<void> {
  if (!SWITCHABLE.has(doc.languageId) || doc.uri.scheme !== 'file') return;
  if (selectors(doc).some((s) => vscode.languages.match(s, doc) > 0)) {
    await vscode.languages.setTextDocumentLanguage(doc, 'ox-properties');
  }
}

export function watchFilePatterns(): vscode.Disposable {
  const checkAll = (): void => {
    for (const doc of vscode.workspace.textDocuments) void check(doc);
  };
  checkAll();
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument((doc) => void check(doc)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('oxClusterConfig.filePatterns')) checkAll();
    }),
  );
}
