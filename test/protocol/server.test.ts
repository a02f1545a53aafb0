import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CodeAction, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-types';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { LSPErrorCodes, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient, REPO_ROOT } from '../support/lspClient';

const URI = 'file:///cluster/node1/etc/hazelcast.properties';
const TEXT = 'com.openexchange.hazelcast.network.join=statik\ncom.openexchange.hazelcast.jmx=true\n';

describe('language server over stdio', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client.stop();
  });

  test('didOpen publishes exact diagnostics', async () => {
    const published = client.nextDiagnostics(URI, 1);
    client.open(URI, TEXT);
    const { diagnostics, version } = await published;
    assert.equal(version, 1);
    // Every field but the message (test/unit/rules.test.ts asserts it) and the fix data.
    assert.deepEqual(
      diagnostics.map(({ message: _message, data: _data, ...d }) => d),
      [
        {
          range: { start: { line: 0, character: 40 }, end: { line: 0, character: 46 } },
          severity: 1,
          code: 'invalid-value',
          codeDescription: { href: 'https://github.com/ox-cluster-tools/ox-cluster-config/blob/main/docs/rules/invalid-value.md' },
          source: 'ox-cluster-config',
        },
      ],
    );
  });

  test('completion and hover answer over the protocol', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: 1, character: 31 },
    });
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['true', 'false'],
    );
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 5 } });
    const text = (hover.contents as MarkupContent).value;
    assert.ok(text.startsWith('**com.openexchange.hazelcast.jmx**'));
    assert.ok(text.includes('| Default | `true` |'));
  });

  test('code actions carry exact edits; an edit re-validates', async () => {
    const current = client.nextDiagnostics(URI, 2);
    client.change(URI, 2, [{ range: { start: { line: 1, character: 31 }, end: { line: 1, character: 35 } }, text: 'ja' }]);
    const { diagnostics } = await current;
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['invalid-value', 'misread-value'],
    );
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: diagnostics[0].range,
      context: { diagnostics: [diagnostics[0]] },
    });
    assert.deepEqual(actions[0], {
      title: 'Change to static',
      kind: 'quickfix',
      diagnostics: [diagnostics[0]],
      isPreferred: true,
      edit: { changes: { [URI]: [{ range: { start: { line: 0, character: 40 }, end: { line: 0, character: 46 } }, newText: 'static' }] } },
    });
  });

  test('a request for an unknown document is answered empty and the server stays up', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: 'file:///nope.properties' },
      position: { line: 0, character: 0 },
    });
    assert.equal(hover, null);
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    assert.equal(symbols.length, 1);
    assert.equal(client.process.exitCode, null);
  });
});

describe('completion lists for a client that takes itemDefaults (as VS Code does)', () => {
  test('the shared edit range and snippet format are sent once; items keep their own text', async () => {
    const client = await LspClient.start({ completionItemDefaults: true });
    try {
      const uri = 'file:///cluster/node1/etc/hazelcast.properties';
      const opened = client.nextDiagnostics(uri, 1);
      client.open(uri, 'com.openexchange.hazelcast.jmx=true\ncom.openexchange.hazelcast.gro');
      await opened;
      const list = await client.request<CompletionList>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 1, character: 30 },
      });
      const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 30 } };
      assert.deepEqual(list.itemDefaults, { editRange: range, insertTextFormat: 2 });
      const group = list.items.find((i) => i.label === 'com.openexchange.hazelcast.group.name');
      assert.deepEqual(group, {
        label: 'com.openexchange.hazelcast.group.name',
        kind: 10,
        detail: 'string · default none',
        data: { key: 'com.openexchange.hazelcast.group.name', syntax: 'properties' },
        sortText: '0com.openexchange.hazelcast.group.name',
        textEditText: 'com.openexchange.hazelcast.group.name=$1',
      });
      assert.ok(
        list.items.every((i) => i.textEdit === undefined && i.insertTextFormat === undefined && typeof i.textEditText === 'string'),
      );
    } finally {
      await client.stop();
    }
  });
});

