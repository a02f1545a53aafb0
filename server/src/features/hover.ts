import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { entryAt, OxDocument } from '../model/properties/propertiesDocument';
import { propertyMarkdown, valueMarkdown } from './propertyDocs';

/** Hover on a key or value; `workspaceNote` adds what the workspace knows (effective value, other nodes). */
export function doHover(
  doc: OxDocument,
  position: Position,
  workspaceNote?: (key: string, secret: boolean) => string | undefined,
): Hover | null {
  const offset = doc.text.offsetAt(position);
  const found = entryAt(doc, offset);
  if (!found?.known) return null;
  const { entry, known } = found;
  const onKey = offset <= entry.keySpan.end;
  const onValue = offset >= entry.valueSpan.start && entry.separator !== '';
  if (!onKey && !onValue) return null;
  const span = onKey ? entry.keySpan : entry.valueSpan;
  const parts = [propertyMarkdown(known, found.key)];
  // A value the template fills in is not known before rendering: say so instead of judging its text.
  const valueNote =
    found.unknownValue === 'template'
      ? `Set by the template: \`${found.value.replace(/`/g, "'")}\` is known only once configuration management renders the file.`
      : valueMarkdown(known.def, found.value);
  if (valueNote) parts.unshift(valueNote, '---');
  const note = workspaceNote?.(known.canonicalKey, !!known.def.secret);
  if (note) parts.push('---', note);
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') },
    range: { start: doc.text.positionAt(span.start), end: doc.text.positionAt(span.end) },
  };
}
