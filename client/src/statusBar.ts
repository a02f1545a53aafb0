// A status bar item showing the language server's state; clicking it shows the output channel.
import * as vscode from 'vscode';
import { type LanguageClient, State } from 'vscode-languageclient/node';

export class ServerStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private listener: vscode.Disposable | undefined;

  constructor(command: string) {
    this.item = vscode.window.createStatusBarItem('oxClusterConfig.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'OX Cluster Config';
    this.item.command = command;
    this.show(State.Stopped);
    this.item.show();
  }

  track(client: LanguageClient): void {
    this.listener?.dispose();
    this.listener = client.onDidChangeState((e) => this.show(e.newState));
    this.show(State.Starting);
  }

  failed(): void {
    this.item.text = '$(error) OX';
    this.item.tooltip = this.tooltip('OX Cluster Config: the language server failed to start.');
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  /** The state in words, then links to the cluster map and the output. */
  private tooltip(words: string): vscode.MarkdownString {
    const tip = new vscode.MarkdownString(
      `${words}\n\n[$(type-hierarchy) Show Cluster Map](command:oxClusterConfig.showClusterMap) · [$(output) Show Output](command:oxClusterConfig.showOutput)`,
      true,
    );
    tip.isTrusted = { enabledCommands: ['oxClusterConfig.showClusterMap', 'oxClusterConfig.showOutput'] };
    return tip;
  }

  private show(state: State): void {
    this.item.backgroundColor = undefined;
    switch (state) {
      case State.Starting:
        this.item.text = '$(sync~spin) OX';
        this.item.tooltip = this.tooltip('OX Cluster Config: the language server is starting.');
        break;
      case State.Running:
        this.item.text = '$(check) OX';
        this.item.tooltip = this.tooltip('OX Cluster Config: the language server is running.');
        break;
      case State.Stopped:
        this.item.text = '$(circle-slash) OX';
        this.item.tooltip = this.tooltip('OX Cluster Config: the language server is stopped.');
        this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
    }
  }

  dispose(): void {
    this.listener?.dispose();
    this.item.dispose();
  }
}
