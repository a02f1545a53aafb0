// The one reading of the configuration for the server and the CLI: .oxclusterconfig.json of each folder,
// the user catalogs and the severity of every rule, with every problem found on the way.
import { Catalog } from '../catalog/catalog';
import { buildCatalog, UserCatalogInput } from '../catalog/loadCatalog';
import { SeverityName } from '../rules/rule';
import { mergeRuleSeverities, normalizeSettings, Settings } from '../settings';
import { DeclaredCluster } from '../model/clusters';
import { DeclaredRelease } from '../model/helm/release';
import { DiscoverOptions } from '../analysis/discover';
export { packageListName } from '../analysis/discover';
import { DeclaredVersion, DeclaredVersions } from '../model/packages/nodeVersion';
import { DeclaredBalancer } from '../model/apache/frontEnd';
import { parseOxVersion } from '../util/versions';
import { CONFIG_FILE_NAME, parseWorkspaceConfig, WorkspaceConfig } from './configFile';
import { ConfigHost } from './host';

/** Where a catalog named in the editor settings is said to come from. */
export const EDITOR_CATALOGS_SOURCE = 'oxClusterConfig.catalogs';

export interface ConfigRequest {
  /** Folders whose `.oxclusterconfig.json` is read, in order: rule severities of a later one win. */
  folders: readonly string[];
  /** Whether catalogs from the workspace may be read (the CLI is always trusted). */
  trusted: boolean;
  /** Every rule id with its default severity. */
  ruleDefaults: ReadonlyMap<string, SeverityName>;
  /**
   * The editor's `oxClusterConfig` settings as sent: a severity there wins over the files where it differs
   * from the rule's default; its catalogs are relative to the first folder.
   */
  editor?: unknown;
  /** Severities of the command line, in order (the last of an id wins): they win over everything. */
  flags?: ReadonlyArray<{ id: string; severity: SeverityName }>;
  /** The catalog without user catalogs, returned when none is loaded (built when not given). */
  builtinCatalog?: Catalog;
}

/**
 * What a problem means, for the front ends to decide on (the message is for people only):
 * - unreadable-config: a `.oxclusterconfig.json` that exists but cannot be read or is not JSON; none of it is used.
 * - invalid-setting: one setting of a file or of the editor is wrong and left out.
 * - unknown-rule: a severity for a rule id that does not exist; left out.
 * - unusable-catalog: a catalog that cannot be read, is not JSON or does not match the schema; left out.
 * - untrusted-catalog: a catalog of the workspace not read because the workspace is not trusted.
 */
export type ConfigProblemKind = 'unreadable-config' | 'invalid-setting' | 'unknown-rule' | 'unusable-catalog' | 'untrusted-catalog';

export interface ConfigProblem {
  kind: ConfigProblemKind;
  message: string;
}

/** A `.oxclusterconfig.json` that was read. */
export interface ConfigFileSource {
  folder: string;
  file: string;
  config: WorkspaceConfig;
}

export interface ResolvedConfiguration {
  /** The files read, in the order of the folders. */
  files: ConfigFileSource[];
  /** The editor settings as read, when there were any. */
  editor?: Settings;
  /** Severity of every rule that does not use its default (known ids only). */
  rules: Record<string, SeverityName>;
  /** Clusters the files declare, in order. */
  clusters: DeclaredCluster[];
  /** Helm releases the files declare, in order, with the URIs of the values files that exist. */
  releases: DeclaredRelease[];
  /** OX versions the files declare per node and per folder, and the editor setting (those of clusters are in `clusters`). */
  versions: DeclaredVersions;
  /** Web server files declared to be in front of a cluster, in the files' order. */
  balancers: DeclaredBalancer[];
  /** The built-in catalog with the user catalogs that could be used. */
  catalog: Catalog;
  problems: ConfigProblem[];
}

function knownRules(
  rules: Record<string, SeverityName>,
  defaults: ReadonlyMap<string, SeverityName>,
  prefix: string,
  problems: ConfigProblem[],
): Record<string, SeverityName> {
  const out: Record<string, SeverityName> = {};
  for (const [id, severity] of Object.entries(rules)) {
    if (defaults.has(id)) out[id] = severity;
    else problems.push({ kind: 'unknown-rule', message: `${prefix}Unknown rule "${id}"; ignored.` });
  }
  return out;
}

