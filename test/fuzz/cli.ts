// npm run fuzz -- --minutes N [--seed S] [--ops K]: runs seeds (S, S+1, ... or random ones) of K operations
// each against the real server until the time is up; prints the operations run and every failure with its
// seed and shrunk reproducer. Exits 1 on any failure.
import { generateOps } from './generate';
import { formatFailure, runOps, shrink } from './fuzzer';
import { formatOps } from './ops';

function arg(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

function number(name: string, fallback: number): number {
  const raw = arg(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`--${name} needs a number, not ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const minutes = number('minutes', 1);
  const opsPerSeed = number('ops', 5000);
  const shrinkSeconds = number('shrink-seconds', 180);
  const firstSeed = arg('seed') !== undefined ? number('seed', 0) : undefined;
  const deadline = Date.now() + minutes * 60_000;
  let seed = firstSeed ?? (Date.now() ^ (process.pid << 16)) >>> 0;
  let total = 0;
  let seeds = 0;
  const failures: string[] = [];
  console.log(`fuzzing for ${minutes} min, ${opsPerSeed} operations per seed, starting at seed ${seed}`);
  while (Date.now() < deadline) {
    const ops = generateOps(seed, opsPerSeed);
    const started = Date.now();
    // A seed stops early when the time is up.
    const stream = (function* () {
      for (const op of ops) {
        if (Date.now() > deadline) return;
        yield op;
      }
    })();
    const result = await runOps(stream);
    total += result.executed;
    seeds++;
    if (result.failure) {
      console.log(`seed ${seed}: FAILED after ${result.executed} operations (${result.failure.kind}); shrinking…`);
      const shrunk = await shrink(ops.slice(0, result.executed), result.failure, {
        budgetMs: shrinkSeconds * 1000,
        log: (m) => console.log(`  ${m}`),
      });
      const report = formatFailure(result.failure, { seed, reproducer: formatOps(shrunk.ops) });
      console.log(report);
      if (shrunk.failure.message !== result.failure.message)
        console.log(`(the shrunk sequence fails with: [${shrunk.failure.kind}] ${shrunk.failure.message})`);
      failures.push(`seed ${seed}: [${result.failure.kind}] ${result.failure.message}`);
    } else {
      console.log(
        `seed ${seed}: ${result.executed} operations passed in ${((Date.now() - started) / 1000).toFixed(1)} s (slowest answer ${result.slowest.ms} ms: ${result.slowest.method}, operation ${result.slowest.index})`,
      );
    }
    seed = firstSeed !== undefined ? (seed + 1) >>> 0 : ((seed * 1103515245 + 12345) ^ Date.now()) >>> 0;
  }
  console.log(`\n${total} operations over ${seeds} seeds in ${minutes} min; ${failures.length} failure(s)`);
  for (const f of failures) console.log(`  ${f}`);
  process.exit(failures.length ? 1 : 0);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
