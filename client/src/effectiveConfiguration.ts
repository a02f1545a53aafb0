// "OX Cluster Config: Show Effective Configuration": asks the server and shows its answer read-only.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const SCHEME = 'ox-effective';

export function registerEffectiveConfiguration(getClient: () => LanguageClient | undefined): vscode.Disposable {
  const texts = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent: (uri) => texts.get(uri.toString()) ?? '',
  };
  const command = vscode.commands.registerCommand('oxClusterConfig.showEffectiveConfiguration', async (showSecrets?: boolean) => {
    const client = getClient();
    if (!client) {
      void vscode.window.showWarningMessage('The OX Cluster Config language server is not running.');
      return;
    }
    const active = vscode.window.activeTextEditor?.document;
    const fileUri = active && ['ox-properties', 'ox-ccf'].includes(active.languageId) ? active.uri.toString() : undefined;
    const { text } = await client.sendRequest<{ text: string }>('oxClusterConfig/effectiveConfiguration', {
      uri: fileUri,
      showSecrets: showSecrets === true,
    });
    const name = fileUri ? vscode.workspace.asRelativePath(vscode.Uri.parse(fileUri)).replace(/\/[^/]*$/, '') : 'workspace';
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/Effective configuration ${name.replace(/\//g, ' › ')}.md` });
    texts.set(uri.toString(), text);
    changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await vscode.window.showTextDocument(doc, { preview: true });
  });
  return vscode.Disposable.from(vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider), command, changed);
}
