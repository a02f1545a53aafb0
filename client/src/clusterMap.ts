// "OX Cluster Config: Show Cluster Map": the server's map (SVG) in a webview beside the editor. It follows
// the diagnostics (the server's analysis, no second pipeline), keeps zoom and scroll across updates, and a
// click or Enter on an element opens the file and line that sets it; on a collapsed region, opens the region.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { clusterMapPage } from './clusterMapPage';

const VIEW_TYPE = 'oxClusterConfig.clusterMap';
const UPDATE_DELAY_MS = 300;

/** What the view's script posts: open an element's source. */
interface OpenMessage {
  type: 'open';
  uri: string;
  line: number;
}

export function registerClusterMap(getClient: () => LanguageClient | undefined): vscode.Disposable {
  let panel: vscode.WebviewPanel | undefined;
  let timer: NodeJS.Timeout | undefined;

  const update = async () => {
    const client = getClient();
    if (!panel || !client) return;
    try {
      const { svg } = await client.sendRequest<{ svg: string | null }>('oxClusterConfig/clusterMap', {});
      void panel?.webview.postMessage({ type: 'map', svg: svg ?? '' });
    } catch (error) {
      void panel?.webview.postMessage({ type: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };
  const later = () => {
    if (!panel) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void update(), UPDATE_DELAY_MS);
  };

  const command = vscode.commands.registerCommand('oxClusterConfig.showClusterMap', async () => {
    if (!getClient()) {
      void vscode.window.showWarningMessage('The OX Cluster Config language server is not running.');
      return;
    }
    if (panel) {
      panel.reveal(vscode.ViewColumn.Beside);
      await update();
      return;
    }
    panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'OX Cluster Map', vscode.ViewColumn.Beside, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [],
    });
    panel.webview.html = clusterMapPage(randomBytes(16).toString('base64'));
    panel.webview.onDidReceiveMessage((message: OpenMessage) => {
      if (message?.type !== 'open' || typeof message.uri !== 'string' || typeof message.line !== 'number') return;
      const position = new vscode.Position(Math.max(0, message.line - 1), 0);
      void vscode.window.showTextDocument(vscode.Uri.parse(message.uri), {
        viewColumn: vscode.ViewColumn.One,
        selection: new vscode.Range(position, position),
      });
    });
    panel.onDidDispose(() => {
      panel = undefined;
      if (timer) clearTimeout(timer);
    });
    await update();
  });

  return vscode.Disposable.from(command, vscode.languages.onDidChangeDiagnostics(later), {
    dispose: () => panel?.dispose(),
  });
}
