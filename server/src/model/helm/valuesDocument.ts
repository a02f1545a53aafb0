// The Helm values reader: a core-mw values file (plain or a helmfile template) as a ConfigDocument whose
// settings are the entries of its OX-key maps.
import { Composer, CST, Document, isMap, isScalar, isSeq, Lexer, Node, Pair, Parser, Scalar, YAMLParseError } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Catalog, KnownProperty } from '../../catalog/catalog';
import { FileKind, fileKindOf } from '../../catalog/fileKind';
import { Span } from '../../parser/types';
import { scanTemplate, TemplateScan, TemplateTag } from '../../template/scan';
import { templateSyntaxOf } from '../../template/syntax';
import { CommentRange, ConfigDocument, SyntaxProblem } from '../document';
import { DocumentEditor } from '../edits';
import { Retyping, Setting, UnknownValue } from '../setting';
import { ChartRoot, findChartRoots } from './chartRoots';
import { helmRendering, HelmReading } from './helmScalars';
import { findOxKeyMaps, OxKeyMap } from './oxKeyMaps';
import { YamlEditor } from './yamlEditor';

/** A setting read from one entry of an OX-key map. */
export interface ValuesSetting extends Setting {
  readonly origin: 'values-entry';
  readonly map: OxKeyMap;
  readonly pair: Pair;
}

/** A core-mw values file. */
export interface ValuesDocument extends ConfigDocument {
  readonly language: 'ox-helm-values';
  readonly settings: readonly ValuesSetting[];
  /** The parsed YAML of the masked text (template tags stand as `_` runs). */
  readonly yaml: Document.Parsed;
  readonly roots: readonly ChartRoot[];
  readonly maps: readonly OxKeyMap[];
  /** The template structure; every values file is read with Go template tags masked. */
  readonly template: TemplateScan;
  /** Helmfile renders the file before Helm reads it (`.gotmpl`): its tags are helmfile's, not OX's. */
  readonly rendered: boolean;
}

/**
 * File names the core-mw values reader looks at: YAML files with "values" in their name (`values.yaml`,
 * `values-prod.yml`, `upgrade-values.yaml` as OX's update guide names it, `prod-values.yaml.gotmpl`); the
 * content decides whether they are core-mw values.
 */
export function isValuesFileName(uri: string): boolean {
  const name = uri.slice(uri.lastIndexOf('/') + 1).toLowerCase();
  return /values.*\.ya?ml(\.gotmpl)?$/.test(name);
}

/** `${VAR}` or `%%NAME%%`, filled in by a deployment script. */
export const SCRIPT_VARIABLE = /\$\{[A-Za-z_][\w.-]*\}|%%[A-Za-z_][\w.-]*%%/;
/** An OX run-time token: `{{env NAME}}`, `{{file<x.properties> NAME:default}}`, `{{NAME}}` (`k8s.md` §7.1). */
const OX_TOKEN = /^(?:env\s+|file<[^>]*>\s*|[\w-]+\s+)?[A-Za-z_][\w.-]*(?::[^}]*)?$/;

