// Seeded generator of .properties documents for the differential test against
// java.util.Properties.load (JDK 17). Every document is a string of code units 0x00–0xFF only, so
// it round-trips exactly through latin1 bytes (`Buffer.from(text, 'latin1')`).
//
// The documents stress every rule of Properties.load: comment markers after white space, the
// three separators and white space around them, LF/CRLF/CR, odd/even trailing backslashes,
// continuation lines inside key, separator and value (incl. inside a \uXXXX escape), every
// escape, backslashes at the end of the file, Latin-1 characters, duplicates, empty keys, and a
// small share of malformed \u escapes.
//
// Run directly (`node out/test/differential/generate.js DIR [COUNT] [SEED]`) to write the documents
// as DIR/dNNNNN.properties for manual inspection (and `java -cp CLASSES PropsDump DIR`).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Rng } from '../support/prng';

export const DEFAULT_SEED = 0x0c1a57e5;
export const DEFAULT_COUNT = 10_000;

const OX_KEYS = [
  'com.openexchange.hazelcast.network.join',
  'com.openexchange.hazelcast.network.join.static.nodes',
  'com.openexchange.hazelcast.network.join.multicast.group',
  'com.openexchange.hazelcast.network.interfaces',
  'com.openexchange.hazelcast.group.name',
  'com.openexchange.hazelcast.group.password',
  'com.openexchange.hazelcast.enabled',
  'com.openexchange.hazelcast.jmx',
  'com.openexchange.hazelcast.merge.firstRunDelay',
  'com.openexchange.sessiond.maxSession',
  'com.openexchange.sessiond.maxSessionPerUser',
  'com.openexchange.sessiond.sessionDefaultLifeTime',
  'com.openexchange.sessiond.sessionLongLifeTime',
  'com.openexchange.sessiond.remoteParameterNames',
  'com.openexchange.caching.jcs.enabled',
  'com.openexchange.caching.jcs.eventInvalidation',
  'com.openexchange.connector.networkListenerHost',
  'com.openexchange.connector.networkListenerPort',
  'jcs.default',
  'jcs.default.cacheattributes',
  'jcs.default.cacheattributes.MaxObjects',
  'jcs.region.OXFolderCache.cacheattributes.MaxObjects',
  'jcs.region.OXFolderCache.elementattributes.IsEternal',
  'serverName',
  'readProperty.1',
];

const OX_VALUES = [
  'static',
  'multicast',
  'aws',
  '10.0.0.1, 10.0.0.2, 10.0.0.3',
  '224.2.2.3',
  '127.0.0.1',
  'true',
  'false',
  '50000',
  '3600000',
  '1W',
  'ox-cluster-prod',
  'secret\\=with\\=equals',
  'org.apache.jcs.engine.memory.lru.LRUMemoryCache',
  'org.apache.jcs.engine.CompositeCacheAttributes',
  '${com.openexchange.hazelcast.group.name}',
  'C:\\\\ox\\\\data',
  'http\\://localhost\\:8009/ajax',
  'X-Forwarded-For, User-Agent',
  'Gr\u00fc\u00dfe aus K\u00f6ln',
  'caf\\u00e9',
  'line one\\nline two',
  '',
];

const LATIN1_SAMPLES = [0x80, 0x85, 0x9f, 0xa0, 0xa7, 0xb5, 0xbf, 0xc4, 0xd6, 0xdc, 0xdf, 0xe4, 0xe9, 0xf6, 0xfc, 0xff];

const WHITE = [' ', '\t', '\f'];

/** Escapes that decode without error. */
const GOOD_ESCAPES = [
  '\\t',
  '\\n',
  '\\r',
  '\\f',
  '\\\\',
  '\\=',
  '\\:',
  '\\#',
  '\\!',
  '\\ ',
  '\\q',
  '\\a',
  '\\b',
  '\\x',
  '\\"',
  '\\\t',
  '\\\f',
  '\\\u00e9',
  '\\\u00a0',
  '\\\u0000',
  '\\U',
  '\\u0041',
  '\\u00e9',
  '\\u00E9',
  '\\u00c4',
  '\\u20ac',
  '\\u20AC',
  '\\uFEFF',
  '\\ufeff',
  '\\uD83D',
  '\\ude00',
  '\\u000a',
  '\\u000D',
  '\\u003d',
  '\\u003A',
  '\\u0020',
  '\\u005c',
  '\\u0023',
  '\\u0000',
  '\\uAbCd',
];

