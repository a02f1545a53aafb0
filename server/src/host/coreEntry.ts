// The core's entry point, bundled to server/out/serverCore.js: server.ts requires it on first use, and it
// evaluates the core bundle (server/out/serverCoreMain.js, from host/serverCore.ts) through V8's code cache.
import * as path from 'path';
import { cacheFileOf, requireWithCodeCache } from './codeCache';

/** A hash of serverCoreMain.js, put in by scripts/bundle.mjs. */
declare const OX_CORE_BUILD_ID: string;

const bundle = path.join(__dirname, 'serverCoreMain.js');
export = requireWithCodeCache(bundle, cacheFileOf(bundle, OX_CORE_BUILD_ID));
