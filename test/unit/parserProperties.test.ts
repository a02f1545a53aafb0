// Property-based tests of parseProperties and escapeKey/escapeValue (fast-check, fixed seeds).
//
// (a) print/parse round trip: `escapeKey(k)=escapeValue(v)` lines, laid out with mixed line ends,
//     continuation splits, comments and blank lines, parse back to exactly the generated key/value list.
// (b) positions: every span of every entry, comment and problem lies inside the text, in order.
// (c) robustness: parsing never throws; each malformed \u escape yields exactly one problem.
// (d) an entry read alone (a scan that stops after it) is the entry the whole parse reads.
//
// A counterexample found here belongs in test/unit/parser.test.ts as an exact unit test.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { propertiesTextOfPieces } from '../support/arbitraries';
import fc from 'fast-check';
import { escapeKey, escapeValue } from '../../server/src/parser/javaText';
import { parseProperties, readEntry } from '../../server/src/parser/propertiesParser';
import { PropertiesDocument, PropertyEntry, Span } from '../../server/src/parser/types';
import { safeSplitPoints } from '../support/layout';

// Fixed seeds keep `npm test` deterministic; PROP_RUNS / PROP_SEED explore further by hand.
const RUNS = Number(process.env.PROP_RUNS ?? 2000);
const SEED_SHIFT = Number(process.env.PROP_SEED ?? 0);
const params = (seed: number, numRuns = RUNS): fc.Parameters<unknown> => ({ seed: (seed + SEED_SHIFT) | 0, numRuns });

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Characters that matter to Properties.load, weighted up so they are common. */
const SPECIAL = [' ', '=', ':', '#', '!', '\\', '\t', '\n', '\r', '\f', '\u000b', '\u0000', 'u', 'U', '0', '9', 'a', 'F', 'g', 'k'];

/** One UTF-16 code unit or code point: specials, Latin-1, any BMP unit (lone surrogates too), astral. */
const anyChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 3, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.integer({ min: 0x100, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
);

const anyString = (maxLength = 12) => fc.array(anyChar, { maxLength }).map((a) => a.join(''));

const EOL = fc.constantFrom('\n', '\r\n', '\r');
const WHITE = fc.array(fc.constantFrom(' ', '\t', '\f'), { maxLength: 3 }).map((a) => a.join(''));
/** Separators that keep escapeValue's contract: "=" or ":" with optional white space around it. */
const SEPARATOR = fc.constantFrom('=', ':', ' = ', '\t:', ' =\f', ':  ');

/** A comment line (no line break inside) or a blank line of white space. */
const filler: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(WHITE, fc.constantFrom('#', '!'), anyString(10)).map(([lead, marker, text]) => `${lead}${marker}${text.replace(/[\r\n]/g, '')}`),
  WHITE,
);

interface Printed {
  key: string;
  value: string;
  indent: string;
  separator: string;
  splits: number[];
  continuationIndent: string[];
  eol: string;
  before: Array<{ line: string; eol: string }>;
}

const printedEntry: fc.Arbitrary<Printed> = fc.record({
  key: anyString(),
  value: anyString(),
  indent: WHITE,
  separator: SEPARATOR,
  splits: fc.array(fc.nat(), { maxLength: 3 }),
  continuationIndent: fc.array(WHITE, { minLength: 3, maxLength: 3 }),
  eol: EOL,
  before: fc.array(fc.record({ line: filler, eol: EOL }), { maxLength: 2 }),
});

function printLine(p: Printed): string {
  const line = `${escapeKey(p.key)}${p.separator}${escapeValue(p.value)}`;
  const points = safeSplitPoints(line);
  const at = points.length ? [...new Set(p.splits.map((n) => points[n % points.length]))].sort((a, b) => a - b) : [];
  let out = '';
  let from = 0;
  at.forEach((point, k) => {
    out += `${line.slice(from, point)}\\${p.eol}${p.continuationIndent[k]}`;
    from = point;
  });
  return p.indent + out + line.slice(from);
}

function printDocument(entries: Printed[], trailing: boolean): string {
  let text = '';
  entries.forEach((p, i) => {
    for (const f of p.before) text += f.line + f.eol;
    text += printLine(p);
    if (i < entries.length - 1 || trailing) text += p.eol;
  });
  return text;
}

