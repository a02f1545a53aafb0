// Completion in core-mw values files: OX keys and their values in the OX-key maps, chart keys, roles and statuses.
import {
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  Position,
  Range,
} from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, Scalar, YAMLMap } from 'yaml';
import { Catalog, KnownProperty, syntaxOfCatalogFile } from '../../catalog/catalog';
import { builtinRoles, CORE_MW } from '../../catalog/chartFacts';
import { fileKindOf, MAP_FILE } from '../../catalog/fileKind';
import { isRetired } from '../../catalog/versionFacts';
import { keyText, mapAt } from '../../model/helm/chartRoots';
import { ValuesDocument } from '../../model/helm/valuesDocument';
import { yamlScalar } from '../../model/helm/yamlEditor';
import { Span } from '../../parser/types';
import { keyItem, patternItem, patternKeySnippet, snippetText, valueItems } from '../completion';
import { CHART_KEYS, VALUES_KEYS } from './chartKeys';
import { MapPlace, valuesPlaceAt, ValuesPlace } from './cursor';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

function rangeOf(doc: ValuesDocument, span: Span): Range {
  return { start: doc.text.positionAt(span.start), end: doc.text.positionAt(span.end) };
}

/** The quoting of the scalar the range holds, to write a replacement the same way. */
function quoteOf(doc: ValuesDocument, span: Span): Scalar['type'] {
  const first = doc.text.getText()[span.start];
  return span.end > span.start && first === '"' ? 'QUOTE_DOUBLE' : span.end > span.start && first === "'" ? 'QUOTE_SINGLE' : undefined;
}

/** Keys of a map already written, but for the one at `offset` (which is being typed). */
function keysIn(map: YAMLMap | undefined, offset: number): Set<string> {
  const keys = new Set<string>();
  for (const pair of map?.items ?? []) {
    const key = keyText(pair);
    const range = isScalar(pair.key) ? pair.key.range : undefined;
    if (key !== undefined && !(range && offset >= range[0] && offset <= range[1])) keys.add(key);
  }
  return keys;
}

/** OX keys for a map: for a `…Files` entry the keys of that OX file first, then the rest; patterns as snippets. */
function oxKeyItems(
  doc: ValuesDocument,
  catalog: Catalog,
  place: MapPlace,
  range: Range,
  keyOnly: boolean,
  offset: number,
): CompletionItem[] {
  const fileKind = place.file ? fileKindOf(place.file) : undefined;
  const syntax = fileKind?.syntax ?? 'properties';
  const present = new Set<string>();
  for (const s of doc.settings)
    if (s.map === place.map && !(offset >= s.keyRange.start && offset <= s.keyRange.end)) present.add(s.canonicalKey);
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (known: KnownProperty, rank: number) => {
    const key = known.canonicalKey;
    if (seen.has(key) || present.has(key) || isRetired(known.def) || known.def.replacedBy) return;
    seen.add(key);
    const written = snippetText(yamlScalar(key));
    items.push(keyItem(known, syntax, rank, range, keyOnly ? written : `${written}: `));
  };
  const exact = [...catalog.knownKeys(syntax)];
  if (fileKind) {
    for (const known of exact) if (known.file === fileKind.file) add(known, 0);
    if (fileKind.isMapFile) for (const known of catalog.fieldKeys(syntax)) add(known, 1);
    else for (const known of exact) if (known.file !== MAP_FILE) add(known, 2);
  } else {
    for (const known of exact) if (known.file !== MAP_FILE) add(known, 0);
  }
  for (const file of catalog.files) {
    if (fileKind ? file.file !== fileKind.file : file.file === MAP_FILE || syntaxOfCatalogFile(file.file) !== syntax) continue;
    for (const def of file.properties) {
      if (!def.pattern) continue;
      const pattern = def.pattern;
      const key = patternKeySnippet(pattern).text;
      items.push(patternItem({ ...def, pattern }, range, keyOnly ? key : `${key}: `));
    }
  }
  return items;
}

