import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, CompletionItem, Diagnostic, FoldingRangeKind, MarkupContent } from 'vscode-languageserver-types';
import { applyFixes } from '../../server/src/features/applyFixes';
import { SOURCE } from '../../server/src/analysis/engine';
import { documentSymbols } from '../../server/src/features/symbols';
import { fixAll } from '../../server/src/features/codeActions';
import { LanguageService } from '../../server/src/languageService';
import { applyEdits } from '../support/edits';
import { cursor, doc, newService, opened, validate } from '../support/service';

const ALL = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };
const SETTINGS = { rules: {}, inlayHints: true };

function labels(items: CompletionItem[]): string[] {
  return items.map((i) => i.label);
}

describe('completion', () => {
  test('values after the separator: allowed values, the default first and preselected', () => {
    const { doc: d, position } = cursor('hazelcast.properties', 'com.openexchange.hazelcast.network.join=|\n');
    const items = opened(d).complete(d.text, position).items;
    assert.deepEqual(labels(items), ['empty', 'static', 'multicast', 'dns', 'kubernetes', 'aws']);
    assert.equal(items[0].preselect, true);
    assert.deepEqual(items[1].textEdit, { range: { start: position, end: position }, newText: 'static' });
  });
  test('a typed value is replaced whole', () => {
    const { doc: d, position } = cursor('hazelcast.properties', 'com.openexchange.hazelcast.jmx=tr|ue\n');
    const items = opened(d).complete(d.text, position).items;
    assert.deepEqual(labels(items), ['true', 'false']);
    assert.deepEqual((items[0].textEdit as { range: unknown }).range, {
      start: { line: 0, character: 31 },
      end: { line: 0, character: 35 },
    });
  });
  test('time span values offer examples after the default', () => {
    const { doc: d, position } = cursor('sessiond.properties', 'com.openexchange.sessiond.sessionLongLifeTime=|');
    assert.deepEqual(labels(opened(d).complete(d.text, position).items), ['1W', '2W', '1D', '12h', '1h', '30m', '120s', '500ms']);
  });
  test('keys: this file first, keys already set left out, `key=default` inserted as a snippet', () => {
    const { doc: d, position } = cursor('hazelcast.properties', 'com.openexchange.hazelcast.network.join=static\n|\n');
    const items = opened(d).complete(d.text, position).items;
    assert.ok(!labels(items).includes('com.openexchange.hazelcast.network.join'));
    const port = items.find((i) => i.label === 'com.openexchange.hazelcast.network.port');
    assert.deepEqual(port?.textEdit, {
      range: { start: position, end: position },
      newText: 'com.openexchange.hazelcast.network.port=${1:5701}',
    });
    assert.equal(port?.detail, 'port · default 5701');
    assert.ok((port?.sortText ?? '').startsWith('0'));
    const fromOtherFile = items.find((i) => i.label === 'com.openexchange.sessiond.sessionLongLifeTime');
    assert.ok((fromOtherFile?.sortText ?? '').startsWith('2'));
    assert.ok(!labels(items).some((l) => l.startsWith('com.openexchange.hazelcast.configuration.')), 'map keys only in map files');
    assert.ok(!labels(items).includes('com.openexchange.hazelcast.mergeRunDelay'), 'no renamed keys');
  });
  test('documentation is added when an item is resolved', () => {
    const { doc: d, position } = cursor('hazelcast.properties', '|');
    const item = opened(d)
      .complete(d.text, position)
      .items.find((i) => i.label === 'com.openexchange.hazelcast.network.port')!;
    assert.equal(item.documentation, undefined);
    const resolved = newService().resolveCompletion(item);
    assert.ok((resolved.documentation as MarkupContent).value.startsWith('**com.openexchange.hazelcast.network.port**\n\n'));
    assert.ok((resolved.documentation as MarkupContent).value.includes('| Default | `5701` |'));
  });
  test("a resolved item shows the key's version facts", () => {
    const { doc: d, position } = cursor('hazelcast.properties', '|');
    const item = opened(d)
      .complete(d.text, position)
      .items.find((i) => i.label === 'com.openexchange.hazelcast.network.portOffset')!;
    const text = (newService().resolveCompletion(item).documentation as MarkupContent).value;
    assert.deepEqual(text.split('\n\n').slice(2, 3), ['Since 7.10.5.']);
  });
  test('a secret never gets its shipped default inserted', () => {
    const { doc: d, position } = cursor('hazelcast.properties', '|');
    const item = opened(d)
      .complete(d.text, position)
      .items.find((i) => i.label === 'com.openexchange.hazelcast.network.symmetricEncryption.password');
    assert.equal(item?.textEdit?.newText, 'com.openexchange.hazelcast.network.symmetricEncryption.password=$1');
    assert.ok(!JSON.stringify(item).includes('D2xhL8mPkjsF'));
  });
  test('map files offer the MapConfig fields', () => {
    const { doc: d, position } = cursor('hazelcast/sessions.properties', '|');
    const items = labels(opened(d).complete(d.text, position).items);
    assert.ok(items.includes('com.openexchange.hazelcast.configuration.map.maxIdleSeconds'));
    assert.ok(items.includes('com.openexchange.hazelcast.configuration.map.timeToLiveSeconds'));
  });
  test('completing an existing key replaces just the key', () => {
    const { doc: d, position } = cursor('hazelcast.properties', 'com.openexchange.hazelcast.net|=x\n');
    const item = opened(d)
      .complete(d.text, position)
      .items.find((i) => i.label === 'com.openexchange.hazelcast.network.port');
    assert.deepEqual(item?.textEdit, {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 30 } },
      newText: 'com.openexchange.hazelcast.network.port',
    });
  });
  test('nothing inside comments', () => {
    const { doc: d, position } = cursor('hazelcast.properties', '# com.openexchange.|\n');
    assert.deepEqual(opened(d).complete(d.text, position).items, []);
  });
});

