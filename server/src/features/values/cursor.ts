// Where a position is in a values file, read from the lines of the masked text: while a key is being typed the
// YAML has no node for it (or no valid tree at all), but the indentation still says which map it is in.
import { ChartRoot } from '../../model/helm/chartRoots';
import { OxKeyMap, OxKeyMapKind } from '../../model/helm/oxKeyMaps';
import { ValuesDocument } from '../../model/helm/valuesDocument';
import { Span } from '../../parser/types';

/** An OX-key map the cursor is in; `map` is its YAML node when the parse has one. */
export interface MapPlace {
  kind: OxKeyMapKind;
  file?: string;
  root: ChartRoot;
  /** The YAML path, as `OxKeyMap.path`. */
  path: string;
  map?: OxKeyMap;
}

export type ValuesPlace =
  /** A key of a chart root (`level: 'root'`) or of a role's or node type's `values`. */
  | { kind: 'chart-key'; root: ChartRoot; level: 'root' | 'values'; mapPath: readonly string[]; range: Span; keyOnly: boolean }
  | { kind: 'ox-key'; map: MapPlace; range: Span; keyOnly: boolean }
  /** `prefix` is what has to stand before the value (a space right after the colon). */
  | { kind: 'ox-value'; map: MapPlace; key: string; range: Span; prefix: string }
  | { kind: 'role'; root: ChartRoot; rolesPath: readonly string[]; range: Span }
  /** A path of an OX file, a key of `propertiesFiles`/`secretPropertiesFiles` (whose path below the root is `mapPath`). */
  | { kind: 'file-path'; root: ChartRoot; mapPath: readonly string[]; range: Span; keyOnly: boolean }
  /** A package or feature name, a key of the `status` map at `mapPath`. */
  | { kind: 'status-name'; root: ChartRoot; of: 'packages' | 'features'; mapPath: readonly string[]; range: Span; keyOnly: boolean }
  | { kind: 'status'; root: ChartRoot; of: 'packages' | 'features'; name: string; range: Span; prefix: string };

interface Line {
  start: number;
  /** Without the line break. */
  text: string;
  indent: number;
}

function lineAt(text: string, offset: number): Line {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  const body = text.slice(start, end).replace(/\r$/, '');
  return { start, text: body, indent: body.length - body.trimStart().length };
}

/** A mapping key at the start of `text`: its (unquoted) name and where its `:` ends. */
function keyOf(text: string): { key: string; end: number } | undefined {
  const m = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"][^]*?))[ \t]*:(?=[ \t]|$)/.exec(text);
  if (!m) return undefined;
  let key = m[3];
  if (m[1] !== undefined) {
    try {
      key = JSON.parse(`"${m[1]}"`) as string;
    } catch {
      key = m[1];
    }
  } else if (m[2] !== undefined) key = m[2].replace(/''/g, "'");
  return { key, end: m[0].length };
}

/** Where a scalar written at the start of `text` ends: its closing quote, or before a comment and trailing blanks. */
function scalarEnd(text: string): number {
  if (text[0] === '"' || text[0] === "'") {
    const quote = text[0];
    for (let i = 1; i < text.length; i++) {
      if (quote === '"' && text[i] === '\\') i++;
      else if (text[i] === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else return i + 1;
      }
    }
    return text.length;
  }
  const comment = /(^|[ \t])#/.exec(text);
  return (comment ? text.slice(0, comment.index) : text).trimEnd().length;
}

const isSeqItem = (body: string) => body[0] === '-' && (body.length === 1 || body[1] === ' ' || body[1] === '\t');

/**
 * The keys of the maps that hold a line indented by `indent`, outermost first; undefined when the line is inside
 * something else (a sequence of maps, a multi-line scalar or flow collection). Items of a sequence (`seqItem`) may
 * stand at the indentation of their key.
 */
