// The variables of the Ansible roles that templates sit in, read through the host (template/ansibleVariables.ts parses them).
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Catalog } from '../catalog/catalog';
import { NodeFilesConfig } from '../model/effective';
import { OxCluster, OxNode } from '../model/node';
import { CrossRule } from '../rules/crossRule';
import { isOxDocument } from '../model/properties/propertiesDocument';
import { ConfigDocument } from '../model/document';
import { Setting, valueOrKeyRange } from '../model/setting';
import { Finding, Rule, RuleContext } from '../rules/rule';
import { Settings } from '../settings';
import { Rendering, renderedView, restingOn } from '../model/properties/ansibleRendering';
import { ROLE_VARIABLE_FILES, RoleVariables, roleOfVariableFile, roleRootOf, roleVariables } from '../template/ansibleVariables';
import { isSecretSetting } from '../values/secretKeys';
import { runCrossRules, severityOf, suppressions, toDiagnostic, watchReads } from './engine';
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

/**
 * The node findings a node template gets with its roles' variables rendered in: the node rules run again on
 * the rendered documents, and each finding the template as written does not get is information, says which
 * rendered values it rests on (those it points at, else every rendered value the rule read) and offers no fix.
 */
export function roleDefaultNodeDiagnostics(
  cluster: OxCluster,
  catalog: Catalog,
  varsOf: (uri: string) => RoleVariables | undefined,
  rules: readonly CrossRule[],
  settings: Settings,
  plain: ReadonlyMap<string, readonly Diagnostic[]>,
  onError: (rule: CrossRule, error: unknown) => void,
): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  if (!cluster.template) return out;
  const renderings = new Map<Setting, Rendering>();
  const docsByUri = new Map<string, ConfigDocument>();
  const nodes: OxNode[] = cluster.nodes.map((node) => ({
    ...node,
    docs: node.docs.map((doc) => {
      const vars = isJinjaTemplate(doc) ? varsOf(doc.uri) : undefined;
      const rendered = vars && isOxDocument(doc) ? renderedView(doc, vars) : undefined;
      for (const [setting, rendering] of rendered?.renderings ?? []) renderings.set(setting, rendering);
      docsByUri.set(doc.uri, rendered?.view ?? doc);
      return rendered?.view ?? doc;
    }),
  }));
  if (!renderings.size) return out;
  const rangeKey = (uri: string, d: Diagnostic) =>
    `${uri}|${String(d.code)}|${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
  const known = new Set([...plain].flatMap(([uri, list]) => list.map((d) => rangeKey(uri, d))));
  for (const rule of rules) {
    if (rule.scope !== 'node') continue;
    const read = new Set<Setting>();
    const effective = (n: OxNode) =>
      watchReads(new NodeFilesConfig(n, catalog), catalog, (got) => {
        for (const c of got.candidates) if (renderings.has(c.setting)) read.add(c.setting);
      });
    const found = runCrossRules({ cluster: { ...cluster, nodes }, catalog, effective }, [rule], settings, onError);
    for (const [uri, list] of found) {
      const doc = docsByUri.get(uri);
      for (const d of list) {
        if (!doc || known.has(rangeKey(uri, d))) continue;
        const start = doc.text.offsetAt(d.range.start);
        const pointed = [...read].filter((s) => s.range.start <= start && start <= s.range.end);
        const restsOn = pointed.length ? pointed : [...read];
        if (!restsOn.length) continue;
        const sources = [...new Map(restsOn.flatMap((s) => renderings.get(s)!.sources).map((x) => [x.written, x])).values()];
        const secret = restsOn.some((s) => isSecretSetting(s.key, s.value, s.known));
        const message = `${restingOn({ value: '', sources }, secret)}: ${d.message}`;
        const list = out.get(uri) ?? [];
        // Information at most, and no fix: the fix belongs in the role's variable file.
        const copy: Diagnostic = {
          ...d,
          message,
          severity: Math.max(d.severity ?? 0, DiagnosticSeverity.Information) as DiagnosticSeverity,
        };
        delete copy.data;
        list.push(copy);
        out.set(uri, list);
      }
    }
  }
  return out;
}
