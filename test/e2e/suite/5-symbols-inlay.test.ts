// Document symbols and inlay hints.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, open, waitFor, waitForServer } from '../helpers';

function outline(symbols: vscode.DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name}${s.detail ? ` = ${s.detail}` : ''} (${vscode.SymbolKind[s.kind]} ${s.range.start.line}-${s.range.end.line})`,
    ...outline(s.children, depth + 1),
  ]);
}

async function hints(doc: vscode.TextDocument): Promise<string[]> {
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  const list = await vscode.commands.executeCommand<vscode.InlayHint[]>(
    'vscode.executeInlayHintProvider',
    doc.uri,
    new vscode.Range(new vscode.Position(0, 0), end),
  );
  return list.map(
    (h) => `${h.position.line}:${h.position.character} ${typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')}`,
  );
}

describe('symbols and inlay hints', () => {
  before(activateExtension);

  it('groups the keys of hazelcast.properties by prefix', async () => {
    const doc = await open('node1/etc/hazelcast.properties');
    await waitForServer(doc);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.deepStrictEqual(outline(symbols), [
      'com.openexchange.hazelcast (Namespace 1-11)',
      '  enabled = true (Property 1-1)',
      '  group.name = e2e-cluster (Property 2-2)',
      '  network (Namespace 3-7)',
      '    join = statik (Property 3-3)',
      '    join.static.nodes = 10.0.0.1,10.0.0.2 (Property 4-4)',
      '    interfacess = 10.0.0.* (Property 5-5)',
      '    port = 5701 (Property 6-6)',
      '    port = 5702 (Property 7-7)',
      '  jmx = yes (Property 8-8)',
      '  e2e.workspaceKey = 7 (Property 9-9)',
      '  maxOperationTimeout = 30000 (Property 11-11)',
    ]);
  });

  it('masks a secret in the outline', async () => {
    const doc = await open('node1/etc/sessiond.properties');
    await waitForServer(doc);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const lines = outline(symbols);
    assert.ok(
      lines.some((l) => l.includes('encryptionKey = ••••••')),
      lines.join('\n'),
    );
    assert.ok(!lines.some((l) => l.includes('auw948cz')), 'the secret is shown');
  });

  it('explains a time span with an inlay hint', async () => {
    const doc = await open('node2/etc/hazelcast.properties');
    await waitForServer(doc);
    assert.deepStrictEqual(
      await waitFor('inlay hints', async () => {
        const list = await hints(doc);
        return list.length ? list : undefined;
      }),
      ['4:49 = 2 minutes'],
    );
  });

  it('oxClusterConfig.inlayHints.enabled=false turns them off', async () => {
    const doc = await open('node2/etc/hazelcast.properties');
    const config = vscode.workspace.getConfiguration('oxClusterConfig');
    await config.update('inlayHints.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('no inlay hints', async () => ((await hints(doc)).length === 0 ? true : undefined));
    } finally {
      await config.update('inlayHints.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('inlay hints back', async () => ((await hints(doc)).length === 1 ? true : undefined));
  });
});
