// Hover in core-mw values files: the property docs of an OX key and where it ends up in the container; chart keys.
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { isScalar } from 'yaml';
import { keyText } from '../../model/helm/chartRoots';
import { isSecretMap, OxKeyMap } from '../../model/helm/oxKeyMaps';
import { ValuesDocument, ValuesSetting } from '../../model/helm/valuesDocument';
import { propertyMarkdown, valueMarkdown } from '../propertyDocs';
import { chartKey } from './chartKeys';

/** Where the chart puts an entry of `map`, and for which node types. */
export function destinationMarkdown(map: OxKeyMap): string {
  const object = isSecretMap(map.kind)
    ? "the chart's **Secret**"
    : "the chart's **ConfigMap** (readable by anyone who may read ConfigMaps)";
  const file = map.file ? `, applied to \`${map.file}\`` : ', applied to no particular file (`anywhere`)';
  const who = map.role ? ` for node types with the role \`${map.role}\`` : map.nodeType ? ` for the node type \`${map.nodeType}\`` : '';
  return `Set in \`${map.kind}\`: goes into ${object}${file}${who}.`;
}

/** What is known of a value nobody can read from the file. */
function unknownNote(setting: ValuesSetting): string | undefined {
  switch (setting.unknownValue) {
    case 'template':
      return 'Value: set by a template when the file is rendered.';
    case 'ox-token':
      return 'Value: resolved by OX at run time (a `{{…}}` token OX fills in).';
    case 'variable':
      return 'Value: filled in by a deployment script (`${…}` or `%%…%%`).';
    default:
      return undefined;
  }
}

function settingAt(doc: ValuesDocument, offset: number): { setting: ValuesSetting; onKey: boolean } | undefined {
  for (const setting of doc.settings) {
    if (offset >= setting.keyRange.start && offset <= setting.keyRange.end) return { setting, onKey: true };
    if (offset >= setting.valueRange.start && offset <= setting.valueRange.end && setting.valueRange.end > setting.valueRange.start) {
      return { setting, onKey: false };
    }
  }
  return undefined;
}

/** Hover on an OX key or its value in an OX-key map, or on a chart key at a chart root. */
export function valuesHover(
  doc: ValuesDocument,
  position: Position,
  typeNote?: (canonicalKey: string, secret: boolean) => string | undefined,
): Hover | null {
  const offset = doc.text.offsetAt(position);
  const range = (start: number, end: number) => ({ start: doc.text.positionAt(start), end: doc.text.positionAt(end) });
  const found = settingAt(doc, offset);
  if (found?.setting.known) {
    const { setting, onKey } = found;
    const known = setting.known!;
    const parts = [propertyMarkdown(known, setting.key), '---', destinationMarkdown(setting.map)];
    const unknown = unknownNote(setting);
    if (unknown) parts.push(unknown);
    // valueMarkdown never repeats a secret's value; a value in a secret map is treated as a secret too.
    const valueNote = setting.unknownValue
      ? undefined
      : valueMarkdown(isSecretMap(setting.map.kind) ? { ...known.def, secret: true } : known.def, setting.value);
    if (valueNote) parts.unshift(valueNote, '---');
    const perType = typeNote?.(setting.canonicalKey, !!known.def.secret || isSecretMap(setting.map.kind));
    if (perType) parts.push('---', perType);
    const span = onKey ? setting.keyRange : setting.valueRange;
    return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n') }, range: range(span.start, span.end) };
  }
  if (found) return null;
  for (const root of doc.roots) {
    for (const pair of root.map.items) {
      const key = keyText(pair);
      const described = key === undefined ? undefined : chartKey(key);
      if (!described || !isScalar(pair.key) || !pair.key.range) continue;
      const [start, end] = pair.key.range;
      if (offset >= start && offset <= end) {
        return {
          contents: { kind: MarkupKind.Markdown, value: `**${key}** (core-mw chart)\n\n${described.description}` },
          range: range(start, end),
        };
      }
    }
  }
  return null;
}
