// Completion through vscode.executeCompletionItemProvider.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, label, open, waitForServer } from '../helpers';

async function complete(doc: vscode.TextDocument, line: number, character: number): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    doc.uri,
    new vscode.Position(line, character),
  );
  return list.items;
}

describe('completion', () => {
  before(activateExtension);

  it('offers the keys of hazelcast.properties on an empty line, not those already set', async () => {
    const doc = await open('node2/etc/hazelcast.properties');
    await waitForServer(doc);
    assert.strictEqual(doc.lineAt(3).text, '');
    const items = await complete(doc, 3, 0);
    const labels = items.map(label);
    assert.ok(labels.includes('com.openexchange.hazelcast.network.join'), `network.join missing from ${labels.length} items`);
    assert.ok(labels.includes('com.openexchange.hazelcast.network.port'));
    assert.ok(!labels.includes('com.openexchange.hazelcast.enabled'), 'a key already set is offered again');
    assert.ok(!labels.includes('com.openexchange.hazelcast.interfaces'), 'a renamed key is offered');
    const join = items.find((i) => label(i) === 'com.openexchange.hazelcast.network.join')!;
    assert.strictEqual(join.kind, vscode.CompletionItemKind.Property);
    assert.strictEqual(join.detail, 'enum · default empty');
    assert.ok(join.insertText instanceof vscode.SnippetString);
    assert.strictEqual(join.insertText.value, 'com.openexchange.hazelcast.network.join=${1|empty,static,multicast,dns,kubernetes,aws|}');
  });

  it('offers exactly the allowed values after network.join=', async () => {
    const doc = await open('node1/etc/hazelcast.properties');
    await waitForServer(doc);
    const line = doc.lineAt(3).text;
    assert.ok(line.startsWith('com.openexchange.hazelcast.network.join='));
    const items = await complete(doc, 3, 'com.openexchange.hazelcast.network.join='.length);
    assert.deepStrictEqual(items.map(label).sort(), ['aws', 'dns', 'empty', 'kubernetes', 'multicast', 'static']);
    const empty = items.find((i) => label(i) === 'empty')!;
    assert.strictEqual(empty.detail, 'default');
  });

  it('offers nothing inside a comment', async () => {
    const doc = await open('node1/etc/hazelcast.properties');
    await waitForServer(doc);
    // Only VS Code's own word-based suggestions (kind Text) may show up there.
    const items = (await complete(doc, 0, 5)).filter((i) => i.kind !== vscode.CompletionItemKind.Text);
    assert.deepStrictEqual(items.map(label), []);
  });
});
