import {
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  InsertTextFormat,
  MarkupKind,
  Position,
  Range,
} from 'vscode-languageserver-types';
import { Catalog, KnownProperty, Syntax } from '../catalog/catalog';
import { MAP_FILE } from '../catalog/fileKind';
import { PropertyDef } from '../catalog/types';
import { isRetired } from '../catalog/versionFacts';
import { entryAt, OxDocument } from '../model/properties/propertiesDocument';
import { canonicalIndex } from '../model/document';
import { escapeKey, escapeValue } from '../parser/javaText';
import { Span } from '../parser/types';
import { propertyMarkdown, shortDetail, typeName } from './propertyDocs';

const TIMESPAN_EXAMPLES = ['1W', '2W', '1D', '12h', '1h', '30m', '120s', '500ms'];

export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

function choiceText(text: string): string {
  return text.replace(/[\\$},|]/g, '\\$&');
}

function rangeOf(doc: OxDocument, span: Span): Range {
  return { start: doc.text.positionAt(span.start), end: doc.text.positionAt(span.end) };
}

/** `key=${1:default}` (or a choice of the allowed values), never with a secret's shipped default. */
function keyInsertText(key: string, def: PropertyDef): string {
  const escapedKey = snippetText(escapeKey(key));
  const values = def.type === 'enum' ? (def.values ?? []) : def.type === 'boolean' ? ['true', 'false'] : [];
  if (values.length > 1 && !def.secret) {
    const ordered =
      def.default !== null && values.includes(def.default) ? [def.default, ...values.filter((v) => v !== def.default)] : values;
    return `${escapedKey}=\${1|${ordered.map(choiceText).join(',')}|}`;
  }
  if (def.secret || def.default === null || def.default === '') return `${escapedKey}=$1`;
  return `${escapedKey}=\${1:${snippetText(escapeValue(def.default))}}`;
}

/** A key pattern as a snippet, each `<name>` a placeholder numbered from 1; `count` is how many there are. */
export function patternKeySnippet(pattern: string): { text: string; count: number } {
  let count = 0;
  const text = snippetText(pattern).replace(/<([^>]+)>/g, (_, name: string) => `\${${++count}:${name}}`);
  return { text, count };
}

function patternInsertText(pattern: string, def: PropertyDef): string {
  const key = patternKeySnippet(pattern);
  const n = key.count + 1;
  const value = def.default && !def.secret ? `\${${n}:${snippetText(escapeValue(def.default))}}` : `$${n}`;
  return `${key.text}=${value}`;
}

/** The completion item of a catalog key; its documentation comes later, from resolveCompletion. */
export function keyItem(known: KnownProperty, syntax: Syntax, rank: number, range: Range, newText: string): CompletionItem {
  const key = known.canonicalKey;
  return {
    label: key,
    kind: CompletionItemKind.Property,
    detail: shortDetail(known.def),
    data: { key, syntax } satisfies CompletionData,
    sortText: `${rank}${key}`,
    textEdit: { range, newText },
    insertTextFormat: InsertTextFormat.Snippet,
  };
}

/** The completion item of a key pattern (a key with `<name>` parts), sorted after the keys. */
export function patternItem(def: PropertyDef & { pattern: string }, range: Range, newText: string): CompletionItem {
  return {
    label: def.pattern,
    kind: CompletionItemKind.Snippet,
    detail: `${typeName(def)} · pattern`,
    documentation: { kind: MarkupKind.Markdown, value: def.description },
    sortText: `3${def.pattern}`,
    filterText: def.pattern.replace(/<[^>]+>/g, ''),
    textEdit: { range, newText },
    insertTextFormat: InsertTextFormat.Snippet,
  };
}

function keyItems(doc: OxDocument, catalog: Catalog, range: Range, keyOnly: boolean): CompletionItem[] {
  const syntax = doc.kind.syntax;
  const present = canonicalIndex(doc);
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (known: KnownProperty, rank: number) => {
    const key = known.canonicalKey;
    if (seen.has(key) || present.has(key) || isRetired(known.def) || known.def.replacedBy) return;
    seen.add(key);
    items.push(keyItem(known, syntax, rank, range, keyOnly ? snippetText(escapeKey(key)) : keyInsertText(key, known.def)));
  };
  const belongsHere = (file: string) => file === doc.kind.file;
  const exact = [...catalog.knownKeys(syntax)];
  for (const known of exact) if (belongsHere(known.file)) add(known, 0);
  if (doc.kind.isMapFile) for (const known of catalog.fieldKeys(syntax)) add(known, 1);
  if (!doc.kind.isMapFile) for (const known of exact) if (known.file !== MAP_FILE) add(known, 2);
  for (const file of catalog.files) {
    for (const def of file.properties) {
      if (!def.pattern || (file.file !== doc.kind.file && syntax !== 'ccf')) continue;
      const pattern = def.pattern;
      items.push(patternItem({ ...def, pattern }, range, keyOnly ? snippetText(pattern) : patternInsertText(pattern, def)));
    }
  }
  return items;
}

