// Quick fixes through vscode.executeCodeActionProvider + workspace.applyEdit (the file is never saved).
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  NODE1_HAZELCAST,
  activateExtension,
  assertDiagnostics,
  diagnosticWithCode,
  node1HazelcastWith,
  open,
  revert,
  settledDiagnostics,
} from '../helpers';

async function actionsAt(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    doc.uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return all.filter((a): a is vscode.CodeAction => 'edit' in a || 'kind' in a);
}

describe('code actions', () => {
  before(activateExtension);

  it('"did you mean" renames a misspelled key', async () => {
    const doc = await open('node1/etc/hazelcast.properties');
    const original = doc.getText();
    const list = await settledDiagnostics(doc, NODE1_HAZELCAST.length);
    const unknown = diagnosticWithCode(list, 'unknown-key');
    const actions = await actionsAt(doc, unknown.range);
    const fix = actions.find((a) => a.title === 'Change to com.openexchange.hazelcast.network.interfaces');
    assert.ok(fix, `no rename fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.strictEqual(fix.kind?.value, 'quickfix');
    assert.strictEqual(fix.isPreferred, true);
    try {
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      assert.strictEqual(
        doc.getText(),
        original.replace(
          'com.openexchange.hazelcast.network.interfacess=10.0.0.*\n',
          'com.openexchange.hazelcast.network.interfaces=10.0.0.*\n',
        ),
      );
      assert.ok(
        doc.getText().includes('\ncom.openexchange.hazelcast.network.interfaces=10.0.0.*\ncom.openexchange.hazelcast.network.port=5701\n'),
      );
      // The unknown-key warning is gone once the server has seen the edit.
      await assertDiagnostics(doc, node1HazelcastWith({ 'unknown-key@5:0-5:46': null }));
    } finally {
      await revert(doc);
    }
    assert.strictEqual(doc.getText(), original);
  });

  it('replaces an invalid enum value and removes a duplicate line', async () => {
    const doc = await open('node1/etc/hazelcast.properties');
    const original = doc.getText();
    const list = await settledDiagnostics(doc, NODE1_HAZELCAST.length);
    try {
      const valueFix = (await actionsAt(doc, diagnosticWithCode(list, 'invalid-value').range)).find((a) => a.title === 'Change to static');
      assert.ok(valueFix, 'no "Change to static" fix');
      assert.ok(await vscode.workspace.applyEdit(valueFix.edit!));
      assert.strictEqual(doc.lineAt(3).text, 'com.openexchange.hazelcast.network.join=static');

      const dupFix = (await actionsAt(doc, diagnosticWithCode(list, 'duplicate-key').range)).find(
        (a) => a.title === 'Remove this earlier "com.openexchange.hazelcast.network.port" line',
      );
      assert.ok(dupFix, 'no duplicate removal fix');
      assert.ok(await vscode.workspace.applyEdit(dupFix.edit!));
      assert.strictEqual(
        doc.getText(),
        original.replace('network.join=statik\n', 'network.join=static\n').replace('com.openexchange.hazelcast.network.port=5701\n', ''),
      );
    } finally {
      await revert(doc);
    }
  });

  it('fixes the misread boolean', async () => {
    const doc = await open('node1/etc/hazelcast.properties');
    const list = await settledDiagnostics(doc, NODE1_HAZELCAST.length);
    const actions = await actionsAt(doc, diagnosticWithCode(list, 'misread-value').range);
    assert.deepStrictEqual(
      actions.map((a) => a.title),
      ['Change to true'],
    );
  });
});
