// Diagnostics as the editor shows them: the exact {code, severity, range} per fixture file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { NODE1_HAZELCAST, activateExtension, assertDiagnostics, diagnosticWithCode, open, rangeText, revert } from '../helpers';

describe('diagnostics', () => {
  before(activateExtension);

  it('hazelcast.properties: invalid, misspelled, duplicated and misread values', async () => {
    const doc = await open('node1/etc/hazelcast.properties');
    assert.strictEqual(doc.languageId, 'ox-properties');
    // Line 9 (com.openexchange.hazelcast.e2e.workspaceKey) is known through the workspace catalog
    // (.vscode/settings.json -> ox-catalogs/e2e.json): no unknown-key there in a trusted workspace.
    // Codes and ranges here; the unit tests assert the messages.
    const list = await assertDiagnostics(doc, NODE1_HAZELCAST);
    for (const d of list) {
      assert.strictEqual(d.source, 'ox-cluster-config');
      const code = d.code as { value: string; target: vscode.Uri };
      assert.strictEqual(
        code.target.toString(true),
        `https://github.com/ox-cluster-tools/ox-cluster-config/blob/main/docs/rules/${code.value}.md`,
      );
    }
    // The cross-file finding points at the other file, the duplicate at the line that counts.
    const relatedOf = (code: string) =>
      (diagnosticWithCode(list, code).relatedInformation ?? []).map((r) => [
        vscode.workspace.asRelativePath(r.location.uri, false),
        rangeText(r.location.range),
      ]);
    assert.deepStrictEqual(relatedOf('duplicate-across-files'), [['node1/etc/sessiond.properties', '8:0-8:39']]);
    assert.deepStrictEqual(relatedOf('duplicate-key'), [['node1/etc/hazelcast.properties', '7:0-7:39']]);
  });

  it('hazelcast/sessions.properties: a misspelled MapConfig field', async () => {
    const doc = await open('node1/etc/hazelcast/sessions.properties');
    await assertDiagnostics(doc, [{ code: 'unknown-key', severity: 'warning', range: '3:0-3:60' }]);
  });

  it('sessiond.properties: removed key, shipped secret, key of another file (set there too), map key outside a map file', async () => {
    const doc = await open('node1/etc/sessiond.properties');
    const list = await assertDiagnostics(doc, [
      { code: 'deprecated-key', severity: 'warning', range: '6:0-6:35' },
      { code: 'default-secret', severity: 'warning', range: '7:40-7:97' },
      { code: 'wrong-file', severity: 'information', range: '8:0-8:39' },
      { code: 'duplicate-across-files', severity: 'warning', range: '8:0-8:39' },
      { code: 'map-key-outside-map-file', severity: 'warning', range: '9:0-9:56' },
    ]);
    assert.deepStrictEqual(diagnosticWithCode(list, 'deprecated-key').tags, [vscode.DiagnosticTag.Deprecated]);
  });

  it('cache.ccf: malformed escape, invalid enum value, unknown key', async () => {
    const doc = await open('node1/etc/cache.ccf');
    assert.strictEqual(doc.languageId, 'ox-ccf');
    await assertDiagnostics(doc, [
      { code: 'invalid-value', severity: 'error', range: '6:56-6:61' },
      { code: 'unknown-key', severity: 'warning', range: '7:0-7:50' },
      { code: 'syntax', severity: 'error', range: '9:46-9:51' },
    ]);
  });

  it('node2: a file that differs from the rest of the cluster, and a healthy file', async () => {
    // node2 leaves network.join at its default while node1 sets it: reported on node2's first line.
    await assertDiagnostics(await open('node2/etc/hazelcast.properties'), [
      { code: 'cluster-mismatch', severity: 'error', range: '0:0-0:57' },
    ]);
    await assertDiagnostics(await open('node2/etc/sessiond.properties'), []);
  });

  it('updates diagnostics while typing (cross-file ones too)', async () => {
    const doc = await open('node2/etc/sessiond.properties');
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(4, 0), 'com.openexchange.sessiond.maxSessionPerClient=lots\n'));
    try {
      await assertDiagnostics(doc, [{ code: 'invalid-value', severity: 'error', range: '4:46-4:50' }]);
    } finally {
      await revert(doc);
    }
    await assertDiagnostics(doc, []);
  });
});
