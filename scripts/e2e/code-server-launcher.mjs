#!/usr/bin/env node
// A drop-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// It accepts the desktop-style arguments runTests passes, runs the extension test suite in code-server
// (VS Code in the browser; the extension host runs in Node 24 on this machine) driven by chromium through
// playwright-core, prints the extension host's console output and exits with the suite's exit code.
//
//   --extensionDevelopmentPath=<dir> (repeatable)  --extensionTestsPath=<file>  <folder>
//   --disable-workspace-trust (absent => untrusted workspace)
//   --user-data-dir= / --extensions-dir= are replaced by fresh temp dirs (a reused profile remembers editors).
// Environment: OX_E2E_TIMEOUT_MS (default 240000), OX_E2E_WORKSPACE_TRUST=untrusted (forces an untrusted
// workspace even with --disable-workspace-trust, which runTests always adds), OX_E2E_VERBOSE=1,
// OX_E2E_KEEP=1 (keep the temp dir with the logs).
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from 'node:util';
import {
  CHROMIUM,
  CHROMIUM_ARGS,
  browserEnv,
  CODE_SERVER_ENTRY,
  NODE24,
  QUIET_SETTINGS,
  codeServerArgs,
  codeServerEnv,
  freePort,
  installed,
  killGroup,
  makeRunDirs,
  removeDirs,
  spawnGroup,
  waitForHttp,
} from './lib.mjs';

const t0 = Date.now();
const TIMEOUT_MS = Number(process.env.OX_E2E_TIMEOUT_MS ?? 240_000);
const VERBOSE = process.env.OX_E2E_VERBOSE === '1';
const tag = '[launcher]';
const log = (...a) => console.log(tag, ...a);
// Workbench messages that say nothing about the suite (no network here, no GitHub sign-in, reconnect chatter).
const NOISE = [
  /ENOTFOUND/,
  /authentication provider 'github'/,
  /^Resolving connection token/,
  /^Resolved connection token/,
  /^Creating a socket/,
  /^\[reconnection-grace-time\]/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^\[AgentHost/,
  /^\[AccountPolicyGate\]/,
  /vsda/,
  /^Ignoring the error while validating workspace folder/,
  /^Creation of workbench contribution '.*' took \d+ms/,
  /Cannot read properties of undefined \(reading 'add'\)[\s\S]*workbench\.js/,
];
const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

// ---- arguments -------------------------------------------------------------------------------------------
const devPaths = [];
let testsPath;
let folder;
let trustDisabled = false;
const ignored = [];
// Flags that take a value, also when it comes as the next argument (`--flag value`).
const VALUE_FLAGS = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir', 'folder-uri', 'locale']);
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  const m = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
  if (!m) {
    folder = arg;
    continue;
  }
  const name = m[1];
  let value = m[2];
  if (value === undefined && VALUE_FLAGS.has(name) && i + 1 < argv.length) value = argv[++i];
  if (name === 'extensionDevelopmentPath' && value) devPaths.push(resolve(value));
  else if (name === 'extensionTestsPath' && value) testsPath = resolve(value);
  else if (name === 'disable-workspace-trust') trustDisabled = true;
  else if (name === 'folder-uri' && value) folder = decodeURIComponent(value.replace(/^file:\/\//, ''));
  else ignored.push(arg);
}
if (process.env.OX_E2E_WORKSPACE_TRUST === 'untrusted') trustDisabled = false;
if (devPaths.length === 0 || !testsPath) {
  console.error(
    `${tag} usage: code-server-launcher.mjs --extensionDevelopmentPath=<dir> --extensionTestsPath=<file> [folder] [--disable-workspace-trust]`,
  );
  process.exit(2);
}
if (!installed()) {
  console.error(
    `${tag} code-server, Node 24 or chromium is missing (${CODE_SERVER_ENTRY}, ${NODE24}, ${CHROMIUM}): run \`npm run e2e:setup\` first`,
  );
  process.exit(1);
}
if (folder) {
  folder = resolve(folder);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    console.error(`${tag} workspace folder does not exist: ${folder}`);
    process.exit(2);
  }
}
if (VERBOSE && ignored.length) log('ignoring', ignored.join(' '));

// ---- run -------------------------------------------------------------------------------------------------
const settings = { ...QUIET_SETTINGS };
if (!trustDisabled) {
  settings['security.workspace.trust.enabled'] = true;
  settings['security.workspace.trust.startupPrompt'] = 'never';
  settings['security.workspace.trust.emptyWindow'] = false;
}
const dirs = makeRunDirs('ox-e2e-launcher-', settings);
const serverLogPath = resolve(dirs.root, 'code-server.log');
const serverLog = createWriteStream(serverLogPath);
let server;
let context;
let finishing = false;

async function cleanup() {
  try {
    await context?.close();
  } catch {
    /* already gone */
  }
  await killGroup(server);
  await new Promise((r) => serverLog.end(r));
}

async function finish(code, reason) {
  if (finishing) return;
  finishing = true;
  if (reason) console.error(`${tag} ${reason}`);
  if (code !== 0 && existsSync(serverLogPath)) {
    await new Promise((r) => serverLog.write('', r));
    const tail = readFileSync(serverLogPath, 'utf8').trim().split('\n').slice(-25).join('\n');
    if (tail) console.error(`${tag} last lines of the code-server log:\n${tail}`);
  }
  await cleanup();
  if (process.env.OX_E2E_KEEP === '1') log(`kept ${dirs.root}`);
  else removeDirs(dirs);
  log(`exit ${code} after ${secs()}`);
  process.exit(code);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    void finish(sig === 'SIGINT' ? 130 : 143, `received ${sig}, stopping`);
  });
}
const timer = setTimeout(() => {
  void finish(1, `TIMEOUT: the test suite did not finish within ${TIMEOUT_MS / 1000} s (set OX_E2E_TIMEOUT_MS to change)`);
}, TIMEOUT_MS);
timer.unref();

