import { promises as fs } from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { Catalog } from '../catalog/catalog';
import { ConfigProblemKind, discoveryOf, resolveConfiguration } from '../config/resolve';
import { ConfigDocument } from '../model/document';
import { applyFixes } from '../features/applyFixes';
import { effectiveConfigurations, SECRET_MASK } from '../features/effectiveConfiguration';
import { nodeConfigHost } from '../host/nodeConfigHost';
import { isInside, nodeWorkspaceHost, pathToUri } from '../host/nodeHost';
import { SINGLE_FILE_RULES } from '../rules';
import { CROSS_FILE_RULES } from '../rules/cross';
import { SeverityName } from '../rules/rule';
import { Settings } from '../settings';
import { WorkspaceAnalyzer } from '../workspace/analysis';
import { DeclaredCluster } from '../workspace/clusters';
import { DiscoverOptions } from '../workspace/discover';
import { loadFiles, parseFile } from '../workspace/load';
import { Workspace } from '../workspace/workspace';
import { CheckArgs, parseCheckArgs } from './args';
import { CheckReport, formatHuman, formatJson, formatSarif, Locator, Problem, RuleInfo, SRCROOT } from './formats';
import { CliIo, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, InputError } from './io';

export const ALL_RULES: readonly RuleInfo[] = [...SINGLE_FILE_RULES, ...CROSS_FILE_RULES];
const RULE_IDS = new Set(ALL_RULES.map((r) => r.id));
const RULE_DEFAULTS = new Map<string, SeverityName>(ALL_RULES.map((r) => [r.id, r.defaultSeverity]));

/** Configuration problems that stop the check (exit 2); the others are warnings. */
const UNUSABLE: ReadonlySet<ConfigProblemKind> = new Set(['unreadable-config', 'unusable-catalog']);

/** More files than this and a progress line is shown on stderr. */
const PROGRESS_THRESHOLD = 300;
const PROGRESS_EVERY_LINE = 500;
/** --fix runs again on the fixed text until nothing changes, at most this often (a fix may make another possible). */
const MAX_FIX_PASSES = 10;
/** Secret values shorter than this are not searched for in messages (they would mask ordinary words). */
const MIN_SECRET_LENGTH = 4;

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

/** Replaces every secret value the files hold, and every secret default of the catalog, wherever it appears in a message. */
function secretScrubber(docs: Iterable<ConfigDocument>, catalog: Catalog): (text: string) => string {
  const secrets = new Set<string>();
  for (const doc of docs) {
    for (const e of doc.settings) if (e.known?.def.secret) secrets.add(e.value);
  }
  for (const file of catalog.files) {
    for (const def of file.properties) if (def.secret) [def.default ?? '', ...(def.secretDefault ?? [])].forEach((v) => secrets.add(v));
  }
  const list = [...secrets].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  if (!list.length) return (text) => text;
  return (text) => list.reduce((t, secret) => (t.includes(secret) ? t.split(secret).join(SECRET_MASK) : t), text);
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
  const safe = /[^\x00-\xff]/.test(text)
    ? text.replace(/[^\x00-\xff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : text;
  return Buffer.from(safe, 'latin1');
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
  const config = await resolveConfiguration(nodeConfigHost, {
    folders: uniqueInOrder([cwd, ...roots]),
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
    if (loaded.unreadable) ioFailed = true;
    for (const message of loaded.messages) warn(io, message);
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
    const reports = effectiveConfigurations(workspace, catalog, { maskSecrets: true }).map((r) => ({
      node: r.node,
      folder: locator.display(r.uri),
      cluster: r.cluster,
      settings: r.settings,
      maps: r.maps,
    }));
    io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
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
  const scrub = secretScrubber(finalDocs, catalog);
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
