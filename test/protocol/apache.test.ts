// The web server's configuration over the protocol: a proxy_http.conf opened as plain text gets the route
// hover, goes to the node's backendRoute line, and its diagnostics follow edits of the nodes.
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

describe('apache files over the protocol', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ox-apache-'));
  const ox1 = write(root, 'prod/ox1/etc/server.properties', 'com.openexchange.server.backendRoute=APP1\n');
  write(root, 'prod/ox2/etc/server.properties', 'com.openexchange.server.backendRoute=APP2\n');
  const proxyText = [
    '<Proxy balancer://oxcluster>',
    '  BalancerMember http://ox1:8009 route=APP1',
    '  BalancerMember http://ox2:8009 route=APP2',
    '  ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On',
    '</Proxy>',
    '',
  ].join('\n');
  const proxy = write(root, 'etc/apache2/conf-available/proxy_http.conf', proxyText);
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ workspaceFolders: [root] });
    // Indexing is done when the first node's diagnostics are out.
    await client.nextDiagnostics(ox1);
    client.open(proxy, proxyText, 'plaintext');
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test("hover on a member's route names the node and its line", async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: proxy }, position: { line: 1, character: 36 } });
    assert.equal(
      (hover.contents as MarkupContent).value,
      "`route=APP1` → node **ox1** · `server.properties:1`\n\nBalancer `oxcluster` is in front of cluster **prod**: its members' routes match the nodes' routes.",
    );
    assert.deepEqual(hover.range, { start: { line: 1, character: 33 }, end: { line: 1, character: 43 } });
  });

  test("definition goes to the node's backendRoute value", async () => {
    const locations = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: proxy },
      position: { line: 1, character: 20 },
    });
    assert.deepEqual(locations, [{ uri: ox1, range: { start: { line: 0, character: 37 }, end: { line: 0, character: 41 } } }]);
  });

  test("editing a node's backendRoute republishes the balancer's diagnostics, and editing the balancer clears them", async () => {
    const codes = (p: { diagnostics: Array<{ code?: unknown }> }) => p.diagnostics.map((d) => String(d.code));
    client.open(ox1, 'com.openexchange.server.backendRoute=APP1\n', 'ox-properties');
    client.change(ox1, 2, [{ text: 'com.openexchange.server.backendRoute=APP9\n' }]);
    const broken = await client.diagnosticsWhere(proxy, (p) => codes(p).includes('balancer-route-unknown'));
    assert.deepEqual(
      broken.diagnostics.filter((d) => d.code === 'balancer-route-unknown').map((d) => d.range),
      [{ start: { line: 1, character: 39 }, end: { line: 1, character: 43 } }],
    );
    client.change(proxy, 2, [{ text: proxyText.replace('route=APP1', 'route=APP9') }]);
    const clean = await client.diagnosticsWhere(proxy, (p) => !codes(p).includes('balancer-route-unknown'));
    assert.deepEqual(codes(clean), []);
  });

  test('an Include typed into the open file reads the file it names at once; removing the line drops it', async () => {
    const codes = (p: { diagnostics: Array<{ code?: unknown }> }) => p.diagnostics.map((d) => String(d.code));
    const members = write(root, 'lb/members.conf', 'BalancerMember balancer://oxcluster http://ox1:8009 route=APP7\n');
    client.change(proxy, 3, [{ text: `${proxyText}Include ../../../lb/members.conf\n` }]);
    const added = await client.diagnosticsWhere(members, (p) => p.diagnostics.length > 0);
    assert.deepEqual(codes(added), ['balancer-route-unknown']);
    assert.deepEqual(added.diagnostics[0].range, { start: { line: 0, character: 58 }, end: { line: 0, character: 62 } });
    client.change(proxy, 4, [{ text: proxyText }]);
    const dropped = await client.diagnosticsWhere(members, (p) => p.diagnostics.length === 0);
    assert.deepEqual(codes(dropped), []);
  });
});
