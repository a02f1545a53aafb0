import { detachedEntry, movedItem, scanProperties } from './propertiesParser';
import { CommentLine, PropertiesDocument, PropertyEntry, Span } from './types';

// Parses an edited text again from the logical line before the first changed character until the scan
// meets, in the unchanged tail, an entry or comment the previous parse already had; the rest of the previous
// parse is moved by the length difference. The result is exactly what parseProperties(text) returns.

/** How a reparse relates to the previous document, so derived data of unchanged entries can be kept. */
export interface Reparse {
  document: PropertiesDocument;
  /** Entries [0, keptBefore) are the previous document's own objects. */
  keptBefore: number;
  /** Entries from `movedFrom` on are the previous entries from `previousMovedFrom` on, moved by `delta`. */
  movedFrom: number;
  previousMovedFrom: number;
  delta: number;
}

const CHUNK = 2048;
const BACKSLASH = 92;

/** Length of the common prefix of two strings (compared in chunks first). */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= max && a.substr(i, CHUNK) === b.substr(i, CHUNK)) i += CHUNK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of two strings, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let k = 0;
  while (k + CHUNK <= max && a.substr(a.length - k - CHUNK, CHUNK) === b.substr(b.length - k - CHUNK, CHUNK)) k += CHUNK;
  while (k < max && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) k++;
  return k;
}

/** Index of the first item that starts at or after `offset` (items are sorted by start). */
function firstFrom(items: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when the entry's last natural line ends in an odd number of backslashes (it ended at a blank line or EOF). */
function endsContinued(text: string, entry: PropertyEntry): boolean {
  let count = 0;
  while (entry.end - count - 1 >= entry.start && text.charCodeAt(entry.end - count - 1) === BACKSLASH) count++;
  return count % 2 === 1;
}

/**
 * Where parsing may start again: just after the line break of the last item that ends before `changedAt`
 * and after which a new logical line starts (what follows it did not decide how it was read).
 */
function restartPoint(previous: PropertiesDocument, changedAt: number): { offset: number; entries: number; comments: number } {
  const { entries, comments, text } = previous;
  // Items whose line break (end + 1) lies before the change.
  let e = firstFrom(entries, changedAt) - 1;
  let c = firstFrom(comments, changedAt) - 1;
  while (e >= 0 && entries[e].end + 1 >= changedAt) e--;
  while (c >= 0 && comments[c].end + 1 >= changedAt) c--;
  while (e >= 0 || c >= 0) {
    if (c >= 0 && (e < 0 || comments[c].start > entries[e].start)) return { offset: comments[c].end + 1, entries: e + 1, comments: c + 1 };
    if (!endsContinued(text, entries[e])) return { offset: entries[e].end + 1, entries: e + 1, comments: c + 1 };
    e--;
  }
  return { offset: 0, entries: 0, comments: 0 };
}

/**
 * Parses `text`, an edit of `previous.text`, reusing what did not change. Returns undefined when the previous
 * document was not made by this parser (its items cannot be moved).
 */
export function reparseProperties(previous: PropertiesDocument, text: string): Reparse | undefined {
  const old = previous.text;
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const delta = text.length - old.length;
  const tailStart = text.length - suffix;
  const restart = restartPoint(previous, prefix);

  const doc: PropertiesDocument = {
    text,
    entries: previous.entries.slice(0, restart.entries),
    comments: previous.comments.slice(0, restart.comments),
    problems: previous.problems.filter((p) => p.start < restart.offset),
  };
  let seenEntries = doc.entries.length;
  let seenComments = doc.comments.length;
  let resumed: { previousEntry: number; previousComment: number; after: number } | undefined;

  // After each logical line: did it produce exactly one item, in the unchanged tail, that the previous
  // parse had at the same place? Then both parses go on from the same text in the same state.
  const stop = (resume: number): boolean => {
    const newEntries = doc.entries.length - seenEntries;
    const newComments = doc.comments.length - seenComments;
    seenEntries = doc.entries.length;
    seenComments = doc.comments.length;
    if (newEntries + newComments !== 1) return false;
    const item: Span = newEntries ? doc.entries[doc.entries.length - 1] : doc.comments[doc.comments.length - 1];
    if (item.start < tailStart || item.end + 1 !== resume) return false;
    const list: readonly Span[] = newEntries ? previous.entries : previous.comments;
    const at = firstFrom(list, item.start - delta);
    const match = list[at];
    if (!match || match.start !== item.start - delta || match.end !== item.end - delta) return false;
    resumed = {
      previousEntry: newEntries ? at + 1 : firstFrom(previous.entries, match.start),
      previousComment: newEntries ? firstFrom(previous.comments, match.start) : at + 1,
      after: match.end + 1,
    };
    return true;
  };
  scanProperties(doc, restart.offset, stop);

  const movedFrom = doc.entries.length;
  // Kept entries refer to slices of older texts only through the first full parse: new ones get own strings.
  for (let k = restart.entries; k < movedFrom; k++) doc.entries[k] = detachedEntry(doc.entries[k]);
  if (resumed) {
    for (let k = resumed.previousEntry; k < previous.entries.length; k++) {
      const moved = movedItem(previous.entries[k], delta, text);
      if (!moved) return undefined;
      doc.entries.push(moved);
    }
    for (let k = resumed.previousComment; k < previous.comments.length; k++) {
      const moved = movedItem<CommentLine>(previous.comments[k], delta, text);
      if (!moved) return undefined;
      doc.comments.push(moved);
    }
    for (const p of previous.problems)
      if (p.start >= resumed.after) doc.problems.push({ ...p, start: p.start + delta, end: p.end + delta });
  }
  // Comments read their text from the source: those kept from before the edit must read the new text.
  for (let k = 0; k < restart.comments; k++) {
    const moved = movedItem<CommentLine>(doc.comments[k], 0, text);
    if (!moved) return undefined;
    doc.comments[k] = moved;
  }
  return {
    document: doc,
    keptBefore: restart.entries,
    movedFrom,
    previousMovedFrom: resumed ? resumed.previousEntry : previous.entries.length,
    delta,
  };
}
