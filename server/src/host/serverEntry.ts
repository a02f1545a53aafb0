// The server's entry point, bundled to server/out/server.js: runs the server bundle (server/out/serverMain.js,
// from server.ts) through V8's code cache.
import * as path from 'path';
import { cacheFileOf, runWithCodeCache } from './codeCache';

/** A hash of serverMain.js, put in by scripts/bundle.mjs. */
declare const OX_SERVER_BUILD_ID: string;

const bundle = path.join(__dirname, 'serverMain.js');
runWithCodeCache(bundle, cacheFileOf(bundle, OX_SERVER_BUILD_ID));
