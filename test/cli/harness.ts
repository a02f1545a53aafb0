// Runs the built command line (server/out/cli.js) in a scratch copy of the examples and fixtures.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root, from out/test/cli/. */
export const REPO = path.resolve(__dirname, '../../..');
export const CLI = path.join(REPO, 'server/out/cli.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node server/out/cli.js ...args` in `cwd`. */
export function cli(cwd: string, ...args: string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder holding `examples/` and `fixtures/` (test/fixtures/cli), so --fix never touches the repo. */
export function scratch(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ox-cli-test-'));
  fs.cpSync(path.join(REPO, 'examples'), path.join(dir, 'examples'), { recursive: true });
  fs.cpSync(path.join(REPO, 'test/fixtures/cli'), path.join(dir, 'fixtures'), { recursive: true });
  return dir;
}

export function removeScratch(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Every file below a folder with its bytes, by path relative to it. */
export function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else out.set(rel, fs.readFileSync(path.join(dir, rel)));
    }
  };
  walk('');
  return out;
}