/** Value candidates of a key; `encode` writes a value in the document's format (Java escapes by default). */
export function valueItems(def: PropertyDef, range: Range, encode: (value: string) => string = escapeValue): CompletionItem[] {
  const candidates: string[] = [];
  const push = (v: string | null | undefined) => {
    if (v !== null && v !== undefined && v !== '' && !candidates.includes(v)) candidates.push(v);
  };
  if (!def.secret) push(def.default);
  if (def.type === 'enum') def.values?.forEach(push);
  if (def.type === 'boolean') ['true', 'false'].forEach(push);
  if (def.type === 'timespan') TIMESPAN_EXAMPLES.forEach(push);
  def.special?.forEach(push);
  return candidates.map((value, i) => ({
    label: value,
    kind: def.type === 'enum' || def.type === 'boolean' ? CompletionItemKind.EnumMember : CompletionItemKind.Value,
    detail: value === def.default ? 'default' : undefined,
    preselect: i === 0 && value === def.default ? true : undefined,
    sortText: String(i).padStart(3, '0'),
    textEdit: { range, newText: encode(value) },
  }));
}

/** What a key item carries to completionItem/resolve. */
export interface CompletionData {
  key: string;
  syntax: Syntax;
}

/** Adds the documentation of a key item (completionItem/resolve): built only for the item shown. */
export function resolveCompletion(item: CompletionItem, catalog: Catalog): CompletionItem {
  const data = item.data as Partial<CompletionData> | undefined;
  if (typeof data?.key !== 'string' || (data.syntax !== 'properties' && data.syntax !== 'ccf')) return item;
  const known = catalog.lookup(data.key, data.syntax);
  return known ? { ...item, documentation: { kind: MarkupKind.Markdown, value: propertyMarkdown(known, data.key) } } : item;
}

export function doComplete(doc: OxDocument, catalog: Catalog, position: Position): CompletionList {
  const offset = doc.text.offsetAt(position);
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const inComment = doc.parsed.comments.some((c) => offset > c.start && offset <= c.end);
  if (inComment) return empty;
  const found = entryAt(doc, offset);
  if (!found) {
    // The cursor as it lies in the text: an editor's position may be past the end of its line or the file.
    const at = doc.text.positionAt(offset);
    return { isIncomplete: false, items: keyItems(doc, catalog, { start: at, end: at }, false) };
  }
  const { entry } = found;
  const hasSeparator = entry.separator !== '';
  if (!hasSeparator || offset <= entry.keySpan.end) {
    return { isIncomplete: false, items: keyItems(doc, catalog, rangeOf(doc, entry.keySpan), hasSeparator) };
  }
  if (offset < entry.separatorSpan.end || !found.known) return empty;
  return { isIncomplete: false, items: valueItems(found.known.def, rangeOf(doc, entry.valueSpan)) };
}

/**
 * The same list with the edit range and insert format that all items share moved into `itemDefaults`
 * (LSP 3.17), for clients that support it: a third less to encode and send on every keystroke.
 */
export function withItemDefaults(list: CompletionList): CompletionList {
  const first = list.items[0]?.textEdit;
  if (!first || !('range' in first)) return list;
  const format = list.items[0].insertTextFormat;
  const same = list.items.every((item) => {
    const edit = item.textEdit;
    return edit && 'range' in edit && item.insertTextFormat === format && edit.range === first.range && item.insertText === undefined;
  });
  if (!same) return list;
  return {
    isIncomplete: list.isIncomplete,
    itemDefaults: { editRange: first.range, ...(format !== undefined ? { insertTextFormat: format } : {}) },
    items: list.items.map(({ textEdit, insertTextFormat: _format, ...item }) => ({ ...item, textEditText: textEdit!.newText })),
  };
}
