// The language server on Helm values files: diagnostics for core-mw values (on disk and as edited), quick
// fixes as YAML edits, and nothing at all for the YAML of other charts.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { LspClient } from '../support/lspClient';

const RELEASE =
  'core-mw:\n  properties:\n    com.openexchange.hazelcast.netwrk.join: kubernetes\n    com.openexchange.sessiond.maxSession: "100"\n';
const OTHER = 'replicaCount: 2\nproperties:\n  not.ox: true\nimage:\n  tag: latest\n';

const brief = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]);

describe('values files over the protocol', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ox-values-'));
  const release = path.join(root, 'deploy/values-prod.yaml');
  const other = path.join(root, 'charts/web/values.yaml');
  for (const [file, text] of [
    [release, RELEASE],
    [other, OTHER],
  ]) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, 'utf8');
  }
  const releaseUri = `file://${release}`;
  const otherUri = `file://${other}`;
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ workspaceFolders: [root] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('a values file on disk is checked when the workspace is indexed', async () => {
    const published = await client.diagnosticsWhere(releaseUri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(brief(published.diagnostics), [['unknown-key', 2, 4, 42]]);
  });

  test('edits in the editor are checked, and the quick fix is a YAML edit of the key', async () => {
    const text = RELEASE.replace('"100"', 'lots');
    const next = client.nextDiagnostics(releaseUri, 1);
    client.open(releaseUri, text, 'yaml');
    const published = await next;
    assert.deepEqual(brief(published.diagnostics), [
      ['unknown-key', 2, 4, 42],
      ['invalid-value', 3, 42, 46],
    ]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: releaseUri },
      range: published.diagnostics[0].range,
      context: { diagnostics: [published.diagnostics[0]], only: ['quickfix'] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.edit?.changes?.[releaseUri]]),
      [
        [
          'Change to com.openexchange.hazelcast.network.join',
          [
            {
              range: { start: { line: 2, character: 4 }, end: { line: 2, character: 42 } },
              newText: 'com.openexchange.hazelcast.network.join',
            },
          ],
        ],
      ],
    );
  });

  test('a values file opened from outside the workspace folders gets the chart version of the Chart.yaml beside it', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ox-outside-'));
    try {
      fs.writeFileSync(path.join(outside, 'Chart.yaml'), 'apiVersion: v2\nname: core-mw\nversion: 4.8.1\n', 'utf8');
      const uri = `file://${path.join(outside, 'values.yaml')}`;
      const published = client.nextDiagnostics(uri, 1);
      client.open(uri, 'hzGroupName: ox\nhzGroupPassword: secret\n', 'yaml');
      // With the version known the message does not add that chart 1.0.0 required the key.
      assert.deepEqual(
        (await published).diagnostics.map((d) => [d.code, d.range.start.line, d.message.includes('chart version is unknown')]),
        [['hz-group-password-ignored', 1, false]],
      );
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  test('the YAML of another chart gets no diagnostics, hover or completion', async () => {
    client.open(otherUri, OTHER, 'yaml');
    const hover = await client.request('textDocument/hover', { textDocument: { uri: otherUri }, position: { line: 2, character: 4 } });
    assert.equal(hover, null);
    const completion = await client.request<{ items: unknown[] }>('textDocument/completion', {
      textDocument: { uri: otherUri },
      position: { line: 2, character: 2 },
    });
    assert.deepEqual(completion.items, []);
    // Published after the other file's open was handled: had that file got diagnostics, they would be here by now.
    const next = client.nextDiagnostics(releaseUri, 2);
    client.change(releaseUri, 2, [{ text: RELEASE }]);
    await next;
    assert.equal(client.lastPublished(otherUri), undefined);
  });
});
