// A large document keeps its settings compact (model/properties/compact.ts): every setting, parsed entry,
// comment and problem it yields equals what the regular parse of the same text yields.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createOxDocument, OxDocument, updateOxDocument } from '../../server/src/model/properties/propertiesDocument';
import { PropertyEntry } from '../../server/src/parser/types';
import { propertiesTextOfPieces } from '../support/arbitraries';
import { generateRealisticPropertiesFile } from '../support/generate';
import { catalog } from '../support/service';
import { canonicalIndex } from '../../server/src/model/document';
import { hashOfKey } from '../../server/src/util/keyIndex';

/** Keys the catalog knows (exact, a Hazelcast field in odd case, a pattern in cache.ccf), control characters and trailing blanks. */
const EXTRA = [
  'com.openexchange.hazelcast.enabled',
  'com.openexchange.hazelcast.configuration.map.sessions.BACKUPCOUNT',
  'jcs.region.users.cacheattributes.MaxObjects',
  '\u0001',
  '\u0000',
  'true ',
  ' \n',
];

function entryFields(e: PropertyEntry) {
  const { start, end, key, value, keySpan, separatorSpan, separator, valueSpan, lines, escapes, malformed } = e;
  return { start, end, key, value, keySpan, separatorSpan, separator, valueSpan, lines, escapes, malformed };
}

function view(doc: OxDocument) {
  return {
    settings: doc.settings.map((s) => ({
      key: s.key,
      canonicalKey: s.canonicalKey,
      value: s.value,
      keyRange: s.keyRange,
      valueRange: s.valueRange,
      valueSpan: s.valueSpan,
      range: s.range,
      origin: s.origin,
      known: s.known,
      malformed: s.malformed,
      entry: entryFields(s.entry),
    })),
    entries: doc.entries.length,
    parsed: doc.parsed.entries.map(entryFields),
    comments: doc.comments.map((c) => ({ start: c.start, end: c.end, text: c.text })),
    problems: doc.syntaxProblems,
    unreadable: doc.unreadable,
    large: doc.large,
  };
}

function assertSameAsRegular(uri: string, text: string): OxDocument {
  const textDoc = TextDocument.create(uri, 'ox-properties', 1, text);
  const regular = createOxDocument(textDoc, catalog);
  const compact = createOxDocument(textDoc, catalog, Infinity, 0);
  assert.deepEqual(view(compact), view(regular), JSON.stringify(text));
  // The key hashes made during the scan are those of the canonical keys, and index the keys as the regular parse does.
  const hashes = compact.canonicalKeyHashes!;
  assert.deepEqual(
    compact.settings.map((_, i) => hashes[i]),
    compact.settings.map((s) => hashOfKey(s.canonicalKey)),
  );
  assert.equal(regular.canonicalKeyHashes, undefined);
  const [a, b] = [compact, regular].map((doc) => {
    const index = canonicalIndex(doc);
    return { keys: [...index.keys()], last: doc.settings.map((_, i) => doc.settings.indexOf(index.lastLike(i))) };
  });
  assert.deepEqual(a, b);
  return compact;
}

test('a compact document yields the settings, entries, comments and problems of the regular parse', () => {
  for (const uri of ['file:///n/etc/hazelcast.properties', 'file:///n/etc/cache.ccf']) {
    fc.assert(
      fc.property(propertiesTextOfPieces(40, EXTRA), (text) => {
        assertSameAsRegular(uri, text);
      }),
      { seed: 20261206, numRuns: 2000 },
    );
  }
});

test('a compact document of the generated realistic file, with CRLF and CR line breaks too', () => {
  const text = generateRealisticPropertiesFile(64 * 1024);
  for (const t of [text, text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r')]) {
    const doc = assertSameAsRegular('file:///n/etc/hazelcast.properties', t);
    assert.equal(doc.settings.length, 1809);
  }
});

test('mixed line breaks hold more lines than either kind counts: the compact table grows', () => {
  const text = Array.from({ length: 100 }, (_, i) => `k${i}=v${i}${i % 2 ? '\r' : '\n'}`).join('');
  const doc = assertSameAsRegular('file:///n/etc/hazelcast.properties', text);
  assert.equal(doc.settings.length, 100);
  assert.equal(doc.settings[99].value, 'v99');
});

test('a compact document is parsed again in full on an edit, with the result of a regular parse', () => {
  const before = 'a=1\nb=2\n';
  const after = 'a=1\nb=22\nc=3\n';
  const compact = createOxDocument(TextDocument.create('file:///n/etc/x.properties', 'ox-properties', 1, before), catalog, Infinity, 0);
  const edited = TextDocument.create('file:///n/etc/x.properties', 'ox-properties', 2, after);
  const updated = updateOxDocument(compact, edited, catalog);
  assert.deepEqual(view(updated), view(createOxDocument(edited, catalog)));
});
