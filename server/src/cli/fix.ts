import { promises as fs } from 'fs';
import { fileURLToPath } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Catalog } from '../catalog/catalog';
import { applyFixes } from '../features/applyFixes';
import { ConfigDocument } from '../model/document';
import { Settings } from '../settings';
import { WorkspaceAnalyzer } from '../analysis/workspaceAnalyzer';
import { escapeBeyondLatin1 } from '../parser/latin1';
import { parseFile } from '../analysis/load';
import { Workspace } from '../model/workspace';
import { CliIo, errorText, warn } from './io';

/** --fix runs again on the fixed text until nothing changes, at most this often (a fix may make another possible). */
const MAX_FIX_PASSES = 10;

export function sortedDocuments(workspace: Workspace): ConfigDocument[] {
  return [...workspace.documents()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

/** Text as ISO-8859-1 bytes; a character beyond it (only fix text can hold one) becomes a \uXXXX escape. */
function latin1Bytes(text: string): Buffer {
  return Buffer.from(escapeBeyondLatin1(text), 'latin1');
}

export interface FixRun {
  workspace: Workspace;
  analyzer: WorkspaceAnalyzer;
  settings: Settings;
  catalog: Catalog;
  io: CliIo;
  display(uri: string): string;
  /** Where the "Fixed N problems" line goes. */
  out: { write(text: string): unknown };
}

/**
 * Applies the safe fixes in passes, writes the changed files back and says how many problems it fixed;
 * the workspace and the analyzer then hold the fixed text. Returns false when a file could not be written.
 */
export async function fixAll({ workspace, analyzer, settings, catalog, io, display, out }: FixRun): Promise<boolean> {
  const original = new Map(sortedDocuments(workspace).map((d) => [d.uri, d.text.getText()] as const));
  let fixed = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const current = sortedDocuments(workspace);
    const texts = new Map<string, TextDocument>(current.map((d) => [d.uri, d.text] as const));
    const result = applyFixes(
      current.flatMap((d) => analyzer.diagnostics(d.uri)),
      texts,
    );
    if (!result.texts.size) break;
    fixed += result.applied;
    for (const [uri, text] of result.texts) workspace.set(parseFile(uri, text, catalog, texts.get(uri)!.version + 1));
    // Everything again: a fix of one file's diagnostic may edit another file, so no diagnostic's edits may be stale.
    analyzer.analyzeAll(settings);
  }
  let written = true;
  const changed = sortedDocuments(workspace).filter((d) => d.text.getText() !== original.get(d.uri));
  for (const doc of changed) {
    try {
      await fs.writeFile(fileURLToPath(doc.uri), latin1Bytes(doc.text.getText()));
    } catch (error) {
      written = false;
      warn(io, `cannot write ${display(doc.uri)}: ${errorText(error)}`);
    }
  }
  out.write(`Fixed ${fixed} problem${fixed === 1 ? '' : 's'} in ${changed.length} file${changed.length === 1 ? '' : 's'}.\n`);
  return written;
}
