// The language server over stdio: nothing it sends (log and window messages, diagnostics, hover, symbols,
// inlay hints, the effective configuration unless asked for) holds a secret value of the workspace.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Diagnostic, DocumentSymbol, Hover, InlayHint, MarkupContent, SymbolInformation } from 'vscode-languageserver-types';
import { LspClient } from '../support/lspClient';
import { assertClean, FILES, MARKER, shown } from '../support/secrets';

describe('secrets over the protocol', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ox-secrets-'));
  const uris = new Map<string, string>();
  for (const [rel, text] of Object.entries(FILES)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, 'utf8');
    uris.set(rel, `file://${file}`);
  }
  const published: Diagnostic[] = [];
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ workspaceFolders: [root], settings: { rules: { 'no-such-rule': 'loud' } } });
    client.publishListeners.push((p) => published.push(...p.diagnostics));
    await client.diagnosticsWhere(uris.get('c/node2/etc/hazelcast.properties')!, (p) =>
      p.diagnostics.some((d) => d.code === 'cluster-mismatch'),
    );
    // Open every file as the editor decodes it (the "€" stays one character here).
    for (const [rel, text] of Object.entries(FILES)) {
      const next = client.nextDiagnostics(uris.get(rel)!, 1);
      client.open(uris.get(rel)!, text);
      await next;
    }
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('published diagnostics: messages, related information, fix titles', () => {
    assert.ok(published.some((d) => d.code === 'cluster-mismatch') && published.some((d) => d.code === 'duplicate-across-files'));
    for (const d of published) assertClean(`${String(d.code)} diagnostic`, shown(d));
  });

  test('hover, document symbols, inlay hints and workspace symbols', async () => {
    for (const [rel, text] of Object.entries(FILES)) {
      const uri = uris.get(rel)!;
      const lines = text.split('\n');
      for (const [line, content] of lines.entries()) {
        for (const character of [1, content.indexOf('=') + 1]) {
          const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
          if (hover) assertClean(`hover ${rel}:${line + 1}:${character}`, (hover.contents as MarkupContent).value);
        }
      }
      assertClean(
        `symbols of ${rel}`,
        JSON.stringify(await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } })),
      );
      const range = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
      assertClean(
        `inlay hints of ${rel}`,
        JSON.stringify(await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range })),
      );
    }
    assertClean('workspace symbols', JSON.stringify(await client.request<SymbolInformation[]>('workspace/symbol', { query: '' })));
  });

  test('the effective configuration is masked unless the secrets are asked for', async () => {
    const masked = await client.request<{ text: string }>('oxClusterConfig/effectiveConfiguration', {});
    assert.ok(masked.text.includes('## node1 (cluster c)'), masked.text.slice(0, 200));
    assertClean('the effective configuration', masked.text);
    const shownToo = await client.request<{ text: string }>('oxClusterConfig/effectiveConfiguration', { showSecrets: true });
    assert.ok(shownToo.text.includes(MARKER));
  });

  test('the cluster map draws every node with the file a click opens, and holds no secret', async () => {
    const { svg } = await client.request<{ svg: string }>('oxClusterConfig/clusterMap', {});
    assert.ok(svg.startsWith('<svg'), svg.slice(0, 100));
    for (const node of ['node1', 'node2']) {
      assert.ok(svg.includes(`aria-label="${node}`), node);
      assert.ok(svg.includes(`data-uri="file://${root}/c/${node}/etc/`), node);
    }
    assertClean('the cluster map', svg);
  });

  test('a message that quotes a value is scrubbed of every secret value of the workspace', async () => {
    // The port is no secret, so its finding quotes the value; the value is node1's password all the same.
    const uri = `file://${path.join(root, 'c/node1/etc/extra.properties')}`;
    const next = client.nextDiagnostics(uri, 1);
    client.open(uri, `com.openexchange.hazelcast.network.port=${MARKER}-pass-1234-xyz\n`);
    const { diagnostics } = await next;
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'invalid-value').map((d) => d.message),
      ['"********" is not a port number (1-65535).'],
    );
    for (const d of diagnostics) assertClean(`${String(d.code)} diagnostic`, shown(d));
  });

  test("the server's log and window messages", () => {
    // A settings problem is logged and shown: the channel is in use, and still holds no secret.
    assert.ok(
      client.messages.some((m) => m.message.includes('no-such-rule')),
      JSON.stringify(client.messages),
    );
    for (const m of client.messages) assertClean(`message "${m.message.slice(0, 40)}"`, m.message);
    assertClean('stderr', client.stderr.join(''));
  });
});
