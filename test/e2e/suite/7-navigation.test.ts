// Navigation across the files and nodes of the workspace: references, definition, workspace symbols.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, open, positionOf, waitForServer } from '../helpers';

function where(loc: vscode.Location | vscode.LocationLink): string {
  const uri = 'targetUri' in loc ? loc.targetUri : loc.uri;
  const range = 'targetUri' in loc ? (loc.targetSelectionRange ?? loc.targetRange) : loc.range;
  return `${vscode.workspace.asRelativePath(uri, false)}:${range.start.line}:${range.start.character}-${range.end.character}`;
}

describe('navigation', () => {
  before(activateExtension);

  it('references of a key: every node that sets it', async () => {
    const doc = await open('node1/etc/hazelcast.properties');
    await waitForServer(doc);
    const refs = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      doc.uri,
      positionOf(doc, 'hazelcast.group.name', 5),
    );
    // The release of kubernetes/broken/values.yaml (copied from examples/) overrides the key too.
    assert.deepStrictEqual(refs.map(where).sort(), [
      'kubernetes/broken/values.yaml:5:4-41',
      'node1/etc/hazelcast.properties:2:0-37',
      'node2/etc/hazelcast.properties:2:0-37',
    ]);
  });

  it('definition of a key: the files of the node that set it', async () => {
    const doc = await open('node1/etc/sessiond.properties');
    await waitForServer(doc);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      doc.uri,
      positionOf(doc, 'hazelcast.network.port', 5),
    );
    const places = defs.map(where).sort();
    assert.ok(places.includes('node1/etc/sessiond.properties:8:0-39'), places.join(', '));
    assert.ok(
      places.some((p) => p.startsWith('node1/etc/hazelcast.properties:')),
      places.join(', '),
    );
    assert.ok(!places.some((p) => p.startsWith('node2/')), places.join(', '));
  });

  it('workspace symbols find keys in every node', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>(
      'vscode.executeWorkspaceSymbolProvider',
      'hazelcast.group.name',
    );
    const ours = symbols.filter((s) => s.name === 'com.openexchange.hazelcast.group.name');
    assert.deepStrictEqual(ours.map((s) => where(s.location)).sort(), [
      'kubernetes/broken/values.yaml:5:4-41',
      'node1/etc/hazelcast.properties:2:0-37',
      'node2/etc/hazelcast.properties:2:0-37',
    ]);
    // A classic file's symbol is named by its node; a values file belongs to no single node.
    assert.deepStrictEqual(
      ours
        .filter((s) => s.location.uri.path.includes('/etc/'))
        .map((s) => s.containerName)
        .sort(),
      ['node1/hazelcast.properties', 'node2/hazelcast.properties'],
    );
  });
});
