import { isMap, isScalar, Pair, Scalar, visit, YAMLMap } from 'yaml';
import { DocumentEditor, FixIntent, listSeparator, TextEditSpec } from '../edits';
import { Setting } from '../setting';
import { Span } from '../../parser/types';
import { mapAt } from './chartRoots';
import { helmRendering } from './helmScalars';
import type { ValuesDocument, ValuesSetting } from './valuesDocument';

/** Text that YAML 1.1 reads back as the same string when written without quotes. */
function isSafePlain(text: string): boolean {
  if (text === '' || text !== text.trim()) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`~]/.test(text) || /: |:$| #|[\t\n\r]/.test(text)) return false;
  // Words YAML 1.1 reads as null or as a boolean other than the text itself; numbers it would rewrite (1.10, 0777).
  if (/^(null|Null|NULL|~|[yYnN]|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/.test(text)) return false;
  if (/^[-+.]?[0-9]/.test(text) && !/^(0|-?[1-9][0-9]*)$/.test(text)) return false;
  // What Helm would hand on as other text (True as true, integers beyond a float64's precision).
  return helmRendering(text) === undefined;
}

/** A scalar in the style of the one it replaces: same quotes, plain only where that reads back the same. */
export function yamlScalar(text: string, like?: Scalar['type']): string {
  if (like === 'QUOTE_SINGLE') return `'${text.replace(/'/g, "''")}'`;
  if (like === 'QUOTE_DOUBLE' || !isSafePlain(text)) return JSON.stringify(text);
  return text;
}

function lineBreakOf(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}

/** Carries out fix intents on a values file with minimal edits that keep comments, indentation and quoting. */
export class YamlEditor implements DocumentEditor {
  constructor(private readonly doc: ValuesDocument) {}

  edits(intent: FixIntent): TextEditSpec[] {
    const doc = this.doc;
    switch (intent.kind) {
      case 'set-value': {
        const s = this.settingOf(intent.setting);
        return s ? [this.setValue(s, intent.value)] : [];
      }
      case 'rename-key': {
        const s = this.settingOf(intent.setting);
        if (!s) return [];
        const style = isScalar(s.pair.key) ? s.pair.key.type : undefined;
        return [{ doc, ...s.keyRange, newText: yamlScalar(intent.key, style) }];
      }
      case 'append-item': {
        const s = this.settingOf(intent.setting);
        return s ? [this.setValue(s, s.value + listSeparator(s.value) + intent.item)] : [];
      }
      case 'remove':
        return this.remove(intent.settings.map((s) => this.settingOf(s)).filter((s): s is ValuesSetting => !!s));
      case 'put':
        return this.put(intent.key, intent.value, intent.after);
      case 'replace-text':
        return [{ doc, start: intent.start, end: intent.end, newText: intent.text }];
      case 'move':
        // Moving an entry to another file is not a values-file edit.
        return [];
      case 'move-within': {
        const s = this.settingOf(intent.setting);
        return s ? this.moveWithin(s, intent.path) : [];
      }
      case 'put-at':
        return this.putAt(intent.path, intent.value);
    }
  }

  /** The column of a map's keys, and where text added at its end goes (after its last entry's line). */
  private mapEnd(map: YAMLMap): { indent: number; at: number } | undefined {
    const first = map.items[0]?.key;
    const last = map.items[map.items.length - 1];
    if (!isScalar(first) || !first.range || !last) return undefined;
    const end = (last.value as { range?: number[] } | null)?.range?.[1] ?? (isScalar(last.key) ? last.key.range?.[1] : undefined);
    if (end === undefined) return undefined;
    return { indent: first.range[0] - this.lineStart(first.range[0]), at: this.lineEndAfterBreak(Math.max(end - 1, first.range[0])) };
  }

  /**
   * An edit that makes the keys of `path` exist below the chart root's map and writes `leaf(indent)` as the
   * content of the last one: nested `key:` lines appended to the deepest existing block map.
   */
  private ensurePath(root: YAMLMap, path: readonly string[], leaf: (indent: number) => string): TextEditSpec | undefined {
    const text = this.doc.text.getText();
    const lineBreak = lineBreakOf(text);
    let map = root;
    let depth = 0;
    for (; depth < path.length; depth++) {
      const next = mapAt(map, path[depth]);
      if (!next || next.flow || !next.items.length) break;
      map = next;
    }
    if (depth === path.length) {
      const end = this.mapEnd(map);
      return end && { doc: this.doc, start: end.at, end: end.at, newText: leaf(end.indent) };
    }
    if (map.flow) return undefined;
    const end = this.mapEnd(map);
    if (!end) return undefined;
    // A key that exists with an empty or flow map is left alone: only missing keys are written.
    if (map.items.some((pair) => isScalar(pair.key) && pair.key.value === path[depth])) return undefined;
    const prefix = end.at === text.length && !/\n$/.test(text) ? lineBreak : '';
    let lines = '';
    let indent = end.indent;
    for (let k = depth; k < path.length; k++, indent += 2) lines += `${' '.repeat(indent)}${yamlScalar(path[k])}:${lineBreak}`;
    return { doc: this.doc, start: end.at, end: end.at, newText: prefix + lines + leaf(indent) };
  }

