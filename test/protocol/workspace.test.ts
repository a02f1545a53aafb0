import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Hover, Location, MarkupContent } from 'vscode-languageserver-types';
import { LspClient } from '../support/lspClient';

function write(root: string, rel: string, text: string): string {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, 'latin1');
  return `file://${file}`;
}

describe('workspace analysis over the protocol', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ox-cluster-'));
  const sessiondText = 'com.openexchange.sessiond.sessionLongLifeTime=2W\n';
  const sessiond = write(root, 'prod/node1/etc/sessiond.properties', sessiondText);
  const sessions = write(
    root,
    'prod/node1/etc/hazelcast/sessions.properties',
    'com.openexchange.hazelcast.configuration.map.name=sessions-7\ncom.openexchange.hazelcast.configuration.map.maxIdleSeconds=1296000\n',
  );
  const node1 = write(root, 'prod/node1/etc/hazelcast.properties', 'com.openexchange.hazelcast.group.name=prod\n');
  write(root, 'prod/node2/etc/hazelcast.properties', 'com.openexchange.hazelcast.group.name=prod-b\n');
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ workspaceFolders: [root] });
  });
  after(async () => {
    await client.stop();
  });

  test('files that are not open are indexed and get diagnostics', async () => {
    const published = await client.nextDiagnostics(node1);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.severity, d.range]),
      [['cluster-mismatch', 1, { start: { line: 0, character: 38 }, end: { line: 0, character: 42 } }]],
    );
  });

  test('editing sessiond.properties updates the diagnostic of the closed sessions map file', async () => {
    const opened = client.nextDiagnostics(sessiond, 1);
    client.open(sessiond, sessiondText);
    await opened;
    const next = client.diagnosticsWhere(sessions, (p) => p.diagnostics.length > 0);
    client.change(sessiond, 2, [{ range: { start: { line: 0, character: 46 }, end: { line: 0, character: 48 } }, text: '3W' }]);
    const { diagnostics } = await next;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [['session-idle-below-lifetime', { start: { line: 1, character: 60 }, end: { line: 1, character: 67 } }]],
    );
    assert.deepEqual(diagnostics[0].relatedInformation?.[0].location, {
      uri: sessiond,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 45 } },
    });
  });

  test('hover shows the effective value and the other nodes', async () => {
    client.open(node1, 'com.openexchange.hazelcast.group.name=prod\n');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: node1 }, position: { line: 0, character: 5 } });
    const text = (hover.contents as MarkupContent).value;
    assert.ok(text.includes('On **node1**: `prod` from hazelcast.properties:1'), text);
    assert.ok(text.includes('Other nodes of cluster "prod": node2 `prod-b`'), text);
  });

  test('references find a key in every node', async () => {
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: node1 },
      position: { line: 0, character: 5 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(refs.map((r) => path.relative(root, new URL(r.uri).pathname)).sort(), [
      'prod/node1/etc/hazelcast.properties',
      'prod/node2/etc/hazelcast.properties',
    ]);
  });

  test('the effective configuration of a node, with the cluster differences', async () => {
    const { text } = await client.request<{ text: string }>('oxClusterConfig/effectiveConfiguration', { uri: node1 });
    assert.ok(text.startsWith('# Effective configuration\n'), text);
    assert.ok(text.includes('## node1 (cluster prod)'), text);
    assert.match(text, /com\.openexchange\.hazelcast\.group\.name\s+= prod\s+\(hazelcast\.properties:1\)/);
    assert.match(text, /node2\s+= prod-b/);
  });

  test('a file created on disk is picked up from a watched-file event', async () => {
    const uri = write(root, 'prod/node2/etc/server.properties', 'com.openexchange.server.backendRoute=OX 2\n');
    const next = client.nextDiagnostics(uri);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    const { diagnostics } = await next;
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['invalid-value'],
    );
  });
});
