import {
  CodeAction,
  CodeActionContext,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Position,
  Range,
} from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Catalog } from './catalog/catalog';
import { ConfigDocument } from './model/document';
import { createOxDocument, isOxDocument, OxDocument } from './model/properties/propertiesDocument';
import { currentDiagnostics, FIX_ALL_KIND, fixAll, quickFixes } from './features/codeActions';
import { doComplete, resolveCompletion } from './features/completion';
import { runRules } from './analysis/engine';
import { foldingRanges } from './features/folding';
import { effectiveNote } from './features/effectiveHover';
import { doHover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { documentSymbols } from './features/symbols';
import { FILE_RULES } from './rules/registry';
import { Rule } from './rules/rule';
import { Settings } from './settings';
import { Workspace } from './model/workspace';

export interface LanguageService {
  parse(text: TextDocument): OxDocument;
  validate(doc: ConfigDocument, settings: Settings): Diagnostic[];
  complete(doc: ConfigDocument, position: Position): CompletionList;
  resolveCompletion(item: CompletionItem): CompletionItem;
  hover(doc: ConfigDocument, position: Position, workspace?: Workspace): Hover | null;
  /** `documentDiagnostics`: the document's current diagnostics; the fixes offered come from them. */
  codeActions(context: CodeActionContext, documentDiagnostics: readonly Diagnostic[]): CodeAction[];
  symbols(doc: ConfigDocument): DocumentSymbol[];
  folding(doc: ConfigDocument): FoldingRange[];
  inlayHints(doc: ConfigDocument, range: Range, settings: Settings): InlayHint[];
}

export interface LanguageServiceOptions {
  catalog: Catalog;
  rules?: readonly Rule[];
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (rule: Rule, error: unknown) => void;
}

/** The pure language service: parsed documents, catalog and settings in, LSP objects out. */
export function createLanguageService(options: LanguageServiceOptions): LanguageService {
  const { catalog } = options;
  const rules = options.rules ?? FILE_RULES;
  return {
    parse: (text) => createOxDocument(text, catalog),
    validate: (doc, settings) => runRules({ doc, catalog }, rules, settings, options.onRuleError),
    complete: (doc, position) =>
      doc.large || !isOxDocument(doc) ? { isIncomplete: false, items: [] } : doComplete(doc, catalog, position),
    resolveCompletion: (item) => resolveCompletion(item, catalog),
    hover: (doc, position, workspace) =>
      isOxDocument(doc) ? doHover(doc, position, workspace && ((key, secret) => effectiveNote(workspace, doc, key, secret))) : null,
    codeActions: (context, documentDiagnostics) => {
      const only = context.only;
      const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
      // Fixes come from the current analysis: the editor's diagnostics may be of an older version of the text.
      const actions = wants('quickfix') ? quickFixes(currentDiagnostics(context.diagnostics, documentDiagnostics)) : [];
      if (wants(FIX_ALL_KIND)) {
        const all = fixAll(documentDiagnostics);
        if (all) actions.push(all);
      }
      return actions;
    },
    // The editor features below know the .properties format; other formats bring their own.
    symbols: (doc) => (isOxDocument(doc) ? documentSymbols(doc) : []),
    folding: (doc) => (isOxDocument(doc) ? foldingRanges(doc) : []),
    inlayHints: (doc, range, settings) => (settings.inlayHints && isOxDocument(doc) ? inlayHints(doc, range) : []),
  };
}
