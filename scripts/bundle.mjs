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
    // vscode-jsonrpc loads node:crypto (slow to load) for randomBytes in pipe names, which stdio never uses.
    b.onResolve({ filter: /^crypto$/ }, (args) =>
      /vscode-jsonrpc/.test(args.importer) ? { path: 'crypto', namespace: 'lazy' } : undefined,
    );
    b.onLoad({ filter: /^crypto$/, namespace: 'lazy' }, () => ({
      contents: `exports.randomBytes = (...args) => require('node:crypto').randomBytes(...args);`,
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
