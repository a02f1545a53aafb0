// npm run bench: prints figures (never asserts). Parse throughput against two other parsers, then the real
// server over stdio: start-up, open -> diagnostics, completion and hover latency, edit -> diagnostics, memory.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { getProperties } from 'properties-file';
import * as propertiesParser from 'properties-parser';
import { parseProperties } from '../../server/src/parser/propertiesParser';
import { spawn, spawnSync } from 'node:child_process';
import { LspClient, REPO_ROOT } from '../support/lspClient';
import { SERVER_PROCESS_ENV } from '../../server/src/host/serverProcess';
import {
  generateHelmfileValues,
  generateHazelcastStressFile,
  generateRealisticPropertiesFile,
  generateReleaseValues,
  generateWorkspaceFiles,
} from '../support/generate';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceAnalyzer } from '../../server/src/analysis/workspaceAnalyzer';
import { readValuesDocument } from '../../server/src/model/helm/valuesDocument';
import { Workspace } from '../../server/src/model/workspace';
import { CROSS_RULES, FILE_RULES } from '../../server/src/rules/registry';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { catalog } from '../support/catalog';
import { parseApacheConfig } from '../../server/src/parser/apache/apacheConfig';
import { findBalancers } from '../../server/src/model/apache/balancers';
import * as os from 'node:os';
import * as path from 'node:path';
import { createLanguageService } from '../../server/src/languageService';
import { nodeWorkspaceHost, pathToUri } from '../../server/src/host/nodeHost';
import { renderSvg } from '../../server/src/map/render/svg';

const LINES = 5000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

/** Per-parse time of each parser: batches interleaved, the fastest batch counted (robust to machine load). */
function throughput(text: string, parsers: Record<string, (t: string) => unknown>): Record<string, number> {
  const best: Record<string, number> = {};
  for (const parse of Object.values(parsers)) for (let i = 0; i < 5; i++) parse(text);
  for (let batch = 0; batch < 15; batch++) {
    for (const [name, parse] of Object.entries(parsers)) {
      const start = performance.now();
      for (let i = 0; i < 10; i++) parse(text);
      const perParse = (performance.now() - start) / 10;
      best[name] = Math.min(best[name] ?? Infinity, perParse);
    }
  }
  for (const [name, elapsed] of Object.entries(best)) {
    const mbPerSec = text.length / 1024 / 1024 / (elapsed / 1000);
    console.log(`  ${name.padEnd(18)} ${ms(elapsed).padStart(10)} per parse  ${mbPerSec.toFixed(1).padStart(7)} MB/s`);
  }
  return best;
}

