// contributes.jsonValidation: catalog files in ox-catalogs/ are checked against schemas/catalog.schema.json
// by VS Code's JSON language features (the fixture has no $schema of its own).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { open, revert, waitFor } from '../helpers';

describe('catalog JSON schema', () => {
  it('reports a catalog key the schema does not allow, and nothing for a valid catalog', async () => {
    const doc = await open('ox-catalogs/e2e.json');
    assert.strictEqual(doc.languageId, 'json');
    const editor = await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf('"file"');
    assert.ok(at > 0);
    await editor.edit((b) => b.insert(doc.positionAt(at), '"bogusTopLevelKey": 1,\n  '));
    try {
      const problems = await waitFor('a schema problem', () => {
        const list = vscode.languages.getDiagnostics(doc.uri);
        return list.length > 0 ? list : undefined;
      });
      assert.ok(
        problems.some((d) => d.range.start.line === 1 && /not allowed/i.test(d.message)),
        problems.map((d) => `${d.range.start.line}: ${d.message}`).join('\n'),
      );
    } finally {
      await revert(doc);
    }
    await waitFor('no schema problems', () => (vscode.languages.getDiagnostics(doc.uri).length === 0 ? true : undefined));
  });
});
