import { indexContaining } from '../../util/search';
import type { OxDocument, OxEntry } from './propertiesDocument';

/** The entry whose lines contain an offset. */
export function entryAt(doc: OxDocument, offset: number): OxEntry | undefined {
  // The parsed entry's own offsets: no range object per probe (fixes look up every entry they edit).
  const entries = doc.entries;
  const at = indexContaining(
    entries.length,
    (i) => entries[i].entry.start,
    (i) => entries[i].entry.end,
    offset,
  );
  return at < 0 ? undefined : entries[at];
}
