import { SeverityName } from '../rules/rule';
import { normalizeSettings } from '../settings';
import { DeclaredCluster } from '../model/clusters';
import { DeclaredUpgradeNode, DeclaredVersion } from '../model/packages/nodeVersion';
import { parseOxVersion } from '../util/versions';
import { joinUri } from '../util/uris';
import { isPackageListName } from '../analysis/discover';

export const CONFIG_FILE_NAME = '.oxclusterconfig.json';

/** A Helm release as written in the file: values file paths relative to the file's folder, in `helm -f` order. */
export interface ConfigRelease {
  name: string;
  chartVersion?: string;
  values: string[];
}

/** A chart version as Helm requires it: SemVer 2 (`6.20.2`, `6.20.2-rc.1`). */
export const CHART_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** `.oxclusterconfig.json`: shared by the editor and the CLI so both check the same way. */
export interface WorkspaceConfig {
  rules: Record<string, SeverityName>;
  clusters: DeclaredCluster[];
  releases: ConfigRelease[];
  catalogs: string[];
  include: string[];
  exclude: string[];
  /** The top-level `oxVersion`: for every node below the file's folder. */
  oxVersion?: DeclaredVersion;
  /** `nodes`: OX versions per node path or glob, in the file's order. */
  nodeVersions?: Array<DeclaredVersion & { root: string; pattern: string }>;
  /** `nodes[…].upgradeNode: true`: the nodes declared as the upgrade node of a rolling upgrade. */
  upgradeNodes?: DeclaredUpgradeNode[];
  /** `packageList`: the file name of a node's package list. */
  packageList?: string;
  /** `balancers`: web server files (paths or globs relative to the file's folder) and the cluster they are in front of. */
  balancers?: ConfigBalancer[];
}

/** A `balancers` entry as written; `balancer` is the name as httpd looks it up (lower case, no `balancer://`). */
export interface ConfigBalancer {
  file: string;
  cluster: string;
  balancer?: string;
  /** `balancers[0]`, for messages. */
  entry: string;
}

export const EMPTY_CONFIG: WorkspaceConfig = { rules: {}, clusters: [], releases: [], catalogs: [], include: [], exclude: [] };

function strings(value: unknown, field: string, problems: string[]): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  problems.push(`"${field}" must be a list of strings; ignored.`);
  return [];
}

/** Reads a parsed `.oxclusterconfig.json`; what is wrong is reported and left out, never fatal. */
export function parseWorkspaceConfig(data: unknown, rootUri: string, problems: string[] = []): WorkspaceConfig {
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    problems.push(`${CONFIG_FILE_NAME} must hold a JSON object; ignored.`);
    return EMPTY_CONFIG;
  }
  const raw = data as Record<string, unknown>;
  const known = new Set([
    '$schema',
    'rules',
    'clusters',
    'releases',
    'catalogs',
    'include',
    'exclude',
    'oxVersion',
    'nodes',
    'packageList',
    'balancers',
  ]);
  for (const key of Object.keys(raw)) if (!known.has(key)) problems.push(`Unknown setting "${key}" in ${CONFIG_FILE_NAME}; ignored.`);
  const file = joinUri(rootUri, CONFIG_FILE_NAME);
  const version = (value: unknown, field: string) => declaredVersion(value, field, file, problems);
  const clusters: DeclaredCluster[] = [];
  if (raw.clusters !== undefined) {
    if (!Array.isArray(raw.clusters)) problems.push('"clusters" must be a list; ignored.');
    else {
      raw.clusters.forEach((c, i) => {
        const cluster = c as { name?: unknown; nodes?: unknown; oxVersion?: unknown };
        if (typeof cluster?.name !== 'string' || !Array.isArray(cluster.nodes) || !cluster.nodes.every((n) => typeof n === 'string')) {
          problems.push(`clusters[${i}] needs a "name" and a list of "nodes"; ignored.`);
          return;
        }
        const oxVersion = version(cluster.oxVersion, `clusters[${i}].oxVersion`);
        clusters.push({ name: cluster.name, nodes: cluster.nodes as string[], root: rootUri, ...(oxVersion ? { oxVersion } : {}) });
      });
    }
  }
  const config: WorkspaceConfig = {
    rules: normalizeSettings({ rules: raw.rules }, problems).rules,
    clusters,
    releases: parseReleases(raw.releases, problems),
    catalogs: strings(raw.catalogs, 'catalogs', problems),
    include: strings(raw.include, 'include', problems),
    exclude: strings(raw.exclude, 'exclude', problems),
  };
  const oxVersion = version(raw.oxVersion, 'oxVersion');
  if (oxVersion) config.oxVersion = oxVersion;
  const upgradeNodes: DeclaredUpgradeNode[] = [];
  const nodeVersions = parseNodes(raw.nodes, rootUri, version, problems, (pattern, detail) =>
    upgradeNodes.push({ root: rootUri, pattern, file, detail }),
  );
  if (nodeVersions.length) config.nodeVersions = nodeVersions;
  if (upgradeNodes.length) config.upgradeNodes = upgradeNodes;
  if (raw.packageList !== undefined) {
    if (typeof raw.packageList === 'string' && isPackageListName(raw.packageList)) config.packageList = raw.packageList;
    else problems.push(`"packageList" must be a file name such as "packages.txt" (no folder, no glob characters); ignored.`);
  }
  const balancers = parseBalancers(raw.balancers, problems);
  if (balancers.length) config.balancers = balancers;
  return config;
}