try {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  server = spawnGroup(
    NODE24,
    codeServerArgs(dirs, port, {
      trust: trustDisabled,
      extra: ['--vscode-option', 'enable-smoke-test-driver', '--ignore-last-opened'],
    }),
    { env: codeServerEnv(dirs), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout.pipe(serverLog, { end: false });
  server.stderr.pipe(serverLog, { end: false });
  if (VERBOSE) {
    server.stdout.pipe(process.stderr);
    server.stderr.pipe(process.stderr);
  }
  server.on('exit', (code, signal) => {
    if (!finishing) void finish(1, `code-server exited unexpectedly (${code ?? signal})`);
  });
  await waitForHttp(`${origin}/healthz`, 30_000, server);
  if (VERBOSE) log(`code-server up on ${origin} after ${secs()}`);

  const { chromium } = await import('playwright-core');
  context = await chromium.launchPersistentContext(dirs.browser, {
    executablePath: CHROMIUM,
    env: browserEnv(dirs),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  if (VERBOSE) log(`chromium up after ${secs()}`);
  let exitCode;
  const exited = new Promise((res) => {
    exitCode = res;
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const parts = Array.isArray(args) ? args : [args];
    const line = parts.length && typeof parts[0] === 'string' ? format(...parts) : parts.map((p) => format('%o', p)).join(' ');
    if (!VERBOSE && NOISE.some((re) => re.test(line))) return;
    if (type === 'error' || type === 'warn') console.error(line);
    else console.log(line);
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    exitCode(Number(code) || 0);
  });
  page.on('pageerror', (err) => {
    if (VERBOSE) console.error(`${tag} page error: ${err.message}`);
  });
  if (VERBOSE) page.on('console', (msg) => console.error(`${tag} console.${msg.type()}: ${msg.text()}`));
  context.on('close', () => {
    if (!finishing) void finish(1, 'the browser closed before the suite finished');
  });

  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [...devPaths.map((p) => ['extensionDevelopmentPath', remote(p)]), ['extensionTestsPath', remote(testsPath)]];
  const url = `${origin}/?${folder ? `folder=${encodeURIComponent(folder)}&` : 'ew=true&'}payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(`code-server ${origin}, ${trustDisabled ? 'trusted' : 'UNTRUSTED'} workspace ${folder ?? '(none)'}`);
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const code = await exited;
  await finish(code);
} catch (err) {
  await finish(1, `failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
}