const MALFORMED_ESCAPES = ['\\u12G4', '\\uXYZW', '\\u00 1', '\\u-001', '\\u0g00', '\\u 041', '\\u00\u00e9e'];

const SEPARATORS: readonly (readonly [number, string])[] = [
  [20, '='],
  [10, ' = '],
  [8, ':'],
  [5, ' : '],
  [6, ' '],
  [3, '\t'],
  [3, '\f'],
  [3, '   '],
  [2, '=='],
  [2, '=:'],
  [2, ':='],
  [2, '::'],
  [2, ' =\t= '],
  [2, '\f=\f'],
  [2, '\t:\t'],
  [1, ' \f\t '],
  [1, '= '],
  [1, ' ='],
];

class DocumentBuilder {
  private readonly parts: string[] = [];
  private readonly keys: string[] = [];
  private readonly eolStyle: 'lf' | 'crlf' | 'cr' | 'mixed';

  constructor(private readonly rng: Rng) {
    this.eolStyle = rng.weighted([
      [4, 'mixed'],
      [3, 'lf'],
      [2, 'crlf'],
      [1, 'cr'],
    ] as const);
  }

  eol(): string {
    const style = this.eolStyle === 'mixed' ? this.rng.pick(['lf', 'lf', 'crlf', 'cr'] as const) : this.eolStyle;
    return style === 'lf' ? '\n' : style === 'crlf' ? '\r\n' : '\r';
  }

  ws(max = 3): string {
    let s = '';
    const n = this.rng.int(max + 1);
    for (let i = 0; i < n; i++) s += this.rng.pick(WHITE);
    return s;
  }

  latin1(): string {
    return String.fromCharCode(this.rng.chance(0.5) ? this.rng.pick(LATIN1_SAMPLES) : this.rng.range(0x80, 0xff));
  }

  goodEscape(): string {
    return this.rng.pick(GOOD_ESCAPES);
  }

  /** A run of plain characters, optionally with unescaped specials (valid in a value). */
  word(allowSpecials: boolean): string {
    const rng = this.rng;
    let s = '';
    const n = rng.range(1, 8);
    for (let i = 0; i < n; i++) {
      const r = rng.int(20);
      if (r < 12) s += String.fromCharCode(rng.chance(0.7) ? rng.range(97, 122) : rng.range(65, 90));
      else if (r < 14) s += String.fromCharCode(rng.range(48, 57));
      else if (r < 15) s += rng.pick(['.', '-', '_', '/', '$', '{', '}']);
      else if (r < 16) s += this.latin1();
      else if (r < 17) s += rng.pick(['\u0000', '\u000b', '\u001b', '\u007f']);
      else if (allowSpecials) s += rng.pick(['=', ':', '#', '!', ' ', '\t', '\f', 'u', '\u00a0']);
      else s += rng.pick(['u', 'x', 'n']);
    }
    return s;
  }

  key(): string {
    const rng = this.rng;
    if (this.keys.length && rng.chance(0.15)) return rng.pick(this.keys);
    let k: string;
    const r = rng.int(10);
    if (r < 5) k = rng.pick(OX_KEYS);
    else if (r < 6) k = rng.pick(OX_KEYS) + this.goodEscape() + this.word(false);
    else {
      k = '';
      const n = rng.range(1, 4);
      for (let i = 0; i < n; i++) k += rng.chance(0.3) ? this.goodEscape() : this.word(false);
    }
    this.keys.push(k);
    return k;
  }

  value(): string {
    const rng = this.rng;
    if (rng.chance(0.4)) return rng.pick(OX_VALUES) + (rng.chance(0.15) ? this.ws(2) : '');
    let v = '';
    const n = rng.range(0, 5);
    for (let i = 0; i < n; i++) v += rng.chance(0.3) ? this.goodEscape() : this.word(true);
    if (rng.chance(0.15)) v += this.ws(2); // trailing white space is kept by Java
    return v;
  }

