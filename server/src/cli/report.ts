import * as path from 'path';
import { fileURLToPath } from 'url';
import { Diagnostic } from 'vscode-languageserver-types';
import { Catalog } from '../catalog/catalog';
import { applyFixes } from '../features/applyFixes';
import { SECRET_MASK } from '../features/effectiveConfiguration';
import { isInside, pathToUri } from '../host/nodeHost';
import { ConfigDocument } from '../model/document';
import { WorkspaceAnalyzer } from '../workspace/analysis';
import { Workspace } from '../workspace/workspace';
import { OutputFormat } from './args';
import { sortedDocuments } from './fix';
import { CheckReport, formatHuman, formatJson, formatSarif, Locator, Problem, RuleInfo, SRCROOT } from './formats';

/** Secret values shorter than this are not searched for in messages (they would mask ordinary words). */
const MIN_SECRET_LENGTH = 4;

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

/** Replaces every secret value the files hold, and every secret default of the catalog, wherever it appears in a message. */
function secretScrubber(docs: Iterable<ConfigDocument>, catalog: Catalog): (text: string) => string {
  const secrets = new Set<string>();
  for (const doc of docs) {
    for (const e of doc.settings) if (e.known?.def.secret) secrets.add(e.value);
  }
  for (const file of catalog.files) {
    for (const def of file.properties) if (def.secret) [def.default ?? '', ...(def.secretDefault ?? [])].forEach((v) => secrets.add(v));
  }
  const list = [...secrets].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  if (!list.length) return (text) => text;
  return (text) => list.reduce((t, secret) => (t.includes(secret) ? t.split(secret).join(SECRET_MASK) : t), text);
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
  rules: readonly RuleInfo[];
  locator: Locator;
  format: OutputFormat;
}

/** The problems of every file, in file and line order, secrets masked, as text in the chosen format. */
export function report({ workspace, analyzer, catalog, rules, locator, format }: ReportRun): { problems: Problem[]; text: string } {
  const docs = sortedDocuments(workspace);
  const scrub = secretScrubber(docs, catalog);
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
