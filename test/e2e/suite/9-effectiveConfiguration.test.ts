// OX Cluster Config: Show Effective Configuration — the node's settings as OX reads them, secrets masked.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, open, waitFor, waitForServer } from '../helpers';

describe('effective configuration', () => {
  before(activateExtension);

  it('shows the settings of the node of the active file, with secrets masked', async () => {
    const doc = await open('node1/etc/sessiond.properties');
    await waitForServer(doc);
    await vscode.commands.executeCommand('oxClusterConfig.showEffectiveConfiguration');
    const shown = await waitFor('the effective configuration editor', () => {
      const d = vscode.window.activeTextEditor?.document;
      return d && d.uri.scheme === 'ox-effective' ? d : undefined;
    });
    assert.strictEqual(shown.languageId, 'markdown');
    assert.ok(shown.uri.path.includes('node1'), shown.uri.path);
    const text = shown.getText();
    assert.ok(text.includes('com.openexchange.hazelcast.network.join'), text.slice(0, 500));
    assert.ok(text.includes('com.openexchange.sessiond.encryptionKey'), 'the secret key is missing');
    assert.ok(!text.includes('auw948cz'), 'the secret value is shown');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
