// "OX Cluster Config: Show Effective Configuration": asks the server and shows its answer read-only.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activeOxFileUri, readOnlyMarkdown } from './readOnlyDocuments';

const SCHEME = 'ox-effective';

export function registerEffectiveConfiguration(getClient: () => LanguageClient | undefined): vscode.Disposable {
  const documents = readOnlyMarkdown(SCHEME);
  const command = vscode.commands.registerCommand('oxClusterConfig.showEffectiveConfiguration', async (showSecrets?: boolean) => {
    const client = getClient();
    if (!client) {
      void vscode.window.showWarningMessage('The OX Cluster Config language server is not running.');
      return;
    }
    const fileUri = activeOxFileUri();
    const { text } = await client.sendRequest<{ text: string }>('oxClusterConfig/effectiveConfiguration', {
      uri: fileUri,
      showSecrets: showSecrets === true,
    });
    const name = fileUri ? vscode.workspace.asRelativePath(vscode.Uri.parse(fileUri)).replace(/\/[^/]*$/, '') : 'workspace';
    await documents.show(`/Effective configuration ${name.replace(/\//g, ' › ')}.md`, text);
  });
  return vscode.Disposable.from(documents.disposable, command);
}
