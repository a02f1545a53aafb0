// Apache httpd configuration read with positions and without stopping at errors: directives, nested
// sections and their arguments, as httpd's config reader (server/config.c, ap_build_config) sees them.
import { scanTemplate, TemplateScan } from '../../template/scan';
import { TemplateSyntax } from '../../template/syntax';
import { Span } from '../types';
import { LogicalLine, readLogicalLines, sourceSpan } from './lines';
import { ApacheWord, splitWords } from './words';

/** An argument; `unknown` when a template or a variable (`${VAR}`, `%{…}`) fills part of it in. */
export interface ApacheArg extends ApacheWord {
  readonly unknown: boolean;
}

interface ApacheItem {
  /** As written; httpd compares directive and section names case-insensitively. */
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly ApacheArg[];
  /** 0-based physical line it starts on. */
  readonly line: number;
  /** The template branch it is in ('' outside any), see template/scan.ts. */
  readonly branch: string;
  /** From its first character to the end of its line (a section: to the end of its closing tag). */
  readonly start: number;
  readonly end: number;
}

export interface ApacheDirective extends ApacheItem {
  readonly kind: 'directive';
}

export interface ApacheSection extends ApacheItem {
  readonly kind: 'section';
  readonly children: readonly ApacheNode[];
  /** The span of the opening tag `<Proxy balancer://ox>`. */
  readonly open: Span;
  /** The span of `</Proxy>`; undefined when the section is not closed. */
  readonly close?: Span;
}

export type ApacheNode = ApacheDirective | ApacheSection;

export interface ApacheProblem extends Span {
  readonly message: string;
}

export interface ApacheConfig {
  readonly nodes: readonly ApacheNode[];
  readonly problems: readonly ApacheProblem[];
  /** The template scan when the file is a template. */
  readonly template?: TemplateScan;
}

const VARIABLE = /\$\{[^}]*\}|%\{[^}]*\}/;

interface OpenSection {
  item: Omit<ApacheSection, 'children' | 'end' | 'close'>;
  children: ApacheNode[];
}

/** Reads an httpd configuration text; `syntax` when it is a template (`proxy_http.conf.j2`). */
export function parseApacheConfig(text: string, syntax?: TemplateSyntax): ApacheConfig {
  const template = syntax ? scanTemplate(text, syntax) : undefined;
  const source = template ? template.masked : text;
  const problems: ApacheProblem[] = [];
  const top: ApacheNode[] = [];
  const stack: OpenSection[] = [];
  const add = (node: ApacheNode) => (stack.length ? stack[stack.length - 1].children : top).push(node);
  const args = (words: ApacheWord[]): ApacheArg[] =>
    words.map((w) => ({
      text: w.text,
      start: w.start,
      end: w.end,
      quoted: w.quoted,
      // A word without a brace holds no variable: most words skip the pattern.
      unknown:
        (!!template && template.tagsIn(w.start, w.end).length > 0) || (w.text.includes('{') && VARIABLE.test(source.slice(w.start, w.end))),
    }));
  const closeTop = (close: Span | undefined, end: number) => {
    const open = stack.pop()!;
    add({ ...open.item, children: open.children, end, ...(close ? { close } : {}) });
  };

  for (const line of readLogicalLines(source)) {
    const from = line.text.search(/\S/);
    if (from < 0 || line.text[from] === '#') continue;
    const trimmedEnd = line.text.trimEnd().length;
    const branch = template?.branchAt(line.start) ?? '';
    if (line.text.startsWith('</', from)) {
      closeSection(line, from, trimmedEnd, stack, problems, closeTop);
      continue;
    }
    if (line.text[from] === '<') {
      const gt = line.text.lastIndexOf('>', trimmedEnd - 1);
      const inside = gt > from ? gt : trimmedEnd;
      const words = splitWords(line, from + 1, inside);
      const nameWord = words[0];
      if (!nameWord) {
        problems.push({ start: line.start, end: line.end, message: 'A section tag without a name.' });
        continue;
      }
      const name = nameWord.text;
      if (gt <= from) problems.push({ start: line.start, end: line.end, message: `The <${name} section tag is missing its closing ">".` });
      stack.push({
        item: {
          kind: 'section',
          name,
          nameSpan: { start: nameWord.start, end: nameWord.end },
          args: args(words.slice(1)),
          line: line.line,
          branch,
          start: line.start,
          open: { start: line.start, end: line.end },
        },
        children: [],
      });
      continue;
    }
    const words = splitWords(line, from, trimmedEnd);
    add({
      kind: 'directive',
      name: words[0].text,
      nameSpan: { start: words[0].start, end: words[0].end },
      args: args(words.slice(1)),
      line: line.line,
      branch,
      start: line.start,
      end: line.end,
    });
  }
  while (stack.length) {
    const open = stack[stack.length - 1].item;
    problems.push({ ...open.open, message: `<${open.name}> is not closed: httpd refuses the file.` });
    const children = stack[stack.length - 1].children;
    closeTop(undefined, children.length ? children[children.length - 1].end : open.open.end);
  }
  return { nodes: top, problems, ...(template ? { template } : {}) };
}

/** `</Name>`: closes the innermost section of that name (case-insensitive), reporting what does not match. */
function closeSection(
  line: LogicalLine,
  from: number,
  trimmedEnd: number,
  stack: OpenSection[],
  problems: ApacheProblem[],
  closeTop: (close: Span | undefined, end: number) => void,
): void {
  const gt = line.text.indexOf('>', from);
  const name = line.text.slice(from + 2, gt < 0 ? trimmedEnd : gt).trim();
  const span = sourceSpan(line, from, trimmedEnd);
  if (gt < 0) problems.push({ ...span, message: `The </${name} tag is missing its closing ">".` });
  const at = findLastIndex(stack, (s) => s.item.name.toLowerCase() === name.toLowerCase());
  if (at < 0) {
    problems.push({ ...span, message: `</${name}> closes no open <${name}> section.` });
    return;
  }
  if (at < stack.length - 1) {
    const inner = stack[stack.length - 1].item.name;
    problems.push({ ...span, message: `Expected </${inner}> before </${name}>: <${inner}> is not closed.` });
  }
  while (stack.length - 1 > at) {
    const children = stack[stack.length - 1].children;
    closeTop(undefined, children.length ? children[children.length - 1].end : stack[stack.length - 1].item.open.end);
  }
  closeTop(span, span.end);
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
  return -1;
}