describe('settings and user catalogs', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ox-ws-'));
  fs.copyFileSync(path.join(REPO_ROOT, 'test/fixtures/catalogs/site.ox-catalog.json'), path.join(folder, 'site.ox-catalog.json'));
  const uri = `file://${folder}/etc/site.properties`;
  const text = 'com.example.site.mode=red\ncom.openexchange.hazelcast.jmx=yes\n';

  async function codesWith(settings: unknown, trusted: boolean): Promise<{ codes: string[]; logs: string[] }> {
    const client = await LspClient.start({ settings, workspaceFolders: [folder], initializationOptions: { workspaceTrusted: trusted } });
    const published = client.nextDiagnostics(uri, 1);
    client.open(uri, text);
    const { diagnostics } = await published;
    const logs = client.logs;
    await client.stop();
    return { codes: diagnostics.map((d) => `${d.code}@${d.range.start.line}`), logs };
  }

  test('a trusted workspace loads its catalog; severities follow the settings', async () => {
    const { codes } = await codesWith({ catalogs: ['site.ox-catalog.json'], rules: { 'misread-value': 'off' } }, true);
    assert.deepEqual(codes, ['invalid-value@0', 'wrong-file@1']);
  });
  test('an untrusted workspace does not read its catalogs and says so', async () => {
    const { codes, logs } = await codesWith({ catalogs: ['site.ox-catalog.json'] }, false);
    assert.deepEqual(codes, ['misread-value@1', 'wrong-file@1']);
    assert.ok(logs.some((l) => l.includes('was not loaded: the workspace is not trusted')));
  });
  test('settings changed while a document is open: severities, then a smaller size limit, then a catalog', async () => {
    const client = await LspClient.start({ workspaceFolders: [folder] });
    try {
      const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.code}@${d.range.start.line}`);
      const change = async (settings: unknown, until: (p: PublishDiagnosticsParams) => boolean) => {
        client.settings = settings;
        const published = client.diagnosticsWhere(uri, until);
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
        return published;
      };
      const opened = client.nextDiagnostics(uri, 1);
      client.open(uri, text);
      assert.deepEqual(codes(await opened), ['misread-value@1', 'wrong-file@1']);
      // Same catalog and size limit: the parse is kept, the rules run again.
      const quieter = await change({ rules: { 'misread-value': 'off' } }, (p) => p.diagnostics.length === 1);
      assert.deepEqual(codes(quieter), ['wrong-file@1']);
      // A smaller size limit: parsed again, syntax only.
      const limited = await change({ maxFileSize: 0.00001 }, (p) => p.diagnostics.length === 1 && p.diagnostics[0].code === undefined);
      assert.match(limited.diagnostics[0].message, /^This file is larger than 0 MB, so the editor checks its syntax only/);
      assert.deepEqual(
        await client.request('textDocument/documentSymbol', { textDocument: { uri } }),
        [],
        'a syntax-only document has no outline',
      );
      // A catalog: parsed again with its keys.
      const withCatalog = await change({ catalogs: ['site.ox-catalog.json'] }, (p) => codes(p).includes('invalid-value@0'));
      assert.deepEqual(codes(withCatalog), ['invalid-value@0', 'misread-value@1', 'wrong-file@1']);
    } finally {
      await client.stop();
    }
  });
  test('an invalid catalog is reported and ignored; the built-in catalog still works', async () => {
    const bad = path.join(REPO_ROOT, 'test/fixtures/catalogs/invalid.ox-catalog.json');
    const { codes, logs } = await codesWith({ catalogs: [bad] }, true);
    assert.deepEqual(codes, ['misread-value@1', 'wrong-file@1']);
    assert.ok(
      logs.some((l) => l.includes('invalid.ox-catalog.json is invalid and was ignored')),
      logs.join('\n'),
    );
  });
  test('.oxclusterconfig.json problems are shown as warnings in the words of the CLI; an untrusted file names no catalog', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ox-ws-config-'));
    fs.copyFileSync(path.join(REPO_ROOT, 'test/fixtures/catalogs/site.ox-catalog.json'), path.join(root, 'site.ox-catalog.json'));
    const config = path.join(root, '.oxclusterconfig.json');
    fs.writeFileSync(
      config,
      JSON.stringify({ rules: { 'no-such-rule': 'off', 'misread-value': 'off' }, catalogs: ['site.ox-catalog.json'] }),
    );
    const client = await LspClient.start({ workspaceFolders: [root], initializationOptions: { workspaceTrusted: false } });
    try {
      const docUri = `file://${root}/etc/site.properties`;
      const published = client.nextDiagnostics(docUri, 1);
      client.open(docUri, text);
      assert.deepEqual(
        (await published).diagnostics.map((d) => `${d.code}@${d.range.start.line}`),
        ['wrong-file@1'],
      );
      const expected = [
        `OX Cluster Config: ${config}: Unknown rule "no-such-rule"; ignored.`,
        `OX Cluster Config: Catalog ${path.join(root, 'site.ox-catalog.json')} was not loaded: the workspace is not trusted.`,
      ];
      const shown = () => client.messages.filter((m) => m.type === 2 && m.message.startsWith('OX Cluster Config: ')).map((m) => m.message);
      for (let waited = 0; shown().length < expected.length && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(shown(), expected);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('cancellation', () => {
  test('a request cancelled while it waits behind a long parse is answered RequestCancelled, and the server goes on', async () => {
    const client = await LspClient.start();
    try {
      const uri = 'file:///cluster/node1/etc/server.properties';
      // About 3.7 MB (under the 5 MB full-analysis limit): parsing and analysing it keeps the server busy.
      const text = Array.from({ length: 80_000 }, (_, i) => `com.openexchange.custom.key${i}=value ${i}\n`).join('');
      client.open(uri, text);
      const source = new CancellationTokenSource();
      const hover = client.connection.sendRequest(
        'textDocument/hover',
        { textDocument: { uri }, position: { line: 0, character: 3 } },
        source.token,
      );
      source.cancel();
      await assert.rejects(hover, (error: { code?: number }) => error.code === LSPErrorCodes.RequestCancelled);
      const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(symbols.length > 0);
      assert.deepEqual(
        client.logs.filter((l) => /failed|Uncaught/.test(l)),
        [],
      );
    } finally {
      await client.stop();
    }
  });
});

describe('large files', () => {
  test('above oxClusterConfig.maxFileSize only the syntax is checked, with a notice on line 1', async () => {
    const client = await LspClient.start({ settings: { maxFileSize: 1 } });
    const uri = 'file:///large/node1/etc/hazelcast.properties';
    const filler = Array.from({ length: 40_000 }, (_, i) => `custom.key.${i}=some value number ${i}`).join('\n');
    const text = `com.openexchange.hazelcast.jmx=yes\nbroken\\u12=x\n${filler}\n`;
    assert.ok(text.length > 1024 * 1024);
    const published = client.nextDiagnostics(uri, 1, 30_000);
    client.open(uri, text);
    const { diagnostics } = await published;
    await client.stop();
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.range]),
      [
        [undefined, 3, { start: { line: 0, character: 0 }, end: { line: 0, character: 34 } }],
        ['syntax', 1, { start: { line: 1, character: 6 }, end: { line: 1, character: 10 } }],
      ],
    );
    // The notice is no rule finding: its text is the point here.
    assert.equal(
      diagnostics[0].message,
      'This file is larger than 1 MB, so the editor checks its syntax only. Run "ox-cluster-config check" for the full analysis, or raise oxClusterConfig.maxFileSize.',
    );
  });
});
