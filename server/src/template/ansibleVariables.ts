// The variables an Ansible role ships beside its templates (defaults/main.yml, vars/main.yml) and the
// expressions that print one plainly; model/properties/ansibleRendering.ts renders template values with them.
import { isScalar, isMap, LineCounter, parseDocument } from 'yaml';

/** One variable of a role as Jinja prints it; `value` is undefined when that text cannot be known. */
export interface RoleVariable {
  readonly name: string;
  readonly value: string | undefined;
  /** The file relative to the role (`defaults/main.yml`) and the 1-based line of the variable's key. */
  readonly file: string;
  readonly line: number;
}

/** A role's variables by name: vars/main.yml over defaults/main.yml, as Ansible ranks them. */
export interface RoleVariables {
  /** The role's folder (the one holding `templates/`). */
  readonly root: string;
  readonly byName: ReadonlyMap<string, RoleVariable>;
}

/** The files a role's variables come from, lowest precedence first; of main.yml and main.yaml the first found counts. */
export const ROLE_VARIABLE_FILES: ReadonlyArray<readonly string[]> = [
  ['defaults/main.yml', 'defaults/main.yaml'],
  ['vars/main.yml', 'vars/main.yaml'],
];

/** The role folder of a template: the folder above its nearest `templates/` folder; undefined outside one. */
export function roleRootOf(uri: string): string | undefined {
  const parts = uri.split('/');
  for (let i = parts.length - 2; i > 0; i--) if (parts[i] === 'templates') return parts.slice(0, i).join('/');
  return undefined;
}

/** The role folder whose variables a file holds (`…/defaults/main.yml`); undefined for any other file. */
export function roleOfVariableFile(uri: string): string | undefined {
  for (const names of ROLE_VARIABLE_FILES) {
    for (const name of names) if (uri.endsWith(`/${name}`)) return uri.slice(0, -name.length - 1);
  }
  return undefined;
}

/**
 * The text Jinja prints for a YAML scalar of a variable file (read as YAML 1.1, as Ansible does): strings as
 * they are, booleans as Python's True/False, integers in decimal; floats, nulls, tagged values (`!vault`)
 * and text that is itself a template are unknown.
 */
function printed(node: unknown): string | undefined {
  if (!isScalar(node) || node.tag) return undefined;
  const value = node.value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  // An integer prints in decimal whatever its YAML form (`0x1F`, `017`); a float prints as Python's repr, unknown here.
  if (typeof value === 'number') return Number.isSafeInteger(value) && !/[.eE]/.test(node.source ?? '') ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  return /\{[{%#]/.test(value) ? undefined : value;
}

/** The variables of one file of a role; a file YAML cannot read, or that is no mapping, gives none. */
export function readVariableFile(text: string, file: string): RoleVariable[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { version: '1.1', lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length || !isMap(doc.contents)) return [];
  const out: RoleVariable[] = [];
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string') continue;
    const line = counter.linePos(pair.key.range?.[0] ?? 0).line;
    out.push({ name: pair.key.value, value: printed(pair.value), file, line });
  }
  return out;
}

/** A role's variables from its files' texts (lowest precedence first); a later file and a later key win. */
export function roleVariables(root: string, files: ReadonlyArray<{ file: string; text: string }>): RoleVariables {
  const byName = new Map<string, RoleVariable>();
  for (const { file, text } of files) for (const variable of readVariableFile(text, file)) byName.set(variable.name, variable);
  return { root, byName };
}

/** A plain variable reference: `name`, or `name | default(literal)` with a string, integer or boolean literal. */
export interface PlainReference {
  readonly name: string;
  /** The printed literal of `default(…)`. */
  readonly fallback?: string;
  /** `default(…, true)`: the literal also replaces an empty value. */
  readonly fallbackWhenEmpty?: boolean;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const WITH_DEFAULT =
  /^([A-Za-z_][A-Za-z0-9_]*)\s*\|\s*(?:default|d)\s*\(\s*('[^'\\]*'|"[^"\\]*"|-?\d+|true|false|True|False)\s*(?:,\s*(true|false|True|False)\s*)?\)$/;

/** The reference an expression tag's inner text is, when it is no more than that. */
export function plainReference(inner: string): PlainReference | undefined {
  const words = inner.trim();
  if (NAME.test(words)) return JINJA_WORDS.has(words) ? undefined : { name: words };
  const m = WITH_DEFAULT.exec(words);
  if (!m) return undefined;
  const literal = m[2];
  const fallback = /^['"]/.test(literal)
    ? literal.slice(1, -1)
    : /^-?\d+$/.test(literal)
      ? String(Number(literal))
      : literal.toLowerCase() === 'true'
        ? 'True'
        : 'False';
  return { name: m[1], fallback, ...(m[3]?.toLowerCase() === 'true' ? { fallbackWhenEmpty: true } : {}) };
}

/** Names Jinja reads as literals, not variables. */
const JINJA_WORDS = new Set(['true', 'false', 'True', 'False', 'none', 'None']);
