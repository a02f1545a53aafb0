// Runs the integration suites in a real VS Code through @vscode/test-electron's runTests():
// - here (default): the "executable" is scripts/e2e/code-server-launcher.mjs, which runs the suite in
//   code-server + chromium (desktop VS Code cannot be downloaded on these machines);
// - OX_E2E_DESKTOP=1: runTests downloads desktop VS Code and runs the same suites unchanged.
// Usage: node out/test/e2e/runIntegration.js [integration|untrusted]...  (default: both)
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const LAUNCHER = path.join(ROOT, 'scripts', 'e2e', 'code-server-launcher.mjs');
const WITHOUT_TRUST_FLAG = path.join(ROOT, 'scripts', 'e2e', 'without-trust-flag.sh');
const WORKSPACE = path.join(ROOT, 'test', 'e2e', 'workspace');
// Examples the suites open as they are, copied into the workspace under the same relative path.
const EXAMPLES = ['kubernetes/broken/values.yaml'];
const DESKTOP = process.env.OX_E2E_DESKTOP === '1';

interface Run {
  name: string;
  tests: string;
  trusted: boolean;
}

const RUNS: Run[] = [
  { name: 'integration', tests: path.join(__dirname, 'suite', 'index'), trusted: true },
  { name: 'untrusted', tests: path.join(__dirname, 'untrusted', 'index'), trusted: false },
];

/** A fresh desktop profile with settings that keep the window quiet (no trust prompt). */
function desktopProfileArgs(dir: string): string[] {
  fs.mkdirSync(path.join(dir, 'user-data', 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'user-data', 'User', 'settings.json'),
    JSON.stringify({
      'security.workspace.trust.startupPrompt': 'never',
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
    }),
  );
  return [`--user-data-dir=${path.join(dir, 'user-data')}`, `--extensions-dir=${path.join(dir, 'extensions')}`];
}

async function runOne(run: Run): Promise<boolean> {
  const started = Date.now();
  console.log(
    `\n=== ${run.name} suite (${run.trusted ? 'trusted' : 'untrusted'} workspace, ${DESKTOP ? 'desktop VS Code' : 'code-server'}) ===`,
  );
  const profile = DESKTOP ? fs.mkdtempSync(path.join(os.tmpdir(), 'ox-e2e-desktop-')) : undefined;
  // The suites edit and save fixture files: they run on a temp copy, so the repository never changes.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ox-e2e-workspace-'));
  const workspace = path.join(copy, 'workspace');
  fs.cpSync(WORKSPACE, workspace, { recursive: true });
  for (const example of EXAMPLES) {
    const target = path.join(workspace, ...example.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'examples', ...example.split('/')), target);
  }
  try {
    let vscodeExecutablePath: string | undefined = LAUNCHER;
    const extensionTestsEnv: Record<string, string> = {};
    const launchArgs = [workspace];
    if (profile) {
      launchArgs.push(...desktopProfileArgs(profile));
      vscodeExecutablePath = undefined;
      if (!run.trusted) {
        // runTests() always adds --disable-workspace-trust: a small wrapper drops it again.
        extensionTestsEnv.OX_E2E_REAL_EXECUTABLE = await downloadAndUnzipVSCode();
        vscodeExecutablePath = WITHOUT_TRUST_FLAG;
      }
    } else if (!run.trusted) {
      // The launcher leaves --disable-workspace-trust off when told so.
      extensionTestsEnv.OX_E2E_WORKSPACE_TRUST = 'untrusted';
    }
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: run.tests,
      launchArgs,
      extensionTestsEnv,
    });
    console.log(`=== ${run.name}: passed in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
    return true;
  } catch (err) {
    console.error(
      `=== ${run.name}: FAILED in ${((Date.now() - started) / 1000).toFixed(1)} s: ${err instanceof Error ? err.message : String(err)} ===`,
    );
    return false;
  } finally {
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const runs = wanted.length ? RUNS.filter((r) => wanted.includes(r.name)) : RUNS;
  if (runs.length === 0) {
    console.error(`unknown suite(s) ${wanted.join(', ')}; known: ${RUNS.map((r) => r.name).join(', ')}`);
    process.exit(2);
  }
  let ok = true;
  for (const run of runs) ok = (await runOne(run)) && ok;
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
