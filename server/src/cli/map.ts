// `map [paths…] --format svg|html|mermaid|dot|json [--out FILE] [--expand all|REGION,…]`: the cluster map of what `check` reads.
import { promises as fs } from 'fs';
import * as path from 'path';
import { MAP_FORMATS, MapExpand as Expand, MapFormat, renderMap } from '../languageService';
import { RULES } from '../rules/registry';
import { parseCheckArgs } from './args';
import { openWorkspace } from './check';
import { CliIo, errorText, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, InputError, UsageError } from './io';
import { makeLocator } from './report';

const RULE_IDS = new Set(RULES.map((r) => r.id));

/** Takes `--format`, `--out` and `--expand` out of the arguments; the rest are those of `check`. */
function takeMapOptions(argv: readonly string[]): { format: MapFormat; out?: string; expand?: Expand; rest: string[] } {
  let format: MapFormat = 'svg';
  let out: string | undefined;
  let expand: Expand | undefined;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (name !== '--format' && name !== '--out' && name !== '--expand') {
      if (name === '--fix' || name === '--effective' || name === '--max-warnings') throw new UsageError(`map does not take ${name}.`);
      rest.push(arg);
      continue;
    }
    let value: string;
    if (name !== arg) value = arg.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) throw new UsageError(`${name} needs a value.`);
      value = argv[++i];
    }
    if (name === '--out') {
      if (!value) throw new UsageError('--out needs a file.');
      out = value;
    } else if (name === '--expand') {
      // `all`, or region names (repeated or comma-separated).
      const names = value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
      if (!names.length) throw new UsageError('--expand needs "all" or region names.');
      expand = names.includes('all') || expand === 'all' ? 'all' : [...(expand ?? []), ...names];
    } else if ((MAP_FORMATS as readonly string[]).includes(value)) format = value as MapFormat;
    else throw new UsageError(`--format must be ${MAP_FORMATS.join(', ')}, not "${value}".`);
  }
  return { format, ...(out !== undefined ? { out } : {}), ...(expand !== undefined ? { expand } : {}), rest };
}

/** `map <dir or file>...`: writes the picture; exit codes as `check`'s. */
export async function mapCommand(argv: string[], io: CliIo, usage: string): Promise<number> {
  const { format, out, expand, rest } = takeMapOptions(argv);
  const args = parseCheckArgs(rest, RULE_IDS);
  if (args.help) {
    io.stdout.write(`${usage}\n`);
    return EXIT_OK;
  }
  const opened = await openWorkspace(args, io);
  if (typeof opened === 'number') return opened;
  const { service, settings } = opened;
  await service.analyzeAll(settings);
  const locator = makeLocator(io.cwd);
  const text = renderMap(service.clusterGraph(), format, (uri) => locator.display(uri), expand);
  if (out === undefined) io.stdout.write(text);
  else {
    try {
      await fs.writeFile(path.resolve(io.cwd, out), text, 'utf8');
    } catch (error) {
      throw new InputError(`cannot write ${out}: ${errorText(error)}`);
    }
  }
  if (opened.failed()) return EXIT_USAGE;
  return service.report().problems.some((p) => p.diagnostic.severity === 1) ? EXIT_PROBLEMS : EXIT_OK;
}
