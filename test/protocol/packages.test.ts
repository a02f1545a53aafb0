import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LspClient } from '../support/lspClient';

function write(root: string, rel: string, text: string): string {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, 'utf8');
  return `file://${file}`;
}

async function versionLines(client: LspClient, uri: string): Promise<string[]> {
  const { text } = await client.request<{ text: string }>('oxClusterConfig/effectiveConfiguration', { uri });
  return text.split('\n').filter((l) => l.startsWith('- '));
}

describe('package lists over the protocol', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ox-packages-'));
  const node1 = write(root, 'prod/node1/etc/hazelcast.properties', 'com.openexchange.hazelcast.group.name=prod\n');
  const node2 = write(root, 'prod/node2/etc/hazelcast.properties', 'com.openexchange.hazelcast.group.name=prod\n');
  const list = write(
    root,
    'prod/node1/packages.txt',
    'ii  open-xchange-core 7.10.6-35\nii  open-xchange-dav 7.10.6-4\nun  open-xchange-hazelcast\n',
  );
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ workspaceFolders: [root], settings: { oxVersion: '7.8.4' } });
    await client.nextDiagnostics(node1);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('a packages.txt beside etc/ gives the node its version; the setting the other node', async () => {
    assert.deepEqual(await versionLines(client, node1), [
      '- OX version: 7.10.6, from open-xchange-core 7.10.6-35 in ../packages.txt',
      '- Installed open-xchange packages: 2 (../packages.txt)',
    ]);
    assert.deepEqual(await versionLines(client, node2), [
      '- OX version: 7.8.4, from the setting oxClusterConfig.oxVersion',
      '- Installed open-xchange packages: unknown (no package list)',
    ]);
  });

  test('a changed list is read again from a watched-file event; a line it cannot read goes to the log', async () => {
    write(root, 'prod/node1/packages.txt', 'ii  open-xchange-core 8.0.0-2\n||/ Name Version\n');
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: list, type: 2 }] });
    const expected = [
      '- OX version: 8.0.0, from open-xchange-core 8.0.0-2 in ../packages.txt',
      '- Installed open-xchange packages: 1 (../packages.txt)',
    ];
    let lines: string[] = [];
    for (let i = 0; i < 100 && JSON.stringify(lines) !== JSON.stringify(expected); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      lines = await versionLines(client, node1);
    }
    assert.deepEqual(lines, expected);
    assert.ok(
      client.logs.includes(
        `${list}:2: cannot read "||/ Name Version": expected "name version", dpkg-query's "status name version" or "name<TAB>version", or rpm -qa's "name-version-release[.arch]"; line skipped.`,
      ),
      client.logs.join('\n'),
    );
    assert.equal(client.lastPublished(list), undefined, 'no diagnostics for the list');
  });
});
