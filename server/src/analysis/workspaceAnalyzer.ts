import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Catalog } from '../catalog/catalog';
import { runCrossRules, runEachRule, SOURCE } from './engine';
import { ConfigDocument } from '../model/document';
import { CrossRule } from '../rules/crossRule';
import { Rule } from '../rules/rule';
import { Settings } from '../settings';
import { nodeFolderOf, OxCluster, OxNode } from '../model/node';
import { Workspace } from '../model/workspace';
import { formatOf } from '../model/readDocument';
import { RoleVariables } from '../template/ansibleVariables';
import { roleDefaultDiagnostics, roleDefaultNodeDiagnostics } from './roleVariables';

export interface AnalyzerOptions {
  catalog: Catalog;
  singleFileRules: readonly Rule[];
  crossRules: readonly CrossRule[];
  onRuleError?: (rule: { id: string }, error: unknown) => void;
  /** The variables of the Ansible role a template is in: value rules then also judge what they render. */
  roleVariables?: (uri: string) => RoleVariables | undefined;
}

/** The key of the results of the balancers of a workspace without classic nodes (no node URI looks like it). */
const WITHOUT_NODES = '#balancers-without-nodes';

/** A cluster's identity for its cached results: its nodes and the web server files in front of it. */
function clusterKey(cluster: OxCluster): string {
  const front = [...new Set((cluster.balancers ?? []).flatMap((b) => b.docs.map((d) => d.uri)))];
  return [...cluster.nodes.map((n) => n.uri), ...front].join('\n');
}

/**
 * Keeps the diagnostics of a whole workspace: single-file results per document and cross-file results per
 * cluster. After a change only the changed documents and the clusters they belong to are analysed again.
 */
export class WorkspaceAnalyzer {
  private readonly single = new Map<string, Diagnostic[]>();
  /** Per document: the version analysed and its diagnostics per single-file rule (in rule order). */
  private readonly byRule = new Map<string, { doc: ConfigDocument; settings: Settings; results: Diagnostic[][] }>();
  private readonly cross = new Map<string, Map<string, Diagnostic[]>>();

  constructor(
    private readonly workspace: Workspace,
    private readonly options: AnalyzerOptions,
  ) {}

  diagnostics(uri: string): Diagnostic[] {
    const result = [...(this.single.get(uri) ?? [])];
    for (const byUri of this.cross.values()) {
      const list = byUri.get(uri);
      if (list) result.push(...list);
    }
    return result;
  }

  /** Analyses everything again. Returns every URI that has or had diagnostics. */
  analyzeAll(settings: Settings): string[] {
    const previous = this.reset();
    const all = [...this.workspace.documents()].map((d) => d.uri);
    return [...new Set([...previous, ...this.update(all, settings)])];
  }

  /** Re-analyses after `changed` URIs were set or deleted; returns the URIs whose diagnostics may differ. */
  update(changed: readonly string[], settings: Settings): string[] {
    // Single-file rules read the other files of the node too (a fix that moves a line into one of them, the
    // node's effective values), so the node's other files are analysed again with the changed ones.
    const folders = new Set(changed.map(nodeFolderOf));
    const siblings = [...this.workspace.documents()].map((d) => d.uri).filter((uri) => folders.has(nodeFolderOf(uri)));
    // The values files of one release read each other (chart version, roles, feature definitions).
    for (const uri of changed) for (const doc of this.workspace.releaseOf(uri)?.docs ?? []) siblings.push(doc.uri);
    const documents = [...new Set([...changed, ...siblings])];
    // A file that is no OX file and never had diagnostics (the YAML of another chart) gets nothing published.
    const due = documents.filter((uri) => this.workspace.get(uri) || this.single.has(uri));
    this.analyzeDocuments(documents, settings);
    return [...new Set([...due, ...this.analyzeClusters(changed, settings)])];
  }

  /**
   * Single-file rules for the given documents (a large file gets its syntax checked only). A document that
   * did not change since its last analysis runs only the rules that read the node's other files.
   */
  analyzeDocuments(uris: readonly string[], settings: Settings): void {
    const { catalog, singleFileRules, onRuleError } = this.options;
    for (const uri of uris) {
      const doc = this.workspace.get(uri);
      if (!doc) {
        this.single.delete(uri);
        this.byRule.delete(uri);
        continue;
      }
      const limit = settings.maxFileSize ?? Infinity;
      const large = doc.text.getText().length > limit;
      const rules = large ? singleFileRules.filter((r) => r.id === 'syntax') : singleFileRules;
      const previous = this.byRule.get(uri);
      const unchanged = previous?.doc === doc && previous.settings === settings;
      const toRun = unchanged ? rules.filter((r) => r.readsNode) : rules;
      const fresh = runEachRule({ doc, catalog, workspace: this.workspace }, toRun, settings, onRuleError);
      const results = unchanged ? rules.map((r, i) => (r.readsNode ? fresh[toRun.indexOf(r)] : previous.results[i])) : fresh;
      this.byRule.set(uri, { doc, settings, results });
      const diagnostics = results.flat();
      const vars = large ? undefined : this.options.roleVariables?.(uri);
      if (vars)
        diagnostics.push(
          ...roleDefaultDiagnostics({ doc, catalog, workspace: this.workspace }, vars, rules, settings, onRuleError ?? (() => undefined)),
        );
      if (large) diagnostics.unshift(largeFileNotice(doc, limit));
      this.single.set(uri, diagnostics);
    }
  }

