// Unit tests of parseProperties: decoded keys/values as java.util.Properties.load (JDK 17) reads them
// (each expectation was checked against the JDK, see test/differential) and the exact source offsets.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MALFORMED_ESCAPE_MESSAGE, parseProperties } from '../../server/src/parser/propertiesParser';
import { PropertyEntry } from '../../server/src/parser/types';
import { plainEntry } from '../support/parsed';

function pairs(text: string): [string, string][] {
  return parseProperties(text).entries.map((e): [string, string] => [e.key, e.value]);
}

function only(text: string): PropertyEntry {
  const doc = parseProperties(text);
  assert.equal(doc.entries.length, 1, `expected one entry in ${JSON.stringify(text)}`);
  return doc.entries[0];
}

describe('parseProperties: entries and offsets', () => {
  test('a realistic OX line', () => {
    const doc = parseProperties('com.openexchange.hazelcast.network.join=static\n');
    assert.deepEqual(doc.entries.map(plainEntry), [
      {
        start: 0,
        end: 46,
        key: 'com.openexchange.hazelcast.network.join',
        value: 'static',
        keySpan: { start: 0, end: 39 },
        separatorSpan: { start: 39, end: 40 },
        separator: '=',
        valueSpan: { start: 40, end: 46 },
        lines: [{ start: 0, end: 46 }],
        escapes: [],
        malformed: false,
      },
    ]);
    assert.deepEqual(
      doc.comments.map(({ start, end, marker, text }) => ({ start, end, marker, text })),
      [],
    );
    assert.deepEqual(doc.problems, []);
  });

  test('leading white space is dropped, white space around the separator belongs to it, trailing white space stays', () => {
    //           0 1 2 3 4 5 6  7 8 9  10 11…15 16 17
    const text = '  key \t: \f value  ';
    assert.deepEqual(plainEntry(only(text)), {
      start: 2,
      end: 18,
      key: 'key',
      value: 'value  ',
      keySpan: { start: 2, end: 5 },
      separatorSpan: { start: 5, end: 11 },
      separator: ':',
      valueSpan: { start: 11, end: 18 },
      lines: [{ start: 2, end: 18 }],
      escapes: [],
      malformed: false,
    });
  });

  test('separators: "=", ":", white space (incl. \\f) and one "=" or ":" after white space', () => {
    const cases: [string, string, string, string][] = [
      // text, key, separator, value
      ['key:=v', 'key', ':', '=v'],
      ['key=:v', 'key', '=', ':v'],
      ['key==v', 'key', '=', '=v'],
      ['key = = v', 'key', '=', '= v'],
      ['key\t:\tv', 'key', ':', 'v'],
      ['key\f\fvalue', 'key', ' ', 'value'],
      ['key value', 'key', ' ', 'value'],
      ['key  :  ', 'key', ':', ''],
      ['key', 'key', '', ''],
      ['key   ', 'key', ' ', ''],
      ['k\u000bv=1', 'k\u000bv', '=', '1'], // vertical tab is not white space
      ['k\u00a0v=1', 'k\u00a0v', '=', '1'], // nor is NBSP
    ];
    for (const [text, key, separator, value] of cases) {
      const e = only(text);
      assert.deepEqual([e.key, e.separator, e.value], [key, separator, value], JSON.stringify(text));
    }
  });

  test('empty keys', () => {
    assert.deepEqual(plainEntry(only('=v')), {
      start: 0,
      end: 2,
      key: '',
      value: 'v',
      keySpan: { start: 0, end: 0 },
      separatorSpan: { start: 0, end: 1 },
      separator: '=',
      valueSpan: { start: 1, end: 2 },
      lines: [{ start: 0, end: 2 }],
      escapes: [],
      malformed: false,
    });
    const e = only(' : v');
    assert.deepEqual(
      [e.key, e.keySpan, e.separatorSpan, e.valueSpan],
      ['', { start: 1, end: 1 }, { start: 1, end: 3 }, { start: 3, end: 4 }],
    );
  });

  test('continuation lines inside key, separator and value, with CRLF and CR and a \\u escape split across lines', () => {
    // k0 e1 \2 CR3 LF4 _5 _6 y7 _8 =9 _10 a11 \12 u13 0 14 0 15 \16 CR17 _18 _19 _20 e21 9 22 b23 LF24 n25 e26 x27 t28
    const text = 'ke\\\r\n  y = a\\u00\\\r   e9b\nnext';
    const doc = parseProperties(text);
    assert.deepEqual(doc.entries.map(plainEntry), [
      {
        start: 0,
        end: 24,
        key: 'key',
        value: 'a\u00e9b',
        keySpan: { start: 0, end: 8 },
        separatorSpan: { start: 8, end: 11 },
        separator: '=',
        valueSpan: { start: 11, end: 24 },
        lines: [
          { start: 0, end: 3 },
          { start: 7, end: 17 },
          { start: 21, end: 24 },
        ],
        escapes: [{ start: 12, end: 23, kind: 'unicode', decoded: '\u00e9' }],
        malformed: false,
      },
      {
        start: 25,
        end: 29,
        key: 'next',
        value: '',
        keySpan: { start: 25, end: 29 },
        separatorSpan: { start: 29, end: 29 },
        separator: '',
        valueSpan: { start: 29, end: 29 },
        lines: [{ start: 25, end: 29 }],
        escapes: [],
        malformed: false,
      },
    ]);
    assert.equal(text.slice(12, 23), '\\u00\\\r   e9');
  });

  test('a value that starts on the continuation line', () => {
    const e = only('key=\\\n   value');
    assert.deepEqual(
      [e.key, e.value, e.separatorSpan, e.valueSpan, e.lines],
      [
        'key',
        'value',
        { start: 3, end: 4 },
        { start: 9, end: 14 },
        [
          { start: 0, end: 5 },
          { start: 9, end: 14 },
        ],
      ],
    );
  });

  test('a continued line holding only a backslash stays part of the entry', () => {
    const e = only('a\\\n\\\nb');
    assert.deepEqual(
      [e.key, e.keySpan, e.lines],
      [
        'ab',
        { start: 0, end: 6 },
        [
          { start: 0, end: 2 },
          { start: 3, end: 4 },
          { start: 5, end: 6 },
        ],
      ],
    );
  });

  test('odd vs even trailing backslashes', () => {
    assert.deepEqual(pairs('a=1\\\nb=2'), [['a', '1b=2']]);
    assert.deepEqual(pairs('a=1\\\\\nb=2'), [
      ['a', '1\\'],
      ['b', '2'],
    ]);
    assert.deepEqual(pairs('a=1\\\\\\\n  b=2'), [['a', '1\\b=2']]);
  });

  test('a continuation followed by an empty line ends the entry', () => {
    const doc = parseProperties('key=a\\\n\nb=2');
    assert.deepEqual(
      doc.entries.map((e) => [e.key, e.value, e.start, e.end, e.lines]),
      [
        ['key', 'a', 0, 6, [{ start: 0, end: 6 }]],
        ['b', '2', 8, 11, [{ start: 8, end: 11 }]],
      ],
    );
    // White space only on the next line: the same.
    assert.deepEqual(pairs('key=a\\\n   \r\nb=2'), [
      ['key', 'a'],
      ['b', '2'],
    ]);
  });

  test('a "#" on a continuation line is part of the value', () => {
    const e = only('k=v\\\n  # not');
    assert.deepEqual([e.key, e.value, e.valueSpan], ['k', 'v# not', { start: 2, end: 12 }]);
  });

  test('LF, CRLF and CR line ends, mixed, with blank lines', () => {
    assert.deepEqual(
      parseProperties('a=1\rb=2\r\rc=3').entries.map((e) => [e.key, e.value, e.start, e.end]),
      [
        ['a', '1', 0, 3],
        ['b', '2', 4, 7],
        ['c', '3', 9, 12],
      ],
    );
    assert.deepEqual(
      parseProperties('a=1\r\nb=2\n\r\nc=3').entries.map((e) => [e.key, e.value, e.start, e.end]),
      [
        ['a', '1', 0, 3],
        ['b', '2', 5, 8],
        ['c', '3', 11, 14],
      ],
    );
    // CR continued, then CR: the empty line ends the entry.
    assert.deepEqual(pairs('k=a\\\r\r\nb'), [
      ['k', 'a'],
      ['b', ''],
    ]);
    assert.deepEqual(pairs(' \t\f\n\r\n   \n'), []);
  });

  test('escapes: control, literal and \\u, with their spans', () => {
    const text = 'k\\ ey=\\t\\n\\r\\f\\\\\\=\\:\\#\\!\\q\\u0041\\u00e9';
    assert.deepEqual(plainEntry(only(text)), {
      start: 0,
      end: 38,
      key: 'k ey',
      value: '\t\n\r\f\\=:#!qA\u00e9',
      keySpan: { start: 0, end: 5 },
      separatorSpan: { start: 5, end: 6 },
      separator: '=',
      valueSpan: { start: 6, end: 38 },
      lines: [{ start: 0, end: 38 }],
      escapes: [
        { start: 1, end: 3, kind: 'literal', decoded: ' ' },
        { start: 6, end: 8, kind: 'control', decoded: '\t' },
        { start: 8, end: 10, kind: 'control', decoded: '\n' },
        { start: 10, end: 12, kind: 'control', decoded: '\r' },
        { start: 12, end: 14, kind: 'control', decoded: '\f' },
        { start: 14, end: 16, kind: 'literal', decoded: '\\' },
        { start: 16, end: 18, kind: 'literal', decoded: '=' },
        { start: 18, end: 20, kind: 'literal', decoded: ':' },
        { start: 20, end: 22, kind: 'literal', decoded: '#' },
        { start: 22, end: 24, kind: 'literal', decoded: '!' },
        { start: 24, end: 26, kind: 'literal', decoded: 'q' },
        { start: 26, end: 32, kind: 'unicode', decoded: 'A' },
        { start: 32, end: 38, kind: 'unicode', decoded: '\u00e9' },
      ],
      malformed: false,
    });
    assert.deepEqual(pairs('a\\=b\\:c=\\u00E9\\u00c4\\uD83D\\ude00'), [['a=b:c', '\u00e9\u00c4\ud83d\ude00']]);
    assert.deepEqual(pairs('k\\\t\\\fx=\\u003d\\u0020'), [['k\t\fx', '= ']]);
  });

  test('Latin-1 characters and duplicate keys (every put is kept, in order)', () => {
    assert.deepEqual(pairs('caf\u00e9=\u00ff\u0080\u00a0\ndup=1\ndup=2\ndup\\\n  =3'), [
      ['caf\u00e9', '\u00ff\u0080\u00a0'],
      ['dup', '1'],
      ['dup', '2'],
      ['dup', '3'],
    ]);
  });
});

