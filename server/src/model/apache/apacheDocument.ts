// The Apache reader: an httpd configuration in front of the nodes (`proxy_http.conf`, or a template of it)
// as a ConfigDocument. It has no OX settings; what the rules read of it are its balancers.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileKind } from '../../catalog/fileKind';
import { ApacheConfig, ApacheDirective, parseApacheConfig } from '../../parser/apache/apacheConfig';
import { templateSyntaxOf } from '../../template/syntax';
import { baseName } from '../../util/uris';
import { CommentRange, ConfigDocument, SyntaxProblem } from '../document';
import { DocumentEditor, FixIntent, TextEditSpec } from '../edits';
import { Balancer, findBalancers } from './balancers';

/** An Include line and the files of the workspace it names, in the order httpd reads them. */
export interface IncludedFiles {
  readonly directive: ApacheDirective;
  readonly files: readonly string[];
}

export interface ApacheDocument extends ConfigDocument {
  readonly language: 'ox-apache';
  readonly settings: readonly [];
  readonly config: ApacheConfig;
  /** The balancers of this file alone. */
  readonly balancers: readonly Balancer[];
  /** What its Include lines name in the workspace, as last resolved (none before that). */
  readonly includes: readonly IncludedFiles[];
}

/** httpd's configuration file endings, with the template suffixes configuration management adds. */
const CONF_FILE = /\.conf(\.(j2|jinja2?|erb|tmpl|tpl))?$/;
/** Folders that hold httpd configuration on Debian, Red Hat and SUSE hosts. */
const APACHE_FOLDERS = new Set(['apache', 'apache2', 'httpd']);

/**
 * Whether a path is an httpd configuration file the product reads without being told: `proxy_http.conf`
 * (OX's name for it, templates included) anywhere, or any `.conf` below an `apache2/`, `apache/` or
 * `httpd/` folder. Other `.conf` files are read only when the configuration's `include` names them.
 */
export function isApacheFileName(path: string): boolean {
  const parts = path.toLowerCase().split(/[\\/]/);
  const name = parts[parts.length - 1];
  if (!CONF_FILE.test(name)) return false;
  return name.startsWith('proxy_http.conf') || parts.slice(0, -1).some((p) => APACHE_FOLDERS.has(p));
}

/** Whether a file name has an httpd configuration ending (`.conf`, `.conf.j2` …), whatever its folder. */
export function hasConfEnding(path: string): boolean {
  return CONF_FILE.test(path.toLowerCase());
}

/** Edits httpd text: its fixes are raw replacements, since it has no OX settings. */
class ApacheEditor implements DocumentEditor {
  edits(intent: FixIntent): TextEditSpec[] {
    return intent.kind === 'replace-text' ? [{ doc: intent.doc, start: intent.start, end: intent.end, newText: intent.text }] : [];
  }
}

class HttpdDocument implements ApacheDocument {
  readonly language = 'ox-apache' as const;
  readonly settings = [] as const;
  readonly editor: DocumentEditor = new ApacheEditor();
  readonly unreadable = false;
  readonly kind: FileKind;
  readonly balancers: readonly Balancer[];
  readonly syntaxProblems: readonly SyntaxProblem[];

  constructor(
    readonly text: TextDocument,
    readonly config: ApacheConfig,
    readonly comments: readonly CommentRange[],
    /** Problems found beside the text (an Include whose files are missing), after the reader's own. */
    readonly outsideProblems: readonly SyntaxProblem[] = [],
    readonly includes: readonly IncludedFiles[] = [],
  ) {
    const name = baseName(text.uri);
    this.kind = { file: name, syntax: 'properties', isMapFile: false, name };
    this.balancers = findBalancers(config);
    this.syntaxProblems = [
      ...config.problems.map((p) => ({ start: p.start, end: p.end, code: 'apache-syntax', message: p.message })),
      ...outsideProblems,
    ];
  }

  get uri(): string {
    return this.text.uri;
  }
}

export function isApacheDocument(doc: ConfigDocument): doc is ApacheDocument {
  return doc instanceof HttpdDocument;
}

/** `#` starts a comment only as the first character of a line (after blanks), as httpd reads it. */
function commentsOf(text: string): CommentRange[] {
  const comments: CommentRange[] = [];
  const line = /^[ \t]*#(.*)$/gm;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    const start = m.index + m[0].indexOf('#');
    const body = m[1].replace(/\r$/, '');
    comments.push({ start, end: start + 1 + body.length, text: body });
  }
  return comments;
}

/**
 * The same document with the files its includes name in the workspace and their problems (replacing earlier
 * ones); itself when they did not change.
 */
export function withIncludes(doc: ApacheDocument, problems: readonly SyntaxProblem[], includes: readonly IncludedFiles[]): ApacheDocument {
  const httpd = doc as HttpdDocument;
  const same =
    JSON.stringify(httpd.outsideProblems) === JSON.stringify(problems) &&
    httpd.includes.length === includes.length &&
    httpd.includes.every((inc, i) => inc.directive === includes[i].directive && inc.files.join('\n') === includes[i].files.join('\n'));
  if (same) return doc;
  return new HttpdDocument(httpd.text, httpd.config, httpd.comments, problems, includes);
}

export function readApacheDocument(text: TextDocument): ApacheDocument {
  const source = text.getText();
  const config = parseApacheConfig(source, templateSyntaxOf(baseName(text.uri)));
  return new HttpdDocument(text, config, commentsOf(source));
}