function parentKeys(text: string, lineStart: number, indent: number, seqItem: boolean): string[] | undefined {
  const keys: string[] = [];
  let threshold = indent;
  let sameIndent = seqItem;
  let end = lineStart - 1;
  while (end >= 0 && (threshold > 0 || sameIndent)) {
    const line = lineAt(text, end);
    end = line.start - 1;
    const body = line.text.slice(line.indent);
    if (body === '' || body[0] === '#') continue;
    if (line.indent === 0 && /^(---|\.\.\.)(\s|$)/.test(body)) break;
    if (line.indent > threshold || (line.indent === threshold && !sameIndent)) continue;
    if (isSeqItem(body)) {
      // A sibling item of the cursor's sequence; an item at a lower level holds the line in a sequence.
      if (line.indent === threshold) continue;
      return undefined;
    }
    const key = keyOf(body);
    // The parent's value must start on the next line: anything after its colon but a comment means a scalar goes on.
    const rest = key ? body.slice(key.end).trim() : '';
    if (!key || (rest !== '' && rest[0] !== '#')) {
      if (line.indent === threshold) continue;
      return undefined;
    }
    keys.push(key.key);
    threshold = line.indent;
    sameIndent = false;
  }
  return keys.reverse();
}

type Shape =
  { kind: 'key'; range: Span; keyOnly: boolean } | { kind: 'value'; range: Span; prefix: string } | { kind: 'item'; range: Span };

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => path[i] === key);
}

const MAP_KINDS = new Set<string>(['properties', 'secretProperties', 'propertiesFiles', 'secretPropertiesFiles']);

/** How many keys of a path below a chart root lead to its level of values: 0 (the root), 3 (`roles.<role>.values`) or 4 (`scaling.nodes.<type>.values`). */
function levelLength(rel: readonly string[]): number {
  if (rel[0] === 'roles' && rel.length >= 3 && rel[2] === 'values') return 3;
  if (rel[0] === 'scaling' && rel[1] === 'nodes' && rel.length >= 4 && rel[3] === 'values') return 4;
  return 0;
}

/** The OX-key map of a path below a chart root (`rel`), and the rest of the path below that map. */
function mapOf(doc: ValuesDocument, root: ChartRoot, rel: readonly string[]): { map: MapPlace; rest: readonly string[] } | undefined {
  const at = levelLength(rel);
  const kind = rel[at];
  if (kind === undefined || !MAP_KINDS.has(kind)) return undefined;
  const files = kind.endsWith('Files');
  const mapLength = at + (files ? 2 : 1);
  if (rel.length < mapLength) return undefined;
  const path = [...root.path, ...rel.slice(0, mapLength)].join('.');
  const place: MapPlace = {
    kind: kind as OxKeyMapKind,
    root,
    path,
    map: doc.maps.find((m) => m.path === path),
    ...(files ? { file: rel[at + 1] } : {}),
  };
  return { map: place, rest: rel.slice(mapLength) };
}

function placeOf(doc: ValuesDocument, path: readonly string[], shape: Shape): ValuesPlace | undefined {
  let root: ChartRoot | undefined;
  for (const r of doc.roots) if (startsWith(path, r.path) && (!root || r.path.length > root.path.length)) root = r;
  if (!root) return undefined;
  const rel = path.slice(root.path.length);
  const inMap = mapOf(doc, root, rel);
  const level = levelLength(rel);
  // The chart key under the level of values, and what follows it.
  const [chartKey, sub, ...below] = rel.slice(level);
  const statusOf = (chartKey === 'packages' || chartKey === 'features') && sub === 'status' ? chartKey : undefined;
  if (shape.kind === 'key') {
    if (inMap && inMap.rest.length === 0) return { kind: 'ox-key', map: inMap.map, range: shape.range, keyOnly: shape.keyOnly };
    if ((chartKey === 'propertiesFiles' || chartKey === 'secretPropertiesFiles') && sub === undefined)
      return { kind: 'file-path', root, mapPath: rel, range: shape.range, keyOnly: shape.keyOnly };
    if (statusOf && below.length === 0)
      return { kind: 'status-name', root, of: statusOf, mapPath: rel, range: shape.range, keyOnly: shape.keyOnly };
    if (chartKey === undefined) {
      return {
        kind: 'chart-key',
        root,
        level: level === 0 ? 'root' : 'values',
        mapPath: rel,
        range: shape.range,
        keyOnly: shape.keyOnly,
      };
    }
    return undefined;
  }
  if (shape.kind === 'value') {
    if (inMap && inMap.rest.length === 1)
      return { kind: 'ox-value', map: inMap.map, key: inMap.rest[0], range: shape.range, prefix: shape.prefix };
    if (statusOf && below.length === 1)
      return { kind: 'status', root, of: statusOf, name: below[0], range: shape.range, prefix: shape.prefix };
    return undefined;
  }
  if (rel.length === 4 && (rel[0] === 'scaling' || rel[0] === 'defaultScaling') && rel[1] === 'nodes' && rel[3] === 'roles') {
    return { kind: 'role', root, rolesPath: rel, range: shape.range };
  }
  return undefined;
}