describe('parseProperties: comments', () => {
  test('"#" and "!" after optional white space; a comment is never continued', () => {
    // _0 \t1 \f2 #3 _4 c5 1 6 CR7 LF8 !9 c10 2 11 LF12 #13 c14 \15 LF16 k17 =18 v19
    const doc = parseProperties(' \t\f# c1\r\n!c2\n#c\\\nk=v');
    assert.deepEqual(
      doc.comments.map(({ start, end, marker, text }) => ({ start, end, marker, text })),
      [
        { start: 3, end: 7, marker: '#', text: ' c1' },
        { start: 9, end: 12, marker: '!', text: 'c2' },
        { start: 13, end: 16, marker: '#', text: 'c\\' },
      ],
    );
    assert.deepEqual(
      doc.entries.map((e) => [e.key, e.value, e.start, e.end]),
      [['k', 'v', 17, 20]],
    );
  });

  test('a malformed \\u inside a comment is no problem', () => {
    const doc = parseProperties('# \\u12 \\uXYZW\nk=v');
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(pairs('# \\u12 \\uXYZW\nk=v'), [['k', 'v']]);
  });
});

describe('parseProperties: JDK quirks', () => {
  test('a line holding only a backslash starts nothing: the next "#" line is still a comment', () => {
    const doc = parseProperties('\\\n# comment\nkey=value');
    assert.deepEqual(
      doc.comments.map(({ start, end, marker, text }) => ({ start, end, marker, text })),
      [{ start: 2, end: 11, marker: '#', text: ' comment' }],
    );
    assert.deepEqual(doc.entries.map(plainEntry), [
      {
        start: 12,
        end: 21,
        key: 'key',
        value: 'value',
        keySpan: { start: 12, end: 15 },
        separatorSpan: { start: 15, end: 16 },
        separator: '=',
        valueSpan: { start: 16, end: 21 },
        lines: [{ start: 12, end: 21 }],
        escapes: [],
        malformed: false,
      },
    ]);
    // With white space and CRLF; then an empty line, which is skipped.
    assert.deepEqual(
      parseProperties('  \\\r\n\tkey=v').entries.map((e) => [e.key, e.value, e.start, e.lines]),
      [['key', 'v', 6, [{ start: 6, end: 11 }]]],
    );
    assert.deepEqual(
      parseProperties('\\\n\nkey=v').entries.map((e) => [e.key, e.start]),
      [['key', 3]],
    );
    assert.deepEqual(pairs('\\\r\n  ! bang\r\nk v'), [['k', 'v']]);
  });

  test('backslashes at the end of the file', () => {
    const e = only('k=v\\');
    assert.deepEqual([e.key, e.value, e.valueSpan, e.end, e.lines], ['k', 'v', { start: 2, end: 3 }, 4, [{ start: 0, end: 4 }]]);
    const odd = only('k=v\\\\\\');
    assert.deepEqual(
      [odd.value, odd.valueSpan, odd.escapes],
      ['v\\', { start: 2, end: 5 }, [{ start: 3, end: 5, kind: 'literal', decoded: '\\' }]],
    );
    const even = only('k=v\\\\');
    assert.deepEqual([even.value, even.valueSpan, even.end], ['v\\', { start: 2, end: 5 }, 5]);
    // A lone backslash (with or without a line end) is an entry with an empty key and value…
    assert.deepEqual(plainEntry(only('\\')), {
      start: 0,
      end: 1,
      key: '',
      value: '',
      keySpan: { start: 0, end: 0 },
      separatorSpan: { start: 0, end: 0 },
      separator: '',
      valueSpan: { start: 0, end: 0 },
      lines: [{ start: 0, end: 1 }],
      escapes: [],
      malformed: false,
    });
    assert.deepEqual(pairs('\\\n'), [['', '']]);
    // …but not when white space follows on the next line.
    assert.deepEqual(pairs('\\\n  '), []);
    assert.deepEqual(pairs('\\\\'), [['\\', '']]);
    assert.deepEqual(pairs('\\\\\\'), [['\\', '']]);
    assert.deepEqual(pairs('k=v\\\n'), [['k', 'v']]);
  });
});

