import { promises as fs } from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { ConfigProblemKind, discoveryOf, resolveConfiguration } from '../config/resolve';
import { nodeConfigHost } from '../host/nodeConfigHost';
import { isInside, nodeWorkspaceHost, pathToUri } from '../host/nodeHost';
import { RULE_DEFAULTS, RULES } from '../rules/registry';
import { Settings } from '../settings';
import {
  createLanguageService,
  DeclaredCluster,
  DeclaredRelease,
  DiscoverOptions,
  hasConfEnding,
  LanguageService,
  PROPERTIES_TEMPLATE,
} from '../languageService';
import { CheckArgs, parseCheckArgs } from './args';
import { fixAll } from './fix';
import { CliIo, errorText, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, InputError, warn } from './io';
import { progressReporter } from './progress';
import { makeLocator, report } from './report';

const RULE_IDS = new Set(RULES.map((r) => r.id));

/** Configuration problems that stop the check (exit 2); the others are warnings. */
const UNUSABLE: ReadonlySet<ConfigProblemKind> = new Set(['unreadable-config', 'unusable-catalog']);

/**
 * Files `check` takes one by one: .properties and .ccf files and their templates (PROPERTIES_TEMPLATE), YAML
 * values files and helmfile templates of them,
 * and httpd configuration (`proxy_http.conf`, any `.conf` and its configuration-management templates).
 */
const CHECKABLE_FILE = /\.(properties|ccf)$|\.ya?ml(\.gotmpl)?$/i;

/** The directories and files to check, resolved; each must exist and be readable, and a file be of a kind we read. */
async function resolvePaths(paths: readonly string[], cwd: string): Promise<{ dirs: string[]; files: string[] }> {
  const dirs: string[] = [];
  const files: string[] = [];
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    let stat;
    try {
      stat = await fs.stat(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(
        code === 'ENOENT' || code === 'ENOTDIR' ? `no such file or directory: ${given}` : `cannot read ${given}: ${errorText(error)}`,
      );
    }
    if (stat.isFile()) {
      if (!CHECKABLE_FILE.test(full) && !hasConfEnding(full) && !PROPERTIES_TEMPLATE.test(full))
        throw new InputError(`not a file check reads (.properties, .ccf and their templates, .yaml, .yml, .yaml.gotmpl, .conf): ${given}`);
      if (!files.includes(full)) files.push(full);
      continue;
    }
    if (!stat.isDirectory()) throw new InputError(`not a file or directory: ${given}`);
    try {
      await fs.readdir(full);
    } catch (error) {
      throw new InputError(`cannot read directory ${given}: ${errorText(error)}`);
    }
    if (!dirs.includes(full)) dirs.push(full);
  }
  return { dirs, files };
}

/** The files of `--values`: each must be a YAML file that exists. */
async function resolveValues(values: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const given of values) {
    const full = path.resolve(cwd, given);
    let isFile = false;
    try {
      isFile = (await fs.stat(full)).isFile();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new InputError(`cannot read ${given}: ${errorText(error)}`);
      throw new InputError(`--values: no such file: ${given}`);
    }
    if (!isFile || !/\.ya?ml(\.gotmpl)?$/i.test(full)) throw new InputError(`--values needs a YAML values file: ${given}`);
    out.push(full);
  }
  return out;
}