  separator(): string {
    return this.rng.weighted(SEPARATORS);
  }

  /** Inserts `\` + line end + optional indentation at a random position of `s` (inside [from, to]). */
  continueAt(s: string, from: number, to: number): string {
    const at = this.rng.range(from, Math.max(from, to));
    const follow = this.rng.weighted([
      [8, this.ws(4)],
      [1, ''],
    ]);
    return s.slice(0, at) + '\\' + this.eol() + follow + s.slice(at);
  }

  entryLine(): string {
    const rng = this.rng;
    const indent = rng.chance(0.25) ? this.ws(3) : '';
    const key = this.key();
    const sep = this.separator();
    const value = this.value();
    let line = indent + key + sep + value;
    if (rng.chance(0.3)) {
      // Continuation inside the key, the separator or the value (possibly several).
      const where = rng.int(3);
      const n = rng.chance(0.2) ? 2 : 1;
      for (let i = 0; i < n; i++) {
        const ks = indent.length;
        const ke = ks + key.length;
        if (where === 0) line = this.continueAt(line, ks + 1, ke);
        else if (where === 1) line = this.continueAt(line, ke, ke + sep.length);
        else line = this.continueAt(line, ke + sep.length, line.length);
      }
    }
    return line;
  }

  /** A line of random characters with a high share of the characters that matter. */
  fragment(): string {
    const rng = this.rng;
    let s = '';
    const n = rng.range(0, 24);
    for (let i = 0; i < n; i++) {
      const r = rng.int(30);
      if (r < 8) s += String.fromCharCode(rng.range(97, 122));
      else if (r < 11) s += rng.pick(WHITE);
      else if (r < 13) s += rng.pick(['=', ':']);
      else if (r < 14) s += rng.pick(['#', '!']);
      else if (r < 17) s += this.goodEscape();
      else if (r < 18) {
        // A lone backslash, unless it would form a \u escape with the next character.
        s += '\\';
        s += rng.pick(['a', 'z', '\\', '=', ' ', '#', '0']);
      } else if (r < 20) s += this.latin1();
      else if (r < 21) s += rng.pick(['\r', '\n', '\r\n']);
      else if (r < 22) s += rng.pick(['\u0000', '\u000b', '\u001c', '\u007f', '\u0085']);
      else if (r < 23) s += '\\' + this.eol() + this.ws(2);
      else s += String.fromCharCode(rng.range(48, 57));
    }
    return s;
  }

  comment(): string {
    const rng = this.rng;
    let text = rng.pick([
      ' Hazelcast cluster settings',
      ' default: static',
      '',
      ' key=value is commented out',
      'com.openexchange.hazelcast.network.join=multicast',
      ' a comment ends with a backslash \\',
      ' three backslashes \\\\\\',
      ' not an escape \\u12 here',
      ' caf\u00e9 \u00a7 \u00ff',
      '!#!#',
      '\t\f',
    ]);
    if (rng.chance(0.2)) text += this.fragment().replace(/[\r\n]/g, '');
    return (rng.chance(0.4) ? this.ws(3) : '') + rng.pick(['#', '!']) + text;
  }

  /** Lines joined with line ends; the last one gets no line end. */
  lines(...lines: string[]): string {
    let s = lines[0];
    for (let i = 1; i < lines.length; i++) s += this.eol() + lines[i];
    return s;
  }

