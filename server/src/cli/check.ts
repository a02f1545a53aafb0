import { promises as fs } from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { Catalog } from '../catalog/catalog';
import { buildCatalog, UserCatalogInput } from '../catalog/loadCatalog';
import { applyFixes } from '../features/applyFixes';
import { effectiveConfigurations } from '../features/effectiveConfiguration';
import { renderEffectiveJson } from '../features/effectiveConfigurationText';
import { isInside, nodeWorkspaceHost, pathToUri, readCatalogJson } from '../host/nodeHost';
import { escapeBeyondLatin1 } from '../parser/latin1';
import { SINGLE_FILE_RULES } from '../rules';
import { secretScrubber, secretValues } from '../values/redact';
import { CROSS_FILE_RULES } from '../rules/cross';
import { SeverityName } from '../rules/rule';
import { Settings } from '../settings';
import { WorkspaceAnalyzer } from '../analysis/workspaceAnalyzer';
import { DeclaredCluster } from '../model/clusters';
import { CONFIG_FILE_NAME, parseWorkspaceConfig, WorkspaceConfig } from '../workspace/config';
import { DiscoverOptions } from '../analysis/discover';
import { loadFiles, parseFile } from '../analysis/load';
import { Workspace } from '../model/workspace';
import { CheckArgs, parseCheckArgs } from './args';
import { CheckReport, formatHuman, formatJson, formatSarif, Locator, Problem, RuleInfo, SRCROOT } from './formats';
import { CliIo, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, InputError } from './io';

export const ALL_RULES: readonly RuleInfo[] = [...SINGLE_FILE_RULES, ...CROSS_FILE_RULES];
const RULE_IDS = new Set(ALL_RULES.map((r) => r.id));

/** More files than this and a progress line is shown on stderr. */
const PROGRESS_THRESHOLD = 300;
const PROGRESS_EVERY_LINE = 500;
/** --fix runs again on the fixed text until nothing changes, at most this often (a fix may make another possible). */
const MAX_FIX_PASSES = 10;

interface ConfigSource {
  /** The folder holding `.oxclusterconfig.json`. */
  dir: string;
  file: string;
  config: WorkspaceConfig;
}

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

function warn(io: CliIo, message: string): void {
  io.stderr.write(`ox-cluster-config: ${message}\n`);
}

/** The directories to check, resolved; each must exist and be readable. */
async function resolveDirs(dirs: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const dir of dirs) {
    const full = path.resolve(cwd, dir);
    let stat;
    try {
      stat = await fs.stat(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new InputError(
        code === 'ENOENT' || code === 'ENOTDIR' ? `no such directory: ${dir}` : `cannot read ${dir}: ${errorText(error)}`,
      );
    }
    if (!stat.isDirectory()) throw new InputError(`not a directory: ${dir}`);
    try {
      await fs.readdir(full);
    } catch (error) {
      throw new InputError(`cannot read directory ${dir}: ${errorText(error)}`);
    }
    if (!out.includes(full)) out.push(full);
  }
  return out;
}