// ---------------------------------------------------------------------------------------------
// Invariants

function within(span: Span, length: number): boolean {
  return 0 <= span.start && span.start <= span.end && span.end <= length;
}

function show(text: string): string {
  return JSON.stringify(text);
}

/** Every structural invariant of a parsed document; throws (assert) on the first violation. */
function assertWellFormed(text: string, doc: PropertiesDocument): void {
  const n = text.length;
  const where = show(text);
  assert.equal(doc.text, text, where);
  let previousEnd = 0;
  for (const e of doc.entries) {
    for (const span of [e, e.keySpan, e.separatorSpan, e.valueSpan, ...e.lines, ...e.escapes]) {
      assert.ok(within(span, n), `${where}: span ${JSON.stringify(span)} outside [0, ${n}]`);
    }
    // Key <= separator <= value, all inside the entry.
    const chain = [
      e.start,
      e.keySpan.start,
      e.keySpan.end,
      e.separatorSpan.start,
      e.separatorSpan.end,
      e.valueSpan.start,
      e.valueSpan.end,
      e.end,
    ];
    for (let i = 1; i < chain.length; i++) assert.ok(chain[i - 1] <= chain[i], `${where}: offsets out of order ${chain}`);
    // Entries follow each other without overlapping.
    assert.ok(previousEnd <= e.start, `${where}: entry at ${e.start} overlaps the previous one (ends ${previousEnd})`);
    previousEnd = e.end;
    // Natural lines: in order, inside the entry, the first one starts it and the last one ends it.
    assert.ok(e.lines.length >= 1, `${where}: entry without lines`);
    assert.equal(e.lines[0].start, e.start, `${where}: first line starts the entry`);
    assert.equal(e.lines[e.lines.length - 1].end, e.end, `${where}: last line ends the entry`);
    for (let i = 1; i < e.lines.length; i++) assert.ok(e.lines[i - 1].end < e.lines[i].start, `${where}: lines overlap`);
    for (const line of e.lines) assert.ok(!/[\r\n]/.test(text.slice(line.start, line.end)), `${where}: a line holds a line break`);
    // Escapes: non-empty, in order, inside the entry; a raw escape starts with a backslash.
    let escapeEnd = e.start;
    for (const x of e.escapes) {
      assert.ok(x.start < x.end && escapeEnd <= x.start && x.end <= e.end, `${where}: escape ${JSON.stringify(x)}`);
      assert.equal(text[x.start], '\\', `${where}: escape at ${x.start} does not start with a backslash`);
      assert.equal(!!x.malformed, x.decoded === '' && x.kind === 'unicode', `${where}: malformed flag of ${JSON.stringify(x)}`);
      escapeEnd = x.end;
    }
    assert.equal(
      e.malformed,
      e.escapes.some((x) => x.malformed),
      `${where}: entry.malformed`,
    );
    // Raw text equals the decoded text where nothing is escaped or continued.
    const plain = (span: Span) =>
      !e.escapes.some((x) => x.start < span.end && span.start < x.end) && e.lines.some((l) => l.start <= span.start && span.end <= l.end);
    if (plain(e.keySpan)) assert.equal(text.slice(e.keySpan.start, e.keySpan.end), e.key, `${where}: raw key`);
    if (plain(e.valueSpan)) assert.equal(text.slice(e.valueSpan.start, e.valueSpan.end), e.value, `${where}: raw value`);
    // The separator span holds the separator character (when any) and white space only.
    const sep = text.slice(e.separatorSpan.start, e.separatorSpan.end);
    if (plain(e.separatorSpan)) {
      assert.ok(/^[ \t\f]*[=:]?[ \t\f]*$/.test(sep), `${where}: separator text ${show(sep)}`);
      if (e.separator === '=' || e.separator === ':')
        assert.ok(sep.includes(e.separator), `${where}: separator ${e.separator} not in ${show(sep)}`);
    }
    // The key starts with something that is no white space, comment marker or line break.
    if (e.keySpan.end > e.keySpan.start) assert.ok(!' \t\f\r\n'.includes(text[e.keySpan.start]), `${where}: key starts with white space`);
  }
  for (const c of doc.comments) {
    assert.ok(within(c, n), `${where}: comment ${JSON.stringify(c)}`);
    assert.ok(c.marker === '#' || c.marker === '!', where);
    assert.equal(text[c.start], c.marker, `${where}: comment marker`);
    assert.equal(text.slice(c.start + 1, c.end), c.text, `${where}: comment text`);
    for (const e of doc.entries) {
      assert.ok(c.end <= e.start || e.end <= c.start, `${where}: comment ${JSON.stringify(c)} overlaps entry ${e.start}-${e.end}`);
    }
  }
  for (let i = 1; i < doc.comments.length; i++)
    assert.ok(doc.comments[i - 1].end < doc.comments[i].start, `${where}: comments out of order`);
  // One problem per malformed escape, with the same span.
  const malformed = doc.entries.flatMap((e) => e.escapes.filter((x) => x.malformed));
  assert.deepEqual(
    doc.problems.map((p) => [p.start, p.end]),
    malformed.map((x) => [x.start, x.end]),
    `${where}: problems vs malformed escapes`,
  );
  for (const p of doc.problems) {
    assert.ok(within(p, n) && p.start < p.end, `${where}: problem ${JSON.stringify(p)}`);
    assert.equal(p.code, 'malformed-unicode-escape', where);
  }
}