  /** Moves an entry's lines (with their comments) into the map at `path` from the entry's chart root. */
  private moveWithin(s: ValuesSetting, path: readonly string[]): TextEditSpec[] {
    if (s.map.map.flow) return [];
    const text = this.doc.text.getText();
    const span = this.pairSpan(s);
    const lines = text.slice(span.start, span.end);
    const from = s.keyRange.start - span.start;
    // Each line moves by the difference of the two maps' indentation; line breaks stay as they are.
    const reindent = (indent: number) => {
      const shift = indent - from;
      const parts = lines.split(/(\r\n|\n|\r)/);
      let moved = '';
      for (let i = 0; i < parts.length; i += 2) {
        const line = parts[i];
        const lead = /^ */.exec(line)![0].length;
        if (line !== '') moved += ' '.repeat(Math.max(0, lead + shift)) + line.slice(lead);
        moved += parts[i + 1] ?? '';
      }
      return /[\r\n]$/.test(moved) ? moved : moved + lineBreakOf(text);
    };
    const insert = this.ensurePath(s.map.root.map, path, reindent);
    if (!insert) return [];
    return [...this.remove([s]), insert];
  }

  /** Sets a chart key: its scalar when it exists, else the missing keys added under the first chart root. */
  private putAt(path: readonly string[], value: string): TextEditSpec[] {
    const root = this.doc.roots[0];
    if (!root) return [];
    let map: YAMLMap | undefined = root.map;
    for (let k = 0; k < path.length - 1 && map; k++) map = mapAt(map, path[k]);
    const pair = map?.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
    if (pair && isScalar(pair.key) && pair.key.range && (pair.value === null || isScalar(pair.value))) {
      const node = pair.value as Scalar | null;
      if (node?.range) return [{ doc: this.doc, start: node.range[0], end: node.range[1], newText: yamlScalar(value, node.type) }];
      const colon = this.doc.text.getText().indexOf(':', pair.key.range[1]) + 1;
      return [{ doc: this.doc, start: colon, end: colon, newText: ` ${yamlScalar(value)}` }];
    }
    const lineBreak = lineBreakOf(this.doc.text.getText());
    const last = path[path.length - 1];
    const edit = this.ensurePath(
      root.map,
      path.slice(0, -1),
      (indent) => `${' '.repeat(indent)}${yamlScalar(last)}: ${yamlScalar(value)}${lineBreak}`,
    );
    return edit ? [edit] : [];
  }

  /** The setting as this document holds it; one of another document (or version) is refused. */
  private settingOf(setting: Setting): ValuesSetting | undefined {
    return this.doc.settings.find((s) => s === setting || (s.keyRange.start === setting.keyRange.start && s.key === setting.key));
  }

