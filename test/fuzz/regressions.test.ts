// Failures the protocol fuzzer found, each as its shrunk reproducer (the JSON the fuzzer printed) replayed
// against the real server, with exact expectations on what the server answers and publishes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CompletionList, Diagnostic, DocumentSymbol, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { applyEdits } from '../support/edits';
import { LspClient } from '../support/lspClient';
import { rangeProblem, RunResult, runOps } from './fuzzer';
import { decodeOps } from './ops';

async function replay(json: unknown[], requestTimeoutMs?: number): Promise<RunResult> {
  const result = await runOps(decodeOps(json), { record: true, ...(requestTimeoutMs ? { requestTimeoutMs } : {}) });
  assert.equal(result.failure, undefined, result.failure && `[${result.failure.kind}] ${result.failure.message}`);
  return result;
}

type Range = TextEdit['range'];

function show(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** A code action in one line per edit: `title [kind] uri range "newText"`, and created files. */
function actionLines(actions: unknown): string[] {
  return (actions as CodeAction[]).flatMap((a) => {
    const head = `${a.title} [${a.kind}]`;
    const edits: string[] = [];
    for (const [uri, list] of Object.entries(a.edit?.changes ?? {}))
      for (const e of list) edits.push(`${uri} ${show(e.range)} ${JSON.stringify(e.newText)}`);
    for (const c of a.edit?.documentChanges ?? []) {
      if ('kind' in c) edits.push(`${c.kind} ${'uri' in c ? c.uri : c.oldUri}`);
      else for (const e of (c as TextDocumentEdit).edits) edits.push(`${c.textDocument.uri} ${show(e.range)} ${JSON.stringify(e.newText)}`);
    }
    return edits.length ? edits.map((e) => `${head} ${e}`) : [head];
  });
}

function brief(diagnostics: Diagnostic[] | undefined): string[] {
  return (diagnostics ?? []).map(
    (d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
  );
}

describe('fuzzer regressions', () => {
  // Seed 1, operation 123: completion at a position past the end of the file answered with text edits at that
  // very position (line 2 of a one-line file). Now the edits are where the cursor lies in the text.
  test('completion past the end of the file edits at the end of the file', async () => {
    const { answers } = await replay([
      { op: 'open', uri: 'file:///fuzz/node2/etc/cache.ccf', languageId: 'ox-ccf', version: 1, text: '' },
      { op: 'completion', uri: 'file:///fuzz/node2/etc/cache.ccf', position: { line: 2, character: 2147483647 } },
    ]);
    const { items } = answers.get(1) as CompletionList;
    assert.equal(items[0].label, 'jcs.default');
    assert.deepEqual([...new Set(items.map((i) => show((i.textEdit as TextEdit).range)))], ['0:0-0:0']);
  });

  // Seed 2, operation 250: the editor sent back diagnostics of the previous version (the server had not
  // published the current ones yet), and the quick fix in their data replaced text that no longer exists
  // (2:42-2:44 of a line now empty). Fixes now come from the server's current analysis: stale diagnostics get
  // none; the current ones get theirs.
  test('quick fixes for diagnostics of an older version are not offered', async () => {
    const uri = 'file:///fuzz/etc/hazelcast/hazelcast.properties';
    const { answers } = await replay([
      { op: 'open', uri, languageId: 'ox-properties', version: 5, text: '' },
      {
        op: 'change',
        uri,
        version: 13,
        changes: [
          {
            text: '# ox-cluster-config-disable duplicate-key\r\ncom.openexchange.hazelcast.socket.bindAny=localhost\r\n\tcom.openexchange.push.allowPermanentPush=1W\r\n',
          },
        ],
      },
      { op: 'settle' },
      {
        op: 'change',
        uri,
        version: 14,
        changes: [{ range: { start: { line: 1, character: 49 }, end: { line: 2, character: 10 } }, text: '' }],
      },
      { op: 'codeAction', uri, range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, diagnostics: 'all' },
      { op: 'settle' },
      { op: 'codeAction', uri, range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, diagnostics: 'all' },
    ]);
    assert.deepEqual(actionLines(answers.get(4)), []);
    assert.deepEqual(actionLines(answers.get(6)), [
      `Change to true [quickfix] ${uri} 1:42-1:83 "true"`,
      `Change to false [quickfix] ${uri} 1:42-1:83 "false"`,
    ]);
  });

  // Seed 1, operation 478: the wrong-file fix of server.properties moves the line into the node's
  // hazelcast.properties. After that file was closed (so gone from the workspace), fix-all still offered an
  // edit of it: the other files of a node were not analysed again when one of them changed.
  test('a fix that edits another file of the node follows that file', async () => {
    const server = 'file:///fuzz/node2/etc/server.properties';
    const hazelcast = 'file:///fuzz/node2/etc/hazelcast.properties';
    const { answers } = await replay([
      { op: 'open', uri: hazelcast, languageId: 'ox-properties', version: 1, text: '' },
      {
        op: 'open',
        uri: server,
        languageId: 'ox-properties',
        version: 1,
        text: 'com.openexchange.hazelcast.network.client.node\\\r\ns\f=2W\r\n',
      },
      { op: 'settle' },
      { op: 'close', uri: hazelcast },
      {
        op: 'codeAction',
        uri: server,
        range: { start: { line: 2, character: 25 }, end: { line: 2, character: 43 } },
        diagnostics: 'range',
        only: ['source.fixAll'],
      },
      { op: 'settle' },
      {
        op: 'codeAction',
        uri: server,
        range: { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } },
        diagnostics: 'all',
        only: ['quickfix'],
      },
    ]);
    // Creating a file is no fix-all fix.
    assert.deepEqual(actionLines(answers.get(4)), []);
    const title = 'Move to hazelcast.properties (new file) [quickfix]';
    assert.deepEqual(actionLines(answers.get(6)), [
      `${title} create ${hazelcast}`,
      `${title} ${server} 0:0-2:0 ""`,
      `${title} ${hazelcast} 0:0-0:0 "com.openexchange.hazelcast.network.client.nodes=2W\\n"`,
    ]);
  });

  // Seed 5, operation 2110: typing "\r" in front of a line's "\n" made the server count two line breaks where
  // the editor (and the protocol) count one "\r\n"; the server's copy of the text then drifted from the
  // editor's, and its ranges fell outside the editor's lines (a symbol on line 5 of a five-line file).
  test("an edit that joins a CR and an LF keeps the server on the editor's lines", async () => {
    const uri = 'file:///fuzz/node3/etc/hazelcast/distributed-map.properties';
    const { answers } = await replay([
      {
        op: 'open',
        uri,
        languageId: 'ox-properties',
        version: 1,
        text: '#\n# Defaults to 0 (infinite) since orphaned entries are remove periodically\ncom.openexchange.hazelcast.configuration.map.maxIdleSeconds=0\n',
      },
      {
        op: 'change',
        uri,
        version: 32,
        changes: [{ range: { start: { line: 1, character: 78 }, end: { line: 1, character: 78 } }, text: '\u{10ffff}\n9.0\n"éa\r' }],
      },
      { op: 'documentSymbol', uri },
    ]);
    const symbols = answers.get(2) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => [s.name, show(s.range), show(s.selectionRange)]),
      [
        ['9.0', '2:0-2:3', '2:0-2:3'],
        ['"éa', '3:0-3:3', '3:0-3:3'],
        ['com.openexchange.hazelcast.configuration.map.maxIdleSeconds', '4:0-4:61', '4:0-4:59'],
      ],
    );
  });

  // Seed 3032936870 (npm run fuzz): fix-all for a file that sets one key 100,000 times (CR line breaks) was not
  // answered within 10 s (it took minutes): every fix was compared with every fix chosen before it. Shrunk to
  // 30,478 lines (about 7 s then on an idle machine); replayed with 60,000, which took about 25 s.
  test('fix-all over 59,999 duplicate lines answers in time and removes every earlier line', async () => {
    const uri = 'file:///fuzz/bad%E0%A4%A/etc/server.properties';
    const { answers } = await replay([
      { op: 'open', uri, languageId: 'ox-properties', version: 1, text: { pieces: [['key=value\r', 60000]] } },
      {
        op: 'codeAction',
        uri,
        range: { start: { line: 89729, character: 4 }, end: { line: 89729, character: 8 } },
        diagnostics: 'range',
        only: ['source'],
      },
    ]);
    const actions = answers.get(1) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Fix all OX Cluster Config problems'],
    );
    const edits = actions[0].edit!.changes![uri];
    assert.equal(edits.length, 59999);
    assert.ok(edits.every((e, i) => show(e.range) === `${i}:0-${i + 1}:0` && e.newText === ''));
    const text = 'key=value\r'.repeat(60000);
    assert.equal(applyEdits(text, edits), 'key=value\r');
  });

  // Seed 3897447525 (npm run fuzz, operations 1673-1681; the automatic shrink did not converge because the
  // request timed out only under load): a file that sets one key 100,000 times had all 99,999 problems
  // published, 79 MB of JSON per analysis, and requests queued behind the analyses for up to 10 s. The editor
  // now gets the 1,000 most severe problems and a notice; fix-all still sees them all.
  test('a file with 100,000 problems publishes the 1,000 most severe and a notice', async () => {
    const uri = 'file:///fuzz/node2/etc/custom.properties';
    const map = 'file:///fuzz/node2/etc/hazelcast/distributed-map.properties';
    const { answers, published } = await replay(
      [
        {
          op: 'open',
          uri: map,
          languageId: 'ox-properties',
          version: 1,
          text: 'com.openexchange.hazelcast.configuration.map.name=sessions\n',
        },
        { op: 'open', uri, languageId: 'ox-properties', version: 1, text: { pieces: [['key=value\r', 100000]] } },
        {
          op: 'change',
          uri: map,
          version: 2,
          changes: [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, text: 'b5QcbnD' }],
        },
        {
          op: 'change',
          uri,
          version: 2,
          changes: [
            { range: { start: { line: 11022, character: 2 }, end: { line: 11022, character: 4 } }, text: "#F\\uZZ\u0000\u001b\t''" },
          ],
        },
        {
          op: 'codeAction',
          uri,
          range: { start: { line: 46872, character: 7 }, end: { line: 46872, character: 7 } },
          diagnostics: 'range',
        },
        { op: 'foldingRange', uri },
        { op: 'settle' },
        // 100,000 lines analysed twice: on a busy shared machine that alone can take seconds; a hang still fails.
      ],
      30_000,
    );
    const { version, diagnostics } = published.get(uri)!;
    assert.equal(version, 2);
    assert.equal(diagnostics.length, 1001);
    // The one error (line 11,023 now has a malformed \u escape) comes first in rank, then warnings in order.
    assert.deepEqual(brief(diagnostics.filter((d) => d.severity === 1)), ['syntax@11022:4-11022:7']);
    const duplicates = diagnostics.filter((d) => d.code === 'duplicate-key');
    assert.equal(duplicates.length, 999);
    assert.deepEqual(brief([duplicates[0], duplicates[998]]), ['duplicate-key@0:0-0:3', 'duplicate-key@998:0-998:3']);
    assert.deepEqual(diagnostics[1000], {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 3,
      source: 'ox-cluster-config',
      message:
        '98999 more problems in this file are not shown (the editor shows the 1000 most severe). Run "ox-cluster-config check" to see them all.',
    });
    // Fix-all removes every earlier "key" line, not only the published ones.
    const [fixAll] = answers.get(4) as CodeAction[];
    assert.equal(fixAll.title, 'Fix all OX Cluster Config problems');
    assert.equal(fixAll.edit!.changes![uri].length, 99998);
    assert.deepEqual(answers.get(5), []);
  });
});

