import { canonicalIndex, OxEntry } from '../document';
import { entryLinesSpan } from './lineEdits';
import { Finding, Rule } from './rule';

/** A key set twice in one file: Java keeps the last value. */
export const duplicateKeyRule: Rule = {
  id: 'duplicate-key',
  defaultSeverity: 'warning',
  summary: 'A key set more than once in one file; Java keeps only the last value.',
  check: ({ doc }) => {
    const index = canonicalIndex(doc);
    const findings: Finding[] = [];
    const entries = doc.entries;
    // Many duplicates usually share their last entry: its line is looked up once.
    let lineOf: { entry?: OxEntry; line: number } = { line: 0 };
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      const last = index.lastLike(i);
      if (last === e || e.entry.malformed) continue;
      if (lineOf.entry !== last) lineOf = { entry: last, line: doc.text.positionAt(last.entry.start).line + 1 };
      const lastLine = lineOf.line;
      const sameSpelling = e.key === last.key;
      findings.push({
        start: e.entry.keySpan.start,
        end: e.entry.keySpan.end,
        message: sameSpelling
          ? `"${e.key}" is set again on line ${lastLine}; only that last value counts.`
          : `"${e.key}" sets the same field as "${last.key}" on line ${lastLine}; which of the two OX applies is undefined.`,
        related: [{ start: last.entry.keySpan.start, end: last.entry.keySpan.end, message: 'The value that counts' }],
        fixes: [
          { title: `Remove this earlier "${e.key}" line`, preferred: true, edits: [{ ...entryLinesSpan(doc, e.entry), newText: '' }] },
        ],
      });
    }
    return findings;
  },
};
