import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Catalog } from '../catalog/catalog';
import { ConfigDocument } from '../model/document';
import { OxNode } from '../model/node';
import { EffectiveConfig, EffectiveValue, enumChoice, isUnknownValue, templateNodeConfig } from '../model/effective';
import { TextEditSpec } from '../model/edits';
import { ClusterContext, CrossRule, PlacedFinding } from '../rules/crossRule';
import { ruleDocUrl } from '../rules/registry';
import { Finding, Rule, RuleContext, Severity } from '../rules/rule';
import { Settings } from '../settings';
import { SOURCE } from './source';

export { SOURCE };

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A fix as carried in `Diagnostic.data`, so code actions need no second analysis. */
export interface FixData {
  title: string;
  preferred?: boolean;
  edits: Array<{ uri: string; range: Diagnostic['range']; newText: string }>;
  /** Files the fix creates before editing them. */
  create?: string[];
}

export interface DiagnosticData {
  fixes: FixData[];
}

/** The fixes a diagnostic of ours carries (none for another tool's diagnostic). */
export function fixesOf(diagnostic: Diagnostic): FixData[] {
  if (diagnostic.source !== undefined && diagnostic.source !== SOURCE) return [];
  const data = diagnostic.data as DiagnosticData | undefined;
  return Array.isArray(data?.fixes) ? data.fixes : [];
}

function toEdit(edit: TextEditSpec): FixData['edits'][number] {
  if (edit.createUri !== undefined) {
    const start = { line: 0, character: 0 };
    return { uri: edit.createUri, range: { start, end: start }, newText: edit.newText };
  }
  const target = edit.doc;
  return {
    uri: target.uri,
    range: { start: target.text.positionAt(edit.start), end: target.text.positionAt(edit.end) },
    newText: edit.newText,
  };
}

export function toDiagnostic(doc: ConfigDocument, rule: { id: string }, finding: Finding, severity: Severity): Diagnostic {
  const diagnostic: Diagnostic = {
    range: { start: doc.text.positionAt(finding.start), end: doc.text.positionAt(finding.end) },
    severity: SEVERITY[severity],
    code: rule.id,
    codeDescription: { href: ruleDocUrl(rule.id) },
    source: SOURCE,
    message: finding.message,
  };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r): DiagnosticRelatedInformation => {
      const target = r.doc ?? doc;
      return {
        location: { uri: target.uri, range: { start: target.text.positionAt(r.start), end: target.text.positionAt(r.end) } },
        message: r.message,
      };
    });
  }
  if (finding.tags?.length) diagnostic.tags = finding.tags;
  if (finding.fixes?.length) {
    const fixes: FixData[] = [];
    for (const f of finding.fixes) {
      // Each intent's own document knows its format and makes the text edits; a format that cannot do one offers no fix.
      const edits: TextEditSpec[] = [];
      for (const intent of f.intents) for (const edit of intent.doc.editor.edits(intent)) edits.push(edit);
      if (!edits.length) continue;
      const create: string[] = [];
      for (const edit of edits) if (edit.createUri) create.push(edit.createUri);
      fixes.push({ title: f.title, preferred: f.preferred, edits: edits.map(toEdit), ...(create.length ? { create } : {}) });
    }
    if (fixes.length) diagnostic.data = { fixes } satisfies DiagnosticData;
  }
  return diagnostic;
}

/** More problems per file than an editor can show usefully; publishing 100,000 took seconds per keystroke. */
export const MAX_PUBLISHED_PER_FILE = 1000;

/** The most severe problems of a file (in their order) and a notice of how many more there are. */
export function mostSevere(diagnostics: Diagnostic[], max = MAX_PUBLISHED_PER_FILE): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const rank = (d: Diagnostic) => d.severity ?? DiagnosticSeverity.Error;
  const shown = diagnostics
    .map((d, i) => [d, i] as const)
    .sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j)
    .slice(0, max)
    .sort(([, i], [, j]) => i - j)
    .map(([d]) => d);
  const start = { line: 0, character: 0 };
  shown.push({
    range: { start, end: start },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message: `${diagnostics.length - max} more problems in this file are not shown (the editor shows the ${max} most severe). Run "ox-cluster-config check" to see them all.`,
  });
  return shown;
}

const DISABLE = /^\s*ox-cluster-config-disable(-next-line)?(?:\s+([\w\s,-]+))?\s*$/;

/** Rule ids switched off by comments: for the whole file, and per 0-based line. */
export function suppressions(doc: ConfigDocument): { file: Set<string>; lines: Map<number, Set<string>> } {
  const file = new Set<string>();
  const lines = new Map<number, Set<string>>();
  for (const comment of doc.comments) {
    const match = DISABLE.exec(comment.text);
    if (!match) continue;
    const ids = (match[2] ?? '*').split(/[\s,]+/).filter(Boolean);
    if (match[1]) {
      const line = doc.text.positionAt(comment.start).line + 1;
      const set = lines.get(line) ?? new Set<string>();
      ids.forEach((id) => set.add(id));
      lines.set(line, set);
    } else {
      ids.forEach((id) => file.add(id));
    }
  }
  return { file, lines };
}

