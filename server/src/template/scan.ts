import { blockStep, goActionIsSilent, TagRole, TemplateSyntax } from './syntax';

/** One template tag of the raw text: `{{ … }}`, `{% … %}`, `<%= … %>` and the like. */
export interface TemplateTag {
  start: number;
  end: number;
  role: TagRole;
  /** The text between the delimiters and trim markers, trimmed. */
  inner: string;
  /** No closing delimiter: the tag is taken to end with its line. */
  unterminated?: boolean;
}

/** What a line of the raw text is once the template is taken into account. */
export type LineClass =
  /** Literal text, perhaps with expressions inside. */
  | 'text'
  /** Only control tags and comments: the template prints nothing here. */
  | 'control'
  /** Only expressions (e.g. `{{ . | toYaml | nindent 6 }}`): prints text nobody can know before rendering. */
  | 'output';

export interface TemplateScan {
  readonly syntax: TemplateSyntax;
  /** Every tag in text order. */
  readonly tags: readonly TemplateTag[];
  /**
   * The text with each tag on a text line replaced by a run of `_` and each control or output line blanked,
   * so a reader can parse it with every position unchanged.
   */
  readonly masked: string;
  /** Per 0-based line (lines end at `\n`). */
  readonly lineClasses: readonly LineClass[];
  /** The offset each line starts at. */
  readonly lineStarts: readonly number[];
  /** The line an offset is in. */
  lineOf(offset: number): number;
  /** The branch an offset is in: '' outside any block; see `exclusiveBranches`. */
  branchAt(offset: number): string;
  /** The tags that overlap [start, end). */
  tagsIn(start: number, end: number): TemplateTag[];
}

/** The filler that stands for a tag in the masked text. */
export const MASK_CHAR = '_';

/** Where a quoted string inside a tag ends (the index after its closing quote), for the quotes the syntax has. */
function skipString(text: string, at: number): number {
  const quote = text[at];
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && quote !== '`') i++;
    else if (c === quote) return i + 1;
    else if (c === '\n' && quote !== '`') return i;
  }
  return text.length;
}

function isQuote(c: string, syntax: TemplateSyntax): boolean {
  return c === '"' || c === "'" || (syntax === 'go' && c === '`');
}

const OPENERS: Record<TemplateSyntax, ReadonlyArray<{ open: string; close: string; role: TagRole }>> = {
  go: [{ open: '{{', close: '}}', role: 'expression' }],
  jinja: [
    { open: '{{', close: '}}', role: 'expression' },
    { open: '{%', close: '%}', role: 'control' },
    { open: '{#', close: '#}', role: 'comment' },
  ],
  erb: [
    { open: '<%#', close: '%>', role: 'comment' },
    { open: '<%=', close: '%>', role: 'expression' },
    { open: '<%', close: '%>', role: 'control' },
  ],
};

/** The inner text of a tag without delimiters and trim markers (`{{-`, `-}}`, `{%-`, `-%>`, `<%==`). */
function innerOf(raw: string, open: string, close: string): string {
  let inner = raw.slice(open.length, raw.endsWith(close) ? raw.length - close.length : raw.length);
  inner = inner.replace(/^[-+=]/, '').replace(/[-+]$/, '');
  return inner.trim();
}

/** Finds the tags of one syntax in a text. Strings inside tags are skipped, so `{{ "}}" }}` is one tag. */
export function findTags(text: string, syntax: TemplateSyntax): TemplateTag[] {
  const tags: TemplateTag[] = [];
  const openers = OPENERS[syntax];
  const first = syntax === 'erb' ? '<' : '{';
  for (let i = text.indexOf(first); i >= 0 && i < text.length; i = text.indexOf(first, i)) {
    const opener = openers.find((o) => text.startsWith(o.open, i));
    if (!opener) {
      i++;
      continue;
    }
    const start = i;
    let role = opener.role;
    let j = start + opener.open.length;
    const afterTrim = text.slice(j).match(/^-?\s*/)![0].length;
    // Go comments: `{{/* … */}}`, also with trim markers; their text is not lexed.
    const isGoComment = syntax === 'go' && text.startsWith('/*', j + afterTrim);
    let end = -1;
    if (isGoComment || role === 'comment') {
      const close = isGoComment ? text.indexOf('*/', j) : text.indexOf(opener.close, j);
      if (close >= 0) {
        const tail = isGoComment ? text.indexOf('}}', close + 2) : close;
        end = tail < 0 ? -1 : tail + 2;
      }
      role = 'comment';
    } else {
      while (j < text.length) {
        const c = text[j];
        if (isQuote(c, syntax)) j = skipString(text, j);
        else if (text.startsWith(opener.close, j)) {
          end = j + opener.close.length;
          break;
        } else j++;
      }
    }
    let unterminated = false;
    if (end < 0) {
      const lf = text.indexOf('\n', start);
      end = lf < 0 ? text.length : lf;
      unterminated = true;
    }
    const inner = innerOf(text.slice(start, end), opener.open, unterminated ? '' : opener.close);
    if (syntax === 'go' && role === 'expression' && goActionIsSilent(inner)) role = 'control';
    tags.push(unterminated ? { start, end, role, inner, unterminated } : { start, end, role, inner });
    i = end;
  }
  return tags;
}