/** Reads `.oxclusterconfig.json` of a folder, if there is one; unusable JSON is an error, odd settings a warning. */
async function readConfig(dir: string, io: CliIo): Promise<ConfigSource | undefined> {
  const file = path.join(dir, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new InputError(`cannot read ${file}: ${errorText(error)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const problems: string[] = [];
  const config = parseWorkspaceConfig(data, pathToUri(dir), problems);
  for (const id of Object.keys(config.rules)) if (!RULE_IDS.has(id)) problems.push(`Unknown rule "${id}"; ignored.`);
  for (const problem of problems) warn(io, `${file}: ${problem}`);
  return { dir, file, config };
}

async function loadCatalog(configs: readonly ConfigSource[]): Promise<Catalog> {
  const inputs: UserCatalogInput[] = [];
  for (const { dir, file, config } of configs) {
    for (const entry of config.catalogs) {
      const catalogFile = path.resolve(dir, entry);
      try {
        inputs.push({ source: catalogFile, data: await readCatalogJson(catalogFile) });
      } catch (error) {
        throw new InputError(
          `cannot read catalog ${entry} (from ${file}): ${error instanceof SyntaxError ? `not valid JSON: ${error.message}` : errorText(error)}`,
        );
      }
    }
  }
  const built = buildCatalog(inputs);
  if (built.problems.length) throw new InputError(built.problems.join('\n'));
  return built.catalog;
}

const GLOB_CHARS = /[*?{]/;

/** A node path of --cluster as the cluster matcher wants it: relative to `root`, or a file URI when outside. */
function clusterPattern(pattern: string, root: string): string {
  if (GLOB_CHARS.test(pattern)) return pattern.split(path.sep).join('/');
  const full = path.resolve(root, pattern);
  if (!isInside(root, full)) return pathToUri(full);
  return path.relative(root, full).split(path.sep).join('/') || '.';
}

function makeLocator(cwd: string): Locator {
  const rootUri = pathToUri(cwd).replace(/\/?$/, '/');
  const displayCache = new Map<string, string>();
  const pathOf = (uri: string) => {
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  };
  return {
    rootUri,
    display(uri) {
      let shown = displayCache.get(uri);
      if (shown === undefined) {
        const file = pathOf(uri);
        shown = file === undefined ? uri : path.relative(cwd, file) || '.';
        displayCache.set(uri, shown);
      }
      return shown;
    },
    artifact(uri) {
      const file = pathOf(uri);
      if (file === undefined || !isInside(cwd, file)) return { uri };
      return { uri: path.relative(cwd, file).split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
    },
  };
}

function scrubbed(diagnostic: Diagnostic, scrub: (text: string) => string): Diagnostic {
  const out: Diagnostic = { ...diagnostic, message: scrub(diagnostic.message) };
  if (diagnostic.relatedInformation)
    out.relatedInformation = diagnostic.relatedInformation.map((r) => ({ ...r, message: scrub(r.message) }));
  delete out.data;
  return out;
}

/** Text as ISO-8859-1 bytes; a character beyond it (only fix text can hold one) becomes a \uXXXX escape. */
function latin1Bytes(text: string): Buffer {
  return Buffer.from(escapeBeyondLatin1(text), 'latin1');
}

function progressReporter(io: CliIo): { update(done: number, total: number): void; end(): void } {
  const tty = !!io.stderr.isTTY;
  let shown = false;
  let lastDraw = 0;
  return {
    update(done, total) {
      if (total <= PROGRESS_THRESHOLD) return;
      if (tty) {
        const now = Date.now();
        if (done !== total && now - lastDraw < 100) return;
        lastDraw = now;
        io.stderr.write(`\rchecking files: ${done}/${total}`);
        shown = true;
      } else if (done % PROGRESS_EVERY_LINE === 0) {
        io.stderr.write(`checking files: ${done}/${total}\n`);
      }
    },
    end() {
      if (shown) io.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}

function uniqueInOrder(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** `check <dir>...`: returns the exit code. */
export async function check(argv: string[], io: CliIo, usage: string): Promise<number> {
  const args: CheckArgs = parseCheckArgs(argv, RULE_IDS);
  if (args.help) {
    io.stdout.write(`${usage}\n`);
    return EXIT_OK;
  }
  const cwd = io.cwd;
  const roots = await resolveDirs(args.dirs, cwd);

  // Configuration: the current folder first, then each directory (later ones win), then the command line.
  const configs: ConfigSource[] = [];
  for (const dir of uniqueInOrder([cwd, ...roots])) {
    const source = await readConfig(dir, io);
    if (source) configs.push(source);
  }
  const catalog = await loadCatalog(configs);
  const rules: Record<string, SeverityName> = {};
  for (const { config } of configs) Object.assign(rules, config.rules);
  for (const { id, severity } of args.rules) rules[id] = severity;
  const settings: Settings = { rules, inlayHints: false };
  const cwdUri = pathToUri(cwd);
  const declared: DeclaredCluster[] = [
    ...args.clusters.map((c) => ({ name: c.name, nodes: c.nodes.map((n) => clusterPattern(n, cwd)), root: cwdUri })),
    ...configs.flatMap((c) => c.config.clusters),
  ];

  // Files: include/exclude of the current folder's configuration apply below every directory, a directory's own to it.
  const cwdConfig = configs.find((c) => c.dir === cwd)?.config;
  const groups = new Map<string, { options: DiscoverOptions; roots: string[] }>();
  for (const root of roots) {
    const own = root === cwd ? undefined : configs.find((c) => c.dir === root)?.config;
    const options: DiscoverOptions = {
      include: uniqueInOrder([...(cwdConfig?.include ?? []), ...(own?.include ?? [])]),
      exclude: uniqueInOrder([...(cwdConfig?.exclude ?? []), ...(own?.exclude ?? [])]),
    };
    const key = JSON.stringify(options);
    const group = groups.get(key);
    if (group) group.roots.push(pathToUri(root));
    else groups.set(key, { options, roots: [pathToUri(root)] });
  }
  const workspace = new Workspace(catalog, declared);
  let ioFailed = false;
  const progress = progressReporter(io);
  let offset = 0;
  for (const { options, roots: groupRoots } of groups.values()) {
    const loaded = await loadFiles(nodeWorkspaceHost, groupRoots, catalog, options, (done, total) =>
      progress.update(offset + done, offset + total),
    );
    offset += loaded.docs.length;
    progress.end();
    for (const message of loaded.messages) {
      if (message.startsWith('Cannot read')) ioFailed = true;
      warn(io, message);
    }
    for (const doc of loaded.docs) workspace.set(doc);
  }
  progress.end();
  const docs = [...workspace.documents()];
  for (const root of roots) {
    const prefix = pathToUri(root).replace(/\/?$/, '/');
    if (!docs.some((d) => d.uri.startsWith(prefix))) warn(io, `no OX configuration files found under ${path.relative(cwd, root) || '.'}`);
  }
  if (!docs.length) return EXIT_USAGE;
  for (const cluster of args.clusters) {
    if (!workspace.clusters().some((c) => c.name === cluster.name))
      warn(io, `--cluster ${cluster.name}: no node folder matches ${cluster.nodes.join(', ')}`);
  }

  let ruleFailed = false;
  const analyzer = new WorkspaceAnalyzer(workspace, {
    catalog,
    singleFileRules: SINGLE_FILE_RULES,
    crossRules: CROSS_FILE_RULES,
    onRuleError: (rule, error) => {
      ruleFailed = true;
      warn(io, `internal error in rule ${rule.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    },
  });
  analyzer.analyzeAll(settings);
  const locator = makeLocator(cwd);

  if (args.effective) {
    io.stdout.write(renderEffectiveJson(effectiveConfigurations(workspace, catalog, { maskSecrets: true }), (uri) => locator.display(uri)));
    return ioFailed || ruleFailed ? EXIT_USAGE : EXIT_OK;
  }

  const sortedDocs = () => [...workspace.documents()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));

  if (args.fix) {
    const original = new Map(docs.map((d) => [d.uri, d.text.getText()] as const));
    let fixed = 0;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const current = sortedDocs();
      const texts = new Map<string, TextDocument>(current.map((d) => [d.uri, d.text] as const));
      const result = applyFixes(
        current.flatMap((d) => analyzer.diagnostics(d.uri)),
        texts,
      );
      if (!result.texts.size) break;
      fixed += result.applied;
      for (const [uri, text] of result.texts) workspace.set(parseFile(uri, text, catalog, texts.get(uri)!.version + 1));
      // Everything again: a fix of one file's diagnostic may edit another file, so no diagnostic's edits may be stale.
      analyzer.analyzeAll(settings);
    }
    const changed = sortedDocs().filter((d) => d.text.getText() !== original.get(d.uri));
    for (const doc of changed) {
      try {
        await fs.writeFile(fileURLToPath(doc.uri), latin1Bytes(doc.text.getText()));
      } catch (error) {
        ioFailed = true;
        warn(io, `cannot write ${locator.display(doc.uri)}: ${errorText(error)}`);
      }
    }
    const line = `Fixed ${fixed} problem${fixed === 1 ? '' : 's'} in ${changed.length} file${changed.length === 1 ? '' : 's'}.\n`;
    (args.format === 'human' ? io.stdout : io.stderr).write(line);
  }

  const finalDocs = sortedDocs();
  // Every secret value of the files, and every secret default of the catalog, is masked wherever a message has it.
  const scrub = secretScrubber(secretValues(finalDocs, catalog));
  const fixable = applyFixes(
    finalDocs.flatMap((d) => analyzer.diagnostics(d.uri)),
    new Map(finalDocs.map((d) => [d.uri, d.text] as const)),
  ).applied;
  const problems: Problem[] = [];
  for (const doc of finalDocs) {
    const list = analyzer
      .diagnostics(doc.uri)
      .map((d, i) => ({ d, i }))
      .sort((a, b) => a.d.range.start.line - b.d.range.start.line || a.d.range.start.character - b.d.range.start.character || a.i - b.i);
    for (const { d } of list) problems.push({ uri: doc.uri, diagnostic: scrubbed(d, scrub) });
  }
  const report: CheckReport = {
    problems,
    files: workspace.size,
    nodes: workspace.nodes().length,
    clusters: workspace.clusters().length,
    fixable,
  };
  if (args.format === 'json') io.stdout.write(formatJson(report, locator));
  else if (args.format === 'sarif') io.stdout.write(formatSarif(report, ALL_RULES, locator));
  else io.stdout.write(formatHuman(report, locator));

  if (ioFailed || ruleFailed) return EXIT_USAGE;
  const errors = problems.filter((p) => p.diagnostic.severity === 1).length;
  const warnings = problems.filter((p) => p.diagnostic.severity === 2).length;
  if (errors > 0) return EXIT_PROBLEMS;
  if (args.maxWarnings !== undefined && warnings > args.maxWarnings) {
    warn(io, `${warnings} warnings, more than --max-warnings ${args.maxWarnings}.`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}
