import type { ConfigDocument } from './document';
import type { Setting } from './setting';

/**
 * What a fix means to do, whatever the format: a per-format editor turns it into exact text edits. `doc` is
 * the document the intent changes.
 */
export type FixIntent =
  /** Give a setting a new (decoded) value. */
  | { kind: 'set-value'; doc: ConfigDocument; setting: Setting; value: string }
  /** Give a setting another key, keeping its value. */
  | { kind: 'rename-key'; doc: ConfigDocument; setting: Setting; key: string }
  /** Remove settings (with whatever the format needs removed with them). */
  | { kind: 'remove'; doc: ConfigDocument; settings: readonly Setting[] }
  /** Make `key` have `value` in the document: change the setting that counts, or add one (after `after`, else at the end). */
  | { kind: 'put'; doc: ConfigDocument; key: string; value: string; after?: Setting }
  /** Add an item to a comma-separated list value. */
  | { kind: 'append-item'; doc: ConfigDocument; setting: Setting; item: string }
  /** Move a setting to another document of the node, or to a new file. */
  | { kind: 'move'; doc: ConfigDocument; setting: Setting; to: ConfigDocument | { createUri: string } }
  /** Move a setting to another map of its own document, given as keys from its chart root (created when missing). */
  | { kind: 'move-within'; doc: ConfigDocument; setting: Setting; path: readonly string[] }
  /** Set a structured value (a chart key) at keys from the document's first chart root, adding what is missing. */
  | { kind: 'put-at'; doc: ConfigDocument; path: readonly string[]; value: string }
  /** Replace raw text: for rules about the format's own syntax (a byte-order mark, an escape). */
  | { kind: 'replace-text'; doc: ConfigDocument; start: number; end: number; text: string };

/** A text replacement in a document, or the content of a file that does not exist yet (offsets 0). */
export type TextEditSpec =
  | { doc: ConfigDocument; createUri?: undefined; start: number; end: number; newText: string }
  | { doc?: undefined; createUri: string; start: 0; end: 0; newText: string };

/** A format's editor: minimal text edits that carry out an intent on one of its documents. */
export interface DocumentEditor {
  edits(intent: FixIntent): TextEditSpec[];
}

/** The separator before an item appended to a list value, in the list's own style: ", " when it uses that, none after a trailing comma. */
export function listSeparator(value: string): string {
  return value === '' || value.endsWith(',') ? '' : value.includes(', ') ? ', ' : ',';
}
