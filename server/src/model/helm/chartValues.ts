// The chart keys of a values file as the rules read them: a format-neutral tree of maps, lists and scalars
// with the spans of keys and values, so that no rule reads the YAML parser's nodes.
import { isMap, isScalar, isSeq, Node, Pair } from 'yaml';
import { Span } from '../../parser/types';
import type { ChartRoot } from './chartRoots';
import { SCRIPT_VARIABLE, ValuesDocument } from './valuesDocument';

interface ValueBase {
  readonly span: Span;
  /** A template or a deployment script fills (part of) it in: nothing can be said about its content. */
  readonly filledIn: boolean;
}

export interface ChartScalar extends ValueBase {
  readonly kind: 'scalar';
  /** As YAML 1.1 reads it (Helm's reading): `on` is true, `3` a number, `~` null. */
  readonly value: string | number | boolean | null;
  /** The text as written (without quotes for a quoted scalar). */
  readonly source: string;
  readonly quoted: boolean;
}

export interface ChartMap extends ValueBase {
  readonly kind: 'map';
  readonly entries: readonly ChartEntry[];
}

export interface ChartList extends ValueBase {
  readonly kind: 'list';
  readonly items: readonly ChartValue[];
}

/** A value the tree does not model (an alias): only its span. */
export interface ChartOther extends ValueBase {
  readonly kind: 'other';
}

export type ChartValue = ChartScalar | ChartMap | ChartList | ChartOther;

export interface ChartEntry {
  /** Undefined when the key is no plain text or a template writes it. */
  readonly key: string | undefined;
  readonly keySpan: Span;
  /** Undefined for `key:` with nothing after it (YAML null). */
  readonly value: ChartValue | undefined;
}

/** One place a chart root takes values: the root itself, `roles.<role>.values`, `scaling.nodes.<type>.values`. */
export interface ChartLevel {
  readonly values: ChartMap;
  readonly role?: string;
  readonly nodeType?: string;
}

export interface ChartRootValues {
  /** The map keys from the document root down to the chart root; [] for the document root. */
  readonly path: readonly string[];
  readonly values: ChartMap;
}

const spanOf = (node: Node | Pair['key']): Span => {
  const range = (node as Node).range;
  return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
};

function convert(doc: ValuesDocument, node: Node): ChartValue {
  const span = spanOf(node);
  const filledIn = doc.template.tagsIn(span.start, span.end).length > 0;
  if (isMap(node)) {
    const entries = node.items.map((pair): ChartEntry => {
      const keySpan = spanOf(pair.key as Node);
      const plain = isScalar(pair.key) && typeof pair.key.value === 'string';
      const keyFilled = doc.template.tagsIn(keySpan.start, keySpan.end).length > 0;
      const value = pair.value ? convert(doc, pair.value as Node) : undefined;
      return { key: plain && !keyFilled ? String((pair.key as { value: string }).value) : undefined, keySpan, value };
    });
    return { kind: 'map', span, filledIn, entries };
  }
  if (isSeq(node)) return { kind: 'list', span, filledIn, items: node.items.map((item) => convert(doc, item as Node)) };
  if (isScalar(node)) {
    const value = node.value as ChartScalar['value'];
    const source = typeof node.source === 'string' ? node.source : String(value ?? '');
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    const variable = typeof value === 'string' && SCRIPT_VARIABLE.test(value);
    return { kind: 'scalar', span, filledIn: filledIn || variable, value, source, quoted };
  }
  return { kind: 'other', span, filledIn };
}

const cache = new WeakMap<ValuesDocument, readonly ChartRootValues[]>();

/** The chart roots of a values file as neutral trees (built once per document). */
export function chartRootValues(doc: ValuesDocument): readonly ChartRootValues[] {
  let roots = cache.get(doc);
  if (!roots) {
    roots = doc.roots.map((root: ChartRoot) => ({ path: root.path, values: convert(doc, root.map) as ChartMap }));
    cache.set(doc, roots);
  }
  return roots;
}

/** The YAML document root of a values file as a neutral value (for `global:` beside the chart roots). */
export function documentValues(doc: ValuesDocument): ChartValue | undefined {
  const contents = doc.yaml.contents as Node | null;
  return contents ? convert(doc, contents) : undefined;
}

/** The entries of a map with the given key, in order (a key may repeat). */
export function entriesOf(map: ChartMap | undefined, key: string): ChartEntry[] {
  return map ? map.entries.filter((e) => e.key === key) : [];
}

/** The last entry of a key: the one Helm keeps. */
export function entryOf(map: ChartMap | undefined, key: string): ChartEntry | undefined {
  const found = entriesOf(map, key);
  return found[found.length - 1];
}

/** The map under `key` when the entry holds a map. */
export function mapAt(map: ChartMap | undefined, ...keys: string[]): ChartMap | undefined {
  let at = map;
  for (const key of keys) {
    const value = entryOf(at, key)?.value;
    at = value?.kind === 'map' ? value : undefined;
  }
  return at;
}

/** Helm's `if` on a scalar: true, or a string that reads "true". */
export function isTrue(value: ChartValue | undefined): boolean {
  return value?.kind === 'scalar' && (value.value === true || value.value === 'true');
}

/** A value that is there: filled in, a map with entries, or a scalar other than null and the empty string. */
export function isSet(value: ChartValue | undefined): boolean {
  if (!value) return false;
  if (value.filledIn) return true;
  if (value.kind === 'map') return value.entries.length > 0;
  return value.kind === 'scalar' && value.value !== null && value.value !== '';
}

/** The entries of a map whose keys are plain text no template writes. */
export function plainEntries(map: ChartMap): Array<ChartEntry & { key: string }> {
  return map.entries.filter((e): e is ChartEntry & { key: string } => e.key !== undefined);
}

/** Where a chart root takes values: itself, each `roles.<role>.values` and each `scaling.nodes.<type>.values`. */
export function chartLevels(root: ChartRootValues): ChartLevel[] {
  const levels: ChartLevel[] = [{ values: root.values }];
  for (const entry of plainEntries(mapAt(root.values, 'roles') ?? EMPTY)) {
    const values = entry.value?.kind === 'map' ? mapAt(entry.value, 'values') : undefined;
    if (values) levels.push({ values, role: entry.key });
  }
  for (const entry of plainEntries(mapAt(root.values, 'scaling', 'nodes') ?? EMPTY)) {
    const values = entry.value?.kind === 'map' ? mapAt(entry.value, 'values') : undefined;
    if (values) levels.push({ values, nodeType: entry.key });
  }
  return levels;
}

const EMPTY: ChartMap = { kind: 'map', span: { start: 0, end: 0 }, filledIn: false, entries: [] };
