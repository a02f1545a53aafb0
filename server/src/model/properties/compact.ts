// The settings of a large .properties file, kept compact: the offsets of its entries in typed arrays and per
// setting one small object. A one-line entry without backslashes slices its strings from the text on access;
// any other keeps its decoded key and value and reads its entry again when asked. A 50 MB file holds a
// million settings; as regular objects with their parsed entries they took 200 bytes each.
import { Catalog, KnownProperty } from '../../catalog/catalog';
import { FileKind } from '../../catalog/fileKind';
import { javaTrim, trimmedSpan } from '../../parser/javaText';
import { hashOfKey, hashOfText } from '../../util/keyIndex';
import { EntrySink, plainEntry, readEntry, splitPlainKeyValue } from '../../parser/propertiesParser';
import { PropertyEntry, Span } from '../../parser/types';
import { SettingOrigin } from '../setting';
import type { OxEntry } from './propertiesDocument';

/** The settings of one text in source order; an entry with a malformed escape as `other` makes it. */
export class CompactSettings implements EntrySink {
  readonly settings: OxEntry[];
  private count = 0;
  /** Per setting: offsets of the entry's start and end; of a one-line entry also its raw key's end. */
  start: Int32Array;
  keyEnd: Int32Array;
  end: Int32Array;
  /** Per setting: hashOfKey of its canonical key, made during the scan (the key index of a million keys needs it). */
  keyHash: Int32Array;
  /**
   * Per setting: index + 1 in `knownList` of what the catalog knows about its key, 0 for nothing; made at the
   * first key the catalog knows.
   */
  known: Int32Array | undefined;
  readonly knownList: KnownProperty[] = [];
  private readonly Plain = rowClass(this, PlainRow);
  private readonly Reread = rowClass(this, RereadRow);

  constructor(
    readonly text: string,
    private readonly catalog: Catalog,
    private readonly kind: FileKind,
    private readonly other: (entry: PropertyEntry) => OxEntry,
  ) {
    // No more entries than lines: sized once (growing would copy the columns and leave the old ones to the GC).
    const capacity = lineCount(text);
    this.settings = new Array<OxEntry>(capacity);
    this.start = new Int32Array(capacity);
    this.keyEnd = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.keyHash = new Int32Array(capacity);
  }

  plain(start: number, keyEnd: number, end: number): void {
    const i = this.row();
    const text = this.text;
    this.start[i] = start;
    this.keyEnd[i] = keyEnd;
    this.end[i] = end;
    // trimmedSpan, without an object per key: this runs once per line of a file of a million lines.
    let from = start;
    let to = keyEnd;
    while (from < to && text.charCodeAt(from) <= 32) from++;
    while (to > from && text.charCodeAt(to - 1) <= 32) to--;
    const known = this.lookUp(i, text.slice(from, to));
    this.keyHash[i] = known ? hashOfKey(known.canonicalKey) : hashOfText(text, from, to);
    this.settings[i] = new this.Plain(i);
  }

  entry(entry: PropertyEntry): void {
    const i = this.row();
    if (entry.malformed) {
      const setting = this.other(entry);
      this.settings[i] = setting;
      this.keyHash[i] = hashOfKey(setting.canonicalKey);
      return;
    }
    this.start[i] = entry.start;
    this.end[i] = entry.end;
    const key = javaTrim(entry.key);
    this.keyHash[i] = hashOfKey(this.lookUp(i, key)?.canonicalKey ?? key);
    this.settings[i] = new this.Reread(i, key, javaTrim(entry.value));
  }

  private lookUp(i: number, key: string): KnownProperty | undefined {
    const known = this.catalog.lookup(key, this.kind.syntax, this.kind.file);
    if (known) (this.known ??= new Int32Array(this.start.length))[i] = this.knownList.push(known);
    return known;
  }

  /** Ends the list after the last setting once the scan is done. */
  finish(): void {
    this.settings.length = this.count;
  }

  private row(): number {
    if (this.count === this.start.length) this.grow(this.count * 2);
    return this.count++;
  }

