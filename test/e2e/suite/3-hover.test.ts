// Hover through vscode.executeHoverProvider.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverText, open, positionOf, rangeText, waitForServer } from '../helpers';

async function hover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover[]> {
  return vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
}

describe('hover', () => {
  before(activateExtension);

  it('documents a key with its type and default', async () => {
    const doc = await open('node1/etc/hazelcast.properties');
    await waitForServer(doc);
    const hovers = await hover(doc, positionOf(doc, 'hazelcast.network.join=', 20));
    assert.strictEqual(hovers.length, 1);
    const text = hoverText(hovers);
    assert.ok(text.startsWith('**com.openexchange.hazelcast.network.join**'), text);
    assert.ok(text.includes('| Type | enum |'), text);
    assert.ok(text.includes('| Default | `empty` |'), text);
    assert.ok(text.includes('| File | hazelcast.properties |'), text);
    assert.strictEqual(rangeText(hovers[0].range!), '3:0-3:39');
  });

  it('documents a time span value', async () => {
    const doc = await open('node2/etc/hazelcast.properties');
    await waitForServer(doc);
    const text = hoverText(await hover(doc, positionOf(doc, 'firstRunDelay=2m', 'firstRunDelay='.length)));
    assert.ok(text.includes('| Default | `120s` |'), text);
    assert.ok(text.includes('| Type | time span |'), text);
  });

  it('documents a key from the workspace catalog (trusted workspace)', async () => {
    const doc = await open('node1/etc/hazelcast.properties');
    await waitForServer(doc);
    const text = hoverText(await hover(doc, positionOf(doc, 'e2e.workspaceKey', 3)));
    assert.ok(text.includes('A key only the workspace catalog of the e2e tests defines.'), text);
    assert.ok(text.includes('| Default | `7` |'), text);
  });

  it('has no hover on a comment or an unknown key', async () => {
    const doc = await open('node1/etc/hazelcast.properties');
    await waitForServer(doc);
    assert.deepStrictEqual(hoverText(await hover(doc, new vscode.Position(0, 3))), '');
    assert.deepStrictEqual(hoverText(await hover(doc, positionOf(doc, 'interfacess', 2))), '');
  });
});