describe('fuzzer regressions: races with a configuration reload', () => {
  // The reload analyses the workspace in slices and yields in between; a document edited during a yield had
  // its diagnostics of the old text published under the new version. A workspace of 300 files makes the
  // reload yield often while the document shrinks line by line.
  test('diagnostics published during a reload belong to the version they are published for', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ox-fuzz-reload-'));
    const files = ['hazelcast.properties', 'sessiond.properties', 'server.properties', 'cache.properties', 'hazelcast/sessions.properties'];
    for (let n = 0; n < 60; n++) {
      for (const f of files) {
        const file = path.join(root, `node${n}/etc/${f}`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, 'com.openexchange.hazelcast.group.name=g\ncom.openexchange.hazelcast.jmx=yes\n'.repeat(20));
      }
    }
    const client = await LspClient.start({ workspaceFolders: [root] });
    const uri = `file://${root}/node0/etc/custom.properties`;
    // Line i sets an unknown key of i + 1 characters: each version has exactly one diagnostic per line.
    const textOf = (lines: number) =>
      Array.from({ length: lines }, (_, i) => `com.openexchange.hazelcast.${'x'.repeat(i + 1)}=1\n`).join('');
    const texts = new Map<number, string>();
    const problems: string[] = [];
    let checked = 0;
    client.publishListeners.push((p) => {
      const text = p.uri === uri && p.version != null ? texts.get(p.version) : undefined;
      if (text === undefined) return;
      checked++;
      const doc = TextDocument.create(uri, 'ox-properties', p.version!, text);
      const expected = Array.from({ length: doc.lineCount - 1 }, (_, i) => `unknown-key@${i}:0-${i}:${28 + i}`);
      const actual = brief(p.diagnostics).filter((b) => b.startsWith('unknown-key'));
      if (JSON.stringify(actual) !== JSON.stringify(expected)) problems.push(`version ${p.version}: ${actual.join(' ')}`);
      for (const d of p.diagnostics) {
        const problem = rangeProblem(doc, d.range);
        if (problem) problems.push(`version ${p.version}: ${d.code} ${problem}`);
      }
    });
    try {
      let version = 1;
      let lines = 30;
      texts.set(version, textOf(lines));
      const opened = client.nextDiagnostics(uri, version, 30_000);
      client.open(uri, textOf(lines), 'ox-properties', version);
      await opened;
      for (let round = 0; round < 8; round++) {
        void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
        for (let i = 0; i < 40; i++) {
          await new Promise((resolve) => setTimeout(resolve, 2));
          lines = lines > 1 ? lines - 1 : 30;
          texts.set(++version, textOf(lines));
          client.change(uri, version, [{ text: texts.get(version)! }]);
        }
      }
      await client.diagnosticsWhere(uri, (p) => p.version === version, 30_000);
      assert.deepEqual(problems, []);
      assert.ok(checked >= 1);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
