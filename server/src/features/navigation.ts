import { Location, Position, SymbolInformation, SymbolKind } from 'vscode-languageserver-types';
import { ConfigDocument, settingAt } from '../model/document';
import { Setting } from '../model/setting';
import { Workspace } from '../model/workspace';

const MAX_SYMBOLS = 1000;

function location(doc: ConfigDocument, e: Setting): Location {
  return { uri: doc.uri, range: { start: doc.text.positionAt(e.keyRange.start), end: doc.text.positionAt(e.keyRange.end) } };
}

/** The (canonical) key under the cursor, when it is on a key. */
export function keyAt(doc: ConfigDocument, position: Position): string | undefined {
  const offset = doc.text.offsetAt(position);
  const e = settingAt(doc.settings, offset);
  if (!e || offset < e.keyRange.start || offset > e.keyRange.end) return undefined;
  return e.canonicalKey;
}

/** Every place in the workspace that sets the key, across files and nodes. */
export function findReferences(workspace: Workspace, doc: ConfigDocument, position: Position): Location[] {
  const key = keyAt(doc, position);
  if (key === undefined) return [];
  const out: Location[] = [];
  for (const other of workspace.documents()) {
    if (other.kind.syntax !== doc.kind.syntax) continue;
    for (const e of other.settings) if (e.canonicalKey === key) out.push(location(other, e));
  }
  return out;
}

/**
 * Where the node gets the key's value from: the other files of the node that set it (OX reads them all),
 * or, in a map file, the same setting in the other nodes' copies of that map file.
 */
export function findDefinition(workspace: Workspace, doc: ConfigDocument, position: Position): Location[] {
  const key = keyAt(doc, position);
  // In a values file: every entry of the key in the release's files (roles and node types override each other).
  const release = workspace.releaseOf(doc.uri);
  if (release) {
    if (key === undefined) return [];
    return release.docs.flatMap((d) => d.settings.filter((e) => e.canonicalKey === key).map((e) => location(d, e)));
  }
  const node = workspace.nodeOf(doc.uri);
  if (key === undefined || !node) return [];
  if (doc.kind.isMapFile || doc.kind.syntax !== 'properties') {
    return findReferences(workspace, doc, position).filter((l) => l.uri.endsWith(`/${doc.kind.name}`));
  }
  return workspace
    .effective(node)
    .get(key)
    .candidates.map((s) => location(s.doc, s.setting));
}

/** Keys matching a query (case-insensitive substring), with their node and file. */
export function workspaceSymbols(workspace: Workspace, query: string): SymbolInformation[] {
  const needle = query.toLowerCase();
  const out: SymbolInformation[] = [];
  for (const doc of workspace.documents()) {
    const node = workspace.nodeOf(doc.uri);
    const file = `${node?.name ?? ''}/${doc.kind.isMapFile ? `hazelcast/${doc.kind.name}` : doc.kind.name}`;
    for (const e of doc.settings) {
      // A values file's entries are named with their map (`core-mw.roles.documents.values.properties`).
      const container = e.scope ? `${doc.kind.name} ${e.scope}` : file;
      if (needle && !e.key.toLowerCase().includes(needle)) continue;
      if (out.length >= MAX_SYMBOLS) {
        // Say that the list stops here, so nobody takes it for complete.
        out.push({
          name: `… more keys match "${query}": type more to narrow the search`,
          kind: SymbolKind.Null,
          location: location(doc, e),
          containerName: container,
        });
        return out;
      }
      out.push({ name: e.key, kind: SymbolKind.Property, location: location(doc, e), containerName: container });
    }
  }
  return out;
}
