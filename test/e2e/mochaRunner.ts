// Runs the mocha tests (`*.test.js`) of one folder inside the VS Code extension host and prints a result
// line the e2e orchestrator (scripts/e2e/test-e2e.mjs) counts: `OX_E2E_RESULT {"suite":..,"passed":..,"failed":..}`.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function runMocha(suite: string, dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.OX_E2E_GREP;
  if (grep) mocha.grep(grep);
  // In numeric order: 10-… runs after 9-….
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const file of files) {
    mocha.addFile(path.join(dir, file));
  }
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        const failed = runner.stats?.failures ?? failures;
        console.log(`OX_E2E_RESULT ${JSON.stringify({ suite, passed, failed })}`);
        if (failures > 0) reject(new Error(`${failures} test(s) failed in the ${suite} suite`));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      console.log(`OX_E2E_RESULT ${JSON.stringify({ suite, passed: 0, failed: 1 })}`);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