async function readConfigFile(host: ConfigHost, folder: string, problems: ConfigProblem[]): Promise<ConfigFileSource | undefined> {
  const file = host.resolvePath(folder, CONFIG_FILE_NAME);
  const read = await host.readJson(file);
  if (read.kind === 'missing') return undefined;
  if (read.kind === 'unreadable') {
    problems.push({ kind: 'unreadable-config', message: `cannot read ${file}: ${read.reason}` });
    return undefined;
  }
  if (read.kind === 'not-json') {
    problems.push({ kind: 'unreadable-config', message: `${file} is not valid JSON: ${read.reason}` });
    return undefined;
  }
  const messages: string[] = [];
  const config = parseWorkspaceConfig(read.data, host.folderUri(folder), messages);
  problems.push(...messages.map((m): ConfigProblem => ({ kind: 'invalid-setting', message: `${file}: ${m}` })));
  return { folder, file, config };
}

interface CatalogEntry {
  entry: string;
  file: string;
  /** The file or setting that names it. */
  source: string;
  /** Whether it may be read in an untrusted workspace. */
  allowedUntrusted: boolean;
}

async function readCatalogs(host: ConfigHost, entries: readonly CatalogEntry[], trusted: boolean, problems: ConfigProblem[]) {
  const inputs: UserCatalogInput[] = [];
  for (const { entry, file, source, allowedUntrusted } of entries) {
    if (!trusted && !allowedUntrusted) {
      problems.push({ kind: 'untrusted-catalog', message: `Catalog ${file} was not loaded: the workspace is not trusted.` });
      continue;
    }
    const read = await host.readJson(file);
    if (read.kind === 'data') inputs.push({ source: file, data: read.data });
    else {
      const reason = read.kind === 'not-json' ? `not valid JSON: ${read.reason}` : read.reason;
      problems.push({ kind: 'unusable-catalog', message: `cannot read catalog ${entry} (from ${source}): ${reason}` });
    }
  }
  return inputs;
}

/** Reads the configuration; nothing here is fatal: what cannot be used is left out and listed in `problems`. */
export async function resolveConfiguration(host: ConfigHost, request: ConfigRequest): Promise<ResolvedConfiguration> {
  const problems: ConfigProblem[] = [];
  const defaults = request.ruleDefaults;
  let editor: Settings | undefined;
  let editorRules: Record<string, SeverityName> = {};
  if (request.editor !== undefined) {
    const messages: string[] = [];
    editor = normalizeSettings(request.editor, messages);
    problems.push(...messages.map((m): ConfigProblem => ({ kind: 'invalid-setting', message: m })));
    editorRules = knownRules(editor.rules, defaults, '', problems);
  }

  const files: ConfigFileSource[] = [];
  let fileRules: Record<string, SeverityName> = {};
  for (const folder of request.folders) {
    const source = await readConfigFile(host, folder, problems);
    if (!source) continue;
    files.push(source);
    fileRules = { ...fileRules, ...knownRules(source.config.rules, defaults, `${source.file}: `, problems) };
  }

  const rules = mergeRuleSeverities(fileRules, editorRules, defaults);
  for (const { id, severity } of request.flags ?? []) rules[id] = severity;

  const raw = request.editor as { catalogs?: unknown } | null | undefined;
  const editorCatalogs = Array.isArray(raw?.catalogs) ? raw.catalogs.filter((p): p is string => typeof p === 'string') : [];
  const base = request.folders[0] ?? '';
  const entries: CatalogEntry[] = [
    // A catalog the editor settings name outside the workspace is the user's own; one the workspace names is not.
    ...editorCatalogs.map((entry) => {
      const file = host.resolvePath(base, entry);
      return { entry, file, source: EDITOR_CATALOGS_SOURCE, allowedUntrusted: !request.folders.some((f) => host.isInside(f, file)) };
    }),
    ...files.flatMap(({ folder, file: source, config }) =>
      config.catalogs.map((entry) => ({ entry, file: host.resolvePath(folder, entry), source, allowedUntrusted: false })),
    ),
  ];
  const inputs = await readCatalogs(host, entries, request.trusted, problems);
  let catalog: Catalog;
  if (!inputs.length && request.builtinCatalog) catalog = request.builtinCatalog;
  else {
    const built = buildCatalog(inputs);
    problems.push(...built.problems.map((m): ConfigProblem => ({ kind: 'unusable-catalog', message: m })));
    catalog = built.catalog;
  }

  const releases = await resolveReleases(host, files, problems);
  const clusters = files.flatMap((f) => f.config.clusters);
  const balancers = files.flatMap(({ folder, file, config }) =>
    (config.balancers ?? []).map((b): DeclaredBalancer => ({
      root: host.folderUri(folder),
      pattern: b.file,
      cluster: b.cluster,
      ...(b.balancer !== undefined ? { balancer: b.balancer } : {}),
      source: `${file}: ${b.entry}`,
    })),
  );
  return { files, editor, rules, clusters, releases, versions: declaredVersions(host, files, editor), balancers, catalog, problems };
}

