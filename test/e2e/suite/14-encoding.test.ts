// The encoding follows the OX version: a file of a node that runs OX 8 (site8/ox8/packages.txt) whose bytes are
// UTF-8 is reopened as UTF-8, once, so the editor shows what OX reads.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, open, settledDiagnostics, waitFor, waitForServer } from '../helpers';

describe('encoding per OX version', () => {
  before(activateExtension);

  it('reopens an OX 8 node file with UTF-8 bytes as UTF-8, and the server finds nothing to report', async () => {
    const opened = await open('site8/ox8/etc/server.properties');
    await waitForServer(opened);
    const doc = await waitFor('the file to be reopened as UTF-8', () => {
      const d = vscode.workspace.textDocuments.find((t) => t.uri.toString() === opened.uri.toString());
      return d && (d as { encoding?: string }).encoding === 'utf8' && d.lineAt(0).text.endsWith('München') ? d : undefined;
    });
    assert.strictEqual(doc.lineAt(0).text, '# Settings of an OX 8 node, saved as UTF-8: München');
    assert.strictEqual(doc.isDirty, false);
    assert.deepStrictEqual(
      (await settledDiagnostics(doc, 0)).map((d) => d.code),
      [],
    );
  });
});