describe('parseProperties: malformed \\u escapes', () => {
  test('one problem with its exact span; the other entries still parse', () => {
    // a0 =1 1 2 LF3 b4 =5 x6 \7 u8 1 9 2 10 G11 4 12 y13 LF14 c15 =16 3 17
    const doc = parseProperties('a=1\nb=x\\u12G4y\nc=3');
    assert.deepEqual(doc.problems, [{ start: 7, end: 12, code: 'malformed-unicode-escape', message: MALFORMED_ESCAPE_MESSAGE }]);
    assert.deepEqual(
      doc.entries.map((e) => [e.key, e.value, e.malformed]),
      [
        ['a', '1', false],
        ['b', 'x\\u12G4y', true],
        ['c', '3', false],
      ],
    );
    assert.deepEqual(doc.entries[1].escapes, [{ start: 7, end: 12, kind: 'unicode', decoded: '', malformed: true }]);
  });

  test('too short at the end of the value, of the key and of the file', () => {
    const spans = (text: string) => parseProperties(text).problems.map((p) => [p.start, p.end]);
    assert.deepEqual(spans('k=\\u12'), [[2, 6]]);
    assert.deepEqual(spans('k=\\u'), [[2, 4]]);
    assert.deepEqual(spans('k\\u004=1'), [[1, 6]]); // the key ends before "=": Java reads no further
    assert.deepEqual(spans('k=\\u0\\\n  '), [[2, 5]]); // continued, then the file ends
    assert.deepEqual(spans('k=\\u00\\\n  e9'), []); // continued and complete
  });

  test('a backslash that cuts a \\u escape short starts the next escape (regression: it was swallowed)', () => {
    // k0 =1 \2 u3 1 4 \5 \6 x7
    const doc = parseProperties('k=\\u1\\\\x');
    assert.deepEqual(
      doc.problems.map((p) => [p.start, p.end]),
      [[2, 5]],
    );
    assert.deepEqual(doc.entries[0].escapes, [
      { start: 2, end: 5, kind: 'unicode', decoded: '', malformed: true },
      { start: 5, end: 7, kind: 'literal', decoded: '\\' },
    ]);
    assert.equal(doc.entries[0].value, '\\u1\\x');
    // Before the fix the escape pair at the end of the key was split: key "\\uF\\undefined".
    const key = parseProperties('\\uF\\\\');
    assert.equal(key.entries[0].key, '\\uF\\');
    assert.deepEqual(
      key.entries[0].escapes.map((x) => [x.start, x.end, x.decoded]),
      [
        [0, 3, ''],
        [3, 5, '\\'],
      ],
    );
    assert.deepEqual(
      parseProperties('k=\\u12\\=x').entries[0].escapes.map((x) => [x.start, x.end, x.decoded]),
      [
        [2, 6, ''],
        [6, 8, '='],
      ],
    );
  });
});

