import { CHART_VERSION } from '../config/configFile';
import { SeverityName } from '../rules/rule';
import { UsageError } from './io';

export type OutputFormat = 'human' | 'json' | 'sarif';

export interface CheckArgs {
  /** Directories and files to check, as given. */
  paths: string[];
  format: OutputFormat;
  /** `--rule id=severity`, in order (the last one of an id wins). */
  rules: Array<{ id: string; severity: SeverityName }>;
  maxWarnings?: number;
  fix: boolean;
  effective: boolean;
  /** `--cluster name=dirA,dirB`: paths (or globs) relative to the current folder. */
  clusters: Array<{ name: string; nodes: string[] }>;
  /** `--values`, in order: the files of one release. */
  values: string[];
  /** `--release`: the name of the release of `--values`. */
  release?: string;
  /** `--chart-version`: the core-mw chart version of the `--values` release and of every release that declares none. */
  chartVersion?: string;
  help: boolean;
}

export const SEVERITY_NAMES: readonly SeverityName[] = ['off', 'hint', 'information', 'warning', 'error'];

export function parseSeverity(value: string): SeverityName | undefined {
  const lower = value.trim().toLowerCase();
  const name = lower === 'info' ? 'information' : lower;
  return SEVERITY_NAMES.includes(name as SeverityName) ? (name as SeverityName) : undefined;
}

const WITH_VALUE = new Set(['--format', '--rule', '--max-warnings', '--cluster', '--values', '--release', '--chart-version']);
const FLAGS = new Set(['--fix', '--effective', '--help', '-h']);

/** Parses the arguments of `check`; `knownRules` are the rule ids `--rule` accepts. */
export function parseCheckArgs(argv: readonly string[], knownRules: ReadonlySet<string>): CheckArgs {
  const args: CheckArgs = { paths: [], format: 'human', rules: [], fix: false, effective: false, clusters: [], values: [], help: false };
  let formatGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      args.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (FLAGS.has(name)) {
      if (name !== arg) throw new UsageError(`${name} takes no value.`);
      if (name === '--fix') args.fix = true;
      else if (name === '--effective') args.effective = true;
      else args.help = true;
      continue;
    }
    if (!WITH_VALUE.has(name)) throw new UsageError(`unknown option "${arg}".`);
    let value: string;
    if (name !== arg) value = arg.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) throw new UsageError(`${name} needs a value.`);
      value = argv[++i];
    }
    switch (name) {
      case '--format':
        if (value !== 'human' && value !== 'json' && value !== 'sarif')
          throw new UsageError(`--format must be human, json or sarif, not "${value}".`);
        args.format = value;
        formatGiven = true;
        break;
      case '--rule': {
        const at = value.indexOf('=');
        if (at <= 0) throw new UsageError(`--rule needs <rule-id>=<severity>, not "${value}".`);
        const id = value.slice(0, at).trim();
        const severity = parseSeverity(value.slice(at + 1));
        if (!knownRules.has(id)) throw new UsageError(`unknown rule "${id}" in --rule (see --help for the rule ids).`);
        if (!severity)
          throw new UsageError(`unknown severity "${value.slice(at + 1)}" in --rule ${id} (use off, hint, information, warning or error).`);
        args.rules.push({ id, severity });
        break;
      }
      case '--max-warnings':
        if (!/^\d+$/.test(value.trim())) throw new UsageError(`--max-warnings needs a whole number of 0 or more, not "${value}".`);
        args.maxWarnings = Number(value.trim());
        break;
      case '--cluster': {
        const at = value.indexOf('=');
        const clusterName = at > 0 ? value.slice(0, at).trim() : '';
        const nodes =
          at > 0
            ? value
                .slice(at + 1)
                .split(',')
                .map((n) => n.trim())
                .filter(Boolean)
            : [];
        if (!clusterName || !nodes.length) throw new UsageError(`--cluster needs <name>=<dir>[,<dir>...], not "${value}".`);
        args.clusters.push({ name: clusterName, nodes });
        break;
      }
      case '--values':
        if (!value) throw new UsageError('--values needs a file.');
        args.values.push(value);
        break;
      case '--release':
        if (!value.trim()) throw new UsageError('--release needs a name.');
        args.release = value.trim();
        break;
      case '--chart-version':
        if (!CHART_VERSION.test(value.trim()))
          throw new UsageError(`--chart-version needs a chart version such as 6.20.2, not "${value}".`);
        args.chartVersion = value.trim();
        break;
    }
  }
  if (args.help) return args;
  if (!args.paths.length && !args.values.length) throw new UsageError('check needs at least one directory or file.');
  if (args.release !== undefined && !args.values.length)
    throw new UsageError('--release names the release of --values; give --values too.');
  if (args.fix && args.effective) throw new UsageError('--fix and --effective cannot be combined.');
  if (args.effective && formatGiven && args.format !== 'json') throw new UsageError('--effective always prints JSON; leave out --format.');
  return args;
}
