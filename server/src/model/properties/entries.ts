import type { OxDocument, OxEntry } from './propertiesDocument';

/** The entry whose lines contain an offset. */
export function entryAt(doc: OxDocument, offset: number): OxEntry | undefined {
  // The parsed entry's own offsets: no range object per probe (fixes look up every entry they edit).
  const entries = doc.entries;
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = entries[mid].entry;
    if (offset < e.start) hi = mid - 1;
    else if (offset > e.end) lo = mid + 1;
    else return entries[mid];
  }
  return undefined;
}
