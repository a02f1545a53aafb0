// OX Cluster Config: Show Cluster Map opens the map in a webview beside the editor; asked again, it reveals the same one.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, open, waitFor, waitForServer } from '../helpers';

function mapTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('oxClusterConfig.clusterMap'));
}

describe('cluster map', () => {
  before(activateExtension);

  it('opens the map view beside the editor, and a second call reveals the same view', async () => {
    const doc = await open('node1/etc/hazelcast.properties');
    await waitForServer(doc);
    await vscode.commands.executeCommand('oxClusterConfig.showClusterMap');
    const [tab] = await waitFor('the cluster map view', () => (mapTabs().length ? mapTabs() : undefined));
    assert.strictEqual(tab.label, 'OX Cluster Map');
    assert.notStrictEqual(tab.group.viewColumn, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('oxClusterConfig.showClusterMap');
    assert.strictEqual(mapTabs().length, 1);
    await vscode.window.tabGroups.close(mapTabs());
  });
});
