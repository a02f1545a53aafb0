// Incremental reparsing (server/src/parser/reparse.ts, updateOxDocument): after any chain of edits the
// result equals a full parse of the new text, item for item, span for span (fast-check, fixed seeds).

import { catalog } from '../support/catalog';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createOxDocument, OxDocument, updateOxDocument } from '../../server/src/model/properties/propertiesDocument';
import { parseProperties } from '../../server/src/parser/propertiesParser';
import { reparseProperties } from '../../server/src/parser/reparse';
import { PropertiesDocument } from '../../server/src/parser/types';
import { CORPUS, NO_CORPUS, oxFilesBelow } from '../support/corpus';
import { PROPERTIES_LINE_PIECES, propertiesTextOfPieces } from '../support/arbitraries';
import { applyEdits } from '../support/edits';
import { plainEntry } from '../support/parsed';

const RUNS = Number(process.env.PROP_RUNS ?? 2000);
const SEED_SHIFT = Number(process.env.PROP_SEED ?? 0);
const params = (seed: number): fc.Parameters<unknown> => ({ seed: (seed + SEED_SHIFT) | 0, numRuns: RUNS });

/** Everything a parse exposes, read through the getters, as plain data. */
function snapshot(doc: PropertiesDocument): unknown {
  return {
    entries: doc.entries.map(plainEntry),
    comments: doc.comments.map((c) => ({ start: c.start, end: c.end, marker: c.marker, text: c.text })),
    problems: doc.problems.map((p) => ({ ...p })),
  };
}

function oxSnapshot(doc: OxDocument): unknown {
  return {
    parsed: snapshot(doc.parsed),
    entries: doc.entries.map((e) => ({
      key: e.key,
      value: e.value,
      valueSpan: e.valueSpan,
      known: e.known?.canonicalKey,
      entry: e.entry.start,
    })),
  };
}

/** Text of pieces that continue lines, escape, comment, separate and end lines, so that edits cross every reading rule. */
const arbitraryPropertiesText = (maxLength: number) => propertiesTextOfPieces(maxLength, PROPERTIES_LINE_PIECES);

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const arbitraryEdit: fc.Arbitrary<Edit> = fc.record({ at: fc.nat(), remove: fc.nat({ max: 6 }), insert: arbitraryPropertiesText(3) });

/** The text after one generated edit, its place and length taken modulo the text. */
function apply(base: string, e: Edit): string {
  const at = e.at % (base.length + 1);
  return applyEdits(base, [{ start: at, end: Math.min(base.length, at + e.remove), newText: e.insert }]);
}

describe('incremental reparse equals a full parse', () => {
  test('one edit anywhere in a document of continuations, escapes and comments', () => {
    fc.assert(
      fc.property(arbitraryPropertiesText(40), arbitraryEdit, (before, e) => {
        const after = apply(before, e);
        const reparse = reparseProperties(parseProperties(before), after);
        assert.ok(reparse);
        assert.deepEqual(snapshot(reparse.document), snapshot(parseProperties(after)));
      }),
      params(0x1ec0de),
    );
  });

  test('chains of edits, each reparsed from the previous reparse', () => {
    fc.assert(
      fc.property(arbitraryPropertiesText(40), fc.array(arbitraryEdit, { minLength: 1, maxLength: 6 }), (start, edits) => {
        let current = parseProperties(start);
        for (const e of edits) {
          const next = apply(current.text, e);
          const reparse = reparseProperties(current, next);
          assert.ok(reparse);
          assert.deepEqual(snapshot(reparse.document), snapshot(parseProperties(next)));
          current = reparse.document;
        }
      }),
      params(0x1ec0de2),
    );
  });

  test('updateOxDocument equals createOxDocument, catalog facts included', () => {
    const uri = 'file:///n/etc/hazelcast.properties';
    const arbitraryHazelcastLine = fc.constantFrom(
      'com.openexchange.hazelcast.group.name=ox',
      'com.openexchange.hazelcast.network.join=static',
      '# note',
      'unknown.key = 1',
      'com.openexchange.hazelcast.network.port\\\n  =5701',
      '',
    );
    fc.assert(
      fc.property(
        fc.array(arbitraryHazelcastLine, { maxLength: 12 }),
        fc.array(arbitraryEdit, { minLength: 1, maxLength: 4 }),
        (lines, edits) => {
          let doc = createOxDocument(TextDocument.create(uri, 'ox-properties', 1, lines.join('\n')), catalog);
          edits.forEach((e, i) => {
            const next = TextDocument.create(uri, 'ox-properties', i + 2, apply(doc.parsed.text, e));
            doc = updateOxDocument(doc, next, catalog);
            assert.deepEqual(oxSnapshot(doc), oxSnapshot(createOxDocument(next, catalog)));
          });
        },
      ),
      params(0x1ec0de3),
    );
  });
});

