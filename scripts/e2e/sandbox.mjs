#!/usr/bin/env node
// `npm run sandbox`: builds and packages the extension, installs the .vsix into a fresh local code-server
// on 127.0.0.1 (free port, --auth none) opened on examples/ (or test/e2e/workspace when examples/ is
// missing), prints the URL and runs until Ctrl+C / SIGTERM, then stops code-server (process group) and
// removes its temp dirs. Environment: OX_SANDBOX_PORT (fixed port), OX_SANDBOX_FOLDER (folder to open).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  NODE24,
  QUIET_SETTINGS,
  REPO,
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

const log = (m) => console.log(`[sandbox] ${m}`);

if (!installed()) {
  log('code-server, Node 24 or chromium is missing: running npm run e2e:setup first');
  const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'e2e', 'setup.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const pkg = spawnSync('npm', ['run', 'package'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
if (pkg.status !== 0) {
  log('npm run package failed');
  process.exit(1);
}
const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
const vsix = join(REPO, `ox-cluster-config-${version}.vsix`);
log(`packaged ${vsix}`);

const examples = join(REPO, 'examples');
const folder = resolve(
  process.env.OX_SANDBOX_FOLDER ??
    (existsSync(examples) && readdirSync(examples).length > 0 ? examples : join(REPO, 'test', 'e2e', 'workspace')),
);

const dirs = makeRunDirs('ox-sandbox-', { ...QUIET_SETTINGS, 'workbench.startupEditor': 'none' });
const env = codeServerEnv(dirs);
const install = spawnSync(NODE24, codeServerArgs(dirs, 0, { extra: ['--install-extension', vsix, '--force'] }), { env, encoding: 'utf8' });
if (install.status !== 0) {
  log(`installing the .vsix failed: ${install.stdout}${install.stderr}`);
  removeDirs(dirs);
  process.exit(1);
}

const port = Number(process.env.OX_SANDBOX_PORT) || (await freePort());
const server = spawnGroup(NODE24, codeServerArgs(dirs, port, { extra: ['--ignore-last-opened', folder] }), {
  env,
  stdio: ['ignore', 'inherit', 'inherit'],
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  log('stopping code-server');
  await killGroup(server);
  removeDirs(dirs);
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGHUP', () => void stop(0));
server.on('exit', (code, signal) => {
  if (!stopping) {
    log(`code-server exited (${code ?? signal})`);
    void stop(1);
  }
});

try {
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 30_000, server);
} catch (err) {
  log(String(err));
  await stop(1);
}
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
log(`OX Cluster Config ${version} is running in code-server, opened on ${folder}`);
log(`open ${url}`);
log('press Ctrl+C to stop');
