import { catalog } from './catalog';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { OxDocument } from '../../server/src/model/properties/propertiesDocument';
import { createLanguageService } from '../../server/src/languageService';
import { DEFAULT_SETTINGS, Settings } from '../../server/src/settings';

export { catalog };
export const service = createLanguageService({ catalog });

/** A document at `file:///cluster/node1/etc/<name>`; `|` in the text marks a cursor and is removed. */
export function doc(name: string, text: string): OxDocument {
  return service.parse(TextDocument.create(`file:///cluster/node1/etc/${name}`, 'ox-properties', 1, text));
}

export function cursor(name: string, textWithBar: string): { doc: OxDocument; position: { line: number; character: number } } {
  const offset = textWithBar.indexOf('|');
  const d = doc(name, textWithBar.slice(0, offset) + textWithBar.slice(offset + 1));
  return { doc: d, position: d.text.positionAt(offset) };
}

export interface Brief {
  code: string;
  line: number;
  from: number;
  to: number;
  severity: number;
  message: string;
}

/** Diagnostics as {code, 0-based line, columns, severity, message}, for exact comparisons. */
export function brief(diagnostics: Diagnostic[]): Brief[] {
  return diagnostics.map((d) => ({
    code: String(d.code),
    line: d.range.start.line,
    from: d.range.start.character,
    to: d.range.end.line === d.range.start.line ? d.range.end.character : -1,
    severity: d.severity ?? 0,
    message: d.message,
  }));
}

export function validate(d: OxDocument, settings: Settings = DEFAULT_SETTINGS): Diagnostic[] {
  return service.validate(d, settings);
}

/** Applies single-document text edits (as a client would) and returns the new text. */
export function applyEdits(text: string, edits: Array<{ range: Diagnostic['range']; newText: string }>): string {
  const d = TextDocument.create('file:///x', 'x', 1, text);
  return TextDocument.applyEdits(d, edits);
}
