import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { OxDocument, OxEntry } from '../model/properties/propertiesDocument';
import { isSecret, SECRET_OUTLINE_MASK } from '../values/redact';
import { comparePositions } from './positions';

interface TrieNode {
  children: Map<string, TrieNode>;
  entries: OxEntry[];
}

function newNode(): TrieNode {
  return { children: new Map(), entries: [] };
}

/** More keys than an outline can usefully show; the rest is summed up in one last symbol. */
export const MAX_DOCUMENT_SYMBOLS = 10_000;

/** Document symbols grouped by key prefix (`com.openexchange.hazelcast` › `network` › `join`). */
export function documentSymbols(doc: OxDocument, limit = MAX_DOCUMENT_SYMBOLS): DocumentSymbol[] {
  const root = newNode();
  const shown = doc.entries.length > limit ? doc.entries.slice(0, limit) : doc.entries;
  for (const e of shown) {
    const segments = e.key.split('.');
    let node = root;
    for (const segment of segments.slice(0, -1)) {
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = newNode()));
      node = child;
    }
    node.entries.push(e);
  }
  const symbols = toSymbols(doc, root, '');
  const rest = doc.entries.length - shown.length;
  if (rest > 0) {
    const from = doc.entries[limit].entry;
    const range = { start: doc.text.positionAt(from.start), end: doc.text.positionAt(doc.entries[doc.entries.length - 1].entry.end) };
    symbols.push({
      name: `… ${rest} more keys not listed (the outline stops at ${limit})`,
      kind: SymbolKind.Null,
      range,
      selectionRange: { start: range.start, end: range.start },
    });
  }
  return symbols;
}

function toSymbols(doc: OxDocument, node: TrieNode, prefix: string): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = node.entries.map((e) => leaf(doc, e, prefix));
  for (let [name, child] of node.children) {
    // Collapse chains with one child and no entries: com › openexchange › hazelcast becomes one group.
    while (child.entries.length === 0 && child.children.size === 1) {
      const [nextName, next] = [...child.children][0];
      name = `${name}.${nextName}`;
      child = next;
    }
    if (child.entries.length === 1 && child.children.size === 0) {
      symbols.push(leaf(doc, child.entries[0], prefix));
      continue;
    }
    const children = toSymbols(doc, child, `${prefix}${name}.`);
    const range = {
      start: children.reduce((a, c) => (comparePositions(c.range.start, a) < 0 ? c.range.start : a), children[0].range.start),
      end: children.reduce((a, c) => (comparePositions(c.range.end, a) > 0 ? c.range.end : a), children[0].range.end),
    };
    symbols.push({ name, kind: SymbolKind.Namespace, range, selectionRange: children[0].selectionRange, children });
  }
  return symbols.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

function leaf(doc: OxDocument, e: OxEntry, prefix: string): DocumentSymbol {
  const name = e.key.startsWith(prefix) ? e.key.slice(prefix.length) || e.key : e.key;
  const secret = isSecret(e.known?.def);
  return {
    name: name || '(empty key)',
    detail: secret && e.value !== '' ? SECRET_OUTLINE_MASK : e.value,
    kind: SymbolKind.Property,
    range: { start: doc.text.positionAt(e.entry.start), end: doc.text.positionAt(e.entry.end) },
    selectionRange: { start: doc.text.positionAt(e.entry.keySpan.start), end: doc.text.positionAt(e.entry.keySpan.end) },
  };
}
