import { parseOxVersion } from '../languageService';
import { openWorkspace } from './check';
import { CliIo, EXIT_OK, EXIT_USAGE, UsageError } from './io';
import { makeLocator } from './report';

interface UpgradePlanArgs {
  paths: string[];
  to: string;
  format: 'text' | 'json';
  help: boolean;
}

function parseUpgradePlanArgs(argv: readonly string[]): UpgradePlanArgs {
  const args: UpgradePlanArgs = { paths: [], to: '', format: 'text', help: false };
  let to: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      args.paths.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') {
      args.help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      args.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name !== '--to' && name !== '--format') throw new UsageError(`unknown option "${arg}" for upgrade-plan.`);
    let value: string;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) throw new UsageError(`${name} needs a value.`);
      value = argv[++i];
    }
    if (name === '--to') to = value;
    else if (value === 'text' || value === 'json') args.format = value;
    else throw new UsageError(`--format must be text or json, not "${value}".`);
  }
  if (args.help) return args;
  if (to === undefined) throw new UsageError('upgrade-plan needs the target OX version: --to <version>, e.g. --to 8.19.');
  if (!parseOxVersion(to)) throw new UsageError(`--to needs an OX version such as 7.10.6 or 8.19, not "${to}".`);
  if (!args.paths.length) throw new UsageError('upgrade-plan needs at least one directory or file.');
  args.to = to;
  return args;
}

/** `upgrade-plan <dir or file>... --to <version>`: what upgrading every classic cluster to the version changes. */
export async function upgradePlanCommand(argv: string[], io: CliIo, usage: string): Promise<number> {
  const args = parseUpgradePlanArgs(argv);
  if (args.help) {
    io.stdout.write(`${usage}\n`);
    return EXIT_OK;
  }
  const opened = await openWorkspace({ paths: args.paths, rules: [], clusters: [], values: [] }, io);
  if (typeof opened === 'number') return opened;
  const target = parseOxVersion(args.to)!;
  const locator = makeLocator(io.cwd);
  const format =
    args.format === 'json'
      ? ({ format: 'json', folderOf: (uri: string) => locator.display(uri) } as const)
      : ({ format: 'markdown' } as const);
  io.stdout.write(opened.service.upgradePlan(target, undefined, format));
  return opened.failed() ? EXIT_USAGE : EXIT_OK;
}
