// Draws the cluster map of examples/ with the built CLI into docs/images/cluster-map.svg, and that SVG as
// docs/images/cluster-map.png through headless Chromium: the README's picture (the Marketplace takes no SVG).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './e2e/lib.mjs';

const SVG = 'docs/images/cluster-map.svg';
const PNG = 'docs/images/cluster-map.png';

const run = spawnSync(process.execPath, ['server/out/cli.js', 'map', 'examples', '--format', 'svg', '--out', SVG], { stdio: 'inherit' });
// The examples hold errors on purpose, so the map exits with 1 as check does; 2 is a failure.
if (run.status !== 0 && run.status !== 1) process.exit(run.status ?? 2);

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:#fff">${readFileSync(SVG, 'utf8')}</body></html>`);
  await page.locator('svg').first().screenshot({ path: PNG });
} finally {
  await browser.close();
}
console.log(`${SVG} and ${PNG} written.`);
