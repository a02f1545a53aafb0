import { canonicalIndex, lineNumber } from '../model/document';
import { Setting } from '../model/setting';
import { Finding, Rule } from './rule';

/** A key set twice in one file: Java keeps the last value. */
export const duplicateKeyRule: Rule = {
  id: 'duplicate-key',
  scope: 'file',
  defaultSeverity: 'warning',
  title: 'A key set more than once in one file; Java keeps only the last value.',
  fixable: true,
  check: ({ doc }) => {
    const index = canonicalIndex(doc);
    const findings: Finding[] = [];
    const entries = doc.settings;
    // Many duplicates usually share their last entry: its line is looked up once.
    let lineOf: { entry?: Setting; line: number; related: Finding['related'] } = { line: 0, related: [] };
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      const last = index.lastLike(i);
      if (last === e || e.malformed) continue;
      if (lineOf.entry !== last) {
        const { start, end } = last.keyRange;
        lineOf = { entry: last, line: lineNumber(doc, last.range.start), related: [{ start, end, message: 'The value that counts' }] };
      }
      const lastLine = lineOf.line;
      const sameSpelling = e.key === last.key;
      const { start, end } = e.keyRange;
      findings.push({
        start,
        end,
        message: sameSpelling
          ? `"${e.key}" is set again on line ${lastLine}; only that last value counts.`
          : `"${e.key}" sets the same field as "${last.key}" on line ${lastLine}; which of the two OX applies is undefined.`,
        related: lineOf.related,
        fixes: [{ title: `Remove this earlier "${e.key}" line`, preferred: true, intents: [{ kind: 'remove', doc, settings: [e] }] }],
      });
    }
    return findings;
  },
};