describe('hover', () => {
  test('on a key: description, type, default, file, restart', () => {
    const { doc: d, position } = cursor('hazelcast.properties', 'com.openexchange.hazelcast.network.po|rt=5701\n');
    const hover = opened(d).hover(d.text, position);
    const text = (hover?.contents as MarkupContent).value;
    assert.ok(text.startsWith('**com.openexchange.hazelcast.network.port**\n\n'));
    assert.ok(text.includes('| Type | port |'));
    assert.ok(text.includes('| Default | `5701` |'));
    assert.ok(text.includes('| File | hazelcast.properties |'));
    assert.deepEqual(hover?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 39 } });
  });
  test('on a time span value: its meaning first', () => {
    const { doc: d, position } = cursor('sessiond.properties', 'com.openexchange.sessiond.sessionLongLifeTime=1|W\n');
    const text = (opened(d).hover(d.text, position)?.contents as MarkupContent).value;
    assert.ok(text.startsWith('`1W = 7 days = 604800 s`\n\n---\n\n**com.openexchange.sessiond.sessionLongLifeTime**'));
  });
  test('a renamed key says so; a field match names the field', () => {
    let c = cursor('hazelcast.properties', 'com.openexchange.hazelcast.merge|RunDelay=1s');
    assert.ok(
      (opened(c.doc).hover(c.doc.text, c.position)?.contents as MarkupContent).value.includes(
        'Renamed: use `com.openexchange.hazelcast.merge.runDelay`.',
      ),
    );
    c = cursor('hazelcast/sessions.properties', 'com.openexchange.hazelcast.configuration.map.BACKUP|COUNT=1');
    const text = (opened(c.doc).hover(c.doc.text, c.position)?.contents as MarkupContent).value;
    assert.ok(text.startsWith('**com.openexchange.hazelcast.configuration.map.backupCount**'));
    assert.ok(
      text.includes("binds `com.openexchange.hazelcast.configuration.map.BACKUPCOUNT` to the field `backupCount` of Hazelcast's MapConfig"),
    );
  });
  test('secrets do not show their shipped default', () => {
    const c = cursor('hazelcast.properties', 'com.openexchange.hazelcast.network.symmetricEncryption.pass|word=x');
    const text = (opened(c.doc).hover(c.doc.text, c.position)?.contents as MarkupContent).value;
    assert.ok(text.includes('| Default | (a publicly known secret: set your own) |'));
    assert.ok(!text.includes('2mw67LqNDEb3'));
  });
  test("a key's version facts in one paragraph after the description", () => {
    const paragraphs = (file: string, key: string) => {
      const c = cursor(file, `${key.slice(0, 20)}|${key.slice(20)}=x\n`);
      return (opened(c.doc).hover(c.doc.text, c.position)?.contents as MarkupContent).value.split('\n\n');
    };
    const versionParagraph = (file: string, key: string) => paragraphs(file, key)[2];
    assert.equal(versionParagraph('hazelcast.properties', 'com.openexchange.hazelcast.network.portOffset'), 'Since 7.10.5.');
    assert.equal(
      versionParagraph('hazelcast.properties', 'com.openexchange.hazelcast.network.client.nodes'),
      'Since 7.8.0. Removed in 8.11.',
    );
    assert.equal(
      versionParagraph('hazelcast.properties', 'com.openexchange.hazelcast.licenseKey'),
      'Since 7.10.1. Removed between 7.10.6 and 8.19 (exact version unknown).',
    );
    assert.equal(
      versionParagraph('sessiond.properties', 'com.openexchange.sessiond.maxSession'),
      'Stock value `0` since 8.12 (`50000` before); `50000` when the key is absent.',
    );
    assert.equal(
      versionParagraph('hazelcast.properties', 'com.openexchange.hazelcast.maxOperationTimeout'),
      'Stock value `30000` since 7.8.0 (`5000` before).',
    );
    assert.equal(
      versionParagraph('sessiond.properties', 'com.openexchange.sessiond.redis.enabled'),
      'Since 8.0 (documented) / 8.12 (change log).',
    );
    // A key the checks treat as gone says so above the description, and its other facts follow it.
    assert.deepEqual(paragraphs('hazelcast.properties', 'com.openexchange.hazelcast.group.password').slice(1, 3), [
      '⚠️ OX ignores it from 7.10.3.',
      'Former cluster password. OX ignores it since 7.10.3 (OX 8 only logs that it should be deleted); remove the line.',
    ]);
    const appendVersion = paragraphs('hazelcast.properties', 'com.openexchange.hazelcast.group.name.appendVersion');
    assert.equal(appendVersion[1], '⚠️ Removed in 7.10.3: OX ignores it.');
    assert.equal(appendVersion[3], 'Since 7.10.2.');
    // An old key without version facts has none, and goes straight on to the table.
    assert.ok(paragraphs('hazelcast.properties', 'com.openexchange.hazelcast.group.name')[2].startsWith('| | |'));
  });
  test('unknown keys and comments have no hover', () => {
    const c = cursor('hazelcast.properties', 'my.ke|y=1\n');
    assert.equal(opened(c.doc).hover(c.doc.text, c.position), null);
  });
});

