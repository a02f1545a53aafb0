import * as path from 'path';
import { fileURLToPath } from 'url';
import { Diagnostic } from 'vscode-languageserver-types';
import { Catalog } from '../catalog/catalog';
import { applyFixes } from '../features/applyFixes';
import { isInside, pathToUri } from '../host/nodeHost';
import { WorkspaceAnalyzer } from '../analysis/workspaceAnalyzer';
import { secretScrubber, secretValues } from '../values/redact';
import { Workspace } from '../model/workspace';
import { OutputFormat } from './args';
import { sortedDocuments } from './fix';
import { CheckReport, formatHuman, formatJson, formatSarif, Locator, Problem, SRCROOT } from './formats';
import { RuleMeta } from '../rules/rule';

/** Paths as the output shows them: relative to the current folder. */
export function makeLocator(cwd: string): Locator {
  const rootUri = pathToUri(cwd).replace(/\/?$/, '/');
  const displayCache = new Map<string, string>();
  const pathOf = (uri: string) => {
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  };
  return {
    rootUri,
    display(uri) {
      let shown = displayCache.get(uri);
      if (shown === undefined) {
        const file = pathOf(uri);
        shown = file === undefined ? uri : path.relative(cwd, file) || '.';
        displayCache.set(uri, shown);
      }
      return shown;
    },
    artifact(uri) {
      const file = pathOf(uri);
      if (file === undefined || !isInside(cwd, file)) return { uri };
      return { uri: path.relative(cwd, file).split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
    },
  };
}

function scrubbed(diagnostic: Diagnostic, scrub: (text: string) => string): Diagnostic {
  const out: Diagnostic = { ...diagnostic, message: scrub(diagnostic.message) };
  if (diagnostic.relatedInformation)
    out.relatedInformation = diagnostic.relatedInformation.map((r) => ({ ...r, message: scrub(r.message) }));
  delete out.data;
  return out;
}

export interface ReportRun {
  workspace: Workspace;
  analyzer: WorkspaceAnalyzer;
  catalog: Catalog;
  rules: readonly RuleMeta[];
  locator: Locator;
  format: OutputFormat;
}

/** The problems of every file, in file and line order, secrets masked, as text in the chosen format. */
export function report({ workspace, analyzer, catalog, rules, locator, format }: ReportRun): { problems: Problem[]; text: string } {
  const docs = sortedDocuments(workspace);
  // Every secret value of the files, and every secret default of the catalog, is masked wherever a message has it.
  const scrub = secretScrubber(secretValues(docs, catalog));
  const fixable = applyFixes(
    docs.flatMap((d) => analyzer.diagnostics(d.uri)),
    new Map(docs.map((d) => [d.uri, d.text] as const)),
  ).applied;
  const problems: Problem[] = [];
  for (const doc of docs) {
    const list = analyzer
      .diagnostics(doc.uri)
      .map((d, i) => ({ d, i }))
      .sort((a, b) => a.d.range.start.line - b.d.range.start.line || a.d.range.start.character - b.d.range.start.character || a.i - b.i);
    for (const { d } of list) problems.push({ uri: doc.uri, diagnostic: scrubbed(d, scrub) });
  }
  const result: CheckReport = {
    problems,
    files: workspace.size,
    nodes: workspace.nodes().length,
    clusters: workspace.clusters().length,
    fixable,
  };
  const text =
    format === 'json'
      ? formatJson(result, locator)
      : format === 'sarif'
        ? formatSarif(result, rules, locator)
        : formatHuman(result, locator);
  return { problems, text };
}
