// The CLI's batch path over a loaded workspace: the safe fixes in passes, and the report of every problem.
import { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFixes } from '../features/applyFixes';
import { WorkspaceSync } from '../analysis/workspaceSync';
import { ConfigDocument } from '../model/document';
import { escapeBeyondLatin1 } from '../parser/latin1';

/** Fixes run again on the fixed text until nothing changes, at most this often (a fix may make another possible). */
const MAX_FIX_PASSES = 10;

export interface FixResult {
  /** Problems fixed, over every pass. */
  fixed: number;
  /** The fixed files, with the encoding to write each in. */
  changed: Array<{ uri: string; content: string; encoding: 'latin1' | 'utf8' }>;
}

export interface BatchReport {
  /** Problems by file (in URI order), then position; secrets masked, no fix data. */
  problems: Array<{ uri: string; diagnostic: Diagnostic }>;
  files: number;
  /** Real nodes and clusters; node templates are counted apart. */
  nodes: number;
  clusters: number;
  templates: number;
  /** Problems the safe fixes would fix. */
  fixable: number;
}

export function sortedDocuments(sync: WorkspaceSync): ConfigDocument[] {
  return [...sync.model.documents()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

/**
 * Applies the safe fixes in passes, each on a fresh analysis of everything (a fix of one file's diagnostic may
 * edit another file). The workspace then holds the fixed text, analysed.
 */
export async function fixAll(sync: WorkspaceSync, analyzeAll: () => Promise<unknown>): Promise<FixResult> {
  const original = new Map(sortedDocuments(sync).map((d) => [d.uri, d.text.getText()] as const));
  let fixed = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const current = sortedDocuments(sync);
    const texts = new Map<string, TextDocument>(current.map((d) => [d.uri, d.text] as const));
    const result = applyFixes(
      current.flatMap((d) => sync.diagnostics(d.uri)),
      texts,
    );
    if (!result.texts.size) break;
    fixed += result.applied;
    for (const [uri, text] of result.texts) sync.replace(uri, text);
    await analyzeAll();
  }
  const changed = sortedDocuments(sync)
    .filter((d) => d.text.getText() !== original.get(d.uri))
    // Each file goes back in its own encoding: YAML as UTF-8, .properties as ISO-8859-1 (other characters escaped).
    .map((d) =>
      d.language === 'ox-helm-values'
        ? { uri: d.uri, content: d.text.getText(), encoding: 'utf8' as const }
        : { uri: d.uri, content: escapeBeyondLatin1(d.text.getText()), encoding: 'latin1' as const },
    );
  return { fixed, changed };
}

/** Every problem of the workspace, in file and line order, through `scrubbed` (the secret policy). */
export function report(sync: WorkspaceSync, scrubbed: (uri: string) => Diagnostic[]): BatchReport {
  const docs = sortedDocuments(sync);
  const fixable = applyFixes(
    docs.flatMap((d) => sync.diagnostics(d.uri)),
    new Map(docs.map((d) => [d.uri, d.text] as const)),
  ).applied;
  const problems: BatchReport['problems'] = [];
  for (const doc of docs) {
    const list = scrubbed(doc.uri)
      .map((d, i) => ({ d, i }))
      .sort((a, b) => a.d.range.start.line - b.d.range.start.line || a.d.range.start.character - b.d.range.start.character || a.i - b.i);
    for (const { d } of list) {
      const diagnostic: Diagnostic = { ...d };
      delete diagnostic.data;
      problems.push({ uri: doc.uri, diagnostic });
    }
  }
  const templates = sync.model.nodes().filter((n) => n.template).length;
  return {
    problems,
    files: sync.model.size,
    nodes: sync.model.nodes().length - templates,
    clusters: sync.model.clusters().filter((c) => !c.template).length,
    templates,
    fixable,
  };
}
