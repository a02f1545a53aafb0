// The operations the fuzzer sends, as plain JSON: a failing sequence can be printed, pasted into a
// regression test and replayed. Long texts are written compactly (runs of a repeated piece).

export interface Pos {
  line: number;
  character: number;
}

export interface LspRange {
  start: Pos;
  end: Pos;
}

export interface ContentChange {
  /** Absent for a full-text change. */
  range?: LspRange;
  text: string;
}

/** How a codeAction request picks the diagnostics it sends: the ones last published for the document. */
export type DiagnosticsChoice = 'all' | 'range' | 'none';

export type Op =
  | { op: 'open'; uri: string; languageId: string; version: number; text: string }
  | { op: 'change'; uri: string; version: number; changes: ContentChange[] }
  | { op: 'close'; uri: string }
  | { op: 'completion' | 'hover' | 'definition' | 'references'; uri: string; position: Pos }
  | { op: 'codeAction'; uri: string; range: LspRange; diagnostics: DiagnosticsChoice; only?: string[] }
  | { op: 'documentSymbol' | 'foldingRange'; uri: string }
  | { op: 'inlayHint'; uri: string; range: LspRange }
  | { op: 'workspaceSymbol'; query: string }
  /** Waits until the diagnostics of every open document's current version are published. */
  | { op: 'settle' }
  /** Changes the editor settings (rule severities, inlay hints) and tells the server. */
  | { op: 'configure'; settings: unknown };

/** A text in a reproducer: as is, or pieces where `[s, n]` stands for `s` repeated n times. */
export type EncodedText = string | { pieces: Array<string | [string, number]> };

const MIN_RUN_CHARS = 64;
const MAX_UNIT = 24;

/** Writes long repeated runs (a 1 MB line, 100,000 continuation lines) as `[unit, count]`. */
export function encodeText(text: string): EncodedText {
  if (text.length < 256) return text;
  const pieces: Array<string | [string, number]> = [];
  let literal = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    let best: [string, number] | undefined;
    for (let len = 1; len <= MAX_UNIT && i + 2 * len <= n; len++) {
      if (!text.startsWith(text.substr(i, len), i + len)) continue;
      const unit = text.substr(i, len);
      let count = 2;
      while (text.startsWith(unit, i + count * len)) count++;
      if (count * len >= MIN_RUN_CHARS && (!best || count * len > best[0].length * best[1])) best = [unit, count];
    }
    if (best) {
      if (literal) pieces.push(literal);
      literal = '';
      pieces.push(best);
      i += best[0].length * best[1];
    } else {
      literal += text[i];
      i++;
    }
  }
  if (literal) pieces.push(literal);
  if (pieces.length === 1 && typeof pieces[0] === 'string') return pieces[0];
  return { pieces };
}

export function decodeText(text: EncodedText): string {
  if (typeof text === 'string') return text;
  return text.pieces.map((p) => (typeof p === 'string' ? p : p[0].repeat(p[1]))).join('');
}

type Encoded<T> = T extends { text: string } ? Omit<T, 'text'> & { text: EncodedText } : T;

/** The operations as JSON-ready values, texts encoded. */
export function encodeOps(ops: readonly Op[]): unknown[] {
  return ops.map((op) => {
    if (op.op === 'open') return { ...op, text: encodeText(op.text) };
    if (op.op === 'change') return { ...op, changes: op.changes.map((c) => ({ ...c, text: encodeText(c.text) })) };
    return op;
  });
}

export function decodeOps(json: readonly unknown[]): Op[] {
  return json.map((raw) => {
    const op = raw as Encoded<Op> & { changes?: Array<{ range?: LspRange; text: EncodedText }> };
    if (op.op === 'open') return { ...op, text: decodeText(op.text) } as Op;
    if (op.op === 'change') return { ...op, changes: op.changes!.map((c) => ({ ...c, text: decodeText(c.text) })) } as Op;
    return op as Op;
  });
}

/** One line per operation: a reproducer that is easy to read and to paste. */
export function formatOps(ops: readonly Op[]): string {
  return `[\n${encodeOps(ops)
    .map((o) => `  ${JSON.stringify(o)}`)
    .join(',\n')}\n]`;
}
