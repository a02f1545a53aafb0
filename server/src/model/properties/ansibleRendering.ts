// What a Jinja template's values render to with the variables of its Ansible role (template/ansibleVariables.ts).
import { parseProperties } from '../../parser/propertiesParser';
import { javaTrim } from '../../parser/javaText';
import { plainReference, RoleVariable, RoleVariables } from '../../template/ansibleVariables';
import { Setting } from '../setting';
import { OxDocument } from './propertiesDocument';

/** Where one expression of a rendered value got its text. */
export interface RenderSource {
  /** The expression as written (`{{ cluster_name }}`). */
  readonly written: string;
  readonly name: string;
  readonly text: string;
  /** The role variable it printed; unset when the `default(…)` literal was printed. */
  readonly variable?: RoleVariable;
}

/** A template value rendered with the role's variables: what OX would read, and where each piece came from. */
export interface Rendering {
  readonly value: string;
  readonly sources: readonly RenderSource[];
}

/**
 * What a setting of a Jinja template renders to with a role's variables: every expression in its value must
 * be a plain reference the role (or its `default(…)` literal) answers, and none may print a line break. The
 * rendered value is read as the plain reader reads a value (escapes, continuations, trimming).
 */
export function renderSetting(doc: OxDocument, setting: Setting, vars: RoleVariables): Rendering | undefined {
  const scan = doc.template;
  if (!scan || scan.syntax !== 'jinja' || setting.unknownValue !== 'template') return undefined;
  const source = doc.text.getText();
  const { start, end } = setting.valueRange;
  const sources: RenderSource[] = [];
  let raw = '';
  let at = start;
  let trimNext = false;
  for (const tag of scan.tagsIn(start, end)) {
    if (tag.role !== 'expression' || tag.unterminated || tag.start < start || tag.end > end) return undefined;
    const ref = plainReference(tag.inner);
    if (!ref) return undefined;
    const variable = vars.byName.get(ref.name);
    let text: string | undefined;
    let from: RoleVariable | undefined;
    if (variable && !(ref.fallbackWhenEmpty && variable.value === '')) {
      text = variable.value;
      from = variable;
    } else text = ref.fallback;
    if (text === undefined || /[\r\n]/.test(text)) return undefined;
    const written = source.slice(tag.start, tag.end);
    let literal = source.slice(at, tag.start);
    if (trimNext) literal = literal.trimStart();
    if (written.startsWith('{{-')) literal = literal.trimEnd();
    raw += literal + text;
    trimNext = written.endsWith('-}}');
    at = tag.end;
    sources.push({ written, name: ref.name, text, ...(from ? { variable: from } : {}) });
  }
  if (!sources.length) return undefined;
  let tail = source.slice(at, end);
  if (trimNext) tail = tail.trimStart();
  raw += tail;
  const parsed = parseProperties(`k=${raw}`).entries;
  if (parsed.length !== 1 || parsed[0].malformed) return undefined;
  return { value: javaTrim(parsed[0].value), sources };
}

/** `defaults/main.yml:3` for a role variable, or the `default(…)` filter for a literal. */
export function sourceWhere(source: RenderSource): string {
  return source.variable
    ? `${source.variable.file}:${source.variable.line}`
    : `its default() filter, as the role does not set ${source.name}`;
}

/** The role default a finding rests on, as the start of its message: "With the role's default `x` (defaults/main.yml:3)". */
export function restingOn(rendering: Rendering, secret: boolean): string {
  const pieces = rendering.sources.map((s) => {
    const what = s.variable
      ? s.variable.file.startsWith('vars/')
        ? "the role's variable"
        : "the role's default"
      : "the template's default";
    return `${what}${secret ? '' : ` \`${s.text.replace(/`/g, "'")}\``} (${sourceWhere(s)})`;
  });
  return `With ${pieces.join(' and ')}`;
}

/**
 * The document as the role's variables render it: each setting whose value renders (see renderSetting) has
 * that value and is no longer unknown; the rest is the template as read. `renderings` maps each rendered
 * setting of the view to how it was rendered.
 */
export function renderedView(doc: OxDocument, vars: RoleVariables): { view: OxDocument; renderings: Map<Setting, Rendering> } | undefined {
  const renderings = new Map<Setting, Rendering>();
  const settings = doc.settings.map((s) => {
    const rendering = renderSetting(doc, s, vars);
    if (!rendering) return s;
    // The setting with its rendered value; every other property (ranges, key, catalog entry) is the template's.
    const rendered = Object.create(s, { value: { value: rendering.value }, unknownValue: { value: undefined } }) as typeof s;
    renderings.set(rendered, rendering);
    return rendered;
  });
  if (!renderings.size) return undefined;
  const view = Object.create(doc, { settings: { value: settings }, entries: { value: settings } }) as OxDocument;
  return { view, renderings };
}
