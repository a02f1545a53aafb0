// The .properties reader: a parsed file with what the catalog knows about each entry, as a ConfigDocument.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Catalog, KnownProperty } from '../../catalog/catalog';
import { FileKind, fileKindOf } from '../../catalog/fileKind';
import { findMalformedEscapes, parseProperties, scanProperties } from '../../parser/propertiesParser';
import { reparseProperties } from '../../parser/reparse';
import { javaTrim, trimmedSpan } from '../../parser/javaText';
import { PropertiesDocument, PropertyEntry, Span } from '../../parser/types';
import { scanTemplate, TemplateScan } from '../../template/scan';
import { propertiesTemplateSyntax } from '../../template/syntax';
import { baseName } from '../../util/uris';
import { CommentRange, ConfigDocument } from '../document';
import { DocumentEditor } from '../edits';
import { Setting, SettingOrigin, UnknownValue } from '../setting';
import { CompactSettings } from './compact';
import { propertiesTemplateText } from './templateText';
import { PropertiesEditor } from './editor';

/** A parsed `.properties` or `.ccf` file of OX. */
export interface OxDocument extends ConfigDocument {
  parsed: PropertiesDocument;
  /** The settings, with their parsed entries. */
  readonly settings: readonly OxEntry[];
  /** Same list as `settings`. */
  readonly entries: readonly OxEntry[];
  /**
   * Set for a template of configuration management (`hazelcast.properties.j2`): `parsed` is the masked
   * text, with every position unchanged, and entries with a tag in their value have an unknown value.
   */
  readonly template?: TemplateScan;
  /** A template line has a key that a tag fills in: it may set any key. */
  readonly keysFromTemplate?: boolean;
}

/** A setting read from one `.properties` entry. */
export interface OxEntry extends Setting {
  readonly entry: PropertyEntry;
  /** Source span of the trimmed value (same as valueRange). */
  readonly valueSpan: Span;
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

  get canonicalKey(): string {
    return this.known?.canonicalKey ?? this.key;
  }

  get valueSpan(): Span {
    const raw = this.entry.valueSpan;
    return { start: raw.start + this.trimStart, end: raw.end - this.trimEnd };
  }

  get valueRange(): Span {
    return this.valueSpan;
  }

  get keyRange(): Span {
    return this.entry.keySpan;
  }

  get range(): Span {
    // A compact parsed entry derives its end in a getter: copy the two offsets.
    const { start, end } = this.entry;
    return { start, end };
  }

  get malformed(): boolean {
    return this.entry.malformed;
  }

  get origin(): SettingOrigin {
    return 'properties-line';
  }
}

/** An entry of a template: its value unknown when a tag is in it, its branch when inside an if/else. */
class TemplateEntry extends KnownEntry {
  constructor(
    entry: PropertyEntry,
    key: string,
    known: KnownProperty | undefined,
    trimStart: number,
    trimEnd: number,
    /** The source text of the value when a tag is in it (what the template writes, unrendered). */
    private readonly written: string | undefined,
    readonly branch: string | undefined,
  ) {
    super(entry, key, known, trimStart, trimEnd);
  }

  get value(): string {
    return this.written ?? super.value;
  }

  get unknownValue(): UnknownValue | undefined {
    return this.written === undefined ? undefined : 'template';
  }
}

class PropertiesConfigDocument implements OxDocument {
  readonly editor: DocumentEditor = new PropertiesEditor(this);

  constructor(
    readonly text: TextDocument,
    readonly parsed: PropertiesDocument,
    readonly kind: FileKind,
    readonly entries: readonly OxEntry[],
    readonly large?: boolean,
    /** Its settings, kept compact (see compact.ts): an edit parses it again in full. */
    readonly compact?: CompactSettings,
    readonly template?: TemplateScan,
    /** Comments in template syntax (`{# … #}`, `<%# … %>`) alone on their lines. */
    private readonly templateComments: readonly CommentRange[] = [],
    readonly keysFromTemplate?: boolean,
  ) {}

  get uri(): string {
    return this.text.uri;
  }

  get language(): ConfigDocument['language'] {
    return this.kind.syntax === 'ccf' ? 'ox-ccf' : 'ox-properties';
  }

  get settings(): readonly OxEntry[] {
    return this.entries;
  }

  get canonicalKeyHashes(): Int32Array | undefined {
    return this.compact?.keyHash;
  }

  get syntaxProblems(): PropertiesDocument['problems'] {
    return this.parsed.problems;
  }

  get comments(): readonly CommentRange[] {
    return this.templateComments.length
      ? [...this.parsed.comments, ...this.templateComments].sort((a, b) => a.start - b.start)
      : this.parsed.comments;
  }

