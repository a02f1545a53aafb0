// Bundles the language server, the CLI and the VS Code client with esbuild.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

// OX_BUNDLE_READABLE=1 keeps names (for profiles).
const common = {
  bundle: true,
  minify: !process.env.OX_BUNDLE_READABLE,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

// What the server and the CLI need only sometimes stays out of their bundles, so start-up parses less.
const lean = {
  name: 'lean',
  setup(b) {
    // ajv validates user catalogs only: it is bundled on its own (server/out/ajv.js), required on first use.
    b.onResolve({ filter: /^ajv$/ }, (args) =>
      args.importer.endsWith('validateCatalog.ts') ? { path: './ajv.js', external: true } : undefined,
    );
    // The catalogs as JSON text that JSON.parse reads, faster to load than the same data as JavaScript.
    b.onLoad({ filter: /[\\/]schemas[\\/].*\.json$/ }, async (args) => ({
      contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(await readFile(args.path, 'utf8'))))});`,
      loader: 'js',
    }));
    // Built-in modules the protocol libraries load at start-up for functions the server never calls over stdio
    // (slow to load): each becomes a stand-in that loads the module on the first call.
    const lazy = {
      // randomBytes names pipes.
      crypto: { importer: /[\\/]vscode-jsonrpc[\\/]/, names: ['randomBytes'] },
      // fork and spawnSync look for globally installed modules (Files.resolve).
      child_process: { importer: /[\\/]vscode-languageserver[\\/]/, names: ['fork', 'spawnSync'] },
    };
    b.onResolve({ filter: /^(crypto|child_process)$/ }, (args) =>
      lazy[args.path].importer.test(args.importer) ? { path: args.path, namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      contents: lazy[args.path].names.map((n) => `exports.${n} = (...args) => require('node:${args.path}').${n}(...args);`).join('\n'),
      loader: 'js',
    }));
  },
};

// The server is two files: serverMain.js, the bundle, and server.js (server/src/host/serverEntry.ts), which runs
// it through V8's code cache. The cache's name carries a hash of the bundle, so a rebuild never reads a stale one.
async function buildServer() {
  await build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/serverMain.js', plugins: [lean] });
  const buildId = createHash('sha256')
    .update(await readFile('server/out/serverMain.js'))
    .digest('hex')
    .slice(0, 16);
  await build({
    ...common,
    entryPoints: ['server/src/host/serverEntry.ts'],
    define: { OX_SERVER_BUILD_ID: JSON.stringify(buildId) },
    outfile: 'server/out/server.js',
    banner: { js: '#!/usr/bin/env node' },
  });
}

await Promise.all([
  buildServer(),
  build({
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'server/out/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [lean],
  }),
  build({ ...common, stdin: { contents: "module.exports = require('ajv');", resolveDir: '.' }, outfile: 'server/out/ajv.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
]);
