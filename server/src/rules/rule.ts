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

/** Where a rule looks: one file, the files of one node, or the nodes of a cluster. */
export type RuleScope = 'file' | 'node' | 'cluster';

/** What users see of a rule; server/src/rules/registry.ts lists them, and `npm run gen` writes settings, schema and docs tables from them. */
export interface RuleMeta {
  /** What users configure and suppress; its page is docs/rules/<id>.md. */
  id: string;
  scope: RuleScope;
  defaultSeverity: Severity;
  /** One line of plain text, the rule's only description: settings, schema, docs tables, --help, SARIF. */
  title: string;
  /** Some of its findings offer fixes. */
  fixable: boolean;
}

/** One diagnostic rule over one file: its metadata, and a check with its fixes. */
export interface Rule extends RuleMeta {
  scope: 'file';
  /** Its findings depend on the node's other files too, so an edit of one of them runs it again. */
  readsNode?: boolean;
  check(context: RuleContext): Finding[];
}
