// Random operations for the protocol fuzzer: documents taken from the corpus and the catalog, mutated byte-
// and line-wise, and sequences of editor requests over URIs that look like the files of OX nodes. The
// generator keeps its own copy of every document (updated exactly as the server updates it) so most
// positions and ranges it picks are meaningful; some are deliberately not.
import { catalog } from '../support/catalog';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { syntaxOfCatalogFile } from '../../server/src/catalog/catalog';
import { PropertyDef } from '../../server/src/catalog/types';
import { updateTextDocument } from '../../server/src/host/textDocuments';
import { CORPUS, oxFilesBelow } from '../support/corpus';
import { REPO_ROOT } from '../support/lspClient';
import { ContentChange, DiagnosticsChoice, LspRange, Op, Pos } from './ops';
import { Rng } from '../support/prng';

const NODES = ['node1', 'node2', 'node3'];
const NODE_FILES = [
  'hazelcast.properties',
  'hazelcast/sessions.properties',
  'hazelcast/distributed-map.properties',
  'cache.ccf',
  'cache.properties',
  'sessiond.properties',
  'server.properties',
  'cluster.properties',
  'mail-push.properties',
  'custom.properties',
];
/** URIs that are unusual but that an editor may well send. */
const ODD_URIS = [
  'file:///fuzz/node%201/etc/hazelcast.properties',
  'file:///fuzz/n%C3%B6de/etc/hazelcast/sessions.properties',
  'file:///fuzz/bad%E0%A4%A/etc/server.properties',
  'file:///fuzz/etc/hazelcast/hazelcast.properties',
  'file:///fuzz/node1/conf/cache.ccf',
  'file:///fuzz/node1/etc/hazelcast/deep/x.properties',
  'file:///fuzz/hazelcast.properties',
  'untitled:Untitled-1',
];

export const FUZZ_URIS: readonly string[] = [...NODES.flatMap((n) => NODE_FILES.map((f) => `file:///fuzz/${n}/etc/${f}`)), ...ODD_URIS];

function languageOf(uri: string): string {
  return uri.toLowerCase().endsWith('.ccf') ? 'ox-ccf' : 'ox-properties';
}

// ---------------------------------------------------------------------------------------------------------
// Seed material

interface Corpus {
  files: Array<{ name: string; text: string }>;
  /** Catalog definitions by syntax, and by the catalog file they belong to. */
  defs: { properties: PropertyDef[]; ccf: PropertyDef[] };
  defsByFile: Map<string, PropertyDef[]>;
}

let corpus: Corpus | undefined;

/** The stock OX files (../shared/corpus/ox-stock, when present) and examples/, and the built-in catalog. */
export function loadCorpus(): Corpus {
  if (corpus) return corpus;
  const roots = [path.join(CORPUS, 'ox-stock'), path.join(REPO_ROOT, 'examples')];
  const files = roots.flatMap(oxFilesBelow).map((f) => ({ name: path.basename(f), text: fs.readFileSync(f, 'latin1') }));
  const defs = { properties: [] as PropertyDef[], ccf: [] as PropertyDef[] };
  const defsByFile = new Map<string, PropertyDef[]>();
  for (const file of catalog.files) {
    defs[syntaxOfCatalogFile(file.file)].push(...file.properties);
    defsByFile.set(file.file, [...(defsByFile.get(file.file) ?? []), ...file.properties]);
  }
  return (corpus = { files, defs, defsByFile });
}

// ---------------------------------------------------------------------------------------------------------
// Text pieces

/** Characters that matter to the properties syntax, and some that may trip up offsets and encodings. */
const NASTY = [
  '\\',
  '\\',
  '\\',
  '=',
  ':',
  ' ',
  '\t',
  '\f',
  '\r',
  '\n',
  '\r\n',
  '#',
  '!',
  'u',
  '\\u',
  '\\u00',
  '\\u12',
  '\\uZZ',
  '\0',
  '\uD800',
  '\uDC00',
  '\uDBFF\uDFFF',
  '\u00e9',
  '\u00ff',
  '\u2028',
  '\ufeff',
  '\u{1F600}',
  'a',
  'Z',
  '0',
  '9',
  'F',
  '.',
  ',',
  '$',
  '{',
  '}',
  '"',
  "'",
  '%',
  '\x7f',
  '\x1b',
];