function peakRssMiB(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function benchParse(): Promise<void> {
  const text = generateHazelcastStressFile(LINES);
  console.log(`Generated file: ${LINES} lines, ${(text.length / 1024).toFixed(0)} KiB`);
  console.log('Parse throughput (same file, same process):');
  const times = throughput(text, {
    'ox-cluster-config': parseProperties,
    'properties-file': getProperties,
    'properties-parser': (t) => propertiesParser.parse(t),
  });
  const ours = times['ox-cluster-config'];
  console.log(
    `  ours is ${(times['properties-file'] / ours).toFixed(1)}x properties-file, ${(times['properties-parser'] / ours).toFixed(1)}x properties-parser (target >= 3x properties-file)`,
  );
  // The stress file has an escaped line and a continued entry in every eight lines; OX's own files have few.
  const realistic = generateRealisticPropertiesFile(150 * 1024);
  console.log(
    `A file of the same size with fewer escapes (${(realistic.length / 1024).toFixed(0)} KiB: key=value lines, 10% comments, 2% continued or escaped):`,
  );
  const real = throughput(realistic, { 'ox-cluster-config': parseProperties, 'properties-file': getProperties });
  console.log(`  ours is ${(real['properties-file'] / real['ox-cluster-config']).toFixed(1)}x properties-file`);
}

/** The real server on the 5,000-line file: start-up, open, completion, hover, edit, memory. */
async function benchServer(): Promise<void> {
  const text = generateHazelcastStressFile(LINES);
  console.log('Language server over stdio:');
  // Best of 5 starts, the statistic the bare-Node floor below takes too (single starts vary by 20-50 %).
  let tInit = Infinity;
  for (let i = 0; i < 4; i++) {
    const t = performance.now();
    const probe = await LspClient.start({ completionItemDefaults: true });
    tInit = Math.min(tInit, performance.now() - t);
    await probe.stop();
  }
  const t0 = performance.now();
  const client = await LspClient.start({ completionItemDefaults: true });
  tInit = Math.min(tInit, performance.now() - t0);
  const uri = 'file:///bench/node1/etc/hazelcast.properties';
  const t1 = performance.now();
  const first = client.nextDiagnostics(uri, 1);
  client.open(uri, text);
  const diagnostics = await first;
  const tOpen = performance.now() - t1;

  const lines = text.split('\n');
  const positions: Array<{ line: number; character: number }> = [];
  for (let i = 0; positions.length < 200; i++) {
    const line = (i * 97) % (lines.length - 1);
    positions.push({ line, character: Math.min(lines[line].length, 20) });
  }
  const completion: number[] = [];
  const hover: number[] = [];
  for (const position of positions) {
    let s = performance.now();
    await client.request('textDocument/completion', { textDocument: { uri }, position });
    completion.push(performance.now() - s);
    s = performance.now();
    await client.request('textDocument/hover', { textDocument: { uri }, position });
    hover.push(performance.now() - s);
  }

  const editLine = lines.findIndex((l) => l.startsWith('com.openexchange.hazelcast.network.join='));
  const t2 = performance.now();
  const edited = client.nextDiagnostics(uri, 2);
  client.change(uri, 2, [{ range: { start: { line: editLine, character: 40 }, end: { line: editLine, character: 46 } }, text: 'statik' }]);
  const afterEdit = await edited;
  const tEdit = performance.now() - t2;
  const rss = peakRssMiB(client.process.pid!);
  await client.stop();

  console.log(
    `  spawn -> initialize     ${ms(tInit).padStart(10)}   (best of 5; target <= 80 ms and <= 1.3x a bare Node process answering at once, best of 5: ${ms(await bareNodeInitialize())})`,
  );
  console.log(`  didOpen -> diagnostics  ${ms(tOpen).padStart(10)}   (target <= 50 ms; ${diagnostics.diagnostics.length} diagnostics)`);
  console.log(
    `  completion p50 / p95    ${ms(percentile(completion, 50)).padStart(10)} / ${ms(percentile(completion, 95))}   (target p95 <= 4 ms)`,
  );
  console.log(`  hover p50 / p95         ${ms(percentile(hover, 50)).padStart(10)} / ${ms(percentile(hover, 95))}   (target p95 <= 2 ms)`);
  console.log(`  edit -> diagnostics     ${ms(tEdit).padStart(10)}   (target <= 50 ms; ${afterEdit.diagnostics.length} diagnostics)`);
  console.log(`  server peak RSS         ${rss === undefined ? 'n/a' : `${rss.toFixed(1)} MiB`}   (target <= 64 MiB)`);
}

/** The floor under spawn -> initialize: a bare Node process that answers the first message at once (best of 5), in the server's environment. */
async function bareNodeInitialize(): Promise<number> {
  const responder = `process.stdin.once('data', () => { const b = '{"jsonrpc":"2.0","id":0,"result":{"capabilities":{}}}'; process.stdout.write('Content-Length: ' + b.length + '\\r\\n\\r\\n' + b); });`;
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const child = spawn(process.execPath, ['-e', responder], {
      stdio: ['pipe', 'pipe', 'ignore'],
      env: { ...process.env, ...SERVER_PROCESS_ENV },
    });
    child.stdin.write('Content-Length: 2\r\n\r\n{}');
    await new Promise((resolve) => child.stdout.once('data', resolve));
    best = Math.min(best, performance.now() - t);
    child.kill();
    await new Promise((resolve) => child.once('exit', resolve));
  }
  return best;
}