describe('incremental reparse of the stock OX files', () => {
  test('random edits of real files give what a full parse gives', (t) => {
    if (!fs.existsSync(CORPUS)) {
      t.skip(NO_CORPUS);
      return;
    }
    const texts = oxFilesBelow(CORPUS).map((f) => fs.readFileSync(f).toString('latin1'));
    fc.assert(
      fc.property(fc.nat(), fc.array(arbitraryEdit, { minLength: 1, maxLength: 5 }), (pick, edits) => {
        let current = parseProperties(texts[pick % texts.length]);
        for (const e of edits) {
          const next = apply(current.text, e);
          const reparse = reparseProperties(current, next)!;
          assert.deepEqual(snapshot(reparse.document), snapshot(parseProperties(next)));
          current = reparse.document;
        }
      }),
      { ...params(0x1ec0de4), numRuns: Math.ceil(RUNS / 4) },
    );
  });
});

describe('incremental reparse reuses what did not change', () => {
  test('typing in the middle of a large file keeps the entries before and moves the entries after', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? `# section ${i}` : `key.${i}=value ${i}`));
    const before = lines.join('\n');
    const at = before.indexOf('key.501=') + 'key.501'.length;
    const after = `${before.slice(0, at)}x${before.slice(at)}`;
    const previous = parseProperties(before);
    const reparse = reparseProperties(previous, after)!;
    // 450 entries and 51 comments come before key.501; the scan stops at key.502, found again unchanged.
    assert.equal(reparse.keptBefore, 450, 'entries before the edited line are the same objects');
    assert.equal(reparse.movedFrom, 452);
    assert.equal(reparse.previousMovedFrom, 452);
    assert.equal(reparse.delta, 1);
    assert.equal(reparse.document.entries[449], previous.entries[449]);
    assert.equal(reparse.document.entries[450].key, 'key.501x');
    assert.deepEqual(reparse.document.entries[452].keySpan, {
      start: previous.entries[452].start + 1,
      end: previous.entries[452].keySpan.end + 1,
    });
    assert.deepEqual(snapshot(reparse.document), snapshot(parseProperties(after)));
  });

  test('a continuation backslash added at the end of a line joins the next line into its entry', () => {
    const before = 'a=1\nb=2\nc=3\nd=4';
    const after = 'a=1\nb=2\\\nc=3\nd=4';
    const reparse = reparseProperties(parseProperties(before), after)!;
    assert.deepEqual(
      reparse.document.entries.map((e) => [e.key, e.value]),
      [
        ['a', '1'],
        ['b', '2c=3'],
        ['d', '4'],
      ],
    );
    assert.deepEqual(snapshot(reparse.document), snapshot(parseProperties(after)));
  });
});

describe('incremental reparse lets old texts go', () => {
  test('1,000 edits at scattered lines do not keep the 1,000 texts alive', () => {
    // Long slices are views of their text in V8: entries made by a reparse get strings of their own.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const lines = Array.from({ length: 2000 }, (_, i) => `com.openexchange.some.key.number${i}=a value that is long enough ${i}`);
    let text = TextDocument.create('file:///n/etc/hazelcast.properties', 'ox-properties', 1, lines.join('\n'));
    let doc = createOxDocument(text, catalog);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1000; i++) {
      const line = (i * 7919) % lines.length;
      text = TextDocument.update(text, [{ range: { start: { line, character: 5 }, end: { line, character: 5 } }, text: 'x' }], i + 2);
      doc = updateOxDocument(doc, text, catalog);
    }
    gc();
    const growthMiB = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    // Each text is 0.15 MiB: keeping them would grow the heap by about 150 MiB.
    assert.ok(growthMiB < 20, `heap grew by ${growthMiB.toFixed(1)} MiB`);
    assert.equal(doc.entries.length, 2000);
  });
});