/** The OX versions of the files and the editor setting, in the files' order. */
function declaredVersions(host: ConfigHost, files: readonly ConfigFileSource[], editor: Settings | undefined): DeclaredVersions {
  const setting = editor?.oxVersion !== undefined ? parseOxVersion(editor.oxVersion) : undefined;
  const declared: DeclaredVersions = {
    nodes: files.flatMap((f) => f.config.nodeVersions ?? []),
    upgradeNodes: files.flatMap((f) => f.config.upgradeNodes ?? []),
    folders: files.flatMap(({ folder, config }) => (config.oxVersion ? [{ ...config.oxVersion, root: host.folderUri(folder) }] : [])),
  };
  if (!setting) return declared;
  const fromSetting: DeclaredVersion = { version: setting, source: 'setting', detail: 'oxClusterConfig.oxVersion' };
  return { ...declared, setting: fromSetting };
}

/** YAML files Helm takes with `-f`; helmfile templates too. */
const YAML_FILE = /\.ya?ml(\.gotmpl)?$/i;

/** The releases of the files, values paths resolved against each file's folder; files that are not there are left out. */
async function resolveReleases(
  host: ConfigHost,
  files: readonly ConfigFileSource[],
  problems: ConfigProblem[],
): Promise<DeclaredRelease[]> {
  const releases: DeclaredRelease[] = [];
  for (const { folder, file: source, config } of files) {
    for (const [i, release] of config.releases.entries()) {
      const where = `${source}: releases[${i}] ("${release.name}")`;
      const values: string[] = [];
      for (const entry of release.values) {
        const file = host.resolvePath(folder, entry);
        if (!YAML_FILE.test(entry))
          problems.push({ kind: 'invalid-setting', message: `${where}: ${entry} is not a YAML values file; left out.` });
        else if (!(await host.isFile(file)))
          problems.push({ kind: 'invalid-setting', message: `${where}: no values file ${entry}; left out.` });
        else values.push(host.folderUri(file));
      }
      if (!values.length) {
        problems.push({ kind: 'invalid-setting', message: `${where} has no values file left; ignored.` });
        continue;
      }
      releases.push({ name: release.name, ...(release.chartVersion ? { chartVersion: release.chartVersion } : {}), values });
    }
  }
  return releases;
}

/**
 * The include and exclude globs of the files of `folders`, in that order, each once, and the package list
 * name of the last file that names one, else of the editor setting (left out when neither does).
 */
export function discoveryOf(resolved: ResolvedConfiguration, folders: readonly string[]): DiscoverOptions {
  const chosen = folders.flatMap((folder) => resolved.files.filter((f) => f.folder === folder));
  const unique = (values: string[]) => [...new Set(values)];
  const options: DiscoverOptions = {
    include: unique(chosen.flatMap((f) => f.config.include)),
    exclude: unique(chosen.flatMap((f) => f.config.exclude)),
  };
  const named = chosen.map((f) => f.config.packageList).filter((name) => name !== undefined);
  const packageList = named[named.length - 1] ?? resolved.editor?.packageListFile;
  if (packageList !== undefined) options.packageList = packageList;
  return options;
}