  /**
   * Cross-file rules for the clusters holding a changed document, and for clusters not analysed yet.
   * Returns the URIs of every document in those clusters, and of clusters that no longer exist.
   */
  analyzeClusters(changed: readonly string[], settings: Settings): string[] {
    const { catalog, crossRules, onRuleError } = this.options;
    const affected = new Set<string>();
    const changedFolders = new Set(changed.map(nodeFolderOf));
    const changedUris = new Set(changed);
    // An edited web server file may move a balancer to another cluster: every classic cluster is checked again.
    const webServerChanged = changed.some((uri) => this.workspace.get(uri)?.language === 'ox-apache' || formatOf(uri) === 'apache');
    const live = new Set<string>();
    const effective = (n: OxNode) => this.workspace.effective(n);
    for (const cluster of this.workspace.clusters()) {
      const key = clusterKey(cluster);
      live.add(key);
      const touched =
        !this.cross.has(key) ||
        (webServerChanged && !cluster.release) ||
        cluster.nodes.some((n) => changedFolders.has(n.uri) || (n.kubernetes && n.docs.some((d) => changedUris.has(d.uri))));
      if (!touched) continue;
      const found = runCrossRules({ cluster, catalog, effective }, crossRules, settings, onRuleError);
      const varsOf = this.options.roleVariables;
      if (cluster.template && varsOf) {
        const rendered = roleDefaultNodeDiagnostics(
          cluster,
          catalog,
          varsOf,
          crossRules,
          settings,
          found,
          onRuleError ?? (() => undefined),
        );
        for (const [uri, list] of rendered) found.set(uri, [...(found.get(uri) ?? []), ...list]);
      }
      this.cross.set(key, found);
      for (const node of cluster.nodes) for (const doc of node.docs) affected.add(doc.uri);
      for (const front of cluster.balancers ?? []) for (const doc of front.docs) affected.add(doc.uri);
    }
    // Without classic nodes, the balancers still get the findings that need no node.
    const alone = this.workspace.balancersWithoutNodes();
    if (alone.length) {
      const key = `${WITHOUT_NODES}\n${[...new Set(alone.flatMap((b) => b.docs.map((d) => d.uri)))].join('\n')}`;
      live.add(key);
      if (!this.cross.has(key) || webServerChanged) {
        const context = { cluster: { name: '', nodes: [] }, balancers: alone, catalog, effective };
        this.cross.set(
          key,
          runCrossRules(
            context,
            crossRules.filter((r) => r.withoutNodes),
            settings,
            onRuleError,
          ),
        );
        for (const front of alone) for (const doc of front.docs) affected.add(doc.uri);
      }
    }
    for (const [key, byUri] of this.cross) {
      if (live.has(key)) continue;
      for (const uri of byUri.keys()) affected.add(uri);
      this.cross.delete(key);
    }
    return [...affected];
  }

  /** Forgets the single-file results of documents whose context changed (their chart version), so all their rules run again. */
  forget(uris: readonly string[]): void {
    for (const uri of uris) this.byRule.delete(uri);
  }

  /** Forgets every result, so that the next analysis starts from scratch; returns the URIs that had any. */
  reset(): string[] {
    const previous = new Set([...this.single.keys(), ...[...this.cross.values()].flatMap((m) => [...m.keys()])]);
    this.single.clear();
    this.byRule.clear();
    this.cross.clear();
    return [...previous];
  }
}

function largeFileNotice(doc: ConfigDocument, limit: number): Diagnostic {
  const text = doc.text.getText();
  const end = doc.text.positionAt(Math.min(text.length, text.search(/\r|\n|$/)));
  return {
    range: { start: { line: 0, character: 0 }, end },
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message: `This file is larger than ${Math.round(limit / 1024 / 1024)} MB, so the editor checks its syntax only. Run "ox-cluster-config check" for the full analysis, or raise oxClusterConfig.maxFileSize.`,
  };
}