/** Why the tags in a value leave it unknown: OX tokens in a file Helm reads as is; anything helmfile renders. */
function unknownFromTags(tags: readonly TemplateTag[], rendered: boolean): UnknownValue {
  const emitsOxToken = (tag: TemplateTag) =>
    rendered ? /^(["`])\{\{[^]*\}\}\1$/.test(tag.inner) : tag.role === 'expression' && OX_TOKEN.test(tag.inner);
  return tags.every(emitsOxToken) ? 'ox-token' : 'template';
}

class HelmValuesDocument implements ValuesDocument {
  readonly language = 'ox-helm-values' as const;
  readonly editor: DocumentEditor = new YamlEditor(this);
  readonly unreadable = false;
  readonly kind: FileKind;

  constructor(
    readonly text: TextDocument,
    readonly yaml: Document.Parsed,
    readonly template: TemplateScan,
    readonly rendered: boolean,
    readonly roots: readonly ChartRoot[],
    readonly maps: readonly OxKeyMap[],
    readonly settings: readonly ValuesSetting[],
    readonly syntaxProblems: readonly SyntaxProblem[],
    readonly comments: readonly CommentRange[],
  ) {
    const name = text.uri.slice(text.uri.lastIndexOf('/') + 1);
    this.kind = { file: name, syntax: 'properties', isMapFile: false, name };
  }

  get uri(): string {
    return this.text.uri;
  }
}

export function isValuesDocument(doc: ConfigDocument): doc is ValuesDocument {
  return doc instanceof HelmValuesDocument;
}

/**
 * Parses the masked text as Helm reads values (YAML 1.1, so `on` is true; repeated keys are reported by
 * duplicate-key, not refused) and collects its comments in the same lexer pass. Like `parseDocument`, a
 * second YAML document is an error and only the first is read.
 */
function parseValuesYaml(masked: string): { yaml: Document.Parsed; comments: CommentRange[] } {
  const comments: CommentRange[] = [];
  const parser = new Parser();
  function* tokens(): Generator<CST.Token> {
    let offset = 0;
    for (const lexeme of new Lexer().lex(masked)) {
      // The lexer marks document, flow and scalar starts with control characters that are not in the source.
      if (lexeme !== '\x02' && lexeme !== '\x18' && lexeme !== '\x1f') {
        if (lexeme[0] === '#') comments.push({ start: offset, end: offset + lexeme.length, text: lexeme.slice(1) });
        offset += lexeme.length;
      }
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  let yaml: Document.Parsed | undefined;
  for (const doc of new Composer({ version: '1.1', uniqueKeys: false, prettyErrors: false }).compose(tokens(), true, masked.length)) {
    if (!yaml) yaml = doc;
    else if (!yaml.errors.some((e) => e.code === 'MULTIPLE_DOCS')) {
      yaml.errors.push(new YAMLParseError([doc.range[0], doc.range[1]], 'MULTIPLE_DOCS', 'a second document'));
    }
  }
  return { yaml: yaml!, comments };
}

function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline;
}

function spanOf(node: Node): Span {
  const [start, end] = node.range!;
  return { start, end };
}

const WHY: Record<HelmReading, string> = {
  boolean: 'Helm reads the unquoted word as a YAML boolean',
  octal: 'Helm reads an unquoted number with a leading 0 as octal',
  hexadecimal: 'Helm reads an unquoted 0x number as hexadecimal',
  binary: 'Helm reads an unquoted 0b number as binary',
  number: 'Helm reads an unquoted number as a 64-bit floating-point number and writes it back in its own notation',
};

/**
 * The value OX receives for a scalar, trimmed as OX trims values, and for an unquoted one that Helm hands on
 * as other text (`on` as `true`, `0755` as `493`), what is written.
 */
function scalarText(scalar: Scalar): { value: string; retyped?: Retyping } {
  if (scalar.type !== 'PLAIN') return { value: String(scalar.value ?? '').trim() };
  const written = typeof scalar.source === 'string' ? scalar.source.trim() : String(scalar.value ?? '');
  // An explicit tag decides the type itself: `!!str on` stays text, `!!bool yes` is true.
  if (scalar.tag) return { value: typeof scalar.value === 'boolean' ? String(scalar.value) : written };
  const helm = helmRendering(written);
  if (!helm) return { value: written };
  return { value: helm.text, retyped: { written, why: WHY[helm.reading], keep: 'Quote it to keep the text' } };
}

function readSetting(
  pair: Pair,
  map: OxKeyMap,
  masked: string,
  template: TemplateScan,
  rendered: boolean,
  catalog: Catalog,
): ValuesSetting | undefined {
  if (!isScalar(pair.key) || pair.key.range === undefined) return undefined;
  const keyRange = spanOf(pair.key);
  // A key a template writes is not known: nothing can be said about it.
  if (template.tagsIn(keyRange.start, keyRange.end).length) return undefined;
  const key = String(pair.key.value ?? '').trim();
  if (key === '') return undefined;
  const valueNode = pair.value as Node | null;
  let valueRange: Span;
  let value = '';
  let unknownValue: UnknownValue | undefined;
  let retyped: Retyping | undefined;
  if (valueNode && valueNode.range) {
    valueRange = spanOf(valueNode);
    if (isScalar(valueNode)) {
      ({ value, retyped } = scalarText(valueNode));
      if (valueNode.value === null) unknownValue = 'null';
    } else if (isMap(valueNode) || isSeq(valueNode)) {
      unknownValue = 'structure';
    }
  } else {
    const colon = masked.indexOf(':', keyRange.end);
    const at = colon < 0 ? keyRange.end : colon + 1;
    valueRange = { start: at, end: at };
    unknownValue = 'null';
  }
  const tags = template.tagsIn(valueRange.start, valueRange.end);
  if (tags.length) unknownValue = unknownFromTags(tags, rendered);
  else if (SCRIPT_VARIABLE.test(value)) unknownValue = 'variable';
  const fileKind = map.file ? fileKindOf(map.file) : undefined;
  const known: KnownProperty | undefined = catalog.lookup(key, fileKind?.syntax ?? 'properties', fileKind?.file);
  const branch = template.branchAt(keyRange.start);
  return {
    key,
    canonicalKey: known?.canonicalKey ?? key,
    value,
    keyRange,
    valueRange,
    range: { start: keyRange.start, end: Math.max(valueRange.end, keyRange.end) },
    origin: 'values-entry',
    known,
    malformed: false,
    scope: map.path,
    map,
    pair,
    ...(unknownValue ? { unknownValue } : {}),
    ...(retyped && !unknownValue ? { retyped } : {}),
    ...(branch ? { branch } : {}),
  };
}

/** Reads a values file; undefined when it holds no core-mw chart root (it is some other YAML file). */
export function readValuesDocument(text: TextDocument, catalog: Catalog): ValuesDocument | undefined {
  const raw = text.getText();
  const rendered = templateSyntaxOf(text.uri.slice(text.uri.lastIndexOf('/') + 1)) === 'go';
  const template = scanTemplate(raw, 'go');
  const masked = template.masked;
  const { yaml, comments } = parseValuesYaml(masked);
  const roots = findChartRoots(yaml.contents);
  if (!roots.length) return undefined;
  const maps = findOxKeyMaps(roots);
  const settings: ValuesSetting[] = [];
  for (const map of maps) {
    for (const pair of map.map.items) {
      const setting = readSetting(pair, map, masked, template, rendered, catalog);
      if (setting) settings.push(setting);
    }
  }
  // In a template, masked actions can make valid input look broken: such findings are only information.
  const problems: SyntaxProblem[] = yaml.errors.map((error) =>
    error.code === 'MULTIPLE_DOCS'
      ? {
          code: 'yaml',
          start: error.pos[0],
          end: lineEndOf(masked, error.pos[0]),
          message: 'A second YAML document starts here: Helm reads only the first document of a values file and ignores the rest.',
          uncertain: true,
        }
      : {
          code: 'yaml',
          start: error.pos[0],
          end: Math.max(error.pos[1], error.pos[0]),
          message: rendered
            ? `Not valid YAML once the template actions are set aside (${error.message.split('\n')[0]}); the checks of this file may be incomplete.`
            : `Not valid YAML: ${error.message.split('\n')[0]}. Helm refuses the file.`,
          ...(rendered ? { uncertain: true } : {}),
        },
  );
  if (rendered) {
    for (const tag of template.tags) {
      if (tag.unterminated) {
        problems.push({
          code: 'template',
          start: tag.start,
          end: tag.end,
          message: 'This template action is not closed with "}}": helmfile cannot render the file.',
        });
      }
    }
  }
  return new HelmValuesDocument(text, yaml, template, rendered, roots, maps, settings, problems, comments);
}
