// The editor's decoding of an open file over the protocol: the client's notification that a 7.x node's file
// was decoded as UTF-8 brings the encoding findings of that reading, and going back to ISO-8859-1 clears them.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspClient } from '../support/lspClient';

describe('text decoding over the protocol', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ox-decoding-'));
  const file = path.join(root, 'ox1/etc/server.properties');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(path.join(root, 'ox1/packages.txt'), 'ii  open-xchange-core 7.10.6-35\n');
  // The bytes are UTF-8: "ü" is C3 BC on disk.
  const text = 'com.openexchange.server.backendRoute=APP1\nmy.city=Z\u00FCrich\n';
  fs.writeFileSync(file, text, 'utf8');
  const uri = `file://${file}`;
  let client: LspClient;

  let fromDisk: Awaited<ReturnType<LspClient['nextDiagnostics']>>;
  before(async () => {
    client = await LspClient.start({ workspaceFolders: [root] });
    fromDisk = await client.nextDiagnostics(uri);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('decoded as UTF-8 on a 7.x node: the character is saved as two bytes; as ISO-8859-1 the same bytes are mojibake', async () => {
    const encoding = (p: {
      diagnostics: Array<{ code?: unknown; message: string; range: { start: { line: number; character: number } } }>;
    }) =>
      p.diagnostics
        .filter((d) => d.code === 'encoding')
        .map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message.slice(0, 40)}`);
    // Read from disk byte by byte, the two bytes of "ü" are what 7.x reads: "Ã¼".
    assert.deepEqual(encoding(fromDisk), ['1:9 "\u00C3\u00BC" looks like UTF-8 for "\u00FC": the file ']);
    // The editor decoded the file as UTF-8 and says ISO-8859-1 by default: "ü" is one byte, which 7.x reads as written.
    const opened = client.nextDiagnostics(uri, 1);
    client.open(uri, text);
    assert.deepEqual(encoding(await opened), []);
    await client.connection.sendNotification('oxClusterConfig/textDecoding', { uri, decoding: 'utf8' });
    const utf8 = await client.diagnosticsWhere(uri, (p) => encoding(p).length > 0);
    assert.deepEqual(encoding(utf8), ['1:9 "\u00FC" is saved as UTF-8, the encoding this']);
    // A malformed notification changes nothing and does not break the server.
    await client.connection.sendNotification('oxClusterConfig/textDecoding', { uri, decoding: 'utf16' });
    await client.connection.sendNotification('oxClusterConfig/textDecoding', null);
    await client.connection.sendNotification('oxClusterConfig/textDecoding', { uri, decoding: 'latin1' });
    const latin1 = await client.diagnosticsWhere(uri, (p) => encoding(p).length === 0);
    assert.deepEqual(encoding(latin1), []);
  });
});