/**
 * The yaml package's first parse in a fresh Node process (best of 3): what a fresh server cannot go below
 * for its first values file, as V8 runs the parser unoptimised at first.
 */
function freshYamlParse(text: string): number {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ox-yaml-')), 'values.yaml');
  fs.writeFileSync(file, text);
  const script = `const YAML = require('yaml'); const text = require('fs').readFileSync(${JSON.stringify(file)}, 'utf8');
    const t = performance.now(); YAML.parseDocument(text, { version: '1.1', uniqueKeys: false }); console.log(performance.now() - t);`;
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const run = spawnSync(process.execPath, ['-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
    best = Math.min(best, Number(run.stdout.trim()));
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return best;
}

/** Writes files (relative paths to texts) below a new temporary folder and returns that folder. */
function writeTree(prefix: string, files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text, 'latin1');
  }
  return root;
}

/** A 100-node workspace on disk: index and analyse everything, then one change that affects another file. */
async function benchWorkspace(): Promise<void> {
  const files = generateWorkspaceFiles(10, 10);
  const root = writeTree('ox-bench-ws-', files);
  const uris = Object.keys(files).map((rel) => `file://${path.join(root, rel)}`);
  console.log(`Workspace of 100 nodes in 10 clusters, ${uris.length} files:`);
  const t0 = performance.now();
  const client = await LspClient.start({ workspaceFolders: [root] });
  await Promise.all(uris.map((uri) => client.nextDiagnostics(uri, undefined, 60_000)));
  const tIndex = performance.now() - t0;
  const sessiond = `file://${path.join(root, 'cluster3/node2/etc/sessiond.properties')}`;
  const sessions = `file://${path.join(root, 'cluster3/node2/etc/hazelcast/sessions.properties')}`;
  client.open(sessiond, files['cluster3/node2/etc/sessiond.properties']);
  await client.nextDiagnostics(sessiond, 1);
  await new Promise((r) => setTimeout(r, 200));
  const changes: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    // 2W makes maxIdleSeconds=640000 too short (a diagnostic appears), 1W makes it fine again.
    const value = i % 2 === 0 ? '2W' : '1W';
    const affected = client.diagnosticsWhere(sessions, (p) => p.diagnostics.length === (value === '2W' ? 1 : 0));
    client.change(sessiond, i + 2, [{ range: { start: { line: 0, character: 46 }, end: { line: 0, character: 48 } }, text: value }]);
    await affected;
    changes.push(performance.now() - t);
  }
  const rss = peakRssMiB(client.process.pid!);
  await client.stop();
  fs.rmSync(root, { recursive: true, force: true });
  console.log(`  start -> all diagnostics  ${ms(tIndex).padStart(10)}   (target <= 1000 ms, includes spawn)`);
  console.log(
    `  change -> other file      ${ms(percentile(changes, 50)).padStart(10)} p50 / ${ms(percentile(changes, 95))} p95   (target <= 50 ms; sessiond.properties edit -> hazelcast/sessions.properties)`,
  );
  console.log(`  server peak RSS           ${rss === undefined ? 'n/a' : `${rss.toFixed(1)} MiB`}   (target <= 150 MiB)`);
}

