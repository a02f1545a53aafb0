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
    // dagre lays out the cluster map only: bundled on its own (server/out/dagre.js), required when a map is drawn.
    b.onResolve({ filter: /^@dagrejs\/dagre$/ }, (args) =>
      args.importer.endsWith('layout.ts') ? { path: './dagre.js', external: true } : undefined,
    );
    // The catalogs as JSON text that JSON.parse reads, faster to load than the same data as JavaScript.
    b.onLoad({ filter: /[\\/]schemas[\\/].*\.json$/ }, async (args) => ({
      contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(await readFile(args.path, 'utf8'))))});`,
      loader: 'js',
    }));
    // yaml's parser and composer read an environment variable (a debug log) for every token and document:
    // a call into the process environment each time, about 2 ms per 80 KB file. The bundle reads it never.
    b.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace(/node_process\.env\.LOG_(TOKENS|STREAM)/g, 'false');
      if (contents === source) throw new Error(`${args.path}: the LOG_TOKENS/LOG_STREAM check moved; update scripts/bundle.mjs`);
      return { contents, loader: 'js' };
    });
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

// The server's core loads after `initialize` is answered (see host/serverCore.ts): in the server bundle,
// server.ts's require of it names the core's own entry file.
const coreApart = {
  name: 'core-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/host\/serverCore$/ }, (args) =>
      args.importer.endsWith('server.ts') ? { path: './serverCore.js', external: true } : undefined,
    );
  },
};

// The server is four files: server.js (host/serverEntry.ts) runs serverMain.js (server.ts, the protocol layer)
// through V8's code cache; serverCore.js (host/coreEntry.ts) does the same for serverCoreMain.js, the core.
// Each cache's name carries a hash of its bundle, so a rebuild never reads a stale one.
async function buildWithEntry(entryPoint, bundleFile, entryFile, entrySource, idName, plugins) {
  await build({ ...common, entryPoints: [entryPoint], outfile: `server/out/${bundleFile}`, plugins });
  const buildId = createHash('sha256')
    .update(await readFile(`server/out/${bundleFile}`))
    .digest('hex')
    .slice(0, 16);
  await build({
    ...common,
    entryPoints: [entrySource],
    define: { [idName]: JSON.stringify(buildId) },
    outfile: `server/out/${entryFile}`,
    banner: entryFile === 'server.js' ? { js: '#!/usr/bin/env node' } : undefined,
  });
}

await Promise.all([
  buildWithEntry('server/src/server.ts', 'serverMain.js', 'server.js', 'server/src/host/serverEntry.ts', 'OX_SERVER_BUILD_ID', [
    lean,
    coreApart,
  ]),
  buildWithEntry(
    'server/src/host/serverCore.ts',
    'serverCoreMain.js',
    'serverCore.js',
    'server/src/host/coreEntry.ts',
    'OX_CORE_BUILD_ID',
    [lean],
  ),
  build({
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'server/out/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [lean],
  }),
  build({ ...common, stdin: { contents: "module.exports = require('ajv');", resolveDir: '.' }, outfile: 'server/out/ajv.js' }),
  build({ ...common, stdin: { contents: "module.exports = require('@dagrejs/dagre');", resolveDir: '.' }, outfile: 'server/out/dagre.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
]);
