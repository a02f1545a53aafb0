import { Diagnostic } from 'vscode-languageserver-types';
import { Catalog } from '../catalog/catalog';
import { runCrossRules, runRules } from '../features/diagnostics';
import { CrossRule } from '../rules/crossRule';
import { Rule } from '../rules/rule';
import { Settings } from '../settings';
import { nodeFolderOf, OxCluster } from './model';
import { Workspace } from './workspace';

export interface AnalyzerOptions {
  catalog: Catalog;
  singleFileRules: readonly Rule[];
  crossRules: readonly CrossRule[];
  onRuleError?: (rule: { id: string }, error: unknown) => void;
}

function clusterKey(cluster: OxCluster): string {
  return cluster.nodes.map((n) => n.uri).join('\n');
}

/**
 * Keeps the diagnostics of a whole workspace: single-file results per document and cross-file results per
 * cluster. After a change only the changed documents and the clusters they belong to are analysed again.
 */
export class WorkspaceAnalyzer {
  private readonly single = new Map<string, Diagnostic[]>();
  private readonly cross = new Map<string, Map<string, Diagnostic[]>>();

  constructor(private readonly workspace: Workspace, private readonly options: AnalyzerOptions) {}

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
    const previous = new Set([...this.single.keys(), ...[...this.cross.values()].flatMap((m) => [...m.keys()])]);
    this.single.clear();
    this.cross.clear();
    const all = [...this.workspace.documents()].map((d) => d.uri);
    return [...new Set([...previous, ...this.update(all, settings)])];
  }

  /** Re-analyses after `changed` URIs were set or deleted; returns the URIs whose diagnostics may differ. */
  update(changed: readonly string[], settings: Settings): string[] {
    const { catalog, singleFileRules, crossRules, onRuleError } = this.options;
    const affected = new Set<string>(changed);
    for (const uri of changed) {
      const doc = this.workspace.get(uri);
      if (doc) this.single.set(uri, runRules({ doc, catalog, workspace: this.workspace }, singleFileRules, settings, onRuleError));
      else this.single.delete(uri);
    }
    const changedFolders = new Set(changed.map(nodeFolderOf));
    const live = new Set<string>();
    for (const cluster of this.workspace.clusters()) {
      const key = clusterKey(cluster);
      live.add(key);
      const touched = !this.cross.has(key) || cluster.nodes.some((n) => changedFolders.has(n.uri));
      if (!touched) continue;
      const context = { cluster, catalog, effective: (n: Parameters<Workspace['effective']>[0]) => this.workspace.effective(n) };
      this.cross.set(key, runCrossRules(context, crossRules, settings, onRuleError));
      for (const node of cluster.nodes) for (const doc of node.docs) affected.add(doc.uri);
    }
    for (const [key, byUri] of this.cross) {
      if (live.has(key)) continue;
      for (const uri of byUri.keys()) affected.add(uri);
      this.cross.delete(key);
    }
    return [...affected];
  }
}
