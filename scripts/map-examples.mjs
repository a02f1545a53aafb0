// Draws the cluster map of examples/ with the built CLI into docs/images/cluster-map.svg, the README's picture.
import { spawnSync } from 'node:child_process';

const run = spawnSync(
  process.execPath,
  ['server/out/cli.js', 'map', 'examples', '--format', 'svg', '--out', 'docs/images/cluster-map.svg'],
  {
    stdio: 'inherit',
  },
);
// The examples hold errors on purpose, so the map exits with 1 as check does; 2 is a failure.
if (run.status !== 0 && run.status !== 1) process.exit(run.status ?? 2);
console.log('docs/images/cluster-map.svg written.');
