#!/usr/bin/env node
// `npm run test:e2e`: setup (cached), build, the integration suites in a real VS Code (code-server), then
// the UI test with the packaged .vsix and the HTML map in headless chromium. Ends with one line
// `N passed, M failed` and a non-zero exit code on any failure. A machine that cannot run them (not root,
// chromium missing) skips with a message, except under CI=true, where that is a failure.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './lib.mjs';

const SKIP_EXIT = 3;
const t0 = Date.now();
const totals = { passed: 0, failed: 0 };
const times = [];
const secs = (since) => ((Date.now() - since) / 1000).toFixed(1);

function finish() {
  console.log(`\nTimes: ${times.join(', ')}; total ${secs(t0)} s`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed > 0 ? 1 : 0);
}

/** Runs a command, echoing its output, and adds up its OX_E2E_RESULT lines. A crash counts as one failure. */
function runCounted(label, cmd, args) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(cmd, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    const seen = { passed: 0, failed: 0, results: 0 };
    const onLine = (line) => {
      const m = /^OX_E2E_RESULT (\{.*\})\s*$/.exec(line);
      if (m) {
        try {
          const r = JSON.parse(m[1]);
          seen.passed += Number(r.passed) || 0;
          seen.failed += Number(r.failed) || 0;
          seen.results++;
        } catch {
          /* not ours */
        }
      }
    };
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      lines.forEach(onLine);
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('close', (code) => {
      if (buffer) onLine(buffer);
      totals.passed += seen.passed;
      totals.failed += seen.failed;
      if (code !== 0 && seen.failed === 0) {
        console.error(`[test:e2e] ${label} exited with ${code} without reporting a failed test: counted as 1 failure`);
        totals.failed += 1;
      }
      times.push(`${label} ${secs(started)} s`);
      resolve(code);
    });
  });
}

// 1. Setup (apt, Node 24, code-server) — cached.
let started = Date.now();
const setup = spawnSync(process.execPath, [join(REPO, 'scripts', 'e2e', 'setup.mjs')], { cwd: REPO, stdio: 'inherit' });
times.push(`setup ${secs(started)} s`);
if (setup.status === SKIP_EXIT) {
  console.log('[test:e2e] SKIPPED: the real-editor tests cannot run on this machine (see the setup message above).');
  console.log('0 passed, 0 failed');
  process.exit(0);
}
if (setup.status !== 0) {
  totals.failed++;
  console.error('[test:e2e] setup failed');
  finish();
}

// 2. Build (tsc + esbuild bundles).
started = Date.now();
const build = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
times.push(`build ${secs(started)} s`);
if (build.status !== 0) {
  totals.failed++;
  console.error('[test:e2e] npm run build failed');
  finish();
}

// 3. Integration suites (trusted + untrusted) through @vscode/test-electron's runTests + the launcher.
await runCounted('integration', process.execPath, [join(REPO, 'out', 'test', 'e2e', 'runIntegration.js')]);

// 4. UI test with the packaged .vsix.
await runCounted('ui', process.execPath, [join(REPO, 'test', 'e2e', 'ui.test.mjs')]);

// 5. The CLI's HTML map in headless chromium (after the UI test, which empties test/e2e/screenshots/).
await runCounted('map-html', process.execPath, [join(REPO, 'test', 'e2e', 'mapHtml.test.mjs')]);

finish();