/** Reads a text as a template of `syntax`: its tags, a masked copy to parse, line classes and branches. */
export function scanTemplate(text: string, syntax: TemplateSyntax): TemplateScan {
  const tags = findTags(text, syntax);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineEnd = (line: number) => (line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  // What becomes of each character: kept, masked (a tag) or blanked (a control or output line); the masked
  // text is built from runs of these, far faster than editing an array of one-character strings.
  const fate = new Uint8Array(text.length);
  const lineClasses: LineClass[] = lineStarts.map(() => 'text');
  // Lines a tag touches, and whether anything but tags and blanks is on them.
  const touched = new Map<number, { expression: boolean }>();
  for (const tag of tags) {
    fate.fill(MASKED, tag.start, tag.end);
    const last = lineOf(Math.max(tag.start, tag.end - 1));
    for (let line = lineOf(tag.start); line <= last; line++) {
      const seen = touched.get(line) ?? { expression: false };
      if (tag.role === 'expression') seen.expression = true;
      touched.set(line, seen);
    }
  }
  const inTag = new Uint8Array(text.length);
  for (const tag of tags) inTag.fill(1, tag.start, tag.end);
  for (const [line, seen] of touched) {
    const from = lineStarts[line];
    const to = lineEnd(line);
    let literal = false;
    for (let k = from; k < to && !literal; k++) literal = !inTag[k] && !/\s/.test(text[k]);
    if (literal) continue;
    lineClasses[line] = seen.expression ? 'output' : 'control';
    fate.fill(BLANKED, from, to);
  }

  // Branch changes at the end of each control tag: a stack of (block, arm).
  const changes: Array<{ at: number; path: string }> = [];
  const stack: Array<{ id: number; arm: number }> = [];
  let blocks = 0;
  for (const tag of tags) {
    if (tag.role === 'comment') continue;
    const step = blockStep(syntax, tag.inner);
    if (step === 'open') stack.push({ id: blocks++, arm: 0 });
    else if (step === 'arm' && stack.length) stack[stack.length - 1].arm++;
    else if (step === 'close') stack.pop();
    else continue;
    changes.push({ at: tag.end, path: stack.map((f) => `${f.id}.${f.arm}`).join('/') });
  }

  return {
    syntax,
    tags,
    masked: maskedText(text, fate),
    lineClasses,
    lineStarts,
    lineOf,
    branchAt(offset) {
      let lo = 0;
      let hi = changes.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (changes[mid].at <= offset) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return found < 0 ? '' : changes[found].path;
    },
    tagsIn(start, end) {
      const result: TemplateTag[] = [];
      for (let i = firstEndingAfter(tags, start); i < tags.length && tags[i].start < Math.max(end, start + 1); i++) result.push(tags[i]);
      return result;
    },
  };
}

const KEPT = 0;
const MASKED = 1;
const BLANKED = 2;

/** The text with masked runs as `_` (line breaks kept) and blanked runs as spaces (carriage returns kept). */
function maskedText(text: string, fate: Uint8Array): string {
  const parts: string[] = [];
  for (let at = 0; at < text.length;) {
    const kind = fate[at];
    let end = at + 1;
    while (end < text.length && fate[end] === kind) end++;
    const run = text.slice(at, end);
    parts.push(kind === KEPT ? run : kind === MASKED ? run.replace(/[^\r\n]/g, MASK_CHAR) : run.replace(/[^\r]/g, ' '));
    at = end;
  }
  return parts.join('');
}

/** The index of the first tag that ends after `offset` (tags are sorted and do not overlap). */
function firstEndingAfter(tags: readonly TemplateTag[], offset: number): number {
  let lo = 0;
  let hi = tags.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tags[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Two branches that never render together: they take different arms of one if/else (or loop/else) block. */
export function exclusiveBranches(a: string, b: string): boolean {
  if (a === b || a === '' || b === '') return false;
  const arms = new Map(a.split('/').map((f) => f.split('.') as [string, string]));
  return b.split('/').some((f) => {
    const [id, arm] = f.split('.');
    const other = arms.get(id);
    return other !== undefined && other !== arm;
  });
}
