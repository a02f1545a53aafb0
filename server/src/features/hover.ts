import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { entryAt, OxDocument } from '../model/properties/propertiesDocument';
import { propertyMarkdown, valueMarkdown } from './propertyDocs';
import { Setting } from '../model/setting';
import { Rendering, sourceWhere } from '../model/properties/ansibleRendering';

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/** What a template value renders to with its role's variables; a secret's value is not shown. */
function renderedNote(written: string, rendering: Rendering, secret: boolean): string {
  const where = rendering.sources.map((s) => (s.variable ? `the role's ${sourceWhere(s)}` : sourceWhere(s))).join(' and ');
  const what = secret ? 'renders to a value' : `renders to ${code(rendering.value)}`;
  const overridden = rendering.sources.some((s) => s.variable?.file.startsWith('defaults/'))
    ? ' Inventory and play variables override role defaults.'
    : '';
  return `Set by the template: ${code(written)} ${what} with ${where}.${overridden}`;
}

/** Hover on a key or value; `workspaceNote` adds what the workspace knows (effective value, other nodes). */
export function doHover(
  doc: OxDocument,
  position: Position,
  workspaceNote?: (key: string, secret: boolean) => string | undefined,
  /** What a value the template fills in renders to with the variables of its Ansible role, when it does. */
  rendering?: (setting: Setting) => Rendering | undefined,
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
  const rendered = found.unknownValue === 'template' ? rendering?.(found) : undefined;
  const valueNote = rendered
    ? [renderedNote(found.value, rendered, !!known.def.secret), valueMarkdown(known.def, rendered.value)].filter(Boolean).join('\n\n')
    : found.unknownValue === 'template'
      ? `Set by the template: ${code(found.value)} is known only once configuration management renders the file.`
      : valueMarkdown(known.def, found.value);
  if (valueNote) parts.unshift(valueNote, '---');
  const note = workspaceNote?.(known.canonicalKey, !!known.def.secret);
  if (note) parts.push('---', note);
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') },
    range: { start: doc.text.positionAt(span.start), end: doc.text.positionAt(span.end) },
  };
}
