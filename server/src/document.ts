import { TextDocument } from 'vscode-languageserver-textdocument';
import { Catalog, KnownProperty } from './catalog/catalog';
import { FileKind, fileKindOf } from './catalog/fileKind';
import { findMalformedEscapes, parseProperties } from './parser/propertiesParser';
import { reparseProperties } from './parser/reparse';
import { KeyIndex } from './keyIndex';
import { javaTrim, trimmedSpan } from './parser/javaText';
import { PropertiesDocument, PropertyEntry, Span } from './parser/types';

/** A parsed OX file with what the catalog knows about each of its entries. */
export interface OxDocument {
  uri: string;
  text: TextDocument;
  parsed: PropertiesDocument;
  kind: FileKind;
  entries: OxEntry[];
  /** Too large to serve in full: only its syntax was checked (entries and comments are left empty). */
  large?: boolean;
}

export interface OxEntry {
  entry: PropertyEntry;
  /** The key as OX reads it (trimmed). */
  key: string;
  /** The value as OX reads it (trimmed). */
  value: string;
  /** Source span of the trimmed value (empty span right after the separator when the value is empty). */
  valueSpan: Span;
  known?: KnownProperty;
}

/**
 * An OxEntry kept compact (a large file holds a million of them): the value is trimmed on access (usually a
 * no-op that returns the parsed string itself); the value span is the raw one less its white space.
 */
class KnownEntry implements OxEntry {
  constructor(
    readonly entry: PropertyEntry,
    readonly key: string,
    readonly known: KnownProperty | undefined,
    /** White space before and after the value in the source, which OX trims. */
    readonly trimStart: number,
    readonly trimEnd: number,
  ) {}

  get value(): string {
    return javaTrim(this.entry.value);
  }

  get valueSpan(): Span {
    const raw = this.entry.valueSpan;
    return { start: raw.start + this.trimStart, end: raw.end - this.trimEnd };
  }
}

export function createOxDocument(text: TextDocument, catalog: Catalog, maxSize = Infinity): OxDocument {
  const kind = fileKindOf(text.uri);
  const content = text.getText();
  if (content.length > maxSize) {
    const parsed = { text: content, entries: [], comments: [], problems: findMalformedEscapes(content) };
    return { uri: text.uri, text, parsed, kind, entries: [], large: true };
  }
  const parsed = parseProperties(content);
  return { uri: text.uri, text, parsed, kind, entries: parsed.entries.map((entry) => knownEntry(parsed.text, entry, catalog, kind)) };
}

function knownEntry(text: string, entry: PropertyEntry, catalog: Catalog, kind: FileKind): KnownEntry {
  const raw = entry.valueSpan;
  const span = trimmedSpan(text, raw);
  const key = javaTrim(entry.key);
  return new KnownEntry(entry, key, catalog.lookup(key, kind.syntax, kind.file), span.start - raw.start, raw.end - span.end);
}

/**
 * The next version of an edited document: only the lines around the edit are parsed again; entries before
 * it are kept and entries after it moved, with what the catalog says about them. Same result as
 * createOxDocument.
 */
export function updateOxDocument(previous: OxDocument, text: TextDocument, catalog: Catalog, maxSize = Infinity): OxDocument {
  const content = text.getText();
  if (previous.large || content.length > maxSize || previous.uri !== text.uri) {
    return createOxDocument(text, catalog, maxSize);
  }
  const reparse = reparseProperties(previous.parsed, content);
  if (!reparse) return createOxDocument(text, catalog, maxSize);
  const { document: parsed, keptBefore, movedFrom, previousMovedFrom } = reparse;
  const kind = previous.kind;
  const entries = previous.entries.slice(0, keptBefore);
  for (let k = keptBefore; k < movedFrom; k++) entries.push(knownEntry(content, parsed.entries[k], catalog, kind));
  for (let k = previousMovedFrom; k < previous.entries.length; k++) {
    const e = previous.entries[k];
    const moved = parsed.entries[entries.length];
    entries.push(
      e instanceof KnownEntry ? new KnownEntry(moved, e.key, e.known, e.trimStart, e.trimEnd) : knownEntry(content, moved, catalog, kind),
    );
  }
  return { uri: text.uri, text, parsed, kind, entries };
}

const canonicalIndexes = new WeakMap<OxDocument, KeyIndex<OxEntry>>();

/** The key an entry sets as OX sees it: field matches such as BACKUPCOUNT count as backupCount. */
function canonicalKey(e: OxEntry): string {
  return e.known?.canonicalKey ?? e.key;
}

/** The last entry per canonical key (Java keeps the last one), built once per parsed document. */
export function canonicalIndex(doc: OxDocument): KeyIndex<OxEntry> {
  let index = canonicalIndexes.get(doc);
  if (!index) canonicalIndexes.set(doc, (index = new KeyIndex(doc.entries, canonicalKey)));
  return index;
}

/** The last entry that sets a key (Java keeps the last one). */
export function lastEntryFor(doc: OxDocument, canonicalKey: string): OxEntry | undefined {
  return canonicalIndex(doc).get(canonicalKey);
}

/** The entry whose lines contain an offset. */
export function entryAt(doc: OxDocument, offset: number): OxEntry | undefined {
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

/** The span of the whole lines an entry occupies, with the line break after them, for deletion. */
export function wholeLinesSpan(doc: OxDocument, entry: PropertyEntry): Span {
  const text = doc.text;
  const startLine = text.positionAt(entry.start).line;
  const endLine = text.positionAt(entry.end).line;
  const start = text.offsetAt({ line: startLine, character: 0 });
  if (endLine + 1 < text.lineCount) return { start, end: text.offsetAt({ line: endLine + 1, character: 0 }) };
  // Last line of the file: take the line break before it instead.
  const end = doc.parsed.text.length;
  if (startLine === 0) return { start, end };
  const prevLineEnd = text.offsetAt({ line: startLine, character: 0 });
  let breakStart = prevLineEnd - 1;
  if (breakStart > 0 && doc.parsed.text[breakStart] === '\n' && doc.parsed.text[breakStart - 1] === '\r') breakStart--;
  return { start: breakStart, end };
}
