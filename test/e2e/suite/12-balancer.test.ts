// The Apache balancer in front of the lb/ cluster (lb/ox1, lb/ox2): a .conf file the extension serves
// without taking over its language, the route hover, and the quick fix that makes the balancer sticky by
// the jsessionid path form too.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, assertDiagnostics, diagnosticWithCode, hoverText, open, positionOf, rangeText, revert } from '../helpers';

const PROXY = 'lb/apache2/proxy_http.conf';
const NOT_STICKY = { code: 'balancer-not-sticky', severity: 'warning', range: '3:27-3:37' } as const;

describe('Apache balancer', () => {
  before(activateExtension);

  it('reports the cookie-only stickiness and keeps the file its own language', async () => {
    const doc = await open(PROXY);
    assert.ok(!doc.languageId.startsWith('ox-'), `the extension took over the language: ${doc.languageId}`);
    const [d] = await assertDiagnostics(doc, [NOT_STICKY]);
    assert.strictEqual(d.source, 'ox-cluster-config');
  });

  it("shows the node that owns a member's route", async () => {
    const doc = await open(PROXY);
    await assertDiagnostics(doc, [NOT_STICKY]);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      positionOf(doc, 'route=APP1', 'route='.length + 1),
    );
    assert.strictEqual(
      hoverText(hovers),
      "`route=APP1` → node **ox1** · `server.properties:1`\n\nBalancer `oxcluster` is in front of cluster **lb**: its members' routes match the nodes' routes.",
    );
    assert.strictEqual(rangeText(hovers[0].range!), '1:47-1:57');
  });

  it('completes the ProxySet line with the quick fix', async () => {
    const doc = await open(PROXY);
    const list = await assertDiagnostics(doc, [NOT_STICKY]);
    const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      diagnosticWithCode(list, 'balancer-not-sticky').range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = all.find((a): a is vscode.CodeAction => a.title === 'Make balancer://oxcluster sticky by JSESSIONID cookie and path');
    assert.ok(fix, `no stickiness fix among: ${all.map((a) => a.title).join(' | ')}`);
    try {
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      assert.strictEqual(doc.lineAt(3).text, '    ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On');
      await assertDiagnostics(doc, []);
    } finally {
      await revert(doc);
    }
  });
});