const GLOB_CHARS = /[*?{]/;

/** A node path of --cluster as the cluster matcher wants it: relative to `root`, or a file URI when outside. */
function clusterPattern(pattern: string, root: string): string {
  if (GLOB_CHARS.test(pattern)) return pattern.split(path.sep).join('/');
  const full = path.resolve(root, pattern);
  if (!isInside(root, full)) return pathToUri(full);
  return path.relative(root, full).split(path.sep).join('/') || '.';
}

/** The release `--values` forms: its files in order, named by `--release` or after the first file. */
function commandLineRelease(args: WorkspaceArgs, files: readonly string[]): DeclaredRelease[] {
  if (!files.length) return [];
  const name = args.release ?? path.basename(files[0]);
  return [{ name, ...(args.chartVersion ? { chartVersion: args.chartVersion } : {}), values: files.map(pathToUri) }];
}

function uniqueInOrder(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** What `check` and `upgrade-plan` read: paths, declared clusters and releases, and rule flags. */
export type WorkspaceArgs = Pick<CheckArgs, 'paths' | 'rules' | 'clusters' | 'values' | 'release' | 'chartVersion'>;

/** A workspace read from the command line, with its configuration; `failed()` is true after an unreadable file or a rule error. */
export interface OpenedWorkspace {
  service: LanguageService;
  settings: Settings;
  failed(): boolean;
}

/**
 * Reads the configuration and the files the arguments name into a language service (not analysed yet);
 * problems go to stderr. A number is the exit code when nothing can be checked.
 */
export async function openWorkspace(args: WorkspaceArgs, io: CliIo): Promise<OpenedWorkspace | number> {
  const cwd = io.cwd;
  const { dirs: roots, files } = await resolvePaths(args.paths, cwd);
  const valuesFiles = await resolveValues(args.values, cwd);

  // Configuration: the current folder first, then each directory or file's folder (later ones win), then the command line.
  const config = await resolveConfiguration(nodeConfigHost, {
    folders: uniqueInOrder([cwd, ...args.paths.map((p) => path.resolve(cwd, p)).map((p) => (files.includes(p) ? path.dirname(p) : p))]),
    trusted: true,
    ruleDefaults: RULE_DEFAULTS,
    flags: args.rules,
  });
  for (const problem of config.problems) warn(io, problem.message);
  if (config.problems.some((p) => UNUSABLE.has(p.kind))) return EXIT_USAGE;
  const catalog = config.catalog;
  const settings: Settings = { rules: config.rules, inlayHints: false };
  const cwdUri = pathToUri(cwd);
  const declared: DeclaredCluster[] = [
    ...args.clusters.map((c) => ({ name: c.name, nodes: c.nodes.map((n) => clusterPattern(n, cwd)), root: cwdUri })),
    ...config.clusters,
  ];

  // Files: include/exclude of the current folder's configuration apply below every directory, a directory's own to it.
  const groups = new Map<string, { options: DiscoverOptions; roots: string[] }>();
  for (const root of roots) {
    const options = discoveryOf(config, root === cwd ? [cwd] : [cwd, root]);
    const key = JSON.stringify(options);
    const group = groups.get(key);
    if (group) group.roots.push(pathToUri(root));
    else groups.set(key, { options, roots: [pathToUri(root)] });
  }
  let ruleFailed = false;
  const service = createLanguageService({
    catalog,
    host: nodeWorkspaceHost,
    onRuleError: (rule, error) => {
      ruleFailed = true;
      warn(io, `internal error in rule ${rule.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    },
  });
  const indexed = await service.reconfigure({
    catalog,
    roots: [],
    clusters: declared,
    releases: [...commandLineRelease(args, valuesFiles), ...config.releases],
    versions: config.versions,
    balancers: config.balancers,
    ...(args.chartVersion ? { chartVersion: args.chartVersion } : {}),
    maxFileSize: Infinity,
  });
  let ioFailed = false;
  // Only the values files of the declared releases are read here.
  for (const message of indexed) {
    warn(io, message);
    ioFailed = true;
  }
  const progress = progressReporter(io);
  let offset = 0;
  for (const { options, roots: groupRoots } of groups.values()) {
    const loaded = await service.load(groupRoots, options, (done, total) => progress.update(offset + done, offset + total));
    offset += loaded.files;
    progress.end();
    if (loaded.unreadable) ioFailed = true;
    for (const message of loaded.messages) warn(io, message);
  }
  progress.end();
  const listed = await service.loadFiles(files.map(pathToUri));
  if (listed.unreadable) ioFailed = true;
  for (const message of listed.messages) warn(io, message);
  const uris = service.uris();
  for (const root of roots) {
    const prefix = pathToUri(root).replace(/\/?$/, '/');
    if (!uris.some((uri) => uri.startsWith(prefix))) warn(io, `no OX configuration files found under ${path.relative(cwd, root) || '.'}`);
  }
  // A file of a release or of the command line that no reader takes: a YAML file without core-mw values.
  const releaseFiles = [...valuesFiles.map(pathToUri), ...config.releases.flatMap((r) => r.values)];
  for (const uri of uniqueInOrder([...files.map(pathToUri), ...releaseFiles])) {
    if (!uris.includes(uri)) warn(io, `no core-mw values in ${path.relative(cwd, fileURLToPath(uri))}`);
  }
  if (!uris.length) return EXIT_USAGE;
  const clusterNames = service.summary().clusters;
  for (const cluster of args.clusters) {
    if (!clusterNames.includes(cluster.name)) warn(io, `--cluster ${cluster.name}: no node folder matches ${cluster.nodes.join(', ')}`);
  }
  for (const message of service.declarationProblems()) warn(io, message);
  return { service, settings, failed: () => ioFailed || ruleFailed };
}

/** `check <dir or file>...`: returns the exit code. */
export async function check(argv: string[], io: CliIo, usage: string): Promise<number> {
  const args: CheckArgs = parseCheckArgs(argv, RULE_IDS);
  if (args.help) {
    io.stdout.write(`${usage}\n`);
    return EXIT_OK;
  }
  const opened = await openWorkspace(args, io);
  if (typeof opened === 'number') return opened;
  const { service, settings } = opened;
  const cwd = io.cwd;
  let ioFailed = false;

  await service.analyzeAll(settings);
  const locator = makeLocator(cwd);

  if (args.effective) {
    io.stdout.write(
      service.effectiveConfiguration(undefined, { maskSecrets: true, format: 'json', folderOf: (uri) => locator.display(uri) }),
    );
    return opened.failed() ? EXIT_USAGE : EXIT_OK;
  }

  if (args.fix) {
    const out = args.format === 'human' ? io.stdout : io.stderr;
    if (!(await fixAll({ service, settings, io, display: locator.display, out }))) ioFailed = true;
  }

  const { problems, text } = report({ service, rules: RULES, locator, format: args.format });
  io.stdout.write(text);

  if (ioFailed || opened.failed()) return EXIT_USAGE;
  const errors = problems.filter((p) => p.diagnostic.severity === 1).length;
  const warnings = problems.filter((p) => p.diagnostic.severity === 2).length;
  if (errors > 0) return EXIT_PROBLEMS;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    warn(io, `${warnings} warnings, more than --max-warnings ${args.maxWarnings}.`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}
