import { DiagnosticTag } from 'vscode-languageserver-types';
import { Catalog } from '../catalog/catalog';
import { ConfigDocument } from '../model/document';
import { FixIntent } from '../model/edits';
import { Workspace } from '../model/workspace';

export type Severity = 'hint' | 'information' | 'warning' | 'error';
export type SeverityName = Severity | 'off';

/** A fix as the rule means it; the document's editor makes the text edits. */
export interface Fix {
  title: string;
  intents: FixIntent[];
  /** The fix an editor may apply on its own (fix-all, Ctrl+. default). */
  preferred?: boolean;
}

export interface RelatedSpec {
  /** The document it points into; the one checked when unset. */
  doc?: ConfigDocument;
  start: number;
  end: number;
  message: string;
}

export interface Finding {
  start: number;
  end: number;
  message: string;
  /** Overrides the rule's severity for this finding (e.g. an informational variant). */
  severity?: Severity;
  related?: RelatedSpec[];
  tags?: DiagnosticTag[];
  fixes?: Fix[];
}

export interface RuleContext {
  doc: ConfigDocument;
  catalog: Catalog;
  /** The other files of the workspace, when known: fixes may then edit or create them. */
  workspace?: Workspace;
}

/** One diagnostic rule: an id users can configure, a default severity, and a check with its fixes. */
export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One line for settings and docs. */
  summary: string;
  /** Its findings depend on the node's other files too, so an edit of one of them runs it again. */
  readsNode?: boolean;
  check(context: RuleContext): Finding[];
}
