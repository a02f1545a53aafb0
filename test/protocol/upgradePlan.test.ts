// The "Check Upgrade Readiness" request: the plan of the cluster of a file as Markdown, and a target that is no version.
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

describe('oxClusterConfig/upgradePlan', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ox-upgrade-plan-'));
  const node1 = write(root, 'prod/node1/etc/hazelcast.properties', 'com.openexchange.hazelcast.group.name=prod\n');
  write(root, 'prod/node2/etc/hazelcast.properties', 'com.openexchange.hazelcast.group.name=prod\n');
  write(root, 'prod/node2/etc/mail-push.properties', 'com.openexchange.push.allowPermanentPush=false\n');
  write(root, 'prod/node1/packages.txt', 'ii  open-xchange-core 7.10.6-35\n');
  write(root, 'prod/node2/packages.txt', 'ii  open-xchange-core 8.19.0-4\n');
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ workspaceFolders: [root] });
    await client.nextDiagnostics(node1);
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('the plan of the cluster of the file, as Markdown', async () => {
    const { text } = await client.request<{ text: string }>('oxClusterConfig/upgradePlan', { target: '8.19', uri: node1 });
    assert.deepEqual(
      text.split('\n').filter((l) => l.startsWith('#') || l.startsWith('- ')),
      [
        '# Upgrade plan to OX 8.19',
        '## Cluster prod',
        '### Nodes',
        '- node1: 7.10.6 (open-xchange-core 7.10.6-35 in ../packages.txt)',
        '- node2: 8.19.0 (open-xchange-core 8.19.0-4 in ../packages.txt), already on 8.19',
        '### Hazelcast',
        '- From 7.10.6 (node1): Hazelcast 5.0 → 5.3. The upgraded nodes form a separate cluster during the rolling upgrade, and distributed sessions are lost. No bridge package exists for this hop.',
        '### Keys 8.19 no longer reads',
        '### Keys that start to act on 8.19',
        '### Stock values that change',
        '### Mandatory keys',
        '- `com.openexchange.cookie.hash.salt` (server.properties; a random string of at least 16 characters): unset on node1, node2',
        '- `com.openexchange.share.cryptKey` (share.properties; set before the first share is created): unset on node1, node2',
        '- `com.openexchange.sessiond.encryptionKey` (sessiond.properties; equal on all nodes; a node upgraded from 8.2 or earlier that relied on the old default sets it explicitly): unset on node1, node2',
        '### Upgrade node',
        '- node1: allowPermanentPush = true (default): permanent push stays on',
        '- node2: allowPermanentPush = false (mail-push.properties:1): ready to be the upgrade node',
      ],
    );
  });

  test('a target that is no OX version is an invalid-params error', async () => {
    await assert.rejects(
      client.request('oxClusterConfig/upgradePlan', { target: 'latest' }),
      (error: { code?: number; message?: string }) => {
        assert.equal(error.code, -32602);
        assert.equal(error.message, 'Not an OX version: "latest" (e.g. 7.10.6 or 8.19).');
        return true;
      },
    );
  });
});
