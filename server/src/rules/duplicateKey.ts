import { canonicalIndex, lineNumber } from '../model/document';
import { Setting } from '../model/setting';
import { exclusiveBranches } from '../template/scan';
import { KeyIndex } from '../util/keyIndex';
import { Finding, Rule } from './rule';

/** A key set twice in one file: Java keeps the last value. */
export const duplicateKeyRule: Rule = {
  id: 'duplicate-key',
  scope: 'file',
  defaultSeverity: 'warning',
  title: 'A key set more than once in one file; Java keeps only the last value.',
  fixable: true,
  check: ({ doc }) => {
    const entries = doc.settings;
    // A values file has several maps, and template branches of which only one renders.
    const scoped = entries.some((s) => s.scope !== undefined || s.branch !== undefined);
    const index = scoped ? new KeyIndex<Setting>(entries, (s) => `${s.scope ?? ''}\u0000${s.canonicalKey}`) : canonicalIndex(doc);
    const findings: Finding[] = [];
    // Many duplicates usually share their last entry: its line is looked up once.
    let lineOf: { entry?: Setting; line: number; related: Finding['related'] } = { line: 0, related: [] };
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      const last = scoped ? lastRenderedWith(entries, i, index.lastLike(i)) : index.lastLike(i);
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

/** The last setting after entry `i` of its key and scope that can render together with it (itself when none). */
function lastRenderedWith(entries: readonly Setting[], i: number, last: Setting): Setting {
  const e = entries[i];
  if (last === e || !exclusiveBranches(e.branch ?? '', last.branch ?? '')) return last;
  for (let j = entries.length - 1; j > i; j--) {
    const other = entries[j];
    if (other.canonicalKey === e.canonicalKey && other.scope === e.scope && !exclusiveBranches(e.branch ?? '', other.branch ?? ''))
      return other;
  }
  return e;
}
