import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { version } from '../../../package.json';
import { ruleDocUrl } from '../rules/registry';
import { RuleMeta, Severity } from '../rules/rule';

export const TOOL_NAME = 'ox-cluster-config';
export const TOOL_VERSION: string = version;
export const TOOL_URI = 'https://github.com/ox-cluster-tools/ox-cluster-config';
export const SRCROOT = 'SRCROOT';

/** Where files are shown: paths relative to the current folder, and SARIF artifact locations. */
export interface Locator {
  /** The path to print (relative to the current folder when below it). */
  display(uri: string): string;
  /** A SARIF artifact location: relative to SRCROOT when below it, else the absolute URI. */
  artifact(uri: string): { uri: string; uriBaseId?: string };
  /** The URI of SRCROOT (the current folder), with a trailing slash. */
  rootUri: string;
}

export interface Problem {
  uri: string;
  diagnostic: Diagnostic;
}

export interface CheckReport {
  /** Problems in output order (by file, then position); messages already free of secret values. */
  problems: Problem[];
  files: number;
  nodes: number;
  clusters: number;
  /** Node templates (folders of configuration-management templates), counted in neither nodes nor clusters. */
  templates?: number;
  /** Problems --fix would fix. */
  fixable: number;
}

export function severityName(diagnostic: Diagnostic): Severity {
  switch (diagnostic.severity) {
    case DiagnosticSeverity.Error:
      return 'error';
    case DiagnosticSeverity.Warning:
      return 'warning';
    case DiagnosticSeverity.Hint:
      return 'hint';
    default:
      return 'information';
  }
}

const HUMAN_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

export function countBySeverity(problems: readonly Problem[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const p of problems) counts[severityName(p.diagnostic)]++;
  return counts;
}

/** `N errors, M warnings, K infos in F files (C clusters, N nodes[, T node templates])`; hints are named only when there are some. */
export function summaryLine(report: CheckReport): string {
  const c = countBySeverity(report.problems);
  const parts = [count(c.error, 'error'), count(c.warning, 'warning'), count(c.information, 'info')];
  if (c.hint) parts.push(count(c.hint, 'hint'));
  const templates = report.templates ? `, ${count(report.templates, 'node template')}` : '';
  return `${parts.join(', ')} in ${count(report.files, 'file')} (${count(report.clusters, 'cluster')}, ${count(report.nodes, 'node')}${templates})`;
}

/** One line per problem, `path:line:col severity rule-id message` (1-based), then the summary. */
export function formatHuman(report: CheckReport, locator: Locator): string {
  const lines = report.problems.map(({ uri, diagnostic: d }) => {
    const { line, character } = d.range.start;
    return `${locator.display(uri)}:${line + 1}:${character + 1} ${HUMAN_SEVERITY[severityName(d)]} ${String(d.code)} ${oneLine(d.message)}`;
  });
  lines.push(summaryLine(report));
  if (report.fixable) lines.push(`${count(report.fixable, 'problem')} can be fixed with --fix.`);
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ');
}

export interface JsonProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  rule: string;
  message: string;
}

/** 1-based lines and columns; columns count UTF-16 code units and the end column is exclusive (as in SARIF). */
export function toJsonProblem({ uri, diagnostic: d }: Problem, locator: Locator): JsonProblem {
  return {
    file: locator.display(uri),
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: severityName(d),
    rule: String(d.code),
    message: d.message,
  };
}

export function formatJson(report: CheckReport, locator: Locator): string {
  return `${JSON.stringify(
    report.problems.map((p) => toJsonProblem(p, locator)),
    null,
    2,
  )}\n`;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function physicalLocation(uri: string, range: Range, locator: Locator) {
  return { artifactLocation: locator.artifact(uri), region: region(range) };
}

/** A SARIF 2.1.0 log with one run. */
export function toSarif(report: CheckReport, rules: readonly RuleMeta[], locator: Locator): object {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = report.problems.map(({ uri, diagnostic: d }) => {
    const id = String(d.code);
    const result: Record<string, unknown> = {
      ruleId: id,
      ...(ruleIndex.has(id) ? { ruleIndex: ruleIndex.get(id) } : {}),
      level: SARIF_LEVEL[severityName(d)],
      message: { text: d.message },
      locations: [{ physicalLocation: physicalLocation(uri, d.range, locator) }],
    };
    if (d.relatedInformation?.length) {
      result.relatedLocations = d.relatedInformation.map((r, i) => ({
        id: i + 1,
        physicalLocation: physicalLocation(r.location.uri, r.location.range, locator),
        message: { text: r.message },
      }));
    }
    return result;
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            informationUri: TOOL_URI,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.title },
              helpUri: ruleDocUrl(r.id),
              defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: locator.rootUri } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(report: CheckReport, rules: readonly RuleMeta[], locator: Locator): string {
  return `${JSON.stringify(toSarif(report, rules, locator), null, 2)}\n`;
}
