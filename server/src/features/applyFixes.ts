import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, Range } from 'vscode-languageserver-types';
import { ChosenEdits } from './chosenEdits';
import { FixData, fixesOf } from '../analysis/engine';
import { comparePositions } from './positions';

/** The outcome of applying the safe fixes of a set of diagnostics. */
export interface AppliedFixes {
  /** The new text of every file that changed, by URI. Files not listed are unchanged. */
  texts: Map<string, string>;
  /** Fixes applied. */
  applied: number;
  /** Diagnostics whose fix was left out: several fixes to choose from, a file to create, an unknown file, or edits that overlap. */
  skipped: number;
}

type Edit = FixData['edits'][number];

function isValidRange(doc: TextDocument, range: Range): boolean {
  if (comparePositions(range.start, range.end) > 0) return false;
  // Positions outside the text would be clamped by TextDocument: refuse them instead of guessing.
  for (const p of [range.start, range.end]) {
    if (p.line < 0 || p.character < 0 || p.line >= doc.lineCount) return false;
    const lineStart = doc.offsetAt({ line: p.line, character: 0 });
    const nextLine = p.line + 1 < doc.lineCount ? doc.offsetAt({ line: p.line + 1, character: 0 }) : doc.getText().length;
    if (lineStart + p.character > nextLine) return false;
  }
  return true;
}

/**
 * Picks the safe fixes among the diagnostics and applies them: a fix is safe when it is the only fix of its
 * diagnostic, creates no file, edits only known files and none of its edits overlaps an edit already chosen
 * (fixes that edit other files than the diagnostic's are fine). Bytes outside the edited ranges never change.
 *
 * @param documents the current text of every file a fix may edit, by URI.
 */
export function applyFixes(diagnostics: Iterable<Diagnostic>, documents: ReadonlyMap<string, TextDocument>): AppliedFixes {
  const chosen = new Map<string, Edit[]>();
  const index = new ChosenEdits();
  let applied = 0;
  let skipped = 0;
  for (const diagnostic of diagnostics) {
    const fixes = fixesOf(diagnostic);
    if (!fixes.length) continue;
    if (fixes.length !== 1 || fixes[0].create?.length || !fixes[0].edits.length) {
      skipped++;
      continue;
    }
    const edits = fixes[0].edits;
    const valid = edits.every((e) => {
      const doc = documents.get(e.uri);
      return !!doc && isValidRange(doc, e.range);
    });
    if (!valid || !index.tryChoose(edits)) {
      skipped++;
      continue;
    }
    for (const e of edits) {
      const list = chosen.get(e.uri);
      if (list) list.push(e);
      else chosen.set(e.uri, [e]);
    }
    applied++;
  }
  const texts = new Map<string, string>();
  for (const [uri, edits] of chosen) {
    const doc = documents.get(uri)!;
    const text = TextDocument.applyEdits(
      doc,
      edits.map((e) => ({ range: e.range, newText: e.newText })),
    );
    if (text !== doc.getText()) texts.set(uri, text);
  }
  return { texts, applied, skipped };
}
