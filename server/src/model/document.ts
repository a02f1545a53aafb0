import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileKind } from '../catalog/fileKind';
import { KeyIndex } from '../util/keyIndex';
import { indexContaining } from '../util/search';
import { Span } from '../parser/types';
import { DocumentEditor } from './edits';
import { Setting } from './setting';

/** The languages the product reads; each has a reader into this model and an editor for its fixes. */
export type ConfigLanguage = 'ox-properties' | 'ox-ccf' | 'ox-helm-values' | 'ox-apache';

/** A problem of the source syntax (the file cannot be read as OX reads it at that place). */
export interface SyntaxProblem extends Span {
  code: string;
  message: string;
  /** The reader is not sure (YAML that may only look broken because template actions are masked). */
  uncertain?: boolean;
}

/** A comment of the source: where suppression directives are read from. */
export interface CommentRange extends Span {
  /** The comment's text after its marker. */
  text: string;
}

/** One configuration document of any format, as the rules see it. */
/** How a file's bytes became its text: disk reads are ISO-8859-1 (one byte, one character); an editor may decode UTF-8. */
export type TextDecoding = 'latin1' | 'utf8';

export interface ConfigDocument {
  readonly uri: string;
  readonly language: ConfigLanguage;
  /** The text with line and column positions. */
  readonly text: TextDocument;
  readonly kind: FileKind;
  /** Every setting in source order (a key set twice appears twice). */
  readonly settings: readonly Setting[];
  readonly syntaxProblems: readonly SyntaxProblem[];
  readonly comments: readonly CommentRange[];
  /** Too large to serve in full: only its syntax was checked (settings and comments are empty). */
  readonly large?: boolean;
  /** OX skips the whole file (a `.properties` file with a malformed `\uXXXX` escape): it adds nothing to the node. */
  readonly unreadable: boolean;
  /** Turns fix intents about this document into text edits in its format. */
  readonly editor: DocumentEditor;
  /** Per setting, hashOfKey of its canonical key, where the reader made them while scanning (large files). */
  readonly canonicalKeyHashes?: Int32Array;
}

const canonicalIndexes = new WeakMap<ConfigDocument, KeyIndex<Setting>>();

type SettingOf<D extends ConfigDocument> = D['settings'][number];

/** The last setting per canonical key (the one OX keeps), built once per document version. */
export function canonicalIndex<D extends ConfigDocument>(doc: D): KeyIndex<SettingOf<D>> {
  let index = canonicalIndexes.get(doc);
  if (!index) {
    const hashes = doc.canonicalKeyHashes;
    index = new KeyIndex<Setting>(doc.settings, (s) => s.canonicalKey, hashes && ((i) => hashes[i]));
    canonicalIndexes.set(doc, index);
  }
  return index as KeyIndex<SettingOf<D>>;
}

/** The setting of a key that counts (the last one). */
export function lastSetting<D extends ConfigDocument>(doc: D, canonicalKey: string): SettingOf<D> | undefined {
  return canonicalIndex(doc).get(canonicalKey);
}

/** Every setting of a canonical key in the document, in source order. */
export function settingsOf(doc: ConfigDocument, canonicalKey: string): Setting[] {
  return doc.settings.filter((s) => s.canonicalKey === canonicalKey);
}

/** The setting whose source contains an offset. */
export function settingAt<S extends Setting>(settings: readonly S[], offset: number): S | undefined {
  const at = indexContaining(
    settings.length,
    (i) => settings[i].range.start,
    (i) => settings[i].range.end,
    offset,
  );
  return at < 0 ? undefined : settings[at];
}

/** The span of line 1 of a document. */
export function firstLineRange(doc: ConfigDocument): Span {
  const text = doc.text.getText();
  const lf = text.search(/\r|\n/);
  return { start: 0, end: lf < 0 ? text.length : lf };
}

/** 1-based line number of an offset, for messages. */
export function lineNumber(doc: ConfigDocument, offset: number): number {
  return doc.text.positionAt(offset).line + 1;
}