describe('inlay hints', () => {
  test('what an empty value means and what a time span is', () => {
    const d = doc(
      'hazelcast.properties',
      'com.openexchange.hazelcast.network.interfaces=\ncom.openexchange.hazelcast.merge.runDelay=2m\ncom.openexchange.hazelcast.jmx=\n',
    );
    assert.deepEqual(
      opened(d)
        .inlayHints(d.text, ALL, SETTINGS)
        .map((h) => [h.position.line, h.position.character, h.label]),
      [
        [0, 46, '(empty: all interfaces)'],
        [1, 44, '= 2 minutes'],
        [2, 31, '(empty: false)'],
      ],
    );
    assert.deepEqual(opened(d).inlayHints(d.text, ALL, { rules: {}, inlayHints: false }), []);
  });
  test('durations in seconds', () => {
    const d = doc('hazelcast/sessions.properties', 'com.openexchange.hazelcast.configuration.map.maxIdleSeconds=640000\n');
    assert.deepEqual(
      opened(d)
        .inlayHints(d.text, ALL, SETTINGS)
        .map((h) => h.label),
      ['s ≈ 1 week 9 hours 46 minutes 40 seconds'],
    );
  });
});

describe('symbols and folding', () => {
  test('symbols grouped by key prefix, secrets masked', () => {
    const d = doc(
      'hazelcast.properties',
      [
        'com.openexchange.hazelcast.network.join=static',
        'com.openexchange.hazelcast.network.port=5701',
        'com.openexchange.hazelcast.group.name=x',
        'com.openexchange.hazelcast.network.symmetricEncryption.password=secret',
        'foo=1',
      ].join('\n'),
    );
    type Tree = [string, string | undefined, Tree[]];
    const tree = (s: ReturnType<LanguageService['symbols']>): Tree[] => s.map((x) => [x.name, x.detail, tree(x.children ?? [])]);
    assert.deepEqual(tree(opened(d).symbols(d.text)), [
      [
        'com.openexchange.hazelcast',
        undefined,
        [
          [
            'network',
            undefined,
            [
              ['join', 'static', []],
              ['port', '5701', []],
              ['symmetricEncryption.password', '••••••', []],
            ],
          ],
          ['group.name', 'x', []],
        ],
      ],
      ['foo', '1', []],
    ]);
  });
  test('a huge outline stops at the limit and says so', () => {
    const d = doc('hazelcast.properties', Array.from({ length: 12 }, (_, i) => `k${i}=${i}`).join('\n'));
    const symbols = documentSymbols(d, 10);
    assert.equal(symbols.length, 11);
    assert.equal(symbols[10].name, '… 2 more keys not listed (the outline stops at 10)');
    assert.deepEqual(symbols[10].range, { start: { line: 10, character: 0 }, end: { line: 11, character: 6 } });
  });
  test('comment blocks and continued entries fold', () => {
    const d = doc('hazelcast.properties', '# a\n# b\n# c\nkey=1,\\\n  2,\\\n  3\n# single\n');
    assert.deepEqual(opened(d).folding(d.text), [
      { startLine: 0, endLine: 2, kind: FoldingRangeKind.Comment },
      { startLine: 3, endLine: 5, kind: FoldingRangeKind.Region },
    ]);
  });
});

