import { CodeAction, CodeActionKind, CreateFile, Diagnostic, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { DiagnosticData, FixData, SOURCE } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

function fixesOf(diagnostic: Diagnostic): FixData[] {
  if (diagnostic.source !== SOURCE) return [];
  const data = diagnostic.data as DiagnosticData | undefined;
  return Array.isArray(data?.fixes) ? data.fixes : [];
}

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

type Position = TextEdit['range']['start'];
type Range = TextEdit['range'];

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * The edits fix-all has chosen, per file, sorted and pairwise apart (edits that merely meet are apart): whether
 * a new edit overlaps one of them takes a binary search, so thousands of fixes stay fast.
 */
class ChosenEdits {
  private readonly byUri = new Map<string, Range[]>();

  /** Index of the first chosen range that ends after `position` (ends ascend, as the ranges are apart). */
  private static firstEndingAfter(list: Range[], position: Position): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(list[mid].end, position) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  clashes(uri: string, range: Range): boolean {
    const list = this.byUri.get(uri);
    if (!list) return false;
    const i = ChosenEdits.firstEndingAfter(list, range.start);
    return i < list.length && compare(range.end, list[i].start) > 0;
  }

  add(uri: string, range: Range): void {
    let list = this.byUri.get(uri);
    if (!list) this.byUri.set(uri, (list = []));
    let i = list.length;
    while (i > 0 && (compare(list[i - 1].start, range.start) || compare(list[i - 1].end, range.end)) > 0) i--;
    list.splice(i, 0, range);
  }
}

/** Applies every fix that is the only one of its diagnostic, skipping fixes whose edits would overlap. */
export function fixAll(diagnostics: readonly Diagnostic[]): CodeAction | undefined {
  const chosen: FixData['edits'] = [];
  const index = new ChosenEdits();
  for (const diagnostic of diagnostics) {
    const fixes = fixesOf(diagnostic);
    if (fixes.length !== 1 || fixes[0].create?.length) continue;
    const edits = fixes[0].edits;
    const own = new ChosenEdits();
    const clash = edits.some((e) => {
      if (index.clashes(e.uri, e.range) || own.clashes(e.uri, e.range)) return true;
      own.add(e.uri, e.range);
      return false;
    });
    if (clash) continue;
    chosen.push(...edits);
    for (const e of edits) index.add(e.uri, e.range);
  }
  if (!chosen.length) return undefined;
  return { title: 'Fix all OX Cluster Config problems', kind: FIX_ALL_KIND, edit: toWorkspaceEdit(chosen) };
}