  get unreadable(): boolean {
    return this.parsed.problems.length > 0;
  }
}

export function isOxDocument(doc: ConfigDocument): doc is OxDocument {
  return doc instanceof PropertiesConfigDocument;
}

/**
 * From this many characters on, a document's settings are kept compact (see compact.ts). It is above the
 * editor's default limit for a full parse (5 MB), so the files one edits keep their incremental re-parse.
 */
export const COMPACT_SIZE = 8 * 1024 * 1024;

export function createOxDocument(text: TextDocument, catalog: Catalog, maxSize = Infinity, compactSize = COMPACT_SIZE): OxDocument {
  const kind = fileKindOf(text.uri);
  const content = text.getText();
  const syntax = propertiesTemplateSyntax(baseName(text.uri), content);
  if (syntax) return templateOxDocument(text, content, catalog, kind, scanTemplate(content, syntax), maxSize);
  if (content.length > maxSize) {
    const parsed = { text: content, entries: [], comments: [], problems: findMalformedEscapes(content) };
    return new PropertiesConfigDocument(text, parsed, kind, [], true);
  }
  if (content.length >= compactSize) return compactOxDocument(text, content, catalog, kind);
  const parsed = parseProperties(content);
  return new PropertiesConfigDocument(
    text,
    parsed,
    kind,
    parsed.entries.map((entry) => knownEntry(parsed.text, entry, catalog, kind)),
  );
}

function compactOxDocument(text: TextDocument, content: string, catalog: Catalog, kind: FileKind): OxDocument {
  const compact = new CompactSettings(content, catalog, kind, (entry) => knownEntry(content, entry, catalog, kind));
  let entries: PropertyEntry[] | undefined;
  const parsed: PropertiesDocument = {
    text: content,
    comments: [],
    problems: [],
    // Made when first asked for (fixes read them), not kept twice.
    get entries() {
      return (entries ??= compact.settings.map((s) => s.entry));
    },
  };
  scanProperties(parsed, 0, undefined, compact);
  compact.finish();
  return new PropertiesConfigDocument(text, parsed, kind, compact.settings, undefined, compact);
}

/**
 * Reads a template: the masked text is parsed as the plain reader parses a file (control and output-only
 * lines are blank there); an entry with a tag in its key is left out (nothing is known of it), one with a
 * tag in its value has an unknown value.
 */
function templateOxDocument(
  text: TextDocument,
  content: string,
  catalog: Catalog,
  kind: FileKind,
  template: TemplateScan,
  maxSize: number,
): OxDocument {
  const { text: masked, continuedPast } = propertiesTemplateText(content, template);
  const pastControl = continuedPast.map((line) => template.lineStarts[line]);
  const comments = template.tags
    .filter((t) => t.role === 'comment' && template.lineClasses[text.positionAt(t.start).line] === 'control')
    .map((t) => ({ start: t.start, end: t.end, text: t.inner.replace(/^\/\*|\*\/$/g, '') }));
  if (content.length > maxSize) {
    const parsed = { text: masked, entries: [], comments: [], problems: findMalformedEscapes(masked) };
    return new PropertiesConfigDocument(text, parsed, kind, [], true, undefined, template, comments);
  }
  const parsed = parseProperties(masked);
  const entries: OxEntry[] = [];
  let keysFromTemplate = false;
  for (const entry of parsed.entries) {
    if (template.tagsIn(entry.keySpan.start, entry.keySpan.end).length) {
      keysFromTemplate = true;
      continue;
    }
    const raw = entry.valueSpan;
    const span = trimmedSpan(masked, raw);
    const key = javaTrim(entry.key);
    // A value with a tag in it, or one that runs past a control line, is what the template makes it.
    const tagged =
      (span.end > span.start && template.tagsIn(span.start, span.end).length > 0) ||
      pastControl.some((at) => entry.start < at && at <= entry.end);
    const branch = template.branchAt(entry.keySpan.start);
    entries.push(
      new TemplateEntry(
        entry,
        key,
        catalog.lookup(key, kind.syntax, kind.file),
        span.start - raw.start,
        raw.end - span.end,
        tagged ? content.slice(span.start, span.end) : undefined,
        branch || undefined,
      ),
    );
  }
  return new PropertiesConfigDocument(text, parsed, kind, entries, undefined, undefined, template, comments, keysFromTemplate);
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
  if (
    previous.large ||
    previous.template ||
    (previous instanceof PropertiesConfigDocument && previous.compact) ||
    content.length > maxSize ||
    previous.uri !== text.uri
  ) {
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
  return new PropertiesConfigDocument(text, parsed, kind, entries);
}

export { entryAt } from './entries';