/** Chart keys at a chart root, or the OX-key map keys in a role's or node type's `values`. */
function chartKeyItems(place: Extract<ValuesPlace, { kind: 'chart-key' }>, range: Range, offset: number): CompletionItem[] {
  let map: YAMLMap | undefined = place.root.map;
  for (const key of place.mapPath) map = map && mapAt(map, key);
  const present = keysIn(map, offset);
  const keys = place.level === 'root' ? CHART_KEYS : VALUES_KEYS;
  return keys
    .filter((k) => !present.has(k.key))
    .map((k, i) => ({
      label: k.key,
      kind: k.map ? CompletionItemKind.Module : CompletionItemKind.Property,
      detail: 'core-mw chart',
      documentation: { kind: MarkupKind.Markdown, value: k.description },
      sortText: String(i).padStart(2, '0'),
      // A map opens on the next line, indented by two more than the key (the editor adds the key's own indentation).
      textEdit: { range, newText: place.keyOnly ? k.key : k.map ? `${k.key}:\n  ` : `${k.key}: ` },
      insertTextFormat: InsertTextFormat.Snippet,
      ...(k.map && !place.keyOnly ? { insertTextMode: InsertTextMode.adjustIndentation } : {}),
    }));
}

/** Roles for a node type's list: the chart's (of the chart version, or of every version we know) and the file's. */
function roleItems(
  place: Extract<ValuesPlace, { kind: 'role' }>,
  range: Range,
  offset: number,
  chartVersion: string | undefined,
): CompletionItem[] {
  const builtin = builtinRoles(chartVersion);
  const defined = new Set(keysIn(mapAt(place.root.map, 'roles'), -1));
  let node: unknown = place.root.map;
  for (const key of place.rolesPath) node = isMap(node) ? node.get(key, true) : undefined;
  const listed = new Set<string>();
  if (isSeq(node)) {
    for (const item of node.items) {
      if (isScalar(item) && typeof item.value === 'string' && !(item.range && offset >= item.range[0] && offset <= item.range[1]))
        listed.add(item.value);
    }
  }
  const removed = new Map<string, string>();
  for (const r of CORE_MW.removedRoles)
    for (const role of r.roles) removed.set(role, `removed in chart ${r.removedIn}; use ${r.replacedBy}`);
  const names = [...new Set([...builtin, ...defined])].filter((r) => !listed.has(r)).sort();
  return names.map((role) => {
    const gone = defined.has(role) ? undefined : removed.get(role);
    return {
      label: role,
      kind: CompletionItemKind.EnumMember,
      detail: defined.has(role)
        ? builtin.has(role)
          ? 'chart role, values set in this file'
          : 'role defined in this file'
        : (gone ?? 'chart role'),
      sortText: `${gone ? 1 : 0}${role}`,
      textEdit: { range, newText: yamlScalar(role) },
    };
  });
}

function statusItems(place: Extract<ValuesPlace, { kind: 'status' }>, doc: ValuesDocument, range: Range): CompletionItem[] {
  const like = quoteOf(doc, place.range);
  return ['enabled', 'disabled'].map((status, i) => {
    const newText = place.prefix + yamlScalar(status, like);
    return {
      label: status,
      kind: CompletionItemKind.EnumMember,
      sortText: String(i),
      textEdit: { range, newText },
      ...(like ? { filterText: newText } : {}),
    };
  });
}

/**
 * Completion at a position of a values file. `chartVersion` picks the chart's roles (every version's when
 * undefined).
 */
export function valuesCompletion(doc: ValuesDocument, catalog: Catalog, position: Position, chartVersion?: string): CompletionList {
  const offset = doc.text.offsetAt(position);
  const place = valuesPlaceAt(doc, offset);
  if (!place) return EMPTY;
  const range = rangeOf(doc, place.range);
  switch (place.kind) {
    case 'ox-key':
      return { isIncomplete: false, items: oxKeyItems(doc, catalog, place.map, range, place.keyOnly, offset) };
    case 'ox-value': {
      const fileKind = place.map.file ? fileKindOf(place.map.file) : undefined;
      const known = catalog.lookup(place.key, fileKind?.syntax ?? 'properties', fileKind?.file);
      if (!known) return EMPTY;
      const like = quoteOf(doc, place.range);
      const items = valueItems(known.def, range, (value) => place.prefix + yamlScalar(value, like));
      return {
        isIncomplete: false,
        items: like ? items.map((item) => ({ ...item, filterText: (item.textEdit as { newText: string }).newText })) : items,
      };
    }
    case 'chart-key':
      return { isIncomplete: false, items: chartKeyItems(place, range, offset) };
    case 'role':
      return { isIncomplete: false, items: roleItems(place, range, offset, chartVersion) };
    case 'status':
      return { isIncomplete: false, items: statusItems(place, doc, range) };
  }
}