  /** Only for texts whose line breaks are mixed (lineCount counts one kind). */
  private grow(capacity: number): void {
    const resized = <A extends Int32Array | undefined>(a: A): A => {
      if (!a) return a;
      const b = new Int32Array(capacity);
      b.set(a);
      return b as A;
    };
    this.start = resized(this.start);
    this.keyEnd = resized(this.keyEnd);
    this.end = resized(this.end);
    this.keyHash = resized(this.keyHash);
    this.known = resized(this.known);
  }
}

/** A setting read from its table row. */
abstract class TableRow implements OxEntry {
  declare protected readonly table: CompactSettings;
  declare protected readonly index: number;

  constructor(index: number) {
    this.index = index;
  }

  abstract readonly key: string;
  abstract readonly value: string;
  abstract readonly entry: PropertyEntry;
  abstract readonly keyRange: Span;
  abstract readonly valueSpan: Span;

  get known(): KnownProperty | undefined {
    const k = this.table.known?.[this.index] ?? 0;
    return k === 0 ? undefined : this.table.knownList[k - 1];
  }

  get canonicalKey(): string {
    return this.known?.canonicalKey ?? this.key;
  }

  get valueRange(): Span {
    return this.valueSpan;
  }

  get range(): Span {
    const t = this.table;
    return { start: t.start[this.index], end: t.end[this.index] };
  }

  get malformed(): boolean {
    return false;
  }

  get origin(): SettingOrigin {
    return 'properties-line';
  }
}

/** A one-line entry without backslashes: its strings and spans come from the text and its row. */
class PlainRow extends TableRow {
  get key(): string {
    const t = this.table;
    return javaTrim(t.text.slice(t.start[this.index], t.keyEnd[this.index]));
  }

  get value(): string {
    const { start, end } = this.valueSpan;
    return this.table.text.slice(start, end);
  }

  get keyRange(): Span {
    const t = this.table;
    return { start: t.start[this.index], end: t.keyEnd[this.index] };
  }

  /** The value's span, found again from the key's end and trimmed as Java's String.trim trims (OX trims values). */
  get valueSpan(): Span {
    const t = this.table;
    const text = t.text;
    const end = t.end[this.index];
    let from = splitPlainKeyValue(text, t.start[this.index], end).valueStart;
    let to = end;
    while (from < to && text.charCodeAt(from) <= 32) from++;
    while (to > from && text.charCodeAt(to - 1) <= 32) to--;
    return { start: from, end: to };
  }

  /** The parsed entry, read again from its line (a new object on each access). */
  get entry(): PropertyEntry {
    const t = this.table;
    return plainEntry(t.text, t.start[this.index], t.end[this.index]);
  }
}

/** An entry continued over lines or holding escapes: key and value kept as decoded, the rest read again on access. */
class RereadRow extends TableRow {
  declare readonly key: string;
  declare readonly value: string;

  constructor(index: number, key: string, value: string) {
    super(index);
    this.key = key;
    this.value = value;
  }

  /** The parsed entry, read again from the text (a new object on each access). */
  get entry(): PropertyEntry {
    return readEntry(this.table.text, this.table.start[this.index])!;
  }

  get keyRange(): Span {
    return this.entry.keySpan;
  }

  get valueSpan(): Span {
    return trimmedSpan(this.table.text, this.entry.valueSpan);
  }
}

/**
 * The settings class of one table: it holds the table on its prototype, so that a setting holds only its row
 * (32 bytes, 40 with the table as a field of its own).
 */
function rowClass<C extends new (...args: never[]) => TableRow>(table: CompactSettings, base: C): C {
  const Row = class extends (base as unknown as new (...args: unknown[]) => object) {};
  Object.defineProperty(Row.prototype, 'table', { value: table });
  return Row as unknown as C;
}

/** The number of lines if all line breaks are of one kind (LF, CRLF or CR); fewer when they are mixed. */
function lineCount(text: string): number {
  const count = (c: string) => {
    let n = 0;
    for (let at = text.indexOf(c); at >= 0; at = text.indexOf(c, at + 1)) n++;
    return n;
  };
  return Math.max(count('\n'), count('\r')) + 1;
}
