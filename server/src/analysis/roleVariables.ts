// The variables of the Ansible roles that templates sit in, read through the host (template/ansibleVariables.ts parses them).
import { Diagnostic } from 'vscode-languageserver-types';
import { isOxDocument } from '../model/properties/propertiesDocument';
import { ConfigDocument } from '../model/document';
import { Setting, valueOrKeyRange } from '../model/setting';
import { Finding, Rule, RuleContext } from '../rules/rule';
import { Settings } from '../settings';
import { Rendering, renderedView, restingOn } from '../model/properties/ansibleRendering';
import { ROLE_VARIABLE_FILES, RoleVariables, roleOfVariableFile, roleRootOf, roleVariables } from '../template/ansibleVariables';
import { isSecretSetting } from '../values/secretKeys';
import { severityOf, suppressions, toDiagnostic } from './engine';
import { WorkspaceHost } from './host';

/** Whether a document is a Jinja template, the one kind role variables render. */
export function isJinjaTemplate(doc: ConfigDocument): boolean {
  return isOxDocument(doc) && doc.template?.syntax === 'jinja';
}

/** Role variables per role folder, read once each; a folder with neither defaults/main.yml nor vars/main.yml has none. */
export class RoleVariableFiles {
  private readonly byRoot = new Map<string, RoleVariables | undefined>();

  constructor(private readonly host: WorkspaceHost) {}

  /** The variables of the role a template is in, when read. */
  of(templateUri: string): RoleVariables | undefined {
    const root = roleRootOf(templateUri);
    return root === undefined ? undefined : this.byRoot.get(root);
  }

  /** Reads the roles of the Jinja templates among `docs` not read yet; true when one of them has variables. */
  async read(docs: Iterable<ConfigDocument>): Promise<boolean> {
    let found = false;
    for (const doc of docs) {
      const root = isJinjaTemplate(doc) ? roleRootOf(doc.uri) : undefined;
      if (root === undefined || this.byRoot.has(root)) continue;
      const vars = await this.readRole(root);
      this.byRoot.set(root, vars);
      found ||= vars !== undefined;
    }
    return found;
  }

  /** The role whose variables a file event touched, read again; undefined when the file is none of a role read. */
  async reread(uri: string): Promise<string | undefined> {
    const root = roleOfVariableFile(uri);
    if (root === undefined || !this.byRoot.has(root)) return undefined;
    this.byRoot.set(root, await this.readRole(root));
    return root;
  }

  clear(): void {
    this.byRoot.clear();
  }

  private async readRole(root: string): Promise<RoleVariables | undefined> {
    const files: Array<{ file: string; text: string }> = [];
    for (const names of ROLE_VARIABLE_FILES) {
      for (const file of names) {
        try {
          files.push({ file, text: await this.host.readFile(`${root}/${file}`, 'utf8') });
          break;
        } catch {
          // Not there: the other ending, or no such file.
        }
      }
    }
    return files.length ? roleVariables(root, files) : undefined;
  }
}

/** The file rules whose findings judge a value: they run again on the values a role's variables render. */
const VALUE_RULES = new Set(['invalid-value', 'misread-value']);

/**
 * The value findings a Jinja template gets with its role's variables rendered in (see renderedView): each
 * is information whatever the rule's severity, says which default it rests on, and offers no fix (the fix
 * belongs in the role's variable file). Findings on values the template writes out are the plain run's.
 */
export function roleDefaultDiagnostics(
  context: RuleContext,
  vars: RoleVariables,
  rules: readonly Rule[],
  settings: Settings,
  onError: (rule: Rule, error: unknown) => void,
): Diagnostic[] {
  const { doc } = context;
  if (!isOxDocument(doc)) return [];
  const rendered = renderedView(doc, vars);
  if (!rendered) return [];
  const byRange = new Map<string, { setting: Setting; rendering: Rendering }>();
  for (const [setting, rendering] of rendered.renderings) {
    const range = valueOrKeyRange(setting);
    byRange.set(`${range.start}:${range.end}`, { setting, rendering });
  }
  const off = suppressions(doc);
  const out: Array<{ at: number; diagnostic: Diagnostic }> = [];
  for (const rule of rules) {
    if (!VALUE_RULES.has(rule.id) || !severityOf(rule, settings) || off.file.has(rule.id) || off.file.has('*')) continue;
    let findings: Finding[];
    try {
      findings = rule.check({ ...context, doc: rendered.view });
    } catch (error) {
      onError(rule, error);
      continue;
    }
    for (const finding of findings) {
      const on = byRange.get(`${finding.start}:${finding.end}`);
      const lineIds = off.lines.get(doc.text.positionAt(finding.start).line);
      if (!on || lineIds?.has(rule.id) || lineIds?.has('*')) continue;
      const secret = isSecretSetting(on.setting.key, on.setting.value, on.setting.known);
      const message = `${restingOn(on.rendering, secret)}: ${finding.message}`;
      out.push({
        at: finding.start,
        diagnostic: toDiagnostic(doc, rule, { start: finding.start, end: finding.end, message }, 'information'),
      });
    }
  }
  return out.sort((a, b) => a.at - b.at).map((d) => d.diagnostic);
}
