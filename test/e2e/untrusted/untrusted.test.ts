// In an untrusted workspace the catalog that .vscode/settings.json names (ox-catalogs/e2e.json) is not
// loaded: its key stays unknown. Everything else works as in a trusted workspace.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, NODE1_HAZELCAST, assertDiagnostics, node1HazelcastWith, hoverText, open, positionOf, waitFor } from '../helpers';

describe('untrusted workspace', () => {
  it('runs in restricted mode', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension not found');
    await waitFor('activation', () => (ext.isActive ? true : undefined), 15_000);
  });

  it('ignores oxClusterConfig.catalogs from the workspace settings (restrictedConfigurations)', () => {
    const config = vscode.workspace.getConfiguration('oxClusterConfig');
    assert.deepStrictEqual(config.get('catalogs'), []);
  });

  it('does not load the workspace catalog: its key is unknown', async () => {
    const doc = await open('node1/etc/hazelcast.properties');
    await assertDiagnostics(doc, [...NODE1_HAZELCAST, { code: 'unknown-key', severity: 'warning', range: '9:0-9:43' }]);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      positionOf(doc, 'e2e.workspaceKey', 3),
    );
    assert.strictEqual(hoverText(hovers), '');
  });

  it('does not load a workspace catalog named in the user settings either (server side check)', async () => {
    // User settings are not restricted, so VS Code passes this on; the server itself must refuse to read a
    // catalog inside the untrusted workspace folder (initializationOptions.workspaceTrusted=false).
    const doc = await open('node1/etc/hazelcast.properties');
    const config = vscode.workspace.getConfiguration('oxClusterConfig');
    try {
      await config.update('catalogs', ['ox-catalogs/e2e.json'], vscode.ConfigurationTarget.Global);
      // A second change whose effect is visible tells when the server has reloaded its settings.
      await config.update('rules.misread-value', 'error', vscode.ConfigurationTarget.Global);
      await assertDiagnostics(
        doc,
        node1HazelcastWith({ 'misread-value@8:31-8:34': 'error' }, [{ code: 'unknown-key', severity: 'warning', range: '9:0-9:43' }]),
      );
    } finally {
      await config.update('catalogs', undefined, vscode.ConfigurationTarget.Global);
      await config.update('rules.misread-value', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('still knows the built-in catalog', async () => {
    const doc = await open('node1/etc/hazelcast.properties');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      positionOf(doc, 'hazelcast.network.join=', 20),
    );
    assert.ok(hoverText(hovers).includes('| Default | `empty` |'));
  });
});
