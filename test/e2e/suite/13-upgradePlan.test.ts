// OX Cluster Config: Check Upgrade Readiness — the plan for the active file's cluster, read-only Markdown.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, open, waitFor, waitForServer } from '../helpers';

describe('upgrade readiness', () => {
  before(activateExtension);

  it("shows the plan to 8.19 for the active file's cluster, with a key 8.19 no longer reads", async () => {
    const doc = await open('node1/etc/sessiond.properties');
    await waitForServer(doc);
    await vscode.commands.executeCommand('oxClusterConfig.checkUpgradeReadiness', '8.19');
    const shown = await waitFor('the upgrade plan editor', () => {
      const d = vscode.window.activeTextEditor?.document;
      return d && d.uri.scheme === 'ox-upgrade-plan' ? d : undefined;
    });
    assert.strictEqual(shown.languageId, 'markdown');
    const text = shown.getText();
    assert.ok(text.startsWith('# Upgrade plan to OX 8.19\n'), text.slice(0, 300));
    assert.ok(text.includes('- node1: version unknown;'), text.slice(0, 600));
    assert.ok(text.includes('- `com.openexchange.sessiond.autologin`: removed in 7.10.3 (SCR-489): node1 sessiond.properties:7'), text);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