/** One cluster of 100 nodes behind one balancer of 100 members; node routes edited against the balancer. */
async function benchBalancer(): Promise<void> {
  const files: Record<string, string> = {};
  const members: string[] = [];
  for (let i = 1; i <= 100; i++) {
    files[`prod/ox${i}/etc/server.properties`] = `com.openexchange.server.backendRoute=APP${i}\n`;
    files[`prod/ox${i}/etc/hazelcast.properties`] = 'com.openexchange.hazelcast.group.name=prod\n';
    members.push(`    BalancerMember http://ox${i}:8009 timeout=100 route=APP${i}`);
  }
  const proxyText = [
    '<Proxy balancer://oxcluster>',
    ...members,
    '    ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On',
    '</Proxy>',
    'ProxyPass /ajax balancer://oxcluster/ajax',
    '',
  ].join('\n');
  files['apache2/proxy_http.conf'] = proxyText;
  const root = writeTree('ox-bench-lb-', files);
  const uri = (rel: string) => `file://${path.join(root, rel)}`;
  console.log(`Balancer: 100 nodes in one cluster behind a 100-member balancer, ${Object.keys(files).length} files:`);
  const t0 = performance.now();
  const client = await LspClient.start({ workspaceFolders: [root] });
  await Promise.all(Object.keys(files).map((rel) => client.nextDiagnostics(uri(rel), undefined, 60_000)));
  const tIndex = performance.now() - t0;
  const server = uri('prod/ox50/etc/server.properties');
  const proxy = uri('apache2/proxy_http.conf');
  client.open(server, files['prod/ox50/etc/server.properties']);
  await new Promise((r) => setTimeout(r, 300));
  const changes: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    // APP5O (a letter O) is the route of no member: balancer-route-unknown and node-not-in-balancer appear, then go.
    const broken = i % 2 === 0;
    const affected = client.diagnosticsWhere(proxy, (p) => p.diagnostics.some((d) => d.code === 'balancer-route-unknown') === broken);
    client.change(server, i + 2, [{ text: `com.openexchange.server.backendRoute=${broken ? 'APP5O' : 'APP50'}\n` }]);
    await affected;
    changes.push(performance.now() - t);
  }
  const rss = peakRssMiB(client.process.pid!);
  await client.stop();
  fs.rmSync(root, { recursive: true, force: true });
  console.log(`  start -> all diagnostics  ${ms(tIndex).padStart(10)}   (target <= 1000 ms, includes spawn)`);
  console.log(
    `  route edit -> balancer    ${ms(percentile(changes, 50)).padStart(10)} p50 / ${ms(percentile(changes, 95))} p95   (server.properties edit -> proxy_http.conf diagnostics)`,
  );
  console.log(`  server peak RSS           ${rss === undefined ? 'n/a' : `${rss.toFixed(1)} MiB`}`);
  const big: string[] = [];
  for (let b = 0; b < 50; b++) {
    big.push(`<Proxy balancer://cluster${b}>`);
    for (let m = 0; m < 96; m++)
      big.push(`    BalancerMember "http://10.0.${b}.${m}:8009" timeout=100 retry=60 \\`, `        loadfactor=50 route=APP${m}`);
    big.push('    ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On', '</Proxy>');
  }
  const bigText = big.join('\n');
  console.log(`  Apache reader with balancers, ${big.length} lines (${(bigText.length / 1024 / 1024).toFixed(2)} MB):`);
  throughput(bigText, { 'apache + balancers': (t) => findBalancers(parseApacheConfig(t)) });
}