  private setValue(s: ValuesSetting, value: string): TextEditSpec {
    const node = s.pair.value;
    const style = isScalar(node) ? node.type : undefined;
    const text = yamlScalar(value, style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED' ? undefined : style);
    const empty = s.valueRange.start === s.valueRange.end;
    return { doc: this.doc, ...s.valueRange, newText: empty ? ` ${text}` : text };
  }

  private lineStart(offset: number): number {
    const text = this.doc.text.getText();
    return Math.max(text.lastIndexOf('\n', offset - 1) + 1, 0);
  }

  /** The end of the line holding `offset`, after its line break. */
  private lineEndAfterBreak(offset: number): number {
    const text = this.doc.text.getText();
    const lf = text.indexOf('\n', offset);
    return lf < 0 ? text.length : lf + 1;
  }

  /** Whether only blanks stand between the line start and `offset`, and between `end` and the line end (comments allowed). */
  private ownsLines(start: number, end: number): boolean {
    const text = this.doc.text.getText();
    const before = text.slice(this.lineStart(start), start);
    const lf = text.indexOf('\n', end);
    const after = text.slice(end, lf < 0 ? text.length : lf).replace(/\r$/, '');
    return /^\s*$/.test(before) && /^\s*(#.*)?$/.test(after);
  }

  private remove(settings: ValuesSetting[]): TextEditSpec[] {
    const doc = this.doc;
    const edits: TextEditSpec[] = [];
    const emptied = new Set<YAMLMap>();
    for (const map of new Set(settings.map((s) => s.map.map))) {
      if (map.items.every((pair) => settings.some((s) => s.pair === pair))) emptied.add(map);
    }
    for (const s of settings) {
      if (emptied.has(s.map.map) && !s.map.map.flow) continue;
      edits.push({ doc, ...this.pairSpan(s), newText: '' });
    }
    // A map left empty becomes `{}`: YAML null there would delete the chart's defaults under that key.
    for (const map of emptied) {
      const parent = this.parentPair(map);
      const range = map.range;
      if (!parent || !range || !isScalar(parent.key) || !parent.key.range) continue;
      const keyEnd = parent.key.range[1];
      const colon = doc.text.getText().indexOf(':', keyEnd) + 1;
      const end = map.flow ? range[1] : this.lineEndAfterBreak(range[1] - 1);
      const lineBreak = map.flow ? '' : lineBreakOf(doc.text.getText());
      const trailing = map.flow ? '' : this.trailingComment(colon);
      edits.push({ doc, start: colon, end, newText: ` {}${trailing}${lineBreak}` });
    }
    return edits;
  }

  /** A comment that follows `offset` on its line, kept when the text after it is replaced. */
  private trailingComment(offset: number): string {
    const text = this.doc.text.getText();
    const lf = text.indexOf('\n', offset);
    const rest = text.slice(offset, lf < 0 ? text.length : lf).replace(/\r$/, '');
    const hash = rest.search(/(^|\s)#/);
    return hash < 0 ? '' : ` ${rest.slice(hash).trim()}`;
  }

  /** The text to delete to drop one entry: its whole lines in a block map, the entry and a comma in a flow map. */
  private pairSpan(s: ValuesSetting): Span {
    const text = this.doc.text.getText();
    const start = s.keyRange.start;
    const end = s.range.end;
    if (!s.map.map.flow && this.ownsLines(start, end)) return { start: this.lineStart(start), end: this.lineEndAfterBreak(end) };
    const comma = /^\s*,\s*/.exec(text.slice(end));
    if (comma) return { start, end: end + comma[0].length };
    const before = /,\s*$/.exec(text.slice(0, start));
    return before ? { start: start - before[0].length, end } : { start, end };
  }

  private parentPair(map: YAMLMap): Pair | undefined {
    let found: Pair | undefined;
    visit(this.doc.yaml, {
      Pair: (_, pair) => {
        if (pair.value === map) {
          found = pair as Pair;
          return visit.BREAK;
        }
        return undefined;
      },
    });
    return found;
  }

  /**
   * Sets `key: value` in the map of `after`: its last entry of the key gets the value, else a line follows
   * `after` (same indentation). Without `after`, the same in the first root's `properties`.
   */
  private put(key: string, value: string, after?: Setting): TextEditSpec[] {
    const doc = this.doc;
    const text = doc.text.getText();
    const anchor = after ? this.settingOf(after) : undefined;
    if (anchor) {
      const existing = this.doc.settings.filter((s) => s.map === anchor.map && s.key === key).pop();
      if (existing) return [this.setValue(existing, value)];
    } else {
      const existing = this.doc.settings
        .filter((s) => s.map.kind === 'properties' && !s.map.role && !s.map.nodeType && s.key === key)
        .pop();
      if (existing) return [this.setValue(existing, value)];
    }
    const target = anchor ?? this.doc.settings.filter((s) => s.map.kind === 'properties' && !s.map.role && !s.map.nodeType).pop();
    if (target && !target.map.map.flow) {
      const indent = target.keyRange.start - this.lineStart(target.keyRange.start);
      const at = this.lineEndAfterBreak(target.range.end);
      const lineBreak = lineBreakOf(text);
      const prefix = at === text.length && !/\n$/.test(text) ? lineBreak : '';
      return [{ doc, start: at, end: at, newText: `${prefix}${' '.repeat(indent)}${yamlScalar(key)}: ${yamlScalar(value)}${lineBreak}` }];
    }
    const root = this.doc.roots[0];
    if (!root || !isMap(root.map) || root.map.flow || !root.map.range) return [];
    const properties = mapAt(root.map, 'properties');
    if (properties?.flow && properties.range) {
      const [start, end] = properties.range;
      const inner = properties.items.length ? text.slice(start + 1, end - 1).trim() + ', ' : '';
      return [{ doc, start, end, newText: `{ ${inner}${yamlScalar(key)}: ${yamlScalar(value)} }` }];
    }
    const first = root.map.items[0]?.key;
    const indent = isScalar(first) && first.range ? first.range[0] - this.lineStart(first.range[0]) : 0;
    const lineBreak = lineBreakOf(text);
    const at = this.lineEndAfterBreak(root.map.range[1] - 1);
    const prefix = at === text.length && !/\n$/.test(text) ? lineBreak : '';
    const pad = ' '.repeat(indent);
    return [
      {
        doc,
        start: at,
        end: at,
        newText: `${prefix}${pad}properties:${lineBreak}${pad}  ${yamlScalar(key)}: ${yamlScalar(value)}${lineBreak}`,
      },
    ];
  }
}
