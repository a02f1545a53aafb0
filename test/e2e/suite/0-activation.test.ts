// Smoke test: the extension activates in the real editor, maps the OX files to its languages and starts
// the language server.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, open, waitFor, waitForServer } from '../helpers';

describe('activation', () => {
  it('activates because the workspace contains etc/hazelcast.properties', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension not found');
    await waitFor('activation', () => (ext.isActive ? true : undefined), 15_000);
  });

  it('maps the OX files to ox-properties and ox-ccf', async () => {
    await activateExtension();
    assert.strictEqual((await open('node1/etc/hazelcast.properties')).languageId, 'ox-properties');
    assert.strictEqual((await open('node1/etc/hazelcast/sessions.properties')).languageId, 'ox-properties');
    assert.strictEqual((await open('node1/etc/sessiond.properties')).languageId, 'ox-properties');
    assert.strictEqual((await open('node1/etc/cache.ccf')).languageId, 'ox-ccf');
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('oxClusterConfig.restartServer'));
    assert.ok(commands.includes('oxClusterConfig.showOutput'));
    assert.ok(commands.includes('oxClusterConfig.showEffectiveConfiguration'));
    // Every command the extension registers is contributed (shown in the Command Palette), and vice versa.
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (ext.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands.map(
      (c) => c.command,
    );
    const registered = commands.filter((c) => c.startsWith('oxClusterConfig.'));
    assert.deepStrictEqual([...contributed].sort(), [...registered].sort());
  });

  it('starts the language server', async () => {
    const doc = await open('node1/etc/hazelcast.properties');
    await waitForServer(doc);
  });

  it('opens OX files as ISO-8859-1 (configurationDefaults)', async () => {
    const uri = vscode.workspace.workspaceFolders![0].uri;
    for (const languageId of ['ox-properties', 'ox-ccf']) {
      const enc = vscode.workspace.getConfiguration('files', { uri, languageId }).get('encoding');
      assert.strictEqual(enc, 'iso88591', languageId);
    }
    // The fixture's first line holds "Grüße" as ISO-8859-1 bytes (0xFC 0xDF).
    const doc = await open('node1/etc/hazelcast.properties');
    await waitFor('the ISO-8859-1 decoding', () => (doc.lineAt(0).text.endsWith('Grüße!') ? true : undefined), 10_000);
  });
});
