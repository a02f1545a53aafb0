import { catalog } from './catalog';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { Catalog } from '../../server/src/catalog/catalog';
import { isOxDocument, OxDocument } from '../../server/src/model/properties/propertiesDocument';
import { createLanguageService, LanguageService } from '../../server/src/languageService';
import { DEFAULT_SETTINGS, Settings } from '../../server/src/settings';
import { memoryHost } from './memoryHost';

export { catalog };

/** A language service as the server runs one, over an empty in-memory disk; a rule that throws fails the test. */
export function newService(withCatalog: Catalog = catalog): LanguageService {
  return createLanguageService({
    catalog: withCatalog,
    host: memoryHost({}),
    onRuleError: (rule, error) => {
      throw new Error(`rule ${rule.id} failed: ${String(error)}`);
    },
  });
}

/** A document at `file:///cluster/node1/etc/<name>`, parsed as the service parses an opened one. */
export function doc(name: string, text: string): OxDocument {
  return openProperties(newService(), TextDocument.create(`file:///cluster/node1/etc/${name}`, 'ox-properties', 1, text));
}

/** Opens a `.properties` or `.ccf` document in a service; fails the test when it is read as anything else. */
export function openProperties(service: LanguageService, text: TextDocument): OxDocument {
  const opened = service.open(text);
  if (!opened || !isOxDocument(opened)) throw new Error(`${text.uri} was not read as a .properties file`);
  return opened;
}

export function cursor(name: string, textWithBar: string): { doc: OxDocument; position: { line: number; character: number } } {
  const offset = textWithBar.indexOf('|');
  const d = doc(name, textWithBar.slice(0, offset) + textWithBar.slice(offset + 1));
  return { doc: d, position: d.text.positionAt(offset) };
}

/** A fresh service with `d` open and analysed, as the server has it after `didOpen`: the only file of its workspace. */
export function opened(d: OxDocument, settings: Settings = DEFAULT_SETTINGS, withCatalog: Catalog = catalog): LanguageService {
  const service = newService(withCatalog);
  service.open(d.text);
  service.update([d.uri], settings);
  return service;
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

/** The diagnostics the server publishes for `d` opened alone: every rule, through the workspace analysis. */
export function validate(d: OxDocument, settings: Settings = DEFAULT_SETTINGS, withCatalog: Catalog = catalog): Diagnostic[] {
  return opened(d, settings, withCatalog).diagnostics(d.uri);
}