  /** One or more natural lines (without the final line end). */
  piece(): string {
    const rng = this.rng;
    const kind = rng.weighted([
      [40, 'entry'],
      [8, 'comment'],
      [6, 'blank'],
      [8, 'fragment'],
      [4, 'keyOnly'],
      [4, 'emptyKey'],
      [3, 'backslashOnly'],
      [3, 'continuedThenBlank'],
      [3, 'continuedComment'],
      [3, 'trailingBackslashes'],
      [3, 'unicodeSplit'],
      [2, 'escapedSeparators'],
    ] as const);
    switch (kind) {
      case 'entry':
        return this.entryLine();
      case 'comment':
        return this.comment();
      case 'blank':
        return this.ws(4);
      case 'fragment':
        return this.fragment();
      case 'keyOnly':
        return (rng.chance(0.3) ? this.ws(2) : '') + this.key() + (rng.chance(0.3) ? this.ws(3) : '');
      case 'emptyKey':
        return this.ws(2) + rng.pick(['=', ':', '= ', ' : ', '==']) + this.value();
      case 'backslashOnly':
        // A line holding only a backslash, then a '#' line: the '#' line is still a comment.
        return this.lines(this.ws(2) + '\\', this.ws(2) + this.comment().trimStart(), this.entryLine());
      case 'continuedThenBlank':
        // A continuation followed by an empty (or white-space only) line ends the entry.
        return this.lines(this.key() + this.separator() + this.value() + '\\', rng.chance(0.5) ? '' : this.ws(3), this.entryLine());
      case 'continuedComment':
        // A '#' on a continued line is part of the value.
        return this.lines(this.key() + '=' + this.word(true) + '\\', this.ws(3) + '# not a comment', this.ws(1) + '!neither');
      case 'trailingBackslashes': {
        const count = rng.range(1, 6);
        return this.key() + this.separator() + this.word(true) + '\\'.repeat(count) + (rng.chance(0.3) ? this.ws(2) : '');
      }
      case 'unicodeSplit': {
        // A \uXXXX escape split by a continuation line.
        const esc = rng.pick(['\\u00e9', '\\u0041', '\\u20AC', '\\u003d', '\\u0020']);
        const at = rng.range(1, esc.length - 1);
        const k = rng.chance(0.5);
        const head = k ? 'key.' : this.key() + '=';
        return head + esc.slice(0, at) + '\\' + this.eol() + this.ws(3) + esc.slice(at) + (k ? '=v' : 'tail');
      }
      case 'escapedSeparators':
        return this.key() + rng.pick(['\\=', '\\:', '\\ ', '\\\t', '\\\f']) + this.word(false) + this.separator() + this.value();
    }
  }

  malformed(): string {
    const rng = this.rng;
    const kind = rng.int(5);
    if (kind === 0) return this.key() + '=' + this.word(false) + rng.pick(MALFORMED_ESCAPES) + this.word(false);
    if (kind === 1) return 'k' + rng.pick(MALFORMED_ESCAPES) + '=v';
    if (kind === 2) return this.key() + '=' + rng.pick(['\\u', '\\u1', '\\u12', '\\u123']); // short at line end
    if (kind === 3) return this.key() + rng.pick([' ', '=', ':']) + 'x\\u0' + '\\' + this.eol() + '  '; // split, then EOF
    return this.key() + '=\\u12' + this.ws(1) + '\\' + this.eol() + this.ws(1) + 'GG';
  }

  /** `long`: hundreds of pieces, so the text crosses the 8192-char buffer of Properties.LineReader. */
  build(long = false): string {
    const rng = this.rng;
    const n = long ? rng.range(300, 700) : rng.range(1, 14);
    for (let i = 0; i < n; i++) this.parts.push(this.piece());
    const malformed = rng.chance(0.03);
    if (malformed) {
      const at = rng.int(this.parts.length + 1);
      const bad = this.malformed();
      if (at === this.parts.length) {
        // At the very end of the file, sometimes without a line end.
        this.parts.push(bad);
      } else {
        this.parts.splice(at, 0, bad);
      }
    }
    let text = this.parts[0];
    for (let i = 1; i < this.parts.length; i++) text += this.eol() + this.parts[i];
    // How the file ends.
    const ending = rng.weighted([
      [5, 'eol'],
      [3, 'none'],
      [1, 'backslashes'],
      [1, 'backslashEol'],
      [1, 'blankLines'],
    ] as const);
    if (ending === 'eol') text += this.eol();
    else if (ending === 'backslashes') text += '\\'.repeat(rng.range(1, 4));
    else if (ending === 'backslashEol') text += '\\'.repeat(rng.range(1, 3)) + this.eol();
    else if (ending === 'blankLines') text += this.eol() + this.ws(2) + this.eol() + this.eol();
    if (!malformed && rng.chance(0.005)) text += rng.pick(['\\u', '\\u00', '\\uFF']); // at EOF: \u is short
    return text;
  }
}

