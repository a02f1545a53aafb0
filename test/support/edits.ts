// The one way tests turn text edits into the text after them, as an editor applies a fix or a code action.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Range } from 'vscode-languageserver-types';

/** An edit by offsets into the text before it, as the document editors make them. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** An edit by range, as fixes, code actions and completions carry them. */
export interface RangeEdit {
  range: Range;
  newText: string;
}

/**
 * The text after `edits`, all made against `text` (ranges are read as the client reads them). Edits apply in
 * the order of their starts, edits at one place in their given order; a reversed edit, or one that begins before
 * the previous one ends, throws.
 */
export function applyEdits(text: string, edits: ReadonlyArray<OffsetEdit | RangeEdit>): string {
  let doc: TextDocument | undefined;
  const offsets = edits.map((e): OffsetEdit => {
    if (!('range' in e)) return e;
    doc ??= TextDocument.create('file:///edited', 'plaintext', 1, text);
    return { start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText };
  });
  let out = '';
  let at = 0;
  for (const e of [...offsets].sort((a, b) => a.start - b.start)) {
    if (e.start < 0 || e.end < e.start || e.end > text.length)
      throw new Error(`edit ${e.start}-${e.end} is not a span of the ${text.length} characters`);
    if (e.start < at) throw new Error(`edit ${e.start}-${e.end} overlaps the edit before it, which ends at ${at}`);
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}
