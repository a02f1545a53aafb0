import { CodeAction, CodeActionKind, CreateFile, Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { ChosenEdits } from './chosenEdits';
import { FixData, fixesOf } from '../analysis/engine';
import { FIX_ALL_KIND } from './codeActionKinds';

export { FIX_ALL_KIND };

function toWorkspaceEdit(edits: FixData['edits'], create: readonly string[] = []): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of edits) (changes[e.uri] ??= []).push({ range: e.range, newText: e.newText });
  if (!create.length) return { changes };
  // Creating a file needs documentChanges: create first, then edit every file.
  return {
    documentChanges: [
      ...create.map((uri) => CreateFile.create(uri, { ignoreIfExists: true })),
      ...Object.entries(changes).map(([uri, textEdits]) => TextDocumentEdit.create({ uri, version: null }, textEdits)),
    ],
  };
}

function diagnosticKey(d: Diagnostic): string {
  const { start, end } = d.range;
  return `${d.source}|${d.code}|${start.line}:${start.character}-${end.line}:${end.character}|${d.message}`;
}

/**
 * The current diagnostics among those an editor sends back. The editor's copies may be of an older version
 * of the text (or made up), and so may the fixes in their `data`: those find no current twin and get no fix.
 */
export function currentDiagnostics(sent: readonly Diagnostic[], current: readonly Diagnostic[]): Diagnostic[] {
  const byKey = new Map(current.map((d) => [diagnosticKey(d), d]));
  return sent.flatMap((d) => byKey.get(diagnosticKey(d)) ?? []);
}

/** Quick fixes for the diagnostics the editor sends back (their fixes travel in `data`). */
export function quickFixes(diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    for (const fix of fixesOf(diagnostic)) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred || undefined,
        edit: toWorkspaceEdit(fix.edits, fix.create),
      });
    }
  }
  return actions;
}

/** Applies every fix that is the only one of its diagnostic, skipping fixes whose edits would overlap. */
export function fixAll(diagnostics: readonly Diagnostic[]): CodeAction | undefined {
  const chosen: FixData['edits'] = [];
  const index = new ChosenEdits();
  for (const diagnostic of diagnostics) {
    const fixes = fixesOf(diagnostic);
    if (fixes.length !== 1 || fixes[0].create?.length) continue;
    const edits = fixes[0].edits;
    if (index.tryChoose(edits)) chosen.push(...edits);
  }
  if (!chosen.length) return undefined;
  return { title: 'Fix all OX Cluster Config problems', kind: FIX_ALL_KIND, edit: toWorkspaceEdit(chosen) };
}
