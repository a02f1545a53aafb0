// A strict reader of well-formed XML (the map's SVG, and its HTML, which is written as XHTML-compatible
// markup): any syntax error throws with the offset. Enough for checking output, not a general parser:
// no DTD internal subsets, no processing instructions but the XML declaration.

export interface XmlElement {
  name: string;
  attributes: Map<string, string>;
  children: Array<XmlElement | string>;
}

const NAME = /[A-Za-z_:][\w:.-]*/y;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/y;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function parseXml(text: string): XmlElement {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${at}: ${JSON.stringify(text.slice(at, at + 40))}`);
  };
  const skipSpace = () => {
    while (at < text.length && /\s/.test(text[at])) at++;
  };
  const name = (): string => {
    NAME.lastIndex = at;
    const m = NAME.exec(text);
    if (!m) fail('a name expected');
    at += m![0].length;
    return m![0];
  };
  /** Character data up to `stop`, references decoded; a raw `<` or a bare `&` is an error. */
  const chars = (stop: RegExp): string => {
    let out = '';
    while (at < text.length && !stop.test(text[at])) {
      const c = text[at];
      if (c === '<') fail('a raw "<"');
      if (c === '&') {
        REFERENCE.lastIndex = at;
        const m = REFERENCE.exec(text);
        if (!m) fail('a bare "&"');
        out += m![1] ? NAMED[m![1]] : String.fromCodePoint(m![2] ? Number(m![2]) : parseInt(m![3], 16));
        at += m![0].length;
      } else {
        if (c === ']' && text.startsWith(']]>', at)) fail('"]]>" in text');
        out += c;
        at++;
      }
    }
    return out;
  };
  const comment = () => {
    const end = text.indexOf('-->', at + 4);
    if (end < 0) fail('an unclosed comment');
    if (text.slice(at + 4, end).includes('--')) fail('"--" in a comment');
    at = end + 3;
  };
  /** Comments and white space between markup outside the root. */
  const misc = () => {
    for (;;) {
      skipSpace();
      if (text.startsWith('<!--', at)) comment();
      else return;
    }
  };
  const element = (): XmlElement => {
    if (text[at] !== '<') fail('"<" expected');
    at++;
    const el: XmlElement = { name: name(), attributes: new Map(), children: [] };
    for (;;) {
      const before = at;
      skipSpace();
      if (text.startsWith('/>', at)) {
        at += 2;
        return el;
      }
      if (text[at] === '>') {
        at++;
        break;
      }
      if (at === before) fail('white space expected before an attribute');
      const key = name();
      if (el.attributes.has(key)) fail(`attribute ${key} twice`);
      skipSpace();
      if (text[at] !== '=') fail('"=" expected');
      at++;
      skipSpace();
      const quote = text[at];
      if (quote !== '"' && quote !== "'") fail('a quoted value expected');
      at++;
      el.attributes.set(key, chars(quote === '"' ? /"/ : /'/));
      if (text[at] !== quote) fail('an unclosed value');
      at++;
    }
    for (;;) {
      if (at >= text.length) fail(`<${el.name}> not closed`);
      if (text.startsWith('</', at)) {
        at += 2;
        const closing = name();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        skipSpace();
        if (text[at] !== '>') fail('">" expected');
        at++;
        return el;
      }
      if (text.startsWith('<!--', at)) comment();
      else if (text.startsWith('<![CDATA[', at)) {
        const end = text.indexOf(']]>', at);
        if (end < 0) fail('an unclosed CDATA section');
        el.children.push(text.slice(at + 9, end));
        at = end + 3;
      } else if (text[at] === '<') el.children.push(element());
      else el.children.push(chars(/</));
    }
  };

  if (text.startsWith('<?xml', at)) {
    const end = text.indexOf('?>', at);
    if (end < 0) fail('an unclosed XML declaration');
    at = end + 2;
  }
  misc();
  if (text.startsWith('<!DOCTYPE', at)) {
    const end = text.indexOf('>', at);
    if (end < 0 || text.slice(at, end).includes('[')) fail('a DOCTYPE other than <!DOCTYPE name ...>');
    at = end + 1;
  }
  misc();
  const root = element();
  misc();
  if (at < text.length) fail('content after the root element');
  return root;
}

/** Every element below (and with) `root`, in document order. */
export function elements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [root];
  for (const child of root.children) if (typeof child !== 'string') out.push(...elements(child));
  return out;
}

/** The text of an element and its descendants. */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