/** 100 keystrokes at 20 ms intervals at the end of the 5,000-line file, with completion after each. */
async function benchTyping(): Promise<void> {
  const text = generateHazelcastStressFile(LINES);
  const client = await LspClient.start({ completionItemDefaults: true });
  const uri = 'file:///bench/node1/etc/hazelcast.properties';
  const opened = client.nextDiagnostics(uri, 1);
  client.open(uri, text);
  await opened;
  const line = text.split('\n').length - 1;
  const typed = 'com.openexchange.hazelcast.network.port=5701\ncom.openexchange.hazelcast.jmx=true\ncom.openexchange.hazelcast.liteMember=';
  const latencies: number[] = [];
  let position = { line, character: 0 };
  for (let i = 0; i < 100; i++) {
    const ch = typed[i % typed.length];
    client.change(uri, i + 2, [{ range: { start: position, end: position }, text: ch }]);
    position = ch === '\n' ? { line: position.line + 1, character: 0 } : { line: position.line, character: position.character + 1 };
    const t = performance.now();
    await client.request('textDocument/completion', { textDocument: { uri }, position });
    latencies.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
  await client.stop();
  console.log('Typing (100 keystrokes, 20 ms apart, completion after each):');
  console.log(
    `  completion p50 / p95      ${ms(percentile(latencies, 50)).padStart(10)} / ${ms(percentile(latencies, 95))}   (target p95 <= 10 ms)`,
  );
}

/** Peak RSS of a child process, sampled from /proc while it runs. */
function watchPeak(pid: number): () => number | undefined {
  let peak: number | undefined;
  const timer = setInterval(() => {
    const rss = peakRssMiB(pid);
    if (rss !== undefined) peak = rss;
  }, 25);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/** A 50 MB file: the CLI checks it fully; the server opens it (syntax only above oxClusterConfig.maxFileSize). */
async function benchHugeFile(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ox-bench-huge-'));
  const file = path.join(dir, 'node1/etc/hazelcast.properties');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = generateRealisticPropertiesFile(50 * 1024 * 1024);
  fs.writeFileSync(file, text, 'latin1');
  console.log(`A ${(text.length / 1024 / 1024).toFixed(1)} MB file (key=value lines, 10% comments, 2% continued or escaped):`);
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'server/out/cli.js'), 'check', dir], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const peak = watchPeak(child.pid!);
  await new Promise((resolve) => child.on('exit', resolve));
  const cliPeak = peak();
  console.log(
    `  CLI check                 ${ms(performance.now() - t0).padStart(10)}   peak RSS ${cliPeak?.toFixed(0) ?? 'n/a'} MiB   (targets <= 2000 ms, <= 256 MiB)`,
  );
  const client = await LspClient.start();
  const uri = `file://${file}`;
  const t1 = performance.now();
  const published = client.nextDiagnostics(uri, 1, 120_000);
  client.open(uri, text);
  await published;
  const tOpen = performance.now() - t1;
  const rss = peakRssMiB(client.process.pid!);
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(
    `  server didOpen -> diagnostics ${ms(tOpen).padStart(10)}   peak RSS ${rss?.toFixed(0) ?? 'n/a'} MiB   (syntax only: larger than 5 MB)`,
  );
}

/**
 * Helm values files: an 80 KB helmfile template opened and completed in the server, then a release of three
 * values files with 10 node types. The server here has no `.oxclusterconfig.json`, so it sees the three files as
 * three releases; the declared release is measured on the model and analyser the server runs.
 */
