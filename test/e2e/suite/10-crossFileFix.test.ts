// A cross-file finding and its quick fix: node3's sessions map (cluster2/node3/etc/hazelcast/sessions.properties)
// drops idle sessions after a day, sooner than sessiond.properties lets them live. The fix is applied and
// saved; a lifetime change in sessiond.properties brings the warning back. The files are restored at the end.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAll,
  open,
  positionOf,
  rangeText,
  revert,
  simplify,
  waitFor,
  waitForServer,
  workspaceUri,
} from '../helpers';

const SESSIOND = 'cluster2/node3/etc/sessiond.properties';
const SESSIONS = 'cluster2/node3/etc/hazelcast/sessions.properties';

/** A diagnostic as one line: code, severity, range, then where its related information points (the unit tests assert the texts). */
function asLine(d: vscode.Diagnostic): string {
  const s = simplify(d);
  const related = (d.relatedInformation ?? []).map(
    (r) => ` | ${vscode.workspace.asRelativePath(r.location.uri, false)}:${rangeText(r.location.range)}`,
  );
  return `${s.code} ${s.severity} ${s.range}${related.join('')}`;
}

/** Waits until the diagnostics of `uri` (open or closed) are exactly `expected` (see asLine). */
async function expectDiagnostics(uri: vscode.Uri, expected: string[]): Promise<vscode.Diagnostic[]> {
  const now = () => vscode.languages.getDiagnostics(uri);
  return waitFor(`diagnostics of ${uri.path}: ${JSON.stringify(expected)}`, () => {
    const list = now();
    return JSON.stringify(list.map(asLine)) === JSON.stringify(expected) ? list : undefined;
  }).catch((err: Error) => {
    const shown = now().map((d) => `${asLine(d)} ${d.message}`);
    throw new Error(`${err.message}\n  current diagnostics:\n    ${shown.join('\n    ') || '(none)'}`);
  });
}

// On maxIdleSeconds=86400 before the fix; on the raised 1296000 once sessiond.properties says 3W.
const BEFORE = `session-idle-below-lifetime warning 2:60-2:65 | ${SESSIOND}:1:0-1:45`;
const AFTER_3W = `session-idle-below-lifetime warning 2:60-2:67 | ${SESSIOND}:1:0-1:45`;
const FIX_TITLE = 'Raise maxIdleSeconds to 1296000 (lifetime 2W = 1209600 s + 1 day)';

describe('cross-file quick fix (session-idle-below-lifetime)', () => {
  const sessiondUri = workspaceUri(SESSIOND);
  const sessionsUri = workspaceUri(SESSIONS);
  let sessiondBytes: Buffer;
  let sessionsBytes: Buffer;

  before(async () => {
    await activateExtension();
    assert.strictEqual(sessionsUri.scheme, 'file');
    sessiondBytes = fs.readFileSync(sessiondUri.fsPath);
    sessionsBytes = fs.readFileSync(sessionsUri.fsPath);
  });

  after(async () => {
    // Whatever happened: the fixture files as they were, on disk and in any open editor.
    for (const [uri, bytes] of [
      [sessiondUri, sessiondBytes],
      [sessionsUri, sessionsBytes],
    ] as const) {
      if (!fs.readFileSync(uri.fsPath).equals(bytes)) fs.writeFileSync(uri.fsPath, bytes);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (doc && doc.getText() !== bytes.toString('latin1')) await revert(doc);
    }
    await closeAll();
  });

  it('applies the fix in the closed sessions.properties, saves it, and a lifetime edit brings the warning back', async () => {
    // Only sessiond.properties is open: the server reports the closed sessions.properties from its index.
    const sessiond = await open(SESSIOND);
    await waitForServer(sessiond);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === sessionsUri.toString()), 'sessions.properties is open');
    const [warning] = await expectDiagnostics(sessionsUri, [BEFORE]);
    assert.strictEqual(sessiond.lineAt(1).text, 'com.openexchange.sessiond.sessionLongLifeTime=2W');
    assert.strictEqual(warning.relatedInformation![0].location.uri.toString(), sessiondUri.toString());

    // vscode.executeCodeActionProvider needs the document loaded ("Illegal argument" otherwise); no editor shows it.
    const sessions = await vscode.workspace.openTextDocument(sessionsUri);
    await expectDiagnostics(sessionsUri, [BEFORE]);
    const actions = (
      await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
        'vscode.executeCodeActionProvider',
        sessionsUri,
        warning.range,
        vscode.CodeActionKind.QuickFix.value,
      )
    ).filter((a): a is vscode.CodeAction => 'edit' in a || 'kind' in a);
    assert.deepStrictEqual(
      actions.map((a) => a.title),
      [FIX_TITLE],
    );
    assert.strictEqual(actions[0].kind?.value, 'quickfix');
    assert.strictEqual(actions[0].isPreferred, true);

    try {
      assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
      const fixed = sessionsBytes.toString('latin1').replace('maxIdleSeconds=86400\n', 'maxIdleSeconds=1296000\n');
      assert.notStrictEqual(fixed, sessionsBytes.toString('latin1'));
      assert.strictEqual(sessions.getText(), fixed);
      assert.ok(await sessions.save(), 'the save failed');
      assert.ok(
        fs.readFileSync(sessionsUri.fsPath).equals(Buffer.from(fixed, 'latin1')),
        `sessions.properties on disk:\n${fs.readFileSync(sessionsUri.fsPath, 'latin1')}`,
      );
      await expectDiagnostics(sessionsUri, []);

      // A change in the other file (not saved) puts the warning back on sessions.properties.
      const editor = await vscode.window.showTextDocument(sessiond);
      const at = positionOf(sessiond, 'sessionLongLifeTime=2W', 'sessionLongLifeTime='.length);
      assert.ok(await editor.edit((b) => b.replace(new vscode.Range(at, at.translate(0, 2)), '3W')));
      await expectDiagnostics(sessionsUri, [AFTER_3W]);
      assert.ok(fs.readFileSync(sessiondUri.fsPath).equals(sessiondBytes), 'sessiond.properties was saved');
    } finally {
      await revert(sessiond);
      fs.writeFileSync(sessionsUri.fsPath, sessionsBytes);
    }
    // Restored: the saved fix is undone on disk, the editor follows, the first warning is back.
    await waitFor('sessions.properties to reload from disk', () =>
      sessions.getText() === sessionsBytes.toString('latin1') ? true : undefined,
    );
    await expectDiagnostics(sessionsUri, [BEFORE]);
  });
});
