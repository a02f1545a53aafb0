import { isMap, isScalar, isSeq, Node, Scalar } from 'yaml';
import { SCRIPT_VARIABLE, ValuesDocument } from './valuesDocument';

/** Where a value was written: a values file and its YAML nodes; absent for the chart's own defaults. */
export interface ValueSource {
  doc: ValuesDocument;
  /** The map key it is written under. */
  key?: Scalar;
  node?: Node;
}

/** A scalar or list value (Helm replaces lists whole). */
export interface ValueLeaf {
  kind: 'leaf';
  value: unknown;
  source?: ValueSource;
}

/** A map of values (Helm merges maps key by key). */
export interface ValueMap {
  kind: 'map';
  entries: Map<string, ValueTree>;
  source?: ValueSource;
}

export type ValueTree = ValueLeaf | ValueMap;

export function emptyMap(): ValueMap {
  return { kind: 'map', entries: new Map() };
}

/** A YAML node as a value tree; template tags stand in the masked text as `_` runs, so their values are strings. */
export function fromYaml(node: unknown, doc: ValuesDocument, key?: Scalar): ValueTree {
  const source: ValueSource = { doc, key, node: node as Node };
  if (isMap(node)) {
    const entries = new Map<string, ValueTree>();
    for (const pair of node.items) {
      if (!isScalar(pair.key) || pair.key.value === null || pair.key.value === undefined) continue;
      entries.set(String(pair.key.value), fromYaml(pair.value, doc, pair.key));
    }
    return { kind: 'map', entries, source };
  }
  if (isSeq(node)) return { kind: 'leaf', value: node.toJSON(), source };
  return { kind: 'leaf', value: isScalar(node) ? node.value : null, source };
}

/** Plain data (the chart's stock values) as a value tree without sources. */
export function fromData(value: unknown): ValueTree {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return { kind: 'map', entries: new Map(Object.entries(value).map(([k, v]) => [k, fromData(v)])) };
  }
  return { kind: 'leaf', value };
}

/**
 * Helm's coalescing: maps merge key by key, anything else replaces, and `null` deletes the key it is set
 * on (https://helm.sh/docs/chart_template_guide/values_files/). Neither input is changed.
 */
export function mergeValues(base: ValueTree | undefined, over: ValueTree): ValueTree {
  if (over.kind === 'leaf' || !base || base.kind === 'leaf') return over;
  const entries = new Map(base.entries);
  for (const [key, value] of over.entries) {
    if (value.kind === 'leaf' && value.value === null) entries.delete(key);
    else entries.set(key, mergeValues(entries.get(key), value));
  }
  return { kind: 'map', entries, source: over.source ?? base.source };
}

export function valueAt(tree: ValueTree | undefined, path: readonly string[]): ValueTree | undefined {
  let at = tree;
  for (const key of path) {
    if (!at || at.kind !== 'map') return undefined;
    at = at.entries.get(key);
  }
  return at;
}

export function mapAt(tree: ValueTree | undefined, path: readonly string[]): ValueMap | undefined {
  const at = valueAt(tree, path);
  return at?.kind === 'map' ? at : undefined;
}

/** The value as plain data. */
export function plainValue(tree: ValueTree | undefined): unknown {
  if (!tree) return undefined;
  if (tree.kind === 'leaf') return tree.value;
  return Object.fromEntries([...tree.entries].map(([k, v]) => [k, plainValue(v)]));
}

/** Helm's truthiness of a value (`if .Values.scaling`): empty maps, lists and strings, 0, false and null are false. */
export function isTruthy(tree: ValueTree | undefined): boolean {
  if (!tree) return false;
  if (tree.kind === 'map') return tree.entries.size > 0;
  const v = tree.value;
  return Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== false && v !== 0 && v !== '';
}

/** Whether a template or a deployment script writes (part of) a value the user's files set: its content is unknown. */
export function isFilledIn(tree: ValueTree | undefined): boolean {
  const range = tree?.source?.node?.range;
  if (!tree?.source || !range) return false;
  if (tree.source.doc.template.tagsIn(range[0], range[1]).length) return true;
  return tree.kind === 'leaf' && typeof tree.value === 'string' && SCRIPT_VARIABLE.test(tree.value);
}

/** The key path of the chart root a written value stands under (`['core-mw']`); [] for the document root or the chart's defaults. */
export function chartRootPathOf(source: ValueSource | undefined): readonly string[] {
  const at = source?.key?.range?.[0] ?? source?.node?.range?.[0];
  if (!source || at === undefined) return [];
  const holding = source.doc.roots.filter((r) => r.map.range && r.map.range[0] <= at && at < r.map.range[1]);
  return holding.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? [];
}