/** The item of a one-line flow sequence (`[a, b]`, `value` from its `[`) around `at` (relative to `value`). */
function flowItem(value: string, at: number): Span | undefined {
  const close = value.indexOf(']');
  if (at < 1 || (close >= 0 && at > close)) return undefined;
  let start = at;
  while (start > 1 && value[start - 1] !== ',' && value[start - 1] !== '[') start--;
  while (start < at && value[start] === ' ') start++;
  let end = at;
  while (end < value.length && !/[,\]\s#]/.test(value[end])) end++;
  return { start, end };
}

/** What the position `offset` of a values file is for completion; undefined outside the places we complete. */
export function valuesPlaceAt(doc: ValuesDocument, offset: number): ValuesPlace | undefined {
  if (doc.comments.some((c) => offset > c.start && offset <= c.end)) return undefined;
  const text = doc.template.masked;
  const line = lineAt(text, offset);
  const column = offset - line.start;
  const blank = line.text.trim() === '';
  const indent = blank ? column : line.indent;
  if (column < indent) return undefined;
  let bodyStart = indent;
  const seqItem = !blank && isSeqItem(line.text.slice(indent));
  if (seqItem) {
    bodyStart = indent + 1;
    while (line.text[bodyStart] === ' ' || line.text[bodyStart] === '\t') bodyStart++;
    if (column <= indent) return undefined;
  }
  const parents = parentKeys(text, line.start, indent, seqItem);
  if (!parents) return undefined;
  const body = line.text.slice(bodyStart);
  const at = (i: number) => line.start + bodyStart + i;
  const tagged = (span: Span) => doc.template.tagsIn(Math.max(span.start - 1, 0), span.end + 1).length > 0;
  const key = blank ? undefined : keyOf(body);
  if (seqItem) {
    if (key) return undefined;
    const end = scalarEnd(body);
    const range = { start: at(0), end: at(end) };
    if (offset > range.end || tagged(range)) return undefined;
    return placeOf(doc, parents, { kind: 'item', range });
  }
  if (key && column >= bodyStart + key.end) {
    let valueStart = key.end;
    while (body[valueStart] === ' ' || body[valueStart] === '\t') valueStart++;
    const value = body.slice(valueStart);
    if (value[0] === '[') {
      const item = flowItem(value, column - bodyStart - valueStart);
      if (!item) return undefined;
      const range = { start: at(valueStart + item.start), end: at(valueStart + item.end) };
      if (tagged(range)) return undefined;
      return placeOf(doc, [...parents, key.key], { kind: 'item', range });
    }
    const range = { start: at(valueStart), end: at(valueStart + scalarEnd(value)) };
    if (offset < range.start || offset > range.end || tagged(range) || /^[{|>&*!]/.test(value)) return undefined;
    return placeOf(doc, [...parents, key.key], { kind: 'value', range, prefix: valueStart === key.end ? ' ' : '' });
  }
  // A key ends before its colon and the blanks before it; a key typed without a colon where its text does.
  const keyEnd = key ? body.slice(0, key.end - 1).trimEnd().length : scalarEnd(body);
  const range = { start: at(0), end: at(keyEnd) };
  if (offset > range.end || tagged(range)) return undefined;
  return placeOf(doc, parents, { kind: 'key', range, keyOnly: key !== undefined });
}