function nastyString(rng: Rng, maxLen: number): string {
  let s = '';
  const len = rng.small(maxLen);
  for (let i = 0; i < len; i++) s += rng.pick(NASTY);
  return s;
}

function identifier(rng: Rng): string {
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_';
  let s = '';
  const len = rng.range(1, 10);
  for (let i = 0; i < len; i++) s += rng.pick([...chars]);
  return s;
}

function typo(rng: Rng, key: string): string {
  if (!key) return 'x';
  const i = rng.int(key.length);
  switch (rng.int(4)) {
    case 0:
      return key.slice(0, i) + key.slice(i + 1);
    case 1:
      return key.slice(0, i) + key[i] + key.slice(i);
    case 2:
      return key.slice(0, i) + rng.pick([...'abcxyz.']) + key.slice(i + 1);
    default:
      return key.toUpperCase() === key ? key.toLowerCase() : key.toUpperCase();
  }
}

function keyOf(rng: Rng, def: PropertyDef): string {
  if (def.key !== undefined) return def.key;
  return (def.pattern ?? 'x').replace(/<[^>]+>/g, () => rng.pick(['sessions', 'default', identifier(rng), '', 'a.b']));
}

function valueFor(rng: Rng, def: PropertyDef): string {
  const candidates: string[] = [];
  if (def.default !== null) candidates.push(def.default);
  if (def.values) candidates.push(...def.values);
  if (def.special) candidates.push(...def.special);
  if (def.secretDefault) candidates.push(...def.secretDefault);
  if (def.min !== undefined) candidates.push(String(def.min), String(def.min - 1));
  if (def.max !== undefined) candidates.push(String(def.max), String(def.max + 1));
  candidates.push(
    '',
    'true',
    'false',
    'yes',
    'ja',
    '0',
    '-1',
    '99999999999999999999',
    '1W',
    '2W',
    '3D',
    '12h',
    '90s',
    '500ms',
    '1.5',
    '127.0.0.1',
    '10.0.0.1:5701,10.0.0.2:5701',
    'localhost',
    'eth0',
    '224.2.2.3',
    '54327',
    'static',
    'multicast',
    'dns',
    'kubernetes',
    'statik',
    'OX 1',
    'OX1',
    'changeit',
    'wtV6$VQk8#+3ds!a',
    'com.example.Foo',
    'http://x',
  );
  let value = rng.pick(candidates);
  if (rng.chance(0.15)) value = typo(rng, value);
  if (rng.chance(0.05)) value += nastyString(rng, 6);
  if (rng.chance(0.05)) value = ` ${value} `;
  return value;
}

const SEPARATORS = ['=', '=', '=', ' = ', ':', ' : ', ' ', '\t', '=\\\n  ', ' \\\n = ', '\f=', ''];
const COMMENTS = [
  '# a comment',
  '! bang comment',
  '#',
  '# ox-cluster-config-disable-next-line',
  '# ox-cluster-config-disable-next-line invalid-value, unknown-key',
  '# ox-cluster-config-disable duplicate-key',
  '#com.openexchange.hazelcast.enabled=false',
  '   # indented comment \\',
];