async function benchValues(): Promise<void> {
  const text = generateHelmfileValues(80 * 1024);
  const lines = text.split('\n');
  console.log(`Helm values: a helmfile template of ${(text.length / 1024).toFixed(0)} KiB, ${lines.length} lines:`);
  const client = await LspClient.start({ completionItemDefaults: true });
  const uri = 'file:///bench/deploy/values-prod.yaml.gotmpl';
  const t0 = performance.now();
  const first = client.nextDiagnostics(uri, 1);
  client.open(uri, text, 'plaintext');
  const diagnostics = await first;
  const tOpen = performance.now() - t0;
  // On OX keys (the key completes) and on their values (the value completes), spread over the file.
  const positions: Array<{ line: number; character: number }> = [];
  const entryLines = lines.flatMap((l, i) => (/^\s+com\.openexchange\./.test(l) ? [i] : []));
  for (let i = 0; positions.length < 200; i++) {
    const line = entryLines[(i * 37) % entryLines.length];
    const colon = lines[line].indexOf(': ');
    positions.push({ line, character: i % 2 === 0 ? lines[line].search(/\S/) + 12 : colon + 3 });
  }
  const completion: number[] = [];
  let items = 0;
  for (const position of positions) {
    const s = performance.now();
    const list = await client.request<{ items: unknown[] } | null>('textDocument/completion', { textDocument: { uri }, position });
    completion.push(performance.now() - s);
    items += list?.items.length ?? 0;
  }

  // Typing in an enum value: a typo (one invalid-value appears), then its removal (it goes), ten times.
  // The first edits still run the YAML parser cold; the median is what an admin typing sees.
  const editLine = lines.findIndex((l) => l.includes('healthMonitorLevel: silent'));
  const editAt = lines[editLine].indexOf('silent') + 'silent'.length;
  const edits: number[] = [];
  for (let version = 2; version < 12; version++) {
    const typo = version % 2 === 0;
    const t2 = performance.now();
    const edited = client.diagnosticsWhere(uri, (p) => p.version === version && p.diagnostics.length === (typo ? 1 : 0));
    const range = typo
      ? { start: { line: editLine, character: editAt }, end: { line: editLine, character: editAt } }
      : { start: { line: editLine, character: editAt }, end: { line: editLine, character: editAt + 1 } };
    client.change(uri, version, [{ range, text: typo ? 't' : '' }]);
    await edited;
    edits.push(performance.now() - t2);
  }

  // The same template once more under another name, in the running server (its parser no longer cold).
  const secondUri = 'file:///bench/deploy/values-staging.yaml.gotmpl';
  const t3 = performance.now();
  const second = client.nextDiagnostics(secondUri, 1);
  client.open(secondUri, text.replace(/prod/g, 'stag'), 'plaintext');
  await second;
  const tSecond = performance.now() - t3;

  const files = [0, 1, 2].map((i) => ({ uri: `file:///bench/release/values-${i}.yaml`, text: generateReleaseValues(i, 10) }));
  const t1 = performance.now();
  const published = files.map((f) => client.nextDiagnostics(f.uri, 1));
  for (const f of files) client.open(f.uri, f.text, 'yaml');
  await Promise.all(published);
  const tFiles = performance.now() - t1;
  const rss = peakRssMiB(client.process.pid!);
  await client.stop();

  // The declared release: read the three files, merge them, analyse every file and the release's cluster.
  const release = (): { types: number; diagnostics: number; ms: number } => {
    const t = performance.now();
    const docs = files.map((f) => readValuesDocument(TextDocument.create(f.uri, 'yaml', 1, f.text), catalog)!);
    const workspace = new Workspace(catalog, [], [{ name: 'bench', values: docs.map((d) => d.uri) }]);
    for (const d of docs) workspace.set(d);
    const analyzer = new WorkspaceAnalyzer(workspace, { catalog, singleFileRules: FILE_RULES, crossRules: CROSS_RULES });
    analyzer.analyzeAll(DEFAULT_SETTINGS);
    const diagnostics = docs.reduce((n, d) => n + analyzer.diagnostics(d.uri).length, 0);
    return { types: workspace.releases()[0].nodeTypes.length, diagnostics, ms: performance.now() - t };
  };
  const cold = release();
  const warm = Array.from({ length: 20 }, () => release().ms);

  console.log(
    `  didOpen -> diagnostics    ${ms(tOpen).padStart(10)}   (target <= 50 ms; ${diagnostics.diagnostics.length} diagnostics; the first YAML file of a fresh server)`,
  );
  console.log(
    `  yaml alone, fresh process ${ms(freshYamlParse(text)).padStart(10)}   (best of 3: parseDocument of the same text, the floor under the line above)`,
  );
  console.log(
    `  completion p50 / p95      ${ms(percentile(completion, 50)).padStart(10)} / ${ms(percentile(completion, 95))}   (target p95 <= 5 ms; ${(items / positions.length).toFixed(0)} items on average)`,
  );
  console.log(`  open a second one          ${ms(tSecond).padStart(10)}   (target <= 50 ms; the same size, in the running server)`);
  console.log(
    `  edit -> diagnostics       ${ms(edits[0]).padStart(10)} first / ${ms(percentile(edits, 50))} p50 of ${edits.length}   (target <= 50 ms, as for .properties files; the 20 ms debounce overlaps the parse)`,
  );
  console.log(
    `  3 files x 10 node types   ${ms(tFiles).padStart(10)}   (target <= 100 ms; opened together -> all diagnostics, three releases, as no .oxclusterconfig.json declares one)`,
  );
  console.log(
    `  declared release of them  ${ms(cold.ms).padStart(10)} first / ${ms(percentile(warm, 50))} p50   (target <= 100 ms; in process: read, merge, analyse; ${cold.types} node types, ${cold.diagnostics} diagnostics)`,
  );
  console.log(`  server peak RSS           ${rss === undefined ? 'n/a' : `${rss.toFixed(1)} MiB`}`);
}