export function documentFileName(index: number): string {
  return `d${String(index).padStart(5, '0')}.properties`;
}

/** Deterministic: the same (count, seed) gives the same documents. */
export function generateDocuments(count = DEFAULT_COUNT, seed = DEFAULT_SEED): string[] {
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    // One generator per document so that a failing document can be reproduced from its index.
    const rng = new Rng((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
    docs.push(new DocumentBuilder(rng).build(i % 500 === 250));
  }
  // Fixed corner cases replace the first documents so that they are always covered.
  const fixed = [
    '',
    '\\',
    '\\\\',
    '\\\\\\',
    'k=v\\',
    'k=v\\\\',
    '\\\n#comment\nkey=value',
    '\\\r\n  # still a comment\r\nkey value\r\n',
    '   \\\r\r\nafter=blank',
    'key\\\n\nnext=1',
    'a\\\r\n   b\\\r   c\\\n   d',
    'k=\\u00\\\n   e9',
    'k\\\n  ey\\\n  =\\\n  value',
    ' \t\f# comment\n\f!bang\nkey\f\fvalue',
    'key:=v\nkey=:v\nkey==v\nkey::v\nkey = = v\nkey\t:\tv',
    '=\n:\n \n=v\n:v',
    'k=\\u',
    'k=\\u12',
    'k=\\\n\\u12',
    'k\\u004=1',
    'caf\u00e9=\u00ff\u0080\u00a0\n\u00e9\u00e9',
    'dup=1\ndup=2\ndup\\\n=3\n',
    'k=v\\\n',
    'k=v\\\\\n',
    '#c\\\nk=v',
  ];
  for (let i = 0; i < fixed.length && i < docs.length; i++) docs[i] = fixed[i];
  return docs;
}

// Without arguments (e.g. picked up by `node --test out/test/`) it does nothing.
if (require.main === module && process.argv[2]) {
  const dir = process.argv[2];
  const count = process.argv[3] ? Number(process.argv[3]) : DEFAULT_COUNT;
  const seed = process.argv[4] ? Number(process.argv[4]) : DEFAULT_SEED;
  fs.mkdirSync(dir, { recursive: true });
  generateDocuments(count, seed).forEach((text, i) => {
    fs.writeFileSync(path.join(dir, documentFileName(i)), Buffer.from(text, 'latin1'));
  });
}

/** UTF-8 byte sequences, well-formed and not, as one character per byte: what the UTF-8 reading meets. */
const UTF8_PIECES = [
  '\u00c3\u00a4', // ä
  '\u00e2\u0082\u00ac', // €
  '\u00f0\u009f\u0098\u0080', // U+1F600, a surrogate pair in Java
  '\u00ef\u00bb\u00bf', // the byte-order mark's bytes
  '\u00ef\u00bf\u00bf', // U+FFFF
  '\u00ed\u00a0\u0080', // an encoded surrogate: malformed
  '\u00c3', // cut short
  '\u00e2\u0082', // cut short
  '\u00f0\u009f\u0098', // cut short
  '\u00c0\u0080', // overlong
  '\u00e0\u0080\u0080', // overlong
  '\u00f4\u0090\u0080\u0080', // beyond U+10FFFF
  '\u0080', // a lone continuation byte
  '\u00fc', // ISO-8859-1 ü, as a file carried over from OX 7.x holds it
];

/**
 * The generated documents with UTF-8 byte sequences put in at random places (also inside escapes and
 * before line breaks), for the reading of OX 8; still one character per byte.
 */
export function generateUtf8Documents(count = DEFAULT_COUNT, seed = DEFAULT_SEED): string[] {
  return generateDocuments(count, seed).map((doc, i) => {
    const rng = new Rng((seed ^ Math.imul(i + 7, 0x85ebca6b)) >>> 0);
    let out = '';
    let from = 0;
    for (let n = rng.int(6); n > 0 && from < doc.length; n--) {
      const at = from + rng.int(doc.length - from + 1);
      out += doc.slice(from, at) + rng.pick(UTF8_PIECES);
      from = at;
    }
    return out + doc.slice(from);
  });
}
