import { resolveConfiguration } from '../config/resolve';
import { nodeConfigHost } from '../host/nodeConfigHost';
import { valuesSchema } from '../languageService';
import { RULE_DEFAULTS } from '../rules/registry';
import { CliIo, EXIT_OK, EXIT_USAGE, UsageError, warn } from './io';

const CHARTS = ['core-mw'];

/** `schema core-mw`: the JSON Schema of the chart's values, with the catalogs of the current folder's configuration. */
export async function schema(args: string[], io: CliIo): Promise<number> {
  if (args.length !== 1 || !CHARTS.includes(args[0])) throw new UsageError(`schema takes the chart name: ${CHARTS.join(', ')}.`);
  const config = await resolveConfiguration(nodeConfigHost, { folders: [io.cwd], trusted: true, ruleDefaults: RULE_DEFAULTS });
  for (const problem of config.problems) warn(io, problem.message);
  if (config.problems.some((p) => p.kind === 'unreadable-config' || p.kind === 'unusable-catalog')) return EXIT_USAGE;
  io.stdout.write(`${JSON.stringify(valuesSchema(config.catalog), null, 2)}\n`);
  return EXIT_OK;
}
