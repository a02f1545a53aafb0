#!/usr/bin/env node
// The HTML map in headless Chromium, as a reader opens the file: `ox-cluster-config map examples --format html`
// loaded from a file:// URL with every request intercepted. No request but the document's, no console error
// (a script its Content Security Policy refused would be one), every node in the DOM, the search dims the
// nodes that do not match; then a map of 45 nodes, whose quiet regions are boxes a click or a search opens.
// Screenshots go to test/e2e/screenshots/ (ignored by git, as the UI test's). Needs `npm run build` first.
// Prints `OX_E2E_RESULT {...}` for scripts/e2e/test-e2e.mjs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS, REPO } from '../../scripts/e2e/lib.mjs';

const SHOTS = join(REPO, 'test', 'e2e', 'screenshots');
const CLI = join(REPO, 'server', 'out', 'cli.js');
const results = { passed: 0, failed: 0 };
const tmp = mkdtempSync(join(tmpdir(), 'ox-map-html-'));

function assertEqual(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

/** The CLI's map of `target` in `format` (the examples hold errors on purpose: exit 1 is as check's). */
function map(cwd, target, format, out) {
  const run = spawnSync(process.execPath, [CLI, 'map', target, '--format', format, ...(out ? ['--out', out] : [])], {
    cwd,
    encoding: 'utf8',
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`map ${target} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

/** Opens a file in a new page; returns the page and what it requested and logged. */
async function open(browser, file) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
  const seen = { requests: [], errors: [] };
  const url = pathToFileURL(file).href;
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  // Anything but the document itself is refused before it leaves.
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, seen, url };
}

const count = (page, selector) => page.evaluate((s) => document.querySelectorAll(s).length, selector);

async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.passed++;
    console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.failed++;
    console.log(`  ✘ ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function main() {
  console.log('\n=== HTML map in headless Chromium ===');
  if (!existsSync(CHROMIUM) || !existsSync(CLI)) {
    console.log(`  ✘ ${existsSync(CLI) ? `chromium is missing (${CHROMIUM})` : 'server/out/cli.js is missing: run `npm run build` first'}`);
    console.log(`OX_E2E_RESULT ${JSON.stringify({ suite: 'map-html', passed: 0, failed: 1 })}`);
    process.exit(1);
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  mkdirSync(SHOTS, { recursive: true });
  try {
    const graph = JSON.parse(map(REPO, 'examples', 'json'));
    const html = join(tmp, 'examples-map.html');
    map(REPO, 'examples', 'html', html);
    let opened;
    await step('examples/: loads from file:// with no other request and no console error', async () => {
      opened = await open(browser, html);
      assertEqual(opened.seen.requests, [opened.url], 'requests');
      assertEqual(opened.seen.errors, [], 'console errors');
    });
    if (!opened) return;
    const { page } = opened;
    await step('examples/: every node of the graph in the DOM, none collapsed', async () => {
      assertEqual(graph.nodes.length, 30, 'nodes of the graph');
      assertEqual(await count(page, '.picture svg g.node'), 30, 'node groups');
      const names = await page.evaluate(() => [...document.querySelectorAll('.picture svg g.node')].map((g) => g.id));
      assertEqual(
        names,
        graph.nodes.map((n) => n.id),
        'node ids in order',
      );
      assertEqual(await count(page, '.cluster-collapsed, .panel'), 0, 'collapsed regions');
    });
    await step('examples/: the search dims the nodes whose name does not match, and clearing it shows all', async () => {
      await page.fill('#search', 'NODE1');
      const matching = graph.nodes.filter((n) => n.name.includes('node1')).length;
      assertEqual(matching, 5, 'nodes named like node1 in the graph');
      assertEqual(await count(page, 'g.node:not(.filtered)'), 5, 'nodes shown');
      assertEqual(await count(page, 'g.node.match'), 5, 'nodes marked');
      assertEqual(await page.textContent('#found'), '5 of 30 nodes match', 'status');
      await page.screenshot({ path: join(SHOTS, 'map-html-search.png'), fullPage: true });
      await page.fill('#search', '');
      assertEqual(await count(page, 'g.node.filtered'), 0, 'nodes dimmed after clearing');
      assertEqual(await page.textContent('#found'), '', 'status after clearing');
      await page.screenshot({ path: join(SHOTS, 'map-html.png'), fullPage: true });
      if (!(statSync(join(SHOTS, 'map-html.png')).size > 0)) throw new Error('empty screenshot');
      assertEqual(opened.seen.requests, [opened.url], 'requests after searching');
      assertEqual(opened.seen.errors, [], 'console errors after searching');
    });
    await page.close();

    await step('45 nodes in 5 quiet clusters: 5 boxes; a click opens one, its title closes it, a search opens all', async () => {
      const require = createRequire(import.meta.url);
      const { generateWorkspaceFiles } = require(join(REPO, 'out', 'test', 'support', 'generate.js'));
      for (const [rel, text] of Object.entries(generateWorkspaceFiles(5, 9))) {
        mkdirSync(dirname(join(tmp, 'big', rel)), { recursive: true });
        writeFileSync(join(tmp, 'big', rel), text);
      }
      const big = join(tmp, 'big-map.html');
      map(tmp, 'big', 'html', big);
      const { page: p, seen, url } = await open(browser, big);
      assertEqual(
        [await count(p, 'g.cluster-collapsed'), await count(p, '.panel'), await count(p, '.panel.open')],
        [5, 5, 0],
        'boxes, panels, open',
      );
      assertEqual(await count(p, 'g.node'), 45, 'node groups (in panels)');
      await p.click('[id="cluster:cluster2"]');
      assertEqual(
        await p.evaluate(() => [...document.querySelectorAll('.panel.open')].map((g) => g.id)),
        ['panel:cluster:cluster2'],
        'open',
      );
      assertEqual(await p.getAttribute('[id="cluster:cluster2"]', 'aria-expanded'), 'true', 'aria-expanded');
      await p.screenshot({ path: join(SHOTS, 'map-html-opened.png') });
      await p.click('[id="panel:cluster:cluster2"] [data-collapses] .region-title');
      assertEqual(await count(p, '.panel.open'), 0, 'open after its title was clicked');
      await p.fill('#search', 'node9');
      assertEqual(await count(p, '.panel.open'), 5, 'open while searching node9');
      assertEqual(await count(p, 'g.node:not(.filtered)'), 5, 'nodes shown');
      await p.fill('#search', '');
      assertEqual(await count(p, '.panel.open'), 0, 'open after clearing');
      assertEqual(seen.requests, [url], 'requests');
      assertEqual(seen.errors, [], 'console errors');
      await p.close();
    });
  } finally {
    await browser.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
console.log(`  ${results.passed} passing, ${results.failed} failing; screenshots in ${SHOTS}`);
console.log(`OX_E2E_RESULT ${JSON.stringify({ suite: 'map-html', ...results })}`);
process.exit(results.failed ? 1 : 0);
