import { KnownProperty } from '../catalog/catalog';
import { MAP_FILE } from '../catalog/fileKind';
import { lastEntryFor, OxDocument, OxEntry } from '../document';
import { escapeKey, escapeValue } from '../parser/javaText';
import { nodeFolderOf } from '../workspace/model';
import { joinUri } from '../workspace/uris';
import { Workspace } from '../workspace/workspace';
import { entryLinesSpan, lineAtEnd } from './lineEdits';
import { Fix, Finding, Rule } from './rule';

/** Moves the line to the node's documented file, creating it if needed; none when that file sets the key too. */
function moveFix(doc: OxDocument, e: OxEntry, known: KnownProperty, workspace: Workspace): Fix | undefined {
  const target = joinUri(nodeFolderOf(doc.uri), known.file);
  const existing = workspace.get(target);
  if (existing && lastEntryFor(existing, known.canonicalKey)) return undefined;
  const line = `${escapeKey(e.key)}=${escapeValue(e.value)}`;
  const remove = { ...entryLinesSpan(doc, e.entry), newText: '' };
  if (!existing)
    return { title: `Move to ${known.file} (new file)`, edits: [remove, { createUri: target, start: 0, end: 0, newText: `${line}\n` }] };
  const text = existing.parsed.text;
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  // lineAtEnd: after a stray continuation backslash on the last line, the moved line must not join that entry.
  return {
    title: `Move to ${known.file}`,
    edits: [remove, { doc: existing, start: text.length, end: text.length, newText: lineAtEnd(existing.parsed, line, eol) }],
  };
}

/** A known key documented for another OX file than this one. */
export const wrongFileRule: Rule = {
  id: 'wrong-file',
  defaultSeverity: 'information',
  summary: 'A key documented for another file; OX still reads it from any .properties file below etc/.',
  readsNode: true,
  check: ({ doc, workspace }) => {
    const findings: Finding[] = [];
    if (doc.kind.syntax !== 'properties') return findings;
    for (const e of doc.entries) {
      const known = e.known;
      if (!known || known.file === doc.kind.file || known.file === MAP_FILE || known.def.removedIn) continue;
      const message = doc.kind.isMapFile
        ? `"${e.key}" belongs in ${known.file}. OX's map loader skips it here as an illegal property, though the global configuration still reads it.`
        : `"${e.key}" is documented for ${known.file}. OX reads every .properties file below etc/ (since 7.8.3), so it still takes effect here.`;
      const fix = workspace && !doc.kind.isMapFile && doc.uri.startsWith('file:') ? moveFix(doc, e, known, workspace) : undefined;
      findings.push({ start: e.entry.keySpan.start, end: e.entry.keySpan.end, message, fixes: fix ? [fix] : undefined });
    }
    return findings;
  },
};
