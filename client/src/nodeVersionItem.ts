// A status bar item with the OX version of the active file's node, as the version-aware rules see it;
// clicking it opens the upgrade readiness check.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';

interface NodeVersionStatus {
  node: string;
  version?: string;
  detail: string;
}

export function registerNodeVersionItem(getClient: () => LanguageClient | undefined): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('oxClusterConfig.nodeVersion', vscode.StatusBarAlignment.Right, 99);
  item.name = 'OX version of the node';
  item.command = 'oxClusterConfig.checkUpgradeReadiness';
  let asked = 0;
  const refresh = async () => {
    const ticket = ++asked;
    const client = getClient();
    const editor = vscode.window.activeTextEditor;
    if (!client || client.state !== State.Running || !editor || editor.document.uri.scheme !== 'file') return item.hide();
    let status: NodeVersionStatus | null = null;
    try {
      status = await client.sendRequest<NodeVersionStatus | null>('oxClusterConfig/nodeVersion', { uri: editor.document.uri.toString() });
    } catch {
      status = null;
    }
    // A newer question may have been asked meanwhile (the user switched files).
    if (ticket !== asked) return;
    if (!status) return item.hide();
    item.text = status.version ? `OX ${status.version}` : '$(question) OX version';
    item.tooltip = `${status.detail}\nClick to check the upgrade readiness of this cluster.`;
    item.show();
  };
  let timer: NodeJS.Timeout | undefined;
  const soon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 300);
  };
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(soon),
    // Diagnostics come after each analysis: a package list or a configuration may have changed the version.
    vscode.languages.onDidChangeDiagnostics(soon),
    { dispose: () => timer && clearTimeout(timer) },
  );
}
