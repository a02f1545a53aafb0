// Helm values files of the core-mw chart in the editor: diagnostics on a YAML file whose language the
// extension leaves alone, the quick fix that moves a secret out of the ConfigMap, and silence on the values
// file of another chart. kubernetes/broken/values.yaml is examples/kubernetes/broken/values.yaml, copied into
// the temp workspace by runIntegration.ts.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, assertDiagnostics, diagnosticWithCode, label, open, positionOf, revert } from '../helpers';

const BROKEN = 'kubernetes/broken/values.yaml';
const OTHER_CHART = 'charts/web/values.yaml';

const BROKEN_DIAGNOSTICS = [
  { code: 'hz-group-password-ignored', severity: 'information', range: '2:2-2:17' },
  { code: 'hz-group-name-unset', severity: 'warning', range: '2:2-2:17' },
  { code: 'chart-managed-key', severity: 'warning', range: '4:4-4:43' },
  { code: 'chart-managed-key', severity: 'warning', range: '5:4-5:41' },
  { code: 'secret-in-configmap', severity: 'warning', range: '6:4-6:42' },
] as const;

describe('Helm values files', () => {
  before(activateExtension);

  it('reports chart-managed keys and a secret in the ConfigMap, and keeps the YAML language', async () => {
    const doc = await open(BROKEN);
    // VS Code's own language for .yaml (no YAML extension here); the extension must not change it.
    assert.strictEqual(doc.languageId, 'yaml');
    const list = await assertDiagnostics(doc, [...BROKEN_DIAGNOSTICS]);
    for (const d of list) assert.strictEqual(d.source, 'ox-cluster-config');
    assert.strictEqual(doc.languageId, 'yaml');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.ok(symbols.length > 0, 'no outline for the values file');
  });

  it('moves the secret to secretProperties with the quick fix', async () => {
    const doc = await open(BROKEN);
    const original = doc.getText();
    const list = await assertDiagnostics(doc, [...BROKEN_DIAGNOSTICS]);
    const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diagnosticWithCode(list, 'secret-in-configmap').range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const actions = all.filter((a): a is vscode.CodeAction => 'edit' in a || 'kind' in a);
    const fix = actions.find((a) => a.title === 'Move "com.openexchange.guard.restApiPassword" to secretProperties');
    assert.ok(fix, `no move fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.strictEqual(fix.kind?.value, 'quickfix');
    try {
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      assert.strictEqual(
        doc.getText(),
        [
          '# A broken release: each rule of the Kubernetes edition fires once here.',
          'core-mw:',
          '  hzGroupPassword: c2VjcmV0',
          '  properties:',
          '    com.openexchange.hazelcast.network.join: static',
          '    com.openexchange.hazelcast.group.name: broken',
          '    com.openexchange.sessiond.maxSession: "5000"',
          '  scaling:',
          '    nodes:',
          '      api:',
          '        replicas: 3',
          '        roles: [http-api, sync]',
          '      documents:',
          '        replicas: 2',
          '        roles: [documents]',
          '  secretProperties:',
          '    com.openexchange.guard.restApiPassword: hunter22 # copied from the old hosts',
          '',
        ].join('\n'),
      );
      // The server has seen the edit: the warning is gone, the rest stays where it was.
      await assertDiagnostics(
        doc,
        BROKEN_DIAGNOSTICS.filter((d) => d.code !== 'secret-in-configmap'),
      );
      assert.strictEqual(doc.languageId, 'yaml');
    } finally {
      await revert(doc);
    }
    assert.strictEqual(doc.getText(), original);
  });

  it('says nothing about the values file of another chart, and leaves its language alone', async () => {
    const doc = await open(OTHER_CHART);
    assert.strictEqual(doc.getText(), 'replicaCount: 2\n');
    assert.strictEqual(doc.languageId, 'yaml');
    // A request the server answers (with nothing) shows it has read the file; then a core-mw file opened
    // after it gets its diagnostics, so any for this file would have been published by then.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      positionOf(doc, 'replicaCount', 2),
    );
    assert.deepStrictEqual(hovers, []);
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      new vscode.Position(1, 0),
    );
    assert.deepStrictEqual(
      completions.items.map(label).filter((l) => l.startsWith('com.openexchange.')),
      [],
    );
    await assertDiagnostics(await open(BROKEN), [...BROKEN_DIAGNOSTICS]);
    assert.deepStrictEqual(
      vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'ox-cluster-config'),
      [],
    );
    assert.strictEqual(doc.languageId, 'yaml');
  });
});
