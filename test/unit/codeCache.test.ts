import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { cacheFileOf, requireWithCodeCache, runWithCodeCache, setV8Flags } from '../../server/src/host/codeCache';

/** What the test bundles report through this global. */
const seen = globalThis as unknown as { codeCacheRuns?: string[] };

function fixture(): { dir: string; bundle: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ox-code-cache-'));
  const bundle = path.join(dir, 'bundle.js');
  fs.writeFileSync(path.join(dir, 'dep.js'), "module.exports = 'dep';\n");
  fs.writeFileSync(
    bundle,
    [
      "'use strict';",
      "const dep = require('./dep.js');",
      'globalThis.codeCacheRuns.push([path(__filename), path(__dirname), dep, typeof module.exports, this === module.exports].join(" "));',
      "function path(p) { return require('path').basename(p); }",
      "if (process.env.OX_CODE_CACHE_THROW) throw new Error('line 5');",
    ].join('\n'),
  );
  return { dir, bundle };
}

const afterTimer = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

test('the cache file is named for the build, the Node version, the architecture and the Node options', () => {
  const node = `${process.version}-${process.arch}`;
  assert.equal(cacheFileOf('/x/out/serverMain.js', 'abc123', []), `/x/out/serverMain.abc123.${node}.v8cache`);
  assert.equal(cacheFileOf('/x/out/serverMain.js', 'abc123', ['--cpu-prof']), `/x/out/serverMain.abc123.${node}-6a560a7d.v8cache`);
  assert.notEqual(
    cacheFileOf('/x/out/serverMain.js', 'abc123', ['--cpu-prof', '--nolazy']),
    cacheFileOf('/x/out/serverMain.js', 'abc123', ['--cpu-prof']),
  );
});

test('a bundle runs as a CommonJS module, writes its cache and starts from it the next time', async () => {
  const { dir, bundle } = fixture();
  const cache = cacheFileOf(bundle, 'b1');
  seen.codeCacheRuns = [];
  runWithCodeCache(bundle, cache, 0);
  assert.deepEqual(seen.codeCacheRuns, [`bundle.js ${path.basename(dir)} dep object true`]);
  assert.equal(fs.existsSync(cache), false);
  await afterTimer();
  assert.ok(fs.statSync(cache).size > 0);
  assert.deepEqual(
    fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')),
    [],
  );

  const second = runWithCodeCache(bundle, cache, 0);
  assert.equal(second.cachedDataRejected, false);
  assert.equal(seen.codeCacheRuns.length, 2);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a cache V8 rejects is replaced, and caches of other builds of the bundle are removed', async () => {
  const { dir, bundle } = fixture();
  const cache = cacheFileOf(bundle, 'b2');
  const older = cacheFileOf(bundle, 'b1');
  const otherNode = path.join(dir, 'bundle.b1.v0.0.0-x.v8cache');
  const otherBundle = cacheFileOf(path.join(dir, 'cli.js'), 'b1');
  for (const file of [cache, older, otherNode, otherBundle]) fs.writeFileSync(file, 'not a code cache');
  seen.codeCacheRuns = [];
  const script = runWithCodeCache(bundle, cache, 0);
  assert.equal(script.cachedDataRejected, true);
  assert.equal(seen.codeCacheRuns.length, 1);
  await afterTimer();
  assert.notEqual(fs.readFileSync(cache, 'utf8'), 'not a code cache');
  assert.deepEqual(fs.readdirSync(dir).sort(), [path.basename(cache), path.basename(otherBundle), 'bundle.js', 'dep.js'].sort());
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a bundle another module requires hands back its exports and writes its cache', async () => {
  const { dir } = fixture();
  const bundle = path.join(dir, 'core.js');
  fs.writeFileSync(bundle, "exports.answer = 42;\nmodule.exports.name = require('path').basename(__filename);\n");
  const cache = cacheFileOf(bundle, 'c1');
  assert.deepEqual(requireWithCodeCache(bundle, cache, 0), { answer: 42, name: 'core.js' });
  await afterTimer();
  assert.ok(fs.statSync(cache).size > 0);
  assert.deepEqual(requireWithCodeCache(bundle, cache, 0), { answer: 42, name: 'core.js' });
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a cache that cannot be written costs nothing but speed', async () => {
  const { dir, bundle } = fixture();
  seen.codeCacheRuns = [];
  runWithCodeCache(bundle, path.join(dir, 'missing', 'bundle.v8cache'), 0);
  await afterTimer();
  assert.equal(seen.codeCacheRuns.length, 1);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['bundle.js', 'dep.js']);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('stack traces name the bundle with its own line numbers', () => {
  const { dir, bundle } = fixture();
  seen.codeCacheRuns = [];
  process.env.OX_CODE_CACHE_THROW = '1';
  try {
    assert.throws(
      () => runWithCodeCache(bundle, cacheFileOf(bundle, 'b3'), 0),
      (error: Error) => error.message === 'line 5' && error.stack!.includes(`${bundle}:5:`),
    );
  } finally {
    delete process.env.OX_CODE_CACHE_THROW;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('setV8Flags writes a pending cache first, which a start without the flag then takes', () => {
  const { dir, bundle } = fixture();
  const cache = cacheFileOf(bundle, 'b4');
  seen.codeCacheRuns = [];
  runWithCodeCache(bundle, cache, 60_000);
  assert.equal(fs.existsSync(cache), false);
  setV8Flags('--semi-space-growth-factor=1');
  assert.ok(fs.statSync(cache).size > 0);
  const start = `globalThis.codeCacheRuns = [];
    const script = require(${JSON.stringify(require.resolve('../../server/src/host/codeCache'))}).runWithCodeCache(${JSON.stringify(bundle)}, ${JSON.stringify(cache)}, 60000);
    console.log(script.cachedDataRejected);`;
  const fresh = spawnSync(process.execPath, ['-e', start], { encoding: 'utf8' });
  assert.equal(fresh.stdout.trim(), 'false', fresh.stderr);
  fs.rmSync(dir, { recursive: true, force: true });
});
