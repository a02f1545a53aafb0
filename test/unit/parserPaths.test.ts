// The scan reads most lines in place (plain lines, one-line escapes, continued lists); the general reader
// (Scanner + toEntry, Java's LineReader step by step) reads everything. Both must give exactly the same
// entries, spans, comments and problems on any text.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { propertiesTextOfPieces } from '../support/arbitraries';
import fc from 'fast-check';
import { toEntry } from '../../server/src/parser/entries';
import { Scanner } from '../../server/src/parser/naturalLines';
import { parseProperties } from '../../server/src/parser/propertiesParser';
import { CommentLine, ParseProblem, PropertyEntry } from '../../server/src/parser/types';
import { generateDocuments } from '../differential/generate';
import { plainEntry } from '../support/parsed';

interface Read {
  entries: PropertyEntry[];
  comments: Array<Pick<CommentLine, 'start' | 'end' | 'marker' | 'text'>>;
  problems: ParseProblem[];
}

function comments(list: CommentLine[]): Read['comments'] {
  return list.map(({ start, end, marker, text }) => ({ start, end, marker, text }));
}

function general(text: string): Read {
  const found: CommentLine[] = [];
  const problems: ParseProblem[] = [];
  const entries: PropertyEntry[] = [];
  const scanner = new Scanner(text, found);
  for (let line = scanner.next(); line; line = scanner.next()) entries.push(toEntry(line, problems));
  return { entries: entries.map(plainEntry), comments: comments(found), problems };
}

function scanned(text: string): Read {
  const doc = parseProperties(text);
  return { entries: doc.entries.map(plainEntry), comments: comments(doc.comments), problems: doc.problems };
}

function assertSame(text: string): void {
  assert.deepEqual(scanned(text), general(text), JSON.stringify(text));
}

describe('parser: the in-place readers agree with the general reader', () => {
  test('continued lists and one-line escapes, and the shapes the one-pass reader leaves to the general one', () => {
    const texts = [
      'k=a,\\\n  b,\\\n  c\n',
      'k = a\\\r\n\tb\\\r  c\r\nnext=1',
      'k:a\\\n b\\\n',
      'k=a\\\n',
      'k=a\\',
      'k=a\\\n\\\nb',
      'k=a\\\n  \\\n b',
      'k=a\\\n\n b',
      'k=a\\\n   \n b',
      'k=\\\n b',
      'k \\\n b',
      'k\\\n=b',
      'k=a\\\n #not a comment\n#a comment',
      'k=a\\\n b\\\\\\\n c',
      'k=a\\\n b\\tc\\\n d',
      'k=a\\\n b\\u00e9',
      'k=a\\\n b\\u00',
      'k=a\\\n\\u0',
      'k=tab\\there \\u00e9t\\u00E9\nk\\ ey=\\\\\nk=\\u12x\n\\u00e9=v\\\\',
      'k=a\\\r\n\r\nb=c',
    ];
    for (const text of texts) assertSame(text);
  });

  test('the differential documents', () => {
    for (const text of generateDocuments(3000, 0x0ac1)) assertSame(text);
  });

  test('lines built from pieces that continue, escape and comment', () => {
    fc.assert(
      fc.property(propertiesTextOfPieces(30), (text) => assertSame(text)),
      { seed: 0x9a7b5, numRuns: 5000 },
    );
  });
});
