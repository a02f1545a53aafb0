// Settings that reach the server (rule severities) and the client (file patterns), and the commands.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  NODE1_HAZELCAST,
  activateExtension,
  node1HazelcastWith,
  assertDiagnostics,
  open,
  waitFor,
  waitForServer,
  workspaceUri,
} from '../helpers';
import { SERVER_PROCESS_ENV } from '../../../server/src/host/serverProcess';

describe('settings and commands', () => {
  before(activateExtension);

  it('oxClusterConfig.rules.<id> changes the severity, and off removes the diagnostic', async () => {
    const doc = await open('node1/etc/hazelcast.properties');
    const config = vscode.workspace.getConfiguration('oxClusterConfig');
    try {
      await config.update('rules.misread-value', 'error', vscode.ConfigurationTarget.Global);
      await config.update('rules.duplicate-key', 'off', vscode.ConfigurationTarget.Global);
      await assertDiagnostics(doc, node1HazelcastWith({ 'misread-value@8:31-8:34': 'error', 'duplicate-key@6:0-6:39': null }));
    } finally {
      await config.update('rules.misread-value', undefined, vscode.ConfigurationTarget.Global);
      await config.update('rules.duplicate-key', undefined, vscode.ConfigurationTarget.Global);
    }
    await assertDiagnostics(doc, NODE1_HAZELCAST);
  });

  it('declares a setting for every rule of the server, with its default severity', () => {
    const config = vscode.workspace.getConfiguration('oxClusterConfig');
    // The compiled rule registry of the server (npm run build): the settings must not drift from it.
    interface RuleInfo {
      id: string;
      defaultSeverity: string;
    }
    const registry = path.resolve(__dirname, '..', '..', '..', 'server', 'src', 'rules', 'registry.js');
    const { RULES, FILE_RULES } = require(registry) as { RULES: RuleInfo[]; FILE_RULES: RuleInfo[] };
    const expected: Record<string, string> = {
      syntax: 'error',
      'unknown-key': 'warning',
      'duplicate-key': 'warning',
      'invalid-value': 'error',
      'misread-value': 'warning',
      'deprecated-key': 'warning',
      'wrong-file': 'information',
      'map-key-outside-map-file': 'warning',
      'default-secret': 'warning',
      encoding: 'warning',
    };
    for (const rule of RULES) expected[rule.id] ??= rule.defaultSeverity;
    for (const rule of FILE_RULES) assert.strictEqual(rule.defaultSeverity, expected[rule.id], `server default of ${rule.id}`);
    for (const [id, severity] of Object.entries(expected)) {
      assert.strictEqual(config.inspect(`rules.${id}`)?.defaultValue, severity, `setting oxClusterConfig.rules.${id}`);
    }
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const declared = Object.keys(
      (ext.packageJSON as { contributes: { configuration: { properties: object } } }).contributes.configuration.properties,
    ).filter((k) => k.startsWith('oxClusterConfig.rules.'));
    assert.deepStrictEqual(
      declared.sort(),
      Object.keys(expected)
        .map((id) => `oxClusterConfig.rules.${id}`)
        .sort(),
    );
    assert.strictEqual(config.inspect('inlayHints.enabled')?.defaultValue, true);
    assert.deepStrictEqual(config.inspect('filePatterns')?.defaultValue, []);
    assert.deepStrictEqual(config.inspect('catalogs')?.defaultValue, []);
    assert.strictEqual(config.inspect('trace.server')?.defaultValue, 'off');
    assert.deepStrictEqual(config.get('catalogs'), ['ox-catalogs/e2e.json']);
  });

  it('OX Cluster Config: Restart Language Server brings the server back', async () => {
    const doc = await open('node1/etc/hazelcast.properties');
    await waitForServer(doc);
    await vscode.commands.executeCommand('oxClusterConfig.restartServer');
    await waitForServer(doc);
    await assertDiagnostics(doc, NODE1_HAZELCAST);
  });

  it('a crashed server is restarted', async function () {
    if (process.platform !== 'linux') this.skip();
    const { doc, pid } = await runningServer();
    process.kill(pid, 'SIGKILL');
    await waitFor('a new language server process', () => {
      const now = languageServerPids();
      return now.length === 1 && now[0] !== pid ? true : undefined;
    });
    await waitForServer(doc);
    await assertDiagnostics(doc, NODE1_HAZELCAST);
  });

  it('the server process runs in the environment the client sets for it', async function () {
    if (process.platform !== 'linux') this.skip();
    const { pid } = await runningServer();
    const environment = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    for (const [name, value] of Object.entries(SERVER_PROCESS_ENV)) assert.ok(environment.includes(`${name}=${value}`), `${name}=${value}`);
  });

  it('OX Cluster Config: Show Output runs', async () => {
    await vscode.commands.executeCommand('oxClusterConfig.showOutput');
  });

  it('oxClusterConfig.filePatterns switches a matching .properties file to ox-properties', async () => {
    const uri = workspaceUri('extra/custom.properties');
    const before = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(before.languageId, 'properties');
    const config = vscode.workspace.getConfiguration('oxClusterConfig');
    await config.update('filePatterns', ['**/extra/*.properties'], vscode.ConfigurationTarget.Global);
    try {
      await vscode.window.showTextDocument(before);
      const doc = await waitFor('the language switch', () =>
        vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'ox-properties'),
      );
      await assertDiagnostics(doc, [
        { code: 'wrong-file', severity: 'information', range: '1:0-1:39' },
        { code: 'invalid-value', severity: 'error', range: '1:40-1:46' },
      ]);
    } finally {
      await config.update('filePatterns', undefined, vscode.ConfigurationTarget.Global);
      // Hand the file back to plain `properties`, so the server forgets it (it would count as a node).
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (doc && doc.languageId === 'ox-properties') await vscode.languages.setTextDocumentLanguage(doc, 'properties');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});

/** Opens node1's hazelcast.properties once the server answers for it; the pid of the one server process. */
async function runningServer(): Promise<{ doc: vscode.TextDocument; pid: number }> {
  const doc = await open('node1/etc/hazelcast.properties');
  await waitForServer(doc);
  const servers = languageServerPids();
  assert.strictEqual(servers.length, 1, `expected one language server child of the extension host, found ${servers.length}`);
  return { doc, pid: servers[0] };
}

/** Children of this extension host that run server/out/server.js (Linux /proc). */
function languageServerPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmd.some((a) => a.endsWith('server/out/server.js'))) pids.push(Number(entry));
    } catch {
      // the process is gone
    }
  }
  return pids;
}