describe('parseProperties: robustness', () => {
  test('never throws, and every span lies inside the text in order', () => {
    let seed = 0x5eed;
    const rand = () => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const alphabet = ['\\', '\\', 'u', '0', 'a', 'F', '=', ':', ' ', '\t', '\f', '\r', '\n', '#', '!', 'k', '\u00e9'];
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const len = Math.floor(rand() * 30);
      for (let i = 0; i < len; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
      const doc = parseProperties(text);
      for (const e of doc.entries) {
        const ordered = [
          e.start,
          e.keySpan.start,
          e.keySpan.end,
          e.separatorSpan.start,
          e.separatorSpan.end,
          e.valueSpan.start,
          e.valueSpan.end,
        ];
        for (let i = 1; i < ordered.length; i++) assert.ok(ordered[i - 1] <= ordered[i], `${JSON.stringify(text)}: ${ordered}`);
        assert.ok(e.valueSpan.end <= e.end && e.end <= text.length, JSON.stringify(text));
        for (const x of e.escapes) {
          assert.ok(e.start <= x.start && x.start < x.end && x.end <= e.end, JSON.stringify(text));
          assert.equal(typeof x.decoded, 'string', JSON.stringify(text));
        }
      }
      for (const p of doc.problems) assert.ok(0 <= p.start && p.start < p.end && p.end <= text.length, JSON.stringify(text));
    }
  });
});