/**
 * The cluster map of the 100-node workspace (10 clusters of 10), each cluster behind a balancer of its own with
 * a member per node: the graph in process from the analysed model (first and p50 of 20), the layout and SVG in
 * process, then `map --format svg` of the same files on disk as a user runs it (start-up included), the
 * webview's request through the real server and the webview page painting its answer in headless chromium.
 */
async function benchMap(): Promise<void> {
  const files = generateWorkspaceFiles(10, 10);
  const blocks = Array.from({ length: 10 }, (_, c) => [
    `<Proxy balancer://cluster${c}>`,
    ...Array.from({ length: 10 }, (_, n) => `    BalancerMember http://10.${c}.0.${n + 1}:8009 route=OX${c}_${n}`),
    '    ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On',
    '</Proxy>',
  ]);
  files['lb/apache2/proxy_http.conf'] = `${blocks.flat().join('\n')}\n`;
  const root = writeTree('ox-bench-map-', files);
  const service = createLanguageService({ catalog, host: nodeWorkspaceHost });
  await service.reconfigure({ catalog, roots: [], clusters: [], maxFileSize: Infinity });
  await service.load([pathToUri(root)], {});
  await service.analyzeAll(DEFAULT_SETTINGS);
  const graphTimes = Array.from({ length: 21 }, () => {
    const t = performance.now();
    service.clusterGraph();
    return performance.now() - t;
  });
  const graph = service.clusterGraph();
  const t = performance.now();
  const svg = renderSvg(graph);
  const tSvg = performance.now() - t;
  /** Best of 3 runs of the CLI with these arguments after `cli.js`. */
  const bestCli = (args: string[]) => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'server/out/cli.js'), ...args]);
      best = Math.min(best, performance.now() - start);
      if (run.status !== 0 && run.status !== 1) throw new Error(`${args[0]} exited ${run.status}: ${run.stderr}`);
    }
    return best;
  };
  const tMap = bestCli(['map', root, '--format', 'svg', '--out', path.join(root, 'map.svg')]);
  // The same reading and analysis without the map, for what the map adds.
  const tCheck = bestCli(['check', root, '--format', 'json']);
  // What the webview asks for: the map request through the real server, once everything is analysed.
  const client = await LspClient.start({ workspaceFolders: [root] });
  await Promise.all(Object.keys(files).map((rel) => client.nextDiagnostics(pathToUri(path.join(root, rel)), undefined, 60_000)));
  const requestTimes: number[] = [];
  let served = '';
  for (let i = 0; i < 11; i++) {
    const t = performance.now();
    served = (await client.request<{ svg: string | null }>('oxClusterConfig/clusterMap', {})).svg ?? '';
    requestTimes.push(performance.now() - t);
  }
  await client.stop();
  const paint = await webviewPaint(served);
  fs.rmSync(root, { recursive: true, force: true });
  console.log(
    `Cluster map: 100 nodes in 10 clusters, each behind a balancer of 10 members (${graph.edges.length} edges, ${graph.findings.length} findings, SVG ${(svg.length / 1024).toFixed(0)} KiB):`,
  );
  console.log(
    `  graph                     ${ms(graphTimes[0]).padStart(10)} first / ${ms(percentile(graphTimes.slice(1), 50))} p50   (target <= 100 ms)`,
  );
  console.log(`  layout + SVG in process   ${ms(tSvg).padStart(10)}`);
  console.log(
    `  CLI map --format svg      ${ms(tMap).padStart(10)} best of 3   (target <= 1000 ms, start-up included; check of the same files: ${ms(tCheck)})`,
  );
  console.log(
    `  map request (server)      ${ms(requestTimes[0]).padStart(10)} first / ${ms(percentile(requestTimes.slice(1), 50))} p50   (LspClient -> oxClusterConfig/clusterMap -> SVG of ${(served.length / 1024).toFixed(0)} KiB, ${served.match(/class="cluster cluster-collapsed"/g)?.length ?? 0} regions collapsed)`,
  );
  if (typeof paint === 'string') console.log(`  webview first paint       skipped: ${paint}`);
  else {
    console.log(
      `  webview page, SVG painted ${ms(paint.page).padStart(10)} page load / ${ms(paint.paint)} SVG message -> painted frame   (headless chromium, p50 of 5 fresh pages)`,
    );
    console.log(
      `  webview first paint       ${ms(requestTimes[0] + paint.paint).padStart(10)}   (target <= 500 ms: first request + SVG painted; the page loads while the request runs)`,
    );
  }
}

