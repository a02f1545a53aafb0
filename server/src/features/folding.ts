import { TextDocument } from 'vscode-languageserver-textdocument';
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import { OxDocument } from '../model/properties/propertiesDocument';

/** Runs of two or more comment lines, in line order. */
export function commentRuns(text: TextDocument, comments: readonly { start: number }[]): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart >= 0 && runEnd > runStart) ranges.push({ startLine: runStart, endLine: runEnd, kind: FoldingRangeKind.Comment });
    runStart = runEnd = -1;
  };
  for (const comment of comments) {
    const line = text.positionAt(comment.start).line;
    if (line !== runEnd + 1 || runStart < 0) {
      flush();
      runStart = line;
    }
    runEnd = line;
  }
  flush();
  return ranges;
}

/** Folds runs of two or more comment lines, and entries continued over several lines. */
export function foldingRanges(doc: OxDocument): FoldingRange[] {
  const ranges = commentRuns(doc.text, doc.parsed.comments);
  for (const e of doc.entries) {
    const startLine = doc.text.positionAt(e.entry.start).line;
    const endLine = doc.text.positionAt(e.entry.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
