import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  cutPunctuationAt,
  decodeUtf8AsJava,
  escapeBeyondLatin1,
  printable,
  unicodeEscape,
  unicodeEscapes,
  utf8Bytes,
  utf8SequenceAt,
} from '../../server/src/parser/latin1';
import { escapeKey, escapeValue } from '../../server/src/parser/javaText';

describe('latin1', () => {
  test('one \\uXXXX form: four upper-case digits', () => {
    assert.equal(unicodeEscape(0x1b), '\\u001B');
    assert.equal(unicodeEscape(0x20ac), '\\u20AC');
    assert.equal(unicodeEscapes('a€'), '\\u0061\\u20AC');
    // Above U+FFFF: the surrogate pair, as Java reads it back.
    assert.equal(unicodeEscapes('😀'), '\\uD83D\\uDE00');
  });

  test('the escapers of .properties text use it', () => {
    assert.equal(escapeValue('10 € ™'), '10 \\u20AC \\u2122');
    assert.equal(escapeKey('prix€'), 'prix\\u20AC');
    assert.equal(escapeBeyondLatin1('café € ok'), 'café \\u20AC ok');
    assert.equal(escapeBeyondLatin1('ÿ'), 'ÿ');
  });

  test('printable escapes C0 and C1 controls only', () => {
    assert.equal(printable('a\tb\u0085c\u00a0d\u007f'), 'a\\u0009b\\u0085c\u00a0d\\u007F');
  });

  test('UTF-8 bytes, a lone surrogate as U+FFFD', () => {
    assert.deepEqual(utf8Bytes('aä€😀'), [0x61, 0xc3, 0xa4, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
    assert.deepEqual(utf8Bytes('\ud800'), [0xef, 0xbf, 0xbd]);
  });

  test('UTF-8 read as ISO-8859-1 or Windows-1252', () => {
    assert.deepEqual(utf8SequenceAt('xÃ¤', 1, 3), { length: 2, codePoint: 0xe4 });
    // "â‚¬" is € through Windows-1252 (‚ stands for byte 0x82).
    assert.deepEqual(utf8SequenceAt('â‚¬', 0, 3), { length: 3, codePoint: 0x20ac });
    assert.equal(utf8SequenceAt('Ã¤', 0, 1), undefined, 'cut off by the end');
    assert.equal(utf8SequenceAt('Ãx', 0, 2), undefined, 'no continuation byte');
    assert.equal(utf8SequenceAt('\u00c0\u0080', 0, 2), undefined, 'C0 leads only overlong forms');
    assert.equal(utf8SequenceAt('\u00ed\u00a0\u0080', 0, 3), undefined, 'a surrogate');
    assert.equal(cutPunctuationAt('â€', 0, 2), true);
    assert.equal(cutPunctuationAt('â€', 0, 1), false);
    assert.equal(cutPunctuationAt('Ã¤', 0, 2), false);
  });
});

test('UTF-8 bytes decode as Java 17 decodes them (each line checked against InputStreamReader)', () => {
  const units = (s: string) =>
    [...Array(s.length).keys()].map((i) => s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')).join(' ');
  const cases: Array<[number[], string]> = [
    [[0x41, 0xc3, 0xbc, 0x42], '0041 00FC 0042'],
    [[0xe2, 0x82, 0x41], 'FFFD 0041'],
    [[0xf0, 0x80, 0x80, 0x80], 'FFFD FFFD FFFD FFFD'],
    [[0xed, 0xa0, 0x80], 'FFFD'],
    [[0xc0, 0x80], 'FFFD FFFD'],
    [[0xff, 0x41], 'FFFD 0041'],
    [[0xf4, 0x90, 0x80, 0x80], 'FFFD FFFD FFFD FFFD'],
    [[0xe0, 0x80, 0x41], 'FFFD FFFD 0041'],
    [[0xc3], 'FFFD'],
    [[0xf0, 0x9f, 0x98], 'FFFD'],
    [[0xf0, 0x9f, 0x98, 0x80], 'D83D DE00'],
    [[0x80, 0x80], 'FFFD FFFD'],
    [[0xe1, 0x80, 0xe1, 0x80, 0x80], 'FFFD 1000'],
  ];
  for (const [bytes, want] of cases) assert.equal(units(decodeUtf8AsJava(String.fromCharCode(...bytes))), want, JSON.stringify(bytes));
});
