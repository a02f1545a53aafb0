// One seeded run of the protocol fuzzer against the real server: it must pass. On failure the report gives
// the seed, the failing operation and a shrunk reproducer to paste into regressions.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatFailure, runOps, shrink } from './fuzzer';
import { generateOps } from './generate';
import { formatOps } from './ops';

const SEED = 0x0c1f5eed;
const OPERATIONS = 10_000;
/** One giant document (1 MB line, 100,000 continuation lines, ...) every 1,000 operations, each kind in turn. */
const GIANT_EVERY = 1000;

test(`protocol fuzzing: ${OPERATIONS} operations, seed ${SEED}`, { timeout: 900_000 }, async (t) => {
  const ops = generateOps(SEED, OPERATIONS, { giantEvery: GIANT_EVERY });
  const result = await runOps(ops);
  const { slowest } = result;
  t.diagnostic(
    `${result.executed} operations in ${(result.ms / 1000).toFixed(1)} s; slowest answer ${slowest.ms} ms (${slowest.method}, operation ${slowest.index})`,
  );
  if (result.failure) {
    const shrunk = await shrink(ops.slice(0, result.executed), result.failure, { budgetMs: 180_000 });
    const report = formatFailure(result.failure, { seed: SEED, reproducer: formatOps(shrunk.ops) });
    console.error(report);
    assert.fail(report);
  }
  assert.equal(result.executed, OPERATIONS);
});