/** `balancers`: a list of {file, cluster, balancer?}; a wrong entry is reported and left out. */
function parseBalancers(value: unknown, problems: string[]): ConfigBalancer[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push('"balancers" must be a list such as [{"file": "lb/proxy_http.conf", "cluster": "prod"}]; ignored.');
    return [];
  }
  const out: ConfigBalancer[] = [];
  value.forEach((b, i) => {
    const entry = `balancers[${i}]`;
    const raw = b as { file?: unknown; cluster?: unknown; balancer?: unknown } | null;
    if (
      !raw ||
      typeof raw !== 'object' ||
      typeof raw.file !== 'string' ||
      !raw.file.trim() ||
      typeof raw.cluster !== 'string' ||
      !raw.cluster
    ) {
      problems.push(`${entry} needs a "file" (a path or glob) and a "cluster" name; ignored.`);
      return;
    }
    for (const key of Object.keys(raw)) {
      if (key !== 'file' && key !== 'cluster' && key !== 'balancer') problems.push(`Unknown setting "${key}" in ${entry}; ignored.`);
    }
    let balancer: string | undefined;
    if (raw.balancer !== undefined) {
      const name = typeof raw.balancer === 'string' ? raw.balancer.replace(/^balancer:\/\//i, '') : '';
      if (!name || name.includes('/')) {
        problems.push(`${entry}.balancer must be a balancer name such as "oxcluster" or "balancer://oxcluster"; ignored.`);
        return;
      }
      balancer = name.toLowerCase();
    }
    out.push({ file: raw.file, cluster: raw.cluster, ...(balancer !== undefined ? { balancer } : {}), entry });
  });
  return out;
}

/** A version setting: undefined when absent or not an OX version (reported). */
function declaredVersion(value: unknown, field: string, file: string, problems: string[]): DeclaredVersion | undefined {
  if (value === undefined) return undefined;
  const version = typeof value === 'string' ? parseOxVersion(value) : undefined;
  if (!version) {
    problems.push(`${field}: ${JSON.stringify(value)} is not an OX version such as "7.10.6" or "8.19"; ignored.`);
    return undefined;
  }
  return { version, source: 'config', file, detail: field };
}

/** `nodes`: an object of node paths or globs, each with its settings (so far its `oxVersion`). */
function parseNodes(
  value: unknown,
  root: string,
  version: (value: unknown, field: string) => DeclaredVersion | undefined,
  problems: string[],
  onUpgradeNode: (pattern: string, detail: string) => void,
): Array<DeclaredVersion & { root: string; pattern: string }> {
  if (value === undefined) return [];
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problems.push('"nodes" must be an object of node paths or globs, each with settings such as {"oxVersion": "7.10.6"}; ignored.');
    return [];
  }
  const out: Array<DeclaredVersion & { root: string; pattern: string }> = [];
  for (const [pattern, settings] of Object.entries(value as Record<string, unknown>)) {
    const where = `nodes[${JSON.stringify(pattern)}]`;
    if (!pattern || !settings || typeof settings !== 'object' || Array.isArray(settings)) {
      problems.push(`${where} must be a node path or glob with settings such as {"oxVersion": "7.10.6"}; ignored.`);
      continue;
    }
    const entry = settings as Record<string, unknown>;
    for (const key of Object.keys(entry)) {
      if (key !== 'oxVersion' && key !== 'upgradeNode') problems.push(`Unknown setting "${key}" in ${where}; ignored.`);
    }
    if (entry.upgradeNode !== undefined && typeof entry.upgradeNode !== 'boolean') {
      problems.push(`${where}.upgradeNode must be true or false; ignored.`);
    } else if (entry.upgradeNode === true) onUpgradeNode(pattern, `${where}.upgradeNode`);
    const declared = version(entry.oxVersion, `${where}.oxVersion`);
    if (declared) out.push({ ...declared, root, pattern });
  }
  return out;
}

function parseReleases(value: unknown, problems: string[]): ConfigRelease[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push('"releases" must be a list; ignored.');
    return [];
  }
  const releases: ConfigRelease[] = [];
  value.forEach((r, i) => {
    const release = r as { name?: unknown; chartVersion?: unknown; values?: unknown };
    const values = release?.values;
    if (
      typeof release?.name !== 'string' ||
      !release.name.trim() ||
      !Array.isArray(values) ||
      !values.length ||
      !values.every((v) => typeof v === 'string' && v)
    ) {
      problems.push(`releases[${i}] needs a "name" and a list of "values" files; ignored.`);
      return;
    }
    const known = new Set(['name', 'chartVersion', 'values']);
    for (const key of Object.keys(release)) if (!known.has(key)) problems.push(`Unknown setting "${key}" in releases[${i}]; ignored.`);
    let chartVersion: string | undefined;
    if (release.chartVersion !== undefined) {
      if (typeof release.chartVersion === 'string' && CHART_VERSION.test(release.chartVersion)) chartVersion = release.chartVersion;
      else problems.push(`releases[${i}].chartVersion must be a chart version such as "6.20.2"; ignored.`);
    }
    releases.push({ name: release.name, ...(chartVersion ? { chartVersion } : {}), values: values as string[] });
  });
  return releases;
}
