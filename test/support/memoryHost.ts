import { parseWorkspaceConfig } from '../../server/src/config/configFile';
import { catalog } from './catalog';
import { applyEdits } from './edits';
import { Diagnostic } from 'vscode-languageserver-types';
import { FixData } from '../../server/src/analysis/engine';
import { CROSS_RULES, FILE_RULES } from '../../server/src/rules/registry';
import { DEFAULT_SETTINGS, Settings } from '../../server/src/settings';
import { DeclaredCluster } from '../../server/src/model/clusters';
import { DirEntry, WorkspaceHost } from '../../server/src/analysis/host';
import { loadFiles, parseFile } from '../../server/src/analysis/load';
import { WorkspaceAnalyzer } from '../../server/src/analysis/workspaceAnalyzer';
import { Workspace } from '../../server/src/model/workspace';
import { DeclaredRelease } from '../../server/src/model/helm/release';
import { createLanguageService, LanguageService } from '../../server/src/languageService';

/** The root every in-memory workspace lives under. */
export const ROOT = 'file:///ws';

/** Relative path (`cluster/node1/etc/hazelcast.properties`) -> file text. */
export type Files = Record<string, string>;

export { catalog };

export function uriOf(relativePath: string): string {
  return `${ROOT}/${relativePath.split('/').map(encodeURIComponent).join('/')}`;
}

export function relativeOf(uri: string): string {
  if (!uri.startsWith(`${ROOT}/`)) throw new Error(`${uri} is not below ${ROOT}`);
  return uri
    .slice(ROOT.length + 1)
    .split('/')
    .map(decodeURIComponent)
    .join('/');
}

/** A `WorkspaceHost` over a map of relative paths to texts; folders exist implicitly, and later changes to `files` show. */
export function memoryHost(files: Files): WorkspaceHost {
  return {
    async readDirectory(uri: string): Promise<DirEntry[]> {
      const prefix = uri === ROOT ? '' : `${relativeOf(uri)}/`;
      const entries = new Map<string, DirEntry['kind']>();
      for (const p of Object.keys(files)) {
        if (!p.startsWith(prefix)) continue;
        const rest = p.slice(prefix.length);
        const slash = rest.indexOf('/');
        if (slash < 0) entries.set(rest, 'file');
        else entries.set(rest.slice(0, slash), 'directory');
      }
      if (!entries.size && uri !== ROOT) throw new Error(`no folder ${uri}`);
      return [...entries].map(([name, kind]) => ({ name, kind }));
    },
    async readFile(uri: string): Promise<string> {
      const text = files[relativeOf(uri)];
      if (text === undefined) throw new Error(`no file ${uri}`);
      return text;
    },
    realPath: async (uri: string) => uri,
  };
}

export interface Analysis {
  /** Diagnostics of every file that has some, by relative path, in analyzer order. */
  byFile: Record<string, Diagnostic[]>;
  workspace: Workspace;
  analyzer: WorkspaceAnalyzer;
  settings: Settings;
}

/** Loads `files` through the host and the workspace model and runs every rule (single-file and cross-file). */
export async function analyze(
  files: Files,
  settings: Settings = DEFAULT_SETTINGS,
  declared: readonly DeclaredCluster[] = [],
  releases: readonly DeclaredRelease[] = [],
): Promise<Analysis> {
  const { docs, packageLists, messages } = await loadFiles(memoryHost(files), [ROOT], catalog);
  if (messages.length) throw new Error(messages.join('\n'));
  // A `.oxclusterconfig.json` among the files declares node versions and upgrade nodes, as in a real workspace.
  const config =
    files['.oxclusterconfig.json'] === undefined ? undefined : parseWorkspaceConfig(JSON.parse(files['.oxclusterconfig.json']), ROOT);
  const versions = config
    ? {
        nodes: config.nodeVersions ?? [],
        folders: config.oxVersion ? [{ ...config.oxVersion, root: ROOT }] : [],
        upgradeNodes: config.upgradeNodes ?? [],
      }
    : undefined;
  const balancers = (config?.balancers ?? []).map((b) => ({
    root: ROOT,
    pattern: b.file,
    cluster: b.cluster,
    ...(b.balancer !== undefined ? { balancer: b.balancer } : {}),
    source: `.oxclusterconfig.json: ${b.entry}`,
  }));
  const workspace = new Workspace(
    catalog,
    declared.map((d) => ({ root: ROOT, ...d })),
    releases,
    undefined,
    versions,
    balancers,
  );
  for (const doc of docs) workspace.set(doc);
  for (const list of packageLists) workspace.setPackageList(list);
  const analyzer = new WorkspaceAnalyzer(workspace, {
    catalog,
    singleFileRules: FILE_RULES,
    crossRules: CROSS_RULES,
    onRuleError: (rule, error) => {
      throw new Error(`rule ${rule.id} failed: ${String(error)}`);
    },
  });
  analyzer.analyzeAll(settings);
  return { byFile: collect(workspace, analyzer), workspace, analyzer, settings };
}