/** One line of a synthetic file (without its line break). */
function syntheticLine(rng: Rng, defs: PropertyDef[], earlier: string[]): string {
  const kind = rng.weighted<string>([
    [10, 'known'],
    [2, 'typo'],
    [2, 'comment'],
    [2, 'blank'],
    [1, 'duplicate'],
    [1, 'junk'],
    [1, 'escaped'],
  ]);
  if (kind === 'comment') return rng.pick(COMMENTS);
  if (kind === 'blank') return rng.pick(['', '   ', '\t', '\f']);
  if (kind === 'duplicate' && earlier.length) return rng.pick(earlier);
  if (kind === 'junk') return nastyString(rng, 40);
  const def = defs.length ? rng.pick(defs) : undefined;
  let key = def ? keyOf(rng, def) : identifier(rng);
  if (kind === 'typo') key = typo(rng, key);
  if (kind === 'escaped') key = key.replace(/[a-z]/, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const value = def ? valueFor(rng, def) : identifier(rng);
  const indent = rng.chance(0.05) ? rng.pick([' ', '\t', '  \f']) : '';
  return `${indent}${key}${rng.pick(SEPARATORS)}${value}`;
}

function eolStyle(rng: Rng): () => string {
  const style = rng.weighted<string>([
    [8, '\n'],
    [2, '\r\n'],
    [1, '\r'],
    [1, 'mixed'],
  ]);
  return style === 'mixed' ? () => rng.pick(['\n', '\r\n', '\r']) : () => style;
}

function syntheticText(rng: Rng, uri: string): string {
  const { defs, defsByFile } = loadCorpus();
  const syntax = uri.toLowerCase().endsWith('.ccf') ? 'ccf' : 'properties';
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  const isMap = /\/hazelcast\/[^/]+\.properties$/.test(uri);
  const own = isMap ? defsByFile.get('hazelcast/*.properties') : defsByFile.get(name);
  const pool = own && rng.chance(0.7) ? own : defs[syntax];
  const eol = eolStyle(rng);
  const lines: string[] = [];
  const count = rng.small(40);
  for (let i = 0; i < count; i++) lines.push(syntheticLine(rng, pool, lines));
  let text = '';
  for (const line of lines) text += line + eol();
  if (rng.chance(0.3) && text.length) text = text.slice(0, text.length - 1);
  return text;
}

// ---------------------------------------------------------------------------------------------------------
// Mutations

/** Splits a text into lines that keep their line breaks (CR, LF or CRLF). */
export function splitLines(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      out.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

function insertAt(rng: Rng, text: string, piece: string): string {
  const at = rng.int(text.length + 1);
  return text.slice(0, at) + piece + text.slice(at);
}

/** A size for the giant mutations: at full scale 1 MB lines and 100,000 continuation lines. */
export interface GiantScale {
  lineChars: number;
  continuationLines: number;
  keyChars: number;
}

export const FULL_SCALE: GiantScale = { lineChars: 1 << 20, continuationLines: 100_000, keyChars: 200_000 };

type Mutation = (rng: Rng, text: string, scale: GiantScale) => string;

const LINE_MUTATIONS: Array<readonly [number, Mutation]> = [
  [
    4,
    (rng, text) => {
      const lines = splitLines(text);
      if (!lines.length) return text;
      const at = rng.int(lines.length);
      lines.splice(at, rng.range(1, 3));
      return lines.join('');
    },
  ],
  [
    3,
    (rng, text) => {
      const lines = splitLines(text);
      if (!lines.length) return text;
      const at = rng.int(lines.length);
      lines.splice(at, 0, lines[at]);
      return lines.join('');
    },
  ],
  [
    3,
    (rng, text) => {
      const lines = splitLines(text);
      if (lines.length < 2) return text;
      const a = rng.int(lines.length);
      const b = rng.int(lines.length);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('');
    },
  ],
  [
    2,
    (rng, text) => {
      // Lines without their breaks get other breaks: CR only, CRLF, or none at the end.
      const target = rng.pick(['\r', '\r\n', '\n']);
      return text.replace(/\r\n|\r|\n/g, target);
    },
  ],
  [1, (rng, text) => text.slice(0, rng.int(text.length + 1))],
];

const BYTE_MUTATIONS: Array<readonly [number, Mutation]> = [
  [5, (rng, text) => insertAt(rng, text, nastyString(rng, 12))],
  [2, (rng, text) => insertAt(rng, text, '\0'.repeat(rng.range(1, 3)))],
  [2, (rng, text) => insertAt(rng, text, rng.pick(['\uD800', '\uDC00', '\uDBFF', '\uD800\uD800']))],
  // A \u escape cut short: by the end of a line, a continuation, a non-hex character or the end of the file.
  [
    3,
    (rng, text) => insertAt(rng, text, `\\u${'0041'.slice(0, rng.int(4))}${rng.pick(['', '\n', '\\\n', '\\\r\n  ', 'x', '\\', '=', ' '])}`),
  ],
  [1, (rng, text) => text + `\\u${'00e9'.slice(0, rng.int(4))}`],
  [2, (rng, text) => insertAt(rng, text, rng.pick(['\\\n', '\\\r\n', '\\\r', '\\\\\n', '\\\n\n', '\\']))],
  [
    2,
    (rng, text) => {
      if (!text.length) return text;
      const at = rng.int(text.length);
      return text.slice(0, at) + text.slice(at + rng.range(1, 8));
    },
  ],
  [1, (rng, text) => (rng.chance(0.5) ? '\ufeff' : '') + text + rng.pick(['\\', '\\\\', '\\\n', ' ', '='])],
];

const GIANT_MUTATIONS: Array<readonly [number, Mutation]> = [
  [1, (rng, text, s) => insertAt(rng, text, `com.openexchange.hazelcast.group.name=${'x'.repeat(s.lineChars)}\n`)],
  [1, (rng, text, s) => insertAt(rng, text, `${'y'.repeat(s.lineChars)}`)],
  [1, (rng, text, s) => insertAt(rng, text, `com.openexchange.hazelcast.network.join=\\\n${'  static\\\n'.repeat(s.continuationLines)}\n`)],
  [1, (rng, text, s) => `${'a\\\n'.repeat(s.continuationLines)}${text}`],
  [1, (rng, text, s) => insertAt(rng, text, `${'k'.repeat(s.keyChars)}=v\n`)],
  [1, (rng, text, s) => insertAt(rng, text, `com.openexchange.${'\\u0061'.repeat(s.keyChars / 6)}=1\n`)],
  [1, (rng, _text, s) => 'key=value\r'.repeat(s.continuationLines)],
  [1, (rng, text, s) => insertAt(rng, text, `${'\\\\'.repeat(s.keyChars / 2)}\\\n`)],
];

function mutate(rng: Rng, text: string, scale: GiantScale, giant: number): string {
  const count = rng.small(5);
  for (let i = 0; i < count; i++) {
    const m = rng.chance(0.4) ? rng.weighted(LINE_MUTATIONS) : rng.weighted(BYTE_MUTATIONS);
    text = m(rng, text, scale);
  }
  if (rng.chance(giant)) text = rng.weighted(GIANT_MUTATIONS)(rng, text, scale);
  return text;
}

// ---------------------------------------------------------------------------------------------------------
// Operations

export interface GeneratorOptions {
  /** Chance that a new document text gets a giant mutation (a 1 MB line, 100,000 continuation lines, ...). */
  giantChance?: number;
  /** Also open a giant document every this many operations, each giant mutation in turn. */
  giantEvery?: number;
  scale?: GiantScale;
}

interface Doc {
  doc: TextDocument;
  open: boolean;
}

const RULE_IDS = [
  'syntax',
  'unknown-key',
  'duplicate-key',
  'invalid-value',
  'misread-value',
  'wrong-file',
  'default-secret',
  'cluster-mismatch',
  'duplicate-across-files',
  'join-incomplete',
];

/** An endless, reproducible stream of operations for one seed. */
export class OpGenerator {
  private readonly docs = new Map<string, Doc>();
  private readonly versions = new Map<string, number>();
  private readonly giantChance: number;
  private readonly scale: GiantScale;
  private sinceSettle = 0;
  private count = 0;
  private readonly giantEvery: number;

  constructor(
    private readonly rng: Rng,
    options: GeneratorOptions = {},
  ) {
    this.giantChance = options.giantChance ?? 0.01;
    this.giantEvery = options.giantEvery ?? 0;
    this.scale = options.scale ?? FULL_SCALE;
  }

  /** A document with the next giant mutation, over a corpus or synthetic text. */
  private giant(): Op {
    const rng = this.rng;
    const uri = `file:///fuzz/${rng.pick(NODES)}/etc/${rng.pick(NODE_FILES)}`;
    const kind = Math.floor(this.count / this.giantEvery) % GIANT_MUTATIONS.length;
    const text = GIANT_MUTATIONS[kind][1](rng, syntheticText(rng, uri), this.scale);
    const version = this.nextVersion(uri);
    this.docs.set(uri, { doc: TextDocument.create(uri, languageOf(uri), version, text), open: true });
    return { op: 'open', uri, languageId: languageOf(uri), version, text };
  }

  private openUris(): string[] {
    return [...this.docs].filter(([, d]) => d.open).map(([uri]) => uri);
  }

  private nextVersion(uri: string): number {
    // Versions grow across close and open again, so a late publication is never mistaken for a newer one.
    const v = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, v);
    return v;
  }

  private newText(uri: string): string {
    const rng = this.rng;
    const { files } = loadCorpus();
    const source = rng.weighted<string>([
      [4, 'corpus'],
      [5, 'synthetic'],
      [1, 'random'],
      [1, 'empty'],
    ]);
    let text: string;
    if (source === 'corpus' && files.length) {
      const name = uri.slice(uri.lastIndexOf('/') + 1);
      const same = files.filter((f) => f.name === name);
      text = (same.length && rng.chance(0.7) ? rng.pick(same) : rng.pick(files)).text;
    } else if (source === 'random') {
      text = nastyString(rng, 300);
    } else if (source === 'empty') {
      text = rng.pick(['', '\n', '\r', '\\', '=', '\\u']);
    } else {
      text = syntheticText(rng, uri);
    }
    return mutate(rng, text, this.scale, this.giantChance);
  }

  /** A position: mostly inside the text, sometimes at its edges, sometimes far outside. */
  private position(doc: TextDocument): Pos {
    const rng = this.rng;
    const text = doc.getText();
    const kind = rng.weighted<string>([
      [85, 'inside'],
      [6, 'edge'],
      [5, 'beyond'],
      [2, 'negative'],
      [2, 'crlf'],
    ]);
    if (kind === 'inside') return doc.positionAt(rng.int(text.length + 1));
    if (kind === 'edge')
      return rng.pick([{ line: 0, character: 0 }, doc.positionAt(text.length), { line: doc.lineCount - 1, character: 0 }]);
    if (kind === 'beyond') {
      const line = rng.chance(0.5) ? doc.lineCount + rng.small(3) : rng.int(doc.lineCount);
      return { line, character: rng.pick([rng.range(0, 200), 100_000, 2 ** 31 - 1]) };
    }
    if (kind === 'negative') return { line: rng.pick([-1, 0, 1]), character: rng.pick([-1, -5, 0]) };
    // Between a CR and its LF.
    const at = text.indexOf('\r\n', rng.int(text.length));
    return at < 0
      ? doc.positionAt(rng.int(text.length + 1))
      : { line: doc.positionAt(at).line, character: doc.positionAt(at).character + 1 };
  }

  private range(doc: TextDocument): LspRange {
    const rng = this.rng;
    const kind = rng.weighted<string>([
      [80, 'ordered'],
      [8, 'reversed'],
      [8, 'wild'],
      [4, 'whole'],
    ]);
    if (kind === 'whole') return { start: { line: 0, character: 0 }, end: { line: doc.lineCount + rng.small(5), character: 0 } };
    if (kind === 'wild') return { start: this.position(doc), end: this.position(doc) };
    const len = doc.getText().length;
    const a = rng.int(len + 1);
    const b = Math.min(len, a + (rng.chance(0.5) ? rng.small(20) : rng.small(len)));
    const [s, e] = kind === 'reversed' ? [b, a] : [a, b];
    return { start: doc.positionAt(s), end: doc.positionAt(e) };
  }

  private changeText(): string {
    const rng = this.rng;
    const { defs } = loadCorpus();
    return rng.weighted<() => string>([
      [4, () => ''],
      [6, () => nastyString(rng, 8)],
      [4, () => identifier(rng)],
      [3, () => syntheticLine(rng, defs.properties, []) + rng.pick(['\n', '\r\n', '\r', ''])],
      [1, () => rng.pick(['\\\n', '\\u', '\\u00', '\n\n', '\r', '='])],
      [0.2, () => 'z'.repeat(rng.range(1000, 20000))],
    ])();
  }

  private change(uri: string, d: Doc): Op {
    const rng = this.rng;
    const changes: ContentChange[] = [];
    const count = rng.weighted<number>([
      [80, 1],
      [12, 2],
      [6, 3],
      [2, 0],
    ]);
    // Mirror every change at once, as the server does: later ranges refer to the text after earlier changes.
    for (let i = 0; i < count; i++) {
      const change: ContentChange = rng.chance(0.07)
        ? { text: rng.chance(0.5) ? this.newText(uri) : mutate(rng, d.doc.getText(), this.scale, this.giantChance / 2) }
        : { range: this.range(d.doc), text: this.changeText() };
      changes.push(change);
      d.doc = updateTextDocument(d.doc, [change], d.doc.version);
    }
    // An empty list is ignored by the server, version and all; so it is here.
    const version = changes.length ? this.nextVersion(uri) : d.doc.version + 1;
    if (changes.length) d.doc = updateTextDocument(d.doc, [], version);
    return { op: 'change', uri, version, changes };
  }

  next(): Op {
    const op = this.giantEvery && this.count % this.giantEvery === this.giantEvery >> 1 ? this.giant() : this.choose();
    this.count++;
    this.sinceSettle = op.op === 'settle' ? 0 : this.sinceSettle + 1;
    return op;
  }

  private choose(): Op {
    const rng = this.rng;
    const open = this.openUris();
    const big = open.filter((u) => this.docs.get(u)!.doc.getText().length > 200_000);
    const kind =
      open.length === 0
        ? 'open'
        : rng.weighted<string>([
            [open.length < 6 ? 8 : 2, 'open'],
            [30, 'change'],
            [big.length ? 12 : 3, 'close'],
            [8, 'completion'],
            [8, 'hover'],
            [10, 'codeAction'],
            [4, 'documentSymbol'],
            [4, 'foldingRange'],
            [4, 'inlayHint'],
            [4, 'definition'],
            [4, 'references'],
            [2, 'workspaceSymbol'],
            [this.sinceSettle > 30 ? 12 : 2, 'settle'],
            [0.3, 'configure'],
          ]);
    // Requests mostly go to open documents, sometimes to any URI (closed or never opened).
    const target = (): string =>
      rng.chance(0.97) && open.length ? rng.pick(big.length && rng.chance(0.3) ? big : open) : rng.pick(FUZZ_URIS);
    const docOf = (uri: string) => this.docs.get(uri)?.doc ?? TextDocument.create(uri, 'ox-properties', 0, '');
    switch (kind) {
      case 'open': {
        const uri = rng.chance(0.05) ? rng.pick(ODD_URIS) : rng.pick(FUZZ_URIS);
        const text = this.newText(uri);
        const version = this.nextVersion(uri);
        const languageId = rng.chance(0.95) ? languageOf(uri) : rng.pick(['properties', 'plaintext']);
        this.docs.set(uri, { doc: TextDocument.create(uri, languageId, version, text), open: true });
        return { op: 'open', uri, languageId, version, text };
      }
      case 'change': {
        const uri = target();
        const d = this.docs.get(uri);
        if (!d?.open) return { op: 'change', uri, version: 1, changes: [{ text: 'ignored=1' }] };
        return this.change(uri, d);
      }
      case 'close': {
        const uri = big.length && rng.chance(0.5) ? rng.pick(big) : target();
        const d = this.docs.get(uri);
        if (d) d.open = false;
        return { op: 'close', uri };
      }
      case 'codeAction': {
        const uri = target();
        const diagnostics = rng.weighted<DiagnosticsChoice>([
          [6, 'range'],
          [3, 'all'],
          [1, 'none'],
        ]);
        const only = rng.weighted<string[] | undefined>([
          [6, undefined],
          [2, ['quickfix']],
          [2, ['source.fixAll']],
          [1, ['source']],
        ]);
        const range =
          diagnostics === 'all'
            ? { start: { line: 0, character: 0 }, end: docOf(uri).positionAt(Number.MAX_SAFE_INTEGER) }
            : this.range(docOf(uri));
        return only ? { op: 'codeAction', uri, range, diagnostics, only } : { op: 'codeAction', uri, range, diagnostics };
      }
      case 'inlayHint': {
        const uri = target();
        return { op: 'inlayHint', uri, range: this.range(docOf(uri)) };
      }
      case 'documentSymbol':
      case 'foldingRange':
        return { op: kind, uri: target() };
      case 'workspaceSymbol':
        return { op: 'workspaceSymbol', query: rng.pick(['', 'hazelcast', 'group', 'JCS', 'x', '\\', '\uD800', identifier(rng)]) };
      case 'settle':
        return { op: 'settle' };
      case 'configure': {
        const rules: Record<string, string> = {};
        for (let i = rng.small(4); i > 0; i--)
          rules[rng.pick(RULE_IDS)] = rng.pick(['off', 'hint', 'information', 'warning', 'error', 'info', 'bogus']);
        return { op: 'configure', settings: { rules, inlayHints: { enabled: rng.chance(0.8) } } };
      }
      default: {
        const uri = target();
        return { op: kind as 'completion', uri, position: this.position(docOf(uri)) };
      }
    }
  }
}

/** `count` operations for a seed. */
export function generateOps(seed: number, count: number, options: GeneratorOptions = {}): Op[] {
  const generator = new OpGenerator(new Rng(seed), options);
  const ops: Op[] = [];
  for (let i = 0; i < count; i++) ops.push(generator.next());
  return ops;
}
