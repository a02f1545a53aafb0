// The core's entry point, bundled to server/out/serverCore.js: server.ts requires it on first use, and it
// evaluates the core bundle (server/out/serverCoreMain.js, from host/serverCore.ts) through V8's code cache.
import * as path from 'path';
import { cacheFileOf, requireWithCodeCache, setV8Flags } from './codeCache';

/** A hash of serverCoreMain.js, put in by scripts/bundle.mjs. */
declare const OX_CORE_BUILD_ID: string;

// The young generation keeps its first size instead of doubling while a large file is analysed: about 4 MiB
// less peak RSS after opening a 5,000-line file, 11 MiB less on 100 nodes, with about the same GC time. Set
// here, once `initialize` is answered, and before the core's cache is read (V8 takes a cache only under the
// flags it was made with).
setV8Flags('--semi-space-growth-factor=1');

const bundle = path.join(__dirname, 'serverCoreMain.js');
export = requireWithCodeCache(bundle, cacheFileOf(bundle, OX_CORE_BUILD_ID));
