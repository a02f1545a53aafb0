// The outline of a core-mw values file: chart roots, their OX-key maps and keys, roles and node types.
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { isMap, isScalar, Node, Pair, YAMLMap } from 'yaml';
import { keyText, mapAt } from '../../model/helm/chartRoots';
import { isSecretMap } from '../../model/helm/oxKeyMaps';
import { ValuesDocument, ValuesSetting } from '../../model/helm/valuesDocument';
import { isSecret, SECRET_OUTLINE_MASK } from '../../values/redact';

const KEY_MAPS = new Set(['properties', 'secretProperties']);
const FILE_MAPS = new Set(['propertiesFiles', 'secretPropertiesFiles']);

/** What the outline shows as a value: never a secret's (nor any in a secret map), nor the mask of a template. */
function shownValue(setting: ValuesSetting): string {
  switch (setting.unknownValue) {
    case 'template':
      return '(template)';
    case 'ox-token':
      return '(resolved by OX)';
    case 'variable':
      return '(deployment variable)';
    case 'null':
    case 'structure':
      return '';
  }
  return setting.value !== '' && (isSecret(setting.known?.def) || isSecretMap(setting.map.kind)) ? SECRET_OUTLINE_MASK : setting.value;
}

class Outline {
  private readonly settingsOf = new Map<YAMLMap, ValuesSetting[]>();

  constructor(private readonly doc: ValuesDocument) {
    for (const s of doc.settings) {
      const list = this.settingsOf.get(s.map.map) ?? [];
      list.push(s);
      this.settingsOf.set(s.map.map, list);
    }
  }

  private position(offset: number) {
    return this.doc.text.positionAt(offset);
  }

  /** Where a node ends: a block collection's range runs on to the next line, the outline stops at its last character. */
  private endOf(node: Node): number {
    const text = this.doc.text.getText();
    let end = node.range![1];
    while (end > node.range![0] && /\s/.test(text[end - 1])) end--;
    return end;
  }

  symbol(pair: Pair, kind: SymbolKind, children: DocumentSymbol[], name = keyText(pair) ?? ''): DocumentSymbol | undefined {
    if (!isScalar(pair.key) || !pair.key.range) return undefined;
    const value = pair.value as Node | null;
    const end = value?.range ? this.endOf(value) : pair.key.range[1];
    return {
      name,
      kind,
      range: { start: this.position(pair.key.range[0]), end: this.position(end) },
      selectionRange: { start: this.position(pair.key.range[0]), end: this.position(pair.key.range[1]) },
      children,
    };
  }

  private keys(map: YAMLMap): DocumentSymbol[] {
    return (this.settingsOf.get(map) ?? []).map((s) => {
      const range = { start: this.position(s.range.start), end: this.position(s.range.end) };
      return {
        name: s.key,
        detail: shownValue(s),
        kind: SymbolKind.Property,
        range,
        selectionRange: { start: this.position(s.keyRange.start), end: this.position(s.keyRange.end) },
      };
    });
  }

  /** The OX-key maps of a chart root or a `values` map; at a root also its roles and node types. */
  level(map: YAMLMap, root: boolean): DocumentSymbol[] {
    const symbols: DocumentSymbol[] = [];
    const push = (s: DocumentSymbol | undefined) => s && symbols.push(s);
    for (const pair of map.items) {
      const key = keyText(pair);
      if (key === undefined || !isMap(pair.value)) continue;
      const value = pair.value;
      if (KEY_MAPS.has(key)) push(this.symbol(pair, SymbolKind.Object, this.keys(value)));
      else if (FILE_MAPS.has(key)) {
        const files = value.items.flatMap((file) => (isMap(file.value) ? [this.symbol(file, SymbolKind.File, this.keys(file.value))] : []));
        push(
          this.symbol(
            pair,
            SymbolKind.Object,
            files.filter((s): s is DocumentSymbol => !!s),
          ),
        );
      } else if (root && key === 'roles') push(this.symbol(pair, SymbolKind.Namespace, this.named(value, SymbolKind.Class)));
      else if (root && key === 'scaling') {
        const nodes = value.items.find((p) => keyText(p) === 'nodes' && isMap(p.value));
        const types = nodes ? this.symbol(nodes, SymbolKind.Namespace, this.named(nodes.value as YAMLMap, SymbolKind.Class)) : undefined;
        push(this.symbol(pair, SymbolKind.Namespace, types ? [types] : []));
      }
    }
    return symbols;
  }

  /** Each role or node type of a map, with the OX-key maps of its `values`. */
  private named(map: YAMLMap, kind: SymbolKind): DocumentSymbol[] {
    const symbols: DocumentSymbol[] = [];
    for (const pair of map.items) {
      const values = isMap(pair.value) ? pair.value.items.find((p) => keyText(p) === 'values' && isMap(p.value)) : undefined;
      const children = values ? [this.symbol(values, SymbolKind.Object, this.level(values.value as YAMLMap, false))] : [];
      const s = this.symbol(
        pair,
        kind,
        children.filter((c): c is DocumentSymbol => !!c),
      );
      if (s) symbols.push(s);
    }
    return symbols;
  }
}

/** Document symbols of a values file: names are the YAML keys, ranges those of the YAML nodes. */
export function valuesSymbols(doc: ValuesDocument): DocumentSymbol[] {
  const outline = new Outline(doc);
  const symbols: DocumentSymbol[] = [];
  for (const root of doc.roots) {
    if (root.path.length === 0) {
      symbols.push(...outline.level(root.map, true));
      continue;
    }
    // The pair that holds a nested root: found from the document root along its path.
    let map: YAMLMap | undefined = doc.yaml.contents as YAMLMap;
    for (const key of root.path.slice(0, -1)) map = map && mapAt(map, key);
    const pair = map?.items.find((p) => keyText(p) === root.path[root.path.length - 1]);
    if (!pair || !isScalar(pair.key) || !pair.key.range) continue;
    const s = outline.symbol(pair, SymbolKind.Module, outline.level(root.map, true), root.path.join('.'));
    if (s) symbols.push(s);
  }
  return symbols;
}
