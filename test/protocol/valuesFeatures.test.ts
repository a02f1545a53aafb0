// The language server's editor features on a core-mw values file opened as YAML: completion (with the shared
// edit range sent once), resolve, hover.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-types';
import { LspClient } from '../support/lspClient';

const URI = 'file:///deploy/values-prod.yaml';
const TEXT =
  'core-mw:\n  hzGroupName: cluster-a\n  propertiesFiles:\n    /opt/open-xchange/etc/hazelcast.properties:\n      com.openexchange.hazelcast.jmx: "false"\n      \n';
const NAMES_URI = 'file:///deploy/values-names.yaml';
const NAMES_TEXT =
  'core-mw:\n  secretPropertiesFiles:\n    /opt/open-xchange/etc/ses\n  features:\n    status:\n      documents: enabled\n      gu\n';

describe('values file features over the protocol', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ completionItemDefaults: true });
    client.open(URI, TEXT, 'yaml');
    client.open(NAMES_URI, NAMES_TEXT, 'yaml');
  });
  after(async () => {
    await client.stop();
  });

  test('OX keys on an empty line of a propertiesFiles map: this file first, the range sent once', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: 5, character: 6 },
    });
    const cursor = { line: 5, character: 6 };
    assert.deepEqual(list.itemDefaults, { editRange: { start: cursor, end: cursor }, insertTextFormat: 2 });
    const port = list.items.find((i) => i.label === 'com.openexchange.hazelcast.network.port')!;
    assert.deepEqual(
      [port.textEditText, port.sortText, port.detail],
      ['com.openexchange.hazelcast.network.port: ', '0com.openexchange.hazelcast.network.port', 'port · default 5701'],
    );
    assert.equal(
      list.items.find((i) => i.label === 'com.openexchange.hazelcast.jmx'),
      undefined,
    );
    const resolved = await client.request<CompletionItem>('completionItem/resolve', port);
    assert.equal((resolved.documentation as MarkupContent).value.split('\n')[0], '**com.openexchange.hazelcast.network.port**');
  });

  test('values of a key and hover on it', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: URI },
      position: { line: 4, character: 40 },
    });
    assert.deepEqual(
      list.items.map((i) => [i.label, i.textEditText]),
      [
        ['true', '"true"'],
        ['false', '"false"'],
      ],
    );
    assert.deepEqual(list.itemDefaults?.editRange, { start: { line: 4, character: 38 }, end: { line: 4, character: 45 } });
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 4, character: 10 } });
    const value = (hover.contents as MarkupContent).value;
    assert.equal(value.split('\n')[0], '**com.openexchange.hazelcast.jmx**');
    assert.ok(
      value.endsWith(
        "Set in `propertiesFiles`: goes into the chart's **ConfigMap** (readable by anyone who may read ConfigMaps), applied to `/opt/open-xchange/etc/hazelcast.properties`.",
      ),
      value,
    );
    assert.deepEqual(hover.range, { start: { line: 4, character: 6 }, end: { line: 4, character: 36 } });
  });

  test('OX file paths as keys of secretPropertiesFiles, feature names as keys of features.status', async () => {
    const paths = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: NAMES_URI },
      position: { line: 2, character: 29 },
    });
    assert.equal(paths.isIncomplete, true);
    assert.deepEqual(paths.itemDefaults, {
      editRange: { start: { line: 2, character: 4 }, end: { line: 2, character: 29 } },
      insertTextFormat: 2,
    });
    assert.deepEqual(
      paths.items.map((i) => [i.label, i.textEditText, i.detail, i.insertTextMode]),
      [
        ['/opt/open-xchange/etc/sessiond.properties', '/opt/open-xchange/etc/sessiond.properties:\n  ', 'OX file · 19 known keys', 2],
        [
          '/opt/open-xchange/etc/sessionstorage-hazelcast.properties',
          '/opt/open-xchange/etc/sessionstorage-hazelcast.properties:\n  ',
          'OX file · 1 known key',
          2,
        ],
      ],
    );
    const features = await client.request<CompletionList>('textDocument/completion', {
      textDocument: { uri: NAMES_URI },
      position: { line: 6, character: 8 },
    });
    assert.equal(features.isIncomplete, false);
    assert.deepEqual(features.itemDefaults, { editRange: { start: { line: 6, character: 6 }, end: { line: 6, character: 8 } } });
    assert.deepEqual(
      features.items.map((i) => i.label),
      ['admin', 'cloud-plugins', 'guard', 'guard-admin', 'omf-source', 'oxaas', 'plugins', 'reseller', 'usm-eas', 'weakforced'],
    );
    const guard = features.items.find((i) => i.label === 'guard')!;
    assert.deepEqual([guard.textEditText, guard.detail], ['guard: ', 'feature · 5 packages']);
  });
});
