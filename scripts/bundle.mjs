// Bundles the language server, the CLI and the VS Code client with esbuild.
import { build } from 'esbuild';

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

await Promise.all([
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
]);
