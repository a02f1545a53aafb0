// "OX Cluster Config: Check Upgrade Readiness": asks for the target OX version, then shows the server's plan read-only.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activeOxFileUri, readOnlyMarkdown } from './readOnlyDocuments';

const SCHEME = 'ox-upgrade-plan';
/** As the server reads it: major.minor with an optional patch (`8.19`, `7.10.6`), an optional leading v. */
const OX_VERSION = /^v?\d{1,3}\.\d{1,3}(\.\d{1,4})?$/;

export function registerUpgradePlan(getClient: () => LanguageClient | undefined): vscode.Disposable {
  const documents = readOnlyMarkdown(SCHEME);
  const command = vscode.commands.registerCommand('oxClusterConfig.checkUpgradeReadiness', async (given?: string) => {
    const client = getClient();
    if (!client) {
      void vscode.window.showWarningMessage('The OX Cluster Config language server is not running.');
      return;
    }
    const target =
      typeof given === 'string'
        ? given
        : await vscode.window.showInputBox({
            title: 'Check Upgrade Readiness',
            prompt: 'The OX version to upgrade to',
            placeHolder: 'e.g. 8.19 or 7.10.6',
            validateInput: (text) => (OX_VERSION.test(text.trim()) ? undefined : 'An OX version such as 7.10.6 or 8.19'),
          });
    if (target === undefined) return;
    const fileUri = activeOxFileUri();
    let text: string;
    try {
      ({ text } = await client.sendRequest<{ text: string }>('oxClusterConfig/upgradePlan', { target: target.trim(), uri: fileUri }));
    } catch (error) {
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
      return;
    }
    await documents.show(`/Upgrade plan to ${target.trim()}.md`, text);
  });
  return vscode.Disposable.from(documents.disposable, command);
}