describe('code actions', () => {
  const text =
    'com.openexchange.hazelcast.jmx=yes\ncom.openexchange.hazelcast.mergeRunDelay=90s\ncom.openexchange.hazelcast.network.join=Statik\n';
  test('quick fixes come from the diagnostics sent back', () => {
    const d = doc('hazelcast.properties', text);
    const service = opened(d);
    const misread = service.diagnostics(d.uri).filter((x) => x.code === 'misread-value');
    const actions = service.codeActions(d.text, { diagnostics: misread });
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred]),
      [
        ['Change to true', CodeActionKind.QuickFix, true],
        ['Fix all OX Cluster Config problems', 'source.fixAll.ox-cluster-config', undefined],
      ],
    );
  });
  test('fix-all applies every fix that is the only one of its diagnostic', () => {
    const d = doc('hazelcast.properties', text);
    const [all] = opened(d).codeActions(d.text, { diagnostics: [], only: ['source.fixAll'] });
    assert.equal(all.kind, 'source.fixAll.ox-cluster-config');
    const edits = all.edit?.changes?.[d.uri] ?? [];
    assert.equal(
      applyEdits(text, edits),
      'com.openexchange.hazelcast.jmx=true\ncom.openexchange.hazelcast.merge.runDelay=90s\ncom.openexchange.hazelcast.network.join=static\n',
    );
  });

  test('fix-all and check --fix choose the same fixes: overlapping ones and a second insertion at one place are left out', () => {
    const uri = 'file:///n/etc/hazelcast.properties';
    const at = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
    const fix = (title: string, range: ReturnType<typeof at>, newText: string): Diagnostic => ({
      range,
      message: title,
      source: SOURCE,
      data: { fixes: [{ title, edits: [{ uri, range, newText }] }] },
    });
    const diagnostics = [
      fix('first', at(0, 0, 3), 'A'),
      fix('overlaps first', at(0, 2, 5), 'B'),
      fix('meets first', at(0, 3, 4), 'C'),
      fix('insert', at(1, 0, 0), 'D'),
      fix('insert again at the same place', at(1, 0, 0), 'E'),
    ];
    const text = 'abcdef\nxyz\n';
    const all = fixAll(diagnostics)!;
    assert.equal(applyEdits(text, all.edit!.changes![uri]), 'ACef\nDxyz\n');
    const applied = applyFixes(diagnostics, new Map([[uri, TextDocument.create(uri, 'ox-properties', 1, text)]]));
    assert.deepEqual([applied.texts.get(uri), applied.applied, applied.skipped], ['ACef\nDxyz\n', 3, 2]);
  });

  test('check --fix on 20,000 settings of one key keeps only the last', () => {
    const text = Array.from({ length: 20000 }, (_, i) => `com.openexchange.hazelcast.jmx=${i % 2 ? 'true' : 'false'}\n`).join('');
    const d = doc('hazelcast.properties', text);
    const applied = applyFixes(validate(d), new Map([[d.uri, d.text]]));
    assert.equal(applied.texts.get(d.uri), 'com.openexchange.hazelcast.jmx=true\n');
    assert.deepEqual([applied.applied, applied.skipped], [19999, 0]);
  });
});
