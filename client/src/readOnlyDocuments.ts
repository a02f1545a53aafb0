// Read-only Markdown documents the server's answers are shown in (effective configuration, upgrade plan).
import * as vscode from 'vscode';

/** A scheme of read-only documents: `show` opens one with the given text as a Markdown preview. */
export function readOnlyMarkdown(scheme: string): { show(path: string, text: string): Promise<void>; disposable: vscode.Disposable } {
  const texts = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent: (uri) => texts.get(uri.toString()) ?? '',
  };
  return {
    async show(path, text) {
      const uri = vscode.Uri.from({ scheme, path });
      texts.set(uri.toString(), text);
      changed.fire(uri);
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
      await vscode.window.showTextDocument(doc, { preview: true });
    },
    disposable: vscode.Disposable.from(vscode.workspace.registerTextDocumentContentProvider(scheme, provider), changed),
  };
}

/** The URI of the active editor's file when it is an OX properties or ccf file: its node is the one asked about. */
export function activeOxFileUri(): string | undefined {
  const active = vscode.window.activeTextEditor?.document;
  return active && ['ox-properties', 'ox-ccf'].includes(active.languageId) ? active.uri.toString() : undefined;
}