export function severityOf(rule: { id: string; defaultSeverity: Severity }, settings: Settings): Severity | undefined {
  const configured = settings.rules[rule.id];
  if (configured === 'off') return undefined;
  return configured ?? rule.defaultSeverity;
}

/** A user's setting for the rule wins; otherwise a finding may carry its own severity. */
function findingSeverity(rule: { id: string }, finding: Finding, severity: Severity, settings: Settings): Severity {
  return settings.rules[rule.id] === undefined && finding.severity ? finding.severity : severity;
}

function isSuppressed(
  doc: ConfigDocument,
  ruleId: string,
  offset: number,
  cache: Map<ConfigDocument, ReturnType<typeof suppressions>>,
): boolean {
  let s = cache.get(doc);
  if (!s) cache.set(doc, (s = suppressions(doc)));
  if (s.file.has(ruleId) || s.file.has('*')) return true;
  const lineIds = s.lines.get(doc.text.positionAt(offset).line);
  return !!lineIds && (lineIds.has(ruleId) || lineIds.has('*'));
}

/** An effective configuration that calls `onRead` with every value a rule reads. */
export function watchReads(config: EffectiveConfig, catalog: Catalog, onRead: (value: EffectiveValue) => void): EffectiveConfig {
  const get = (key: string): EffectiveValue => {
    const got = config.get(key);
    onRead(got);
    return got;
  };
  return {
    get,
    value: (key) => get(key).value ?? '',
    choice: (key) => enumChoice(catalog, key, get(key).value ?? ''),
    isSet: (key) => config.isSet(key),
    conflicts: () => config.conflicts(),
    keys: () => config.keys(),
  };
}

/** Runs cross-file rules over a cluster; diagnostics are grouped by the URI they belong to. */
export function runCrossRules(
  context: ClusterContext,
  rules: readonly CrossRule[],
  settings: Settings,
  onError: (rule: CrossRule, error: unknown) => void = () => undefined,
): Map<string, Diagnostic[]> {
  const byUri = new Map<string, Diagnostic[]>();
  const cache = new Map<ConfigDocument, ReturnType<typeof suppressions>>();
  const edition = context.cluster.release ? 'kubernetes' : 'classic';
  const template = context.cluster.template === true;
  for (const rule of rules) {
    const severity = severityOf(rule, settings);
    if (!severity || !(rule.editions ?? ['classic']).includes(edition)) continue;
    // A node template is no real node: cluster rules need the nodes the templates render to.
    if (template && rule.scope === 'cluster') continue;
    let placed: PlacedFinding[];
    let readUnknown = false;
    const templateConfig = (n: OxNode) => templateNodeConfig(context.effective(n), n);
    try {
      placed = rule.check(
        !template
          ? context
          : rule.judgesUnknownValues
            ? { ...context, effective: templateConfig }
            : {
                ...context,
                effective: (n) => watchReads(templateConfig(n), context.catalog, (got) => (readUnknown ||= isUnknownValue(got))),
              },
      );
    } catch (error) {
      onError(rule, error);
      continue;
    }
    // On a node template, no finding rests on a value the template fills in: a rule that read one is silent,
    // unless it judges unknown values itself.
    if (readUnknown) continue;
    for (const { doc, finding } of placed) {
      if (isSuppressed(doc, rule.id, finding.start, cache)) continue;
      const list = byUri.get(doc.uri) ?? [];
      list.push(toDiagnostic(doc, rule, finding, findingSeverity(rule, finding, severity, settings)));
      byUri.set(doc.uri, list);
    }
  }
  return byUri;
}

/** Runs rules over a document; a rule that throws is reported through `onError` and skipped. */
export function runRules(
  context: RuleContext,
  rules: readonly Rule[],
  settings: Settings,
  onError: (rule: Rule, error: unknown) => void = () => undefined,
): Diagnostic[] {
  return runEachRule(context, rules, settings, onError).flat();
}

/** Like runRules, with the diagnostics of each rule in a list of their own (in the order of `rules`). */
export function runEachRule(
  context: RuleContext,
  rules: readonly Rule[],
  settings: Settings,
  onError: (rule: Rule, error: unknown) => void = () => undefined,
): Diagnostic[][] {
  const { doc } = context;
  const cache = new Map<ConfigDocument, ReturnType<typeof suppressions>>();
  return rules.map((rule) => {
    const diagnostics: Diagnostic[] = [];
    const severity = severityOf(rule, settings);
    if (!severity) return diagnostics;
    let findings: Finding[];
    try {
      findings = rule.check(context);
    } catch (error) {
      onError(rule, error);
      return diagnostics;
    }
    for (const finding of findings) {
      if (isSuppressed(doc, rule.id, finding.start, cache)) continue;
      diagnostics.push(toDiagnostic(doc, rule, finding, findingSeverity(rule, finding, severity, settings)));
    }
    return diagnostics;
  });
}