/** A language service over `files`, indexed and analysed as the server does it after start; a rule that throws fails. */
export async function serviceOver(
  files: Files,
  settings: Settings = DEFAULT_SETTINGS,
  declared: readonly DeclaredCluster[] = [],
  balancers: ReadonlyArray<{ pattern: string; cluster: string; balancer?: string }> = [],
): Promise<LanguageService> {
  const service = createLanguageService({
    catalog,
    host: memoryHost(files),
    onRuleError: (rule, error) => {
      throw new Error(`rule ${rule.id} failed: ${String(error)}`);
    },
  });
  const messages = await service.reconfigure({
    catalog,
    roots: [{ uri: ROOT, discover: {} }],
    clusters: declared.map((d) => ({ root: ROOT, ...d })),
    balancers: balancers.map((b, i) => ({ root: ROOT, source: `balancers[${i}]`, ...b })),
    maxFileSize: settings.maxFileSize ?? Infinity,
  });
  if (messages.length) throw new Error(messages.join('\n'));
  await service.analyzeAll(settings);
  return service;
}

/** Current diagnostics of every document with any, by relative path. */
export function collect(workspace: Workspace, analyzer: WorkspaceAnalyzer): Record<string, Diagnostic[]> {
  const out: Record<string, Diagnostic[]> = {};
  const uris = [...workspace.documents()].map((d) => d.uri).sort();
  for (const uri of uris) {
    const list = analyzer.diagnostics(uri);
    if (list.length) out[relativeOf(uri)] = list;
  }
  return out;
}

/** Replaces (or adds) one file of an analysed workspace and re-analyses it; returns the affected paths. */
export function change(analysis: Analysis, relativePath: string, text: string): string[] {
  const uri = uriOf(relativePath);
  const old = analysis.workspace.get(uri);
  analysis.workspace.set(parseFile(uri, text, catalog, (old?.text.version ?? 0) + 1)!);
  const affected = analysis.analyzer.update([uri], analysis.settings);
  analysis.byFile = collect(analysis.workspace, analysis.analyzer);
  return affected.map(relativeOf).sort();
}

export { fixesOf } from '../../server/src/analysis/engine';

/** Applies one fix (its edits may touch several files, or create one) and returns the new file set. */
export function applyFix(files: Files, fix: FixData): Files {
  const out: Files = { ...files };
  for (const uri of fix.create ?? []) {
    const path = relativeOf(uri);
    if (out[path] === undefined) out[path] = '';
  }
  const byPath = new Map<string, FixData['edits']>();
  for (const edit of fix.edits) {
    const path = relativeOf(edit.uri);
    byPath.set(path, [...(byPath.get(path) ?? []), edit]);
  }
  for (const [path, edits] of byPath) {
    const text = out[path];
    if (text === undefined) throw new Error(`fix edits ${path}, which does not exist`);
    out[path] = applyEdits(text, edits);
  }
  return out;
}

/** The paths whose text differs between two file sets. */
export function changedPaths(before: Files, after: Files): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((p) => before[p] !== after[p]).sort();
}

/** Each diagnostic of rule `code` in the `.properties` files of `files`, as `path:line:from-to severity message`. */
export function findingLines(service: LanguageService, files: Files, code: string): string[] {
  return Object.keys(files)
    .filter((f) => f.endsWith('.properties'))
    .flatMap((f) =>
      service
        .diagnostics(uriOf(f))
        .filter((d) => d.code === code)
        .map((d) => `${f}:${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.severity} ${d.message}`),
    );
}
