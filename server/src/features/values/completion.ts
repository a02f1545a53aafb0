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
import { builtinRoles, chartVersionFacts, CORE_MW, StockName, stockNames, StockNames } from '../../catalog/chartFacts';
import { fileKindOf, MAP_FILE } from '../../catalog/fileKind';
import { isRetired } from '../../catalog/versionFacts';
import { ChartRoot, keyText, mapAt } from '../../model/helm/chartRoots';
import { valueLevels } from '../../model/helm/oxKeyMaps';
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

/** The map at a path below a chart root, if the parse has it. */
function mapBelow(root: ChartRoot, path: readonly string[]): YAMLMap | undefined {
  let map: YAMLMap | undefined = root.map;
  for (const key of path) map = map && mapAt(map, key);
  return map;
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
  const present = keysIn(mapBelow(place.root, place.mapPath), offset);
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

/** The directory of OX's configuration files in the image. */
const ETC = '/opt/open-xchange/etc/';

interface OxFile {
  /** `/opt/open-xchange/etc/<file>`. */
  path: string;
  /** The catalog's file name, e.g. `hazelcast.properties`. */
  name: string;
  /** Exact keys neither renamed nor removed (those that complete first in its map), and key patterns. */
  keys: number;
  patterns: number;
}

const oxFilesCache = new WeakMap<Catalog, OxFile[]>();

/** The OX files the catalog documents, with their paths in the container; the map files have no one name. */
function oxFiles(catalog: Catalog): OxFile[] {
  let files = oxFilesCache.get(catalog);
  if (files) return files;
  const names = [...new Set(catalog.files.map((f) => f.file))].filter((name) => name !== MAP_FILE).sort();
  files = names.map((name) => {
    const defs = catalog.defsForFile(name);
    const keys = defs.filter((d) => d.key !== undefined && !isRetired(d) && !d.replacedBy).length;
    return { path: ETC + name, name, keys, patterns: defs.filter((d) => d.pattern !== undefined).length };
  });
  oxFilesCache.set(catalog, files);
  return files;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Paths of the OX files the catalog knows, as keys of `propertiesFiles`/`secretPropertiesFiles`: those that start
 * with what is typed, or whose file name does (then the editor filters on the name). The list depends on the
 * typed text, so the editor asks again as it changes.
 */
function filePathItems(
  place: Extract<ValuesPlace, { kind: 'file-path' }>,
  doc: ValuesDocument,
  catalog: Catalog,
  range: Range,
  offset: number,
): CompletionList {
  const present = keysIn(mapBelow(place.root, place.mapPath), offset);
  const like = quoteOf(doc, place.range);
  const quote = like === 'QUOTE_DOUBLE' ? '"' : like === 'QUOTE_SINGLE' ? "'" : '';
  const typed = doc.text
    .getText()
    .slice(place.range.start + quote.length, offset)
    .toLowerCase();
  const items: CompletionItem[] = [];
  for (const file of oxFiles(catalog)) {
    if (present.has(file.path)) continue;
    const byPath = file.path.toLowerCase().startsWith(typed);
    if (!byPath && (typed.includes('/') || !file.name.toLowerCase().startsWith(typed))) continue;
    const written = yamlScalar(file.path, like);
    const patterns = file.patterns ? ` and ${plural(file.patterns, 'key pattern')}` : '';
    const known = file.keys || file.patterns ? `${plural(file.keys, 'key')}${patterns}` : 'no current keys';
    items.push({
      label: file.path,
      kind: CompletionItemKind.File,
      detail: `OX file · ${plural(file.keys, 'known key')}${file.patterns ? `, ${plural(file.patterns, 'key pattern')}` : ''}`,
      documentation: {
        kind: MarkupKind.Markdown,
        value:
          `The OX keys of this map are applied to \`${file.path}\` in the container. The catalog describes ${known} of ` +
          `\`${file.name}\` (renamed and removed keys not counted)${file.keys || file.patterns ? '; in the map they complete first' : ''}.`,
      },
      ...(byPath ? (quote ? { filterText: written } : {}) : { filterText: quote + file.name }),
      textEdit: { range, newText: snippetText(place.keyOnly ? written : `${written}:\n  `) },
      insertTextFormat: InsertTextFormat.Snippet,
      ...(place.keyOnly ? {} : { insertTextMode: InsertTextMode.adjustIndentation }),
    });
  }
  return { isIncomplete: true, items };
}

/** What a name of the chart's stock values says in completion, before its place in the file is known. */
interface NameItem {
  label: string;
  detail: string;
  documentation?: string;
}

/** `disabled by default`, with the chart versions when not all of `versions` agree. */
function statusNote(entry: StockName): string[] {
  const byStatus = new Map<string, string[]>();
  for (const [version, status] of entry.status) byStatus.set(status, [...(byStatus.get(status) ?? []), version]);
  return [...byStatus].map(([status, versions]) =>
    versions.length === entry.versions.length ? `${status} by default` : `${status} by default in chart ${versions.join(', ')}`,
  );
}

function nameItems(names: StockNames, of: 'packages' | 'features', union: boolean): NameItem[] {
  const all = CORE_MW.versions.length;
  return [...names[of]]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, entry]) => {
      const parts =
        of === 'packages'
          ? ['package', ...(entry.related.length ? [`feature ${entry.related.join(', ')}`] : [])]
          : ['feature', plural(entry.related.length, 'package')];
      parts.push(...statusNote(entry));
      if (union && entry.versions.length < all) parts.push(`chart ${entry.versions.join(', ')} only`);
      const documentation =
        of === 'features'
          ? entry.related.length
            ? `The chart's definition switches ${entry.related.map((p) => `\`${p}\``).join(', ')}.`
            : "The chart's definition names no packages."
          : undefined;
      return { label: name, detail: parts.join(' · '), ...(documentation ? { documentation } : {}) };
    });
}

const nameItemsCache = new WeakMap<StockNames, Record<'packages' | 'features', NameItem[]>>();

/** Feature names under `features.definitions` at any level of values of a chart root. */
function definedFeatures(root: ChartRoot): Set<string> {
  const defined = new Set<string>();
  for (const level of valueLevels(root)) {
    const features = mapAt(level.map, 'features');
    for (const name of keysIn(features && mapAt(features, 'definitions'), -1)) defined.add(name);
  }
  return defined;
}

/**
 * Package or feature names as keys of a `status` map: those of the chart version's stock values (every version's
 * when it is unknown), for features also those the file defines, less the names the map already has.
 */
function statusNameItems(
  place: Extract<ValuesPlace, { kind: 'status-name' }>,
  doc: ValuesDocument,
  range: Range,
  offset: number,
  chartVersion: string | undefined,
): CompletionItem[] {
  const names = stockNames(chartVersion);
  let built = nameItemsCache.get(names);
  if (!built) {
    const union = !chartVersionFacts(chartVersion);
    built = { packages: nameItems(names, 'packages', union), features: nameItems(names, 'features', union) };
    nameItemsCache.set(names, built);
  }
  const present = keysIn(mapBelow(place.root, place.mapPath), offset);
  const candidates: NameItem[] = [...built[place.of]];
  if (place.of === 'features') {
    for (const name of definedFeatures(place.root))
      if (!names.features.has(name)) candidates.push({ label: name, detail: 'feature defined in this file' });
    candidates.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  }
  const like = quoteOf(doc, place.range);
  const kind = place.of === 'packages' ? CompletionItemKind.Module : CompletionItemKind.EnumMember;
  return candidates
    .filter((c) => !present.has(c.label))
    .map((c) => {
      const written = yamlScalar(c.label, like);
      const newText = place.keyOnly ? written : `${written}: `;
      return {
        label: c.label,
        kind,
        detail: c.detail,
        ...(c.documentation ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
        textEdit: { range, newText },
        ...(like ? { filterText: written } : {}),
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
 * Completion at a position of a values file. `chartVersion` picks the chart's roles, packages and features (every
 * version's when undefined).
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
    case 'file-path':
      return filePathItems(place, doc, catalog, range, offset);
    case 'status-name':
      return { isIncomplete: false, items: statusNameItems(place, doc, range, offset, chartVersion) };
  }
}
