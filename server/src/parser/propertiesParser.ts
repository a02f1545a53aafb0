// The .properties reader's public entry points; each job lives in its own file: natural lines
// (naturalLines.ts), unescaping (unescape.ts), entries (entries.ts), the scan (scan.ts) and the large-file
// search for malformed escapes (malformedEscapes.ts).
export { detachedEntry, movedItem } from './entries';
export { findMalformedEscapes } from './malformedEscapes';
export { parseProperties, readEntry, scanProperties } from './scan';
export type { EntrySink } from './scan';
export { plainEntry, splitPlainKeyValue } from './entries';
export { MALFORMED_ESCAPE_MESSAGE } from './unescape';
