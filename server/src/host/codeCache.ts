import * as fs from 'fs';
import Module from 'module';
import * as path from 'path';
import * as vm from 'vm';

// Runs a CommonJS bundle through V8's code cache, kept beside the bundle: a start with the cache skips parsing
// the bundle and compiling the functions the last start ran. Node 20 has no module.enableCompileCache; this
// is the same idea. Every failure (no cache, a cache of another V8, an unwritable folder) costs only speed.

/**
 * Names the cache file of `bundle` for this bundle build (`buildId`), Node version, architecture and Node
 * options (V8 rejects a cache made under other flags, so a profiling run must not replace the usual one).
 */
export function cacheFileOf(bundle: string, buildId: string, execArgv: readonly string[] = process.execArgv): string {
  const options = execArgv.length ? `-${fnv1a(execArgv.join(' '))}` : '';
  return `${bundle.replace(/\.js$/, '')}.${buildId}.${process.version}-${process.arch}${options}.v8cache`;
}

/** A 32-bit FNV-1a hash in hex: enough to tell option sets apart in a file name. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * Evaluates `bundle` as Node evaluates a CommonJS main module, with `cacheFile` as its code cache. Without a
 * usable cache, one is written when the process exits, `writeAfterMs` after the start or before `setV8Flags`
 * changes a flag, whichever comes first, so it also holds the functions the start-up ran; cache files of
 * other builds of the bundle go.
 */
export function runWithCodeCache(bundle: string, cacheFile: string, writeAfterMs = 2000): vm.Script {
  return evaluate(bundle, cacheFile, writeAfterMs).script;
}

/** As runWithCodeCache, for a bundle that another module requires: returns the bundle's exports. */
export function requireWithCodeCache(bundle: string, cacheFile: string, writeAfterMs = 2000): unknown {
  return evaluate(bundle, cacheFile, writeAfterMs).module.exports;
}

/** The writes of caches not written yet, on a global: each bundle has its own copy of this module. */
const PENDING = Symbol.for('ox-cluster-config.pendingCodeCaches');

function pendingWrites(): Set<() => void> {
  const global = globalThis as { [PENDING]?: Set<() => void> };
  return (global[PENDING] ??= new Set());
}

/**
 * Sets V8 flags while the process runs. A cache carries a hash of the flags it was made under, and V8
 * rejects it under other flags: so every cache not written yet is written first, under the flags it is read
 * with at the next start.
 */
export function setV8Flags(flags: string): void {
  for (const write of [...pendingWrites()]) write();
  // Loaded here rather than at start-up: node:v8 takes about 1.3 ms to load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('v8') as typeof import('v8')).setFlagsFromString(flags);
}

function evaluate(bundle: string, cacheFile: string, writeAfterMs: number): { script: vm.Script; module: Module } {
  // The wrapper stands on a line of its own, so that line and column numbers in stack traces stay the bundle's.
  const source = `(function (exports, require, module, __filename, __dirname) {\n${fs.readFileSync(bundle, 'utf8')}\n})`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // No cache yet.
  }
  const script = new vm.Script(source, { filename: bundle, lineOffset: -1, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    let written = false;
    const write = (): void => {
      pendingWrites().delete(write);
      if (written) return;
      written = true;
      writeCache(script, cacheFile);
    };
    pendingWrites().add(write);
    setTimeout(write, writeAfterMs).unref();
    process.once('exit', write);
  }
  const module = new Module(bundle, require.main);
  module.filename = bundle;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(bundle));
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, path.dirname(bundle));
  return { script, module };
}

function writeCache(script: vm.Script, cacheFile: string): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, script.createCachedData());
    fs.renameSync(temporary, cacheFile);
    // Caches of earlier builds of the same bundle (the build id is the second part of the name).
    const dir = path.dirname(cacheFile);
    const [stem, buildId] = path.basename(cacheFile).split('.');
    for (const name of fs.readdirSync(dir)) {
      const parts = name.split('.');
      if (parts[0] === stem && parts[1] !== buildId && name.endsWith('.v8cache')) fs.rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Nothing was written.
    }
  }
}