// ---------------------------------------------------------------------------------------------
// (a) decode(print(x)) == x

describe('properties: escapeKey/escapeValue and parseProperties round trip', () => {
  test('printed key/value lists parse back to exactly the same list', () => {
    fc.assert(
      fc.property(fc.array(printedEntry, { maxLength: 6 }), fc.boolean(), (entries, trailing) => {
        const text = printDocument(entries, trailing);
        const doc = parseProperties(text);
        assert.deepEqual(
          doc.entries.map((e) => [e.key, e.value]),
          entries.map((p) => [p.key, p.value]),
          `text ${show(text)}`,
        );
        assert.deepEqual(doc.problems, [], `text ${show(text)}`);
        assertWellFormed(text, doc);
      }),
      params(0x0a11ce),
    );
  });

  test('one entry, raw keys and values of any UTF-16 units, without layout', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (key, value) => {
        const text = `${escapeKey(key)}=${escapeValue(value)}`;
        const doc = parseProperties(text);
        assert.deepEqual(
          doc.entries.map((e) => [e.key, e.value]),
          [[key, value]],
          show(text),
        );
        // The escaped forms are plain Latin-1: safe for an ISO-8859-1 .properties file.
        assert.ok(/^[\u0000-\u00ff]*$/.test(text), show(text));
      }),
      params(0x0b0b),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (b) positions

describe('properties: positions always cover their text', () => {
  test('strings of special characters', () => {
    fc.assert(
      fc.property(
        fc.array(anyChar, { maxLength: 40 }).map((a) => a.join('')),
        (text) => {
          assertWellFormed(text, parseProperties(text));
        },
      ),
      params(0x5face),
    );
  });

  test('printed documents with comments, continuations and mixed line ends', () => {
    fc.assert(
      fc.property(fc.array(printedEntry, { maxLength: 5 }), fc.boolean(), (entries, trailing) => {
        const text = printDocument(entries, trailing);
        assertWellFormed(text, parseProperties(text));
      }),
      params(0x5face2),
    );
  });

  test('lines built from pieces that continue, escape and comment', () => {
    fc.assert(
      fc.property(propertiesTextOfPieces(25, ['\u20ac']), (text) => {
        assertWellFormed(text, parseProperties(text));
      }),
      params(0x5face3),
    );
  });
});

/** Everything an entry says, as plain data. */
function entryData(e: PropertyEntry): unknown {
  const { start, end, key, value, separator, keySpan, separatorSpan, valueSpan, lines, escapes, malformed } = e;
  return { start, end, key, value, separator, keySpan, separatorSpan, valueSpan, lines, escapes, malformed };
}

// A scan that stops after one entry (readEntry, as a reparse does after a few lines) searches only the line
// it is on; a scan of the whole text searches ahead. Both must read every entry alike.
describe('properties: an entry read alone is the entry of the whole parse', () => {
  for (const [name, texts, seed] of [
    ['strings of special characters', fc.array(anyChar, { maxLength: 40 }).map((a) => a.join('')), 0x5face4],
    ['lines built from pieces that continue, escape and comment', propertiesTextOfPieces(25, ['\u20ac']), 0x5face5],
  ] as const) {
    test(name, () => {
      fc.assert(
        fc.property(texts, (text) => {
          for (const entry of parseProperties(text).entries) {
            const alone = readEntry(text, entry.start);
            assert.ok(alone, `${JSON.stringify(text)}: no entry at ${entry.start}`);
            assert.deepEqual(entryData(alone), entryData(entry), JSON.stringify(text));
          }
        }),
        params(seed),
      );
    });
  }
});

// ---------------------------------------------------------------------------------------------
// (c) robustness and malformed \u escapes

describe('properties: parsing never throws', () => {
  test('fc.string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => assertWellFormed(text, parseProperties(text))),
      params(0xc0ffee),
    );
  });

  test('full Unicode strings (fc.string with unit "binary")', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => assertWellFormed(text, parseProperties(text))),
      params(0xc0ffee2),
    );
  });

  test('bytes decoded as Latin-1', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const text = Buffer.from(bytes).toString('latin1');
        assertWellFormed(text, parseProperties(text));
      }),
      params(0xc0ffee3),
    );
  });

  test('each malformed \\u escape yields exactly one problem, spanning it', () => {
    const HEX = '0123456789abcdefABCDEF';
    // A malformed escape: \u and 0 to 3 hex digits, then a character that is no hex digit (or the line end).
    const malformedEscape = fc.record({
      digits: fc.array(fc.constantFrom(...HEX), { maxLength: 3 }).map((a) => a.join('')),
      stop: fc.constantFrom('', 'x', 'G', 'z', '-', '.', ' ', '\u00e9', '\\t', '\\\\', '\\u0041', '\\u12'),
    });
    const good = anyString(6).map(escapeValue);
    // `splits`: offsets inside the part where a continuation may go (before a character that is no white space).
    const part = fc.oneof(
      good.map((raw) => ({
        raw,
        bad: 0,
        splits: safeSplitPoints(`x${raw}`)
          .map((p) => p - 1)
          .filter((p) => p > 0),
      })),
      malformedEscape.map(({ digits, stop }) => ({
        raw: `\\u${digits}${stop}`,
        bad: stop === '\\u12' ? 2 : 1,
        // Java reads \uXXXX on the joined line, so a continuation may split its digits.
        splits: Array.from({ length: digits.length + 1 }, (_, k) => 2 + k).filter(
          (p) => p < 2 + digits.length || (stop !== '' && stop !== ' '),
        ),
      })),
    );
    const line = fc.record({
      key: anyString(6),
      parts: fc.array(part, { maxLength: 4 }),
      eol: EOL,
      split: fc.nat(),
      splitIt: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 4 }), (lines) => {
        let text = '';
        let expected = 0;
        for (const l of lines) {
          // A part ending in a short \u escape (stop '' or '\u12') only at the end of the line: hex digits after it would complete it.
          const parts = l.parts.filter((p, i) => i === l.parts.length - 1 || !/\\u[0-9a-fA-F]{0,3}$/.test(p.raw));
          expected += parts.reduce((sum, p) => sum + p.bad, 0);
          // Continuation points: inside a part, or between parts before one that starts with no white space.
          const points: number[] = [];
          let offset = 0;
          parts.forEach((p, i) => {
            if (i > 0 && p.raw !== '' && !' \t\f'.includes(p.raw[0])) points.push(offset);
            for (const s of p.splits) points.push(offset + s);
            offset += p.raw.length;
          });
          let value = parts.map((p) => p.raw).join('');
          if (l.splitIt && points.length) {
            const at = points[l.split % points.length];
            value = `${value.slice(0, at)}\\${l.eol}  ${value.slice(at)}`;
          }
          text += `${escapeKey(l.key)}=${value}${l.eol}`;
        }
        const doc = parseProperties(text);
        assert.equal(doc.problems.length, expected, `text ${show(text)}: ${JSON.stringify(doc.problems.map((p) => [p.start, p.end]))}`);
        for (const p of doc.problems) {
          assert.ok(within(p, text.length) && p.start < p.end, show(text));
          assert.equal(text.slice(p.start, p.start + 2), '\\u', `${show(text)}: problem at ${p.start}`);
        }
        assertWellFormed(text, doc);
      }),
      params(0xbad5eed),
    );
  });
});
