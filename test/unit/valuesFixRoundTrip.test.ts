import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { analyze, fixesOf } from '../support/memoryHost';
import { checkValuesFix, arbitraryValuesWorkspace, VALUES_FIX_RULES, VALUES_PATH } from '../support/valuesRoundTrip';

const RUNS = 60;

test('every fix of the Kubernetes rules on generated values files does what it says and nothing else', async () => {
  const tally: Record<string, number> = {};
  await fc.assert(
    fc.asyncProperty(arbitraryValuesWorkspace, async ({ files, releases }) => {
      const before = await analyze(files, DEFAULT_SETTINGS, [], releases);
      for (const d of before.byFile[VALUES_PATH] ?? []) {
        if (!VALUES_FIX_RULES.includes(String(d.code))) continue;
        for (const fix of fixesOf(d)) {
          await checkValuesFix(files, before, VALUES_PATH, d, fix, releases);
          tally[String(d.code)] = (tally[String(d.code)] ?? 0) + 1;
        }
      }
    }),
    { seed: 0x2001, numRuns: RUNS, includeErrorInReport: true },
  );
  // Each rule's fixes were really exercised.
  for (const rule of VALUES_FIX_RULES) assert.ok((tally[rule] ?? 0) >= 5, `${rule}: only ${tally[rule] ?? 0} fixes checked`);
});