/** What VS Code gives a webview's script, enough for the map's page: state and messages that go nowhere. */
const STUB_VSCODE_API = `(() => {
  let state;
  window.acquireVsCodeApi = () => ({ getState: () => state, setState: (s) => (state = s), postMessage: () => {} });
})();`;

/** In the page: posts the map message, resolves with the ms until a frame with the SVG in it is painted. */
const PAINT_IN_PAGE = `async (svg) => {
  const start = performance.now();
  window.postMessage({ type: 'map', svg }, '*');
  await new Promise((resolve) => {
    const check = () => (document.querySelector('#map svg') ? requestAnimationFrame(() => requestAnimationFrame(resolve)) : setTimeout(check, 0));
    check();
  });
  return performance.now() - start;
}`;

/**
 * The webview's page (client/src/clusterMapPage.ts) in headless chromium with a stand-in for acquireVsCodeApi:
 * page load, then the map message with the server's SVG until a frame with it is painted (two animation
 * frames after it is in the DOM). A string says why it was skipped.
 */
async function webviewPaint(svg: string): Promise<{ page: number; paint: number } | string> {
  const executablePath = process.env.OX_E2E_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) return `no chromium at ${executablePath}`;
  const { clusterMapPage } = require(path.join(REPO_ROOT, 'out/client/src/clusterMapPage.js')) as {
    clusterMapPage: (nonce: string) => string;
  };
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ox-bench-webview-'));
  const file = path.join(dir, 'page.html');
  fs.writeFileSync(file, clusterMapPage('bench'));
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    headless: true,
  });
  try {
    const pages: number[] = [];
    const paints: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.addInitScript({ content: STUB_VSCODE_API });
      const t = performance.now();
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      pages.push(performance.now() - t);
      paints.push((await page.evaluate(`(${PAINT_IN_PAGE})(${JSON.stringify(svg)})`)) as number);
      await page.close();
    }
    return { page: percentile(pages, 50), paint: percentile(paints, 50) };
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const SECTIONS: Record<string, () => Promise<void>> = {
  parse: benchParse,
  server: benchServer,
  typing: benchTyping,
  workspace: benchWorkspace,
  huge: benchHugeFile,
  values: benchValues,
  balancer: benchBalancer,
  map: benchMap,
};

/** `--only server,typing` runs just those sections (names as in SECTIONS), in this order. */
async function main(): Promise<void> {
  const at = process.argv.indexOf('--only');
  const only = at >= 0 ? (process.argv[at + 1] ?? '').split(',') : Object.keys(SECTIONS);
  const unknown = only.filter((name) => !(name in SECTIONS));
  if (unknown.length) throw new Error(`unknown section ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  for (const [name, run] of Object.entries(SECTIONS)) if (only.includes(name)) await run();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
