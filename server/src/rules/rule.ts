import { DiagnosticTag } from 'vscode-languageserver-types';
import { Catalog } from '../catalog/catalog';
import { OxDocument } from '../document';
import { Workspace } from '../workspace/workspace';

export type Severity = 'hint' | 'information' | 'warning' | 'error';
export type SeverityName = Severity | 'off';

/** A text replacement; offsets are in `doc`, or in the document being checked when `doc` is unset. */
export interface EditSpec {
  doc?: OxDocument;
  /** A file that does not exist yet: it is created and `newText` becomes its content (offsets are 0). */
  createUri?: string;
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: EditSpec[];
  /** The fix an editor may apply on its own (fix-all, Ctrl+. default). */
  preferred?: boolean;
}

export interface RelatedSpec {
  doc?: OxDocument;
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
  doc: OxDocument;
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
