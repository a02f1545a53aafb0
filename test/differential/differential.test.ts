// Differential test: our parseProperties against java.util.Properties.load (JDK) on ≥ 10,000
// generated documents. Two npm parsers are run over the same documents for information only.

import { test, TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getProperties } from 'properties-file';
import { parseProperties } from '../../server/src/parser/propertiesParser';
import { decodeUtf8AsJava } from '../../server/src/parser/latin1';
import { DEFAULT_COUNT, DEFAULT_SEED, documentFileName, generateDocuments, generateUtf8Documents } from './generate';

// properties-parser ships no type declarations.
const propertiesParser = require('properties-parser') as { parse(text: string): Record<string, string> };

const JAVA_SOURCE = path.join(__dirname, '../../../test/differential/PropsDump.java');
const COUNT = Number(process.env.DIFF_COUNT ?? DEFAULT_COUNT);
const SEED = Number(process.env.DIFF_SEED ?? DEFAULT_SEED);
const SHOW = 5;

type Pair = [string, string];
interface JdkResult {
  file: string;
  entries?: Pair[];
  error?: string;
}

function hasTool(tool: string): boolean {
  const r = spawnSync(tool, ['-version'], { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

/** Whether java and javac are on PATH; without them the test says so and is skipped, and fails under CI=true. */
function jdkAt(t: TestContext, label: string): boolean {
  if (hasTool('java') && hasTool('javac')) return true;
  const msg = `${label}: java/javac not found on PATH: the JDK comparison did NOT run`;
  console.log(msg);
  if (process.env.CI === 'true') assert.fail(`${msg} (required when CI=true)`);
  t.skip(msg);
  return false;
}

const timings: string[] = [];

function timed<T>(label: string, run: () => T): T {
  const t0 = Date.now();
  try {
    return run();
  } finally {
    timings.push(`${label} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
}

function isWritableDir(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** The JDK's reading of each document, written as bytes (one per character), as ISO-8859-1 or with `--utf8` as UTF-8. */
function runJdk(docs: string[], utf8 = false): Map<string, JdkResult> {
  // 10,000 small files: a RAM disk is ~30x faster to write than a loaded /tmp.
  const base = process.platform === 'linux' && isWritableDir('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const tmp = fs.mkdtempSync(path.join(base, 'ox-props-diff-'));
  try {
    const classes = path.join(tmp, 'classes');
    const inputs = path.join(tmp, 'docs');
    fs.mkdirSync(classes);
    fs.mkdirSync(inputs);
    timed('javac', () => execFileSync('javac', ['-nowarn', '-d', classes, JAVA_SOURCE], { stdio: ['ignore', 'ignore', 'inherit'] }));
    timed('write', () => docs.forEach((text, i) => fs.writeFileSync(path.join(inputs, documentFileName(i)), Buffer.from(text, 'latin1'))));
    const out = timed('java', () =>
      execFileSync('java', ['-Xshare:auto', '-XX:TieredStopAtLevel=1', '-cp', classes, 'PropsDump', inputs, ...(utf8 ? ['--utf8'] : [])], {
        maxBuffer: 1 << 30,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    );
    const results = new Map<string, JdkResult>();
    for (const line of out.split('\n')) {
      if (!line) continue;
      const r = JSON.parse(line) as JdkResult;
      results.set(r.file, r);
    }
    return results;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function lastWins(entries: Pair[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const [k, v] of entries) m.set(k, v);
  return m;
}

interface Disagreement {
  category: string;
  detail: string;
}

/** Compares an npm parser's final map with the JDK's last-wins map; undefined when they agree. */
function disagreement(jdk: JdkResult, run: () => Record<string, string>): Disagreement | undefined {
  let got: Record<string, string>;
  try {
    got = run();
  } catch (e) {
    if (jdk.error !== undefined) return undefined;
    return { category: 'throws on a document Java loads', detail: String((e as Error).message) };
  }
  if (jdk.error !== undefined) return { category: 'accepts a malformed \\u escape', detail: `returned ${JSON.stringify(got)}` };
  const want = lastWins(jdk.entries ?? []);
  for (const [k, v] of want) {
    if (!Object.prototype.hasOwnProperty.call(got, k)) return { category: 'misses a key', detail: `key ${JSON.stringify(k)}` };
    if (got[k] !== v) {
      return { category: 'different value', detail: `key ${JSON.stringify(k)}: JDK ${JSON.stringify(v)}, got ${JSON.stringify(got[k])}` };
    }
  }
  for (const k of Object.keys(got)) {
    if (!want.has(k)) return { category: 'extra key', detail: `key ${JSON.stringify(k)}` };
  }
  return undefined;
}

interface OracleStats {
  count: number;
  categories: Map<string, { count: number; example: number; detail: string }>;
}

function record(stats: OracleStats, d: Disagreement | undefined, index: number, docs: string[]): void {
  if (!d) return;
  stats.count++;
  const c = stats.categories.get(d.category);
  if (!c) stats.categories.set(d.category, { count: 1, example: index, detail: d.detail });
  else {
    c.count++;
    if (docs[index].length < docs[c.example].length) {
      // Keep the shortest example.
      c.example = index;
      c.detail = d.detail;
    }
  }
}

function describe(name: string, stats: OracleStats, docs: string[]): string[] {
  const cats = [...stats.categories.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, 3);
  return cats.map(([cat, c]) => `  ${name}: ${cat}: ${c.count}, e.g. ${JSON.stringify(docs[c.example])} (${c.detail})`);
}

test('parseProperties agrees with java.util.Properties.load on generated documents', (t) => {
  if (!jdkAt(t, 'differential')) return;

  const started = Date.now();
  const docs = timed('generate', () => generateDocuments(COUNT, SEED));
  const jdk = runJdk(docs);
  assert.equal(jdk.size, docs.length, 'the Java program must print one line per document');

  const mismatches: { text: string; report: string }[] = [];
  const pp: OracleStats = { count: 0, categories: new Map() };
  const pf: OracleStats = { count: 0, categories: new Map() };
  let jdkErrors = 0;

  const compareStart = Date.now();
  docs.forEach((text, i) => {
    const file = documentFileName(i);
    const expected = jdk.get(file);
    assert.ok(expected, `no JDK result for ${file}`);
    const doc = parseProperties(text);
    const ours = doc.entries.map((e): Pair => [e.key, e.value]);
    const malformed = doc.problems.filter((p) => p.code === 'malformed-unicode-escape').length;
    if (expected.error !== undefined) {
      jdkErrors++;
      if (malformed === 0) {
        mismatches.push({
          text,
          report: `${file} text=${JSON.stringify(text)}\n    ours: no malformed-unicode-escape problem, entries ${JSON.stringify(ours)}\n    JDK:  error ${JSON.stringify(expected.error)}`,
        });
      }
    } else {
      let same = ours.length === expected.entries!.length && malformed === 0;
      for (let k = 0; same && k < ours.length; k++) {
        same = ours[k][0] === expected.entries![k][0] && ours[k][1] === expected.entries![k][1];
      }
      if (!same) {
        mismatches.push({
          text,
          report: `${file} text=${JSON.stringify(text)}\n    ours: ${JSON.stringify(ours)}${malformed ? ` (+${malformed} malformed-unicode-escape problems)` : ''}\n    JDK:  ${JSON.stringify(expected.entries)}`,
        });
      }
    }
    record(
      pp,
      disagreement(expected, () => propertiesParser.parse(text)),
      i,
      docs,
    );
    record(
      pf,
      disagreement(expected, () => getProperties(text)),
      i,
      docs,
    );
  });

  timings.push(`compare ${((Date.now() - compareStart) / 1000).toFixed(1)} s`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const summary = `differential: ${docs.length} documents, ours ${mismatches.length} mismatches, properties-parser ${pp.count}, properties-file ${pf.count}`;
  console.log(summary);
  console.log(`  (seed 0x${SEED.toString(16)}, ${jdkErrors} documents rejected by the JDK, ${seconds} s: ${timings.join(', ')})`);
  for (const line of [...describe('properties-parser', pp, docs), ...describe('properties-file', pf, docs)]) console.log(line);
  t.diagnostic(summary);

  if (mismatches.length) {
    // The shortest documents first: they are the easiest to turn into unit tests.
    const shown = [...mismatches].sort((a, b) => a.text.length - b.text.length).slice(0, SHOW);
    console.log(`${shown.length} shortest of ${mismatches.length} mismatching documents (ours vs JDK):`);
    for (const m of shown) console.log(`  ${m.report}`);
  }
  assert.equal(mismatches.length, 0, `${mismatches.length} documents decode differently from the JDK (see above)`);
});

test('OX 8 reading: the bytes decoded as Java decodes UTF-8, then parsed, agree with Properties.load(Reader) in UTF-8', (t) => {
  if (!jdkAt(t, 'differential (UTF-8)')) return;
  const docs = generateUtf8Documents(COUNT, SEED);
  const jdk = runJdk(docs, true);
  assert.equal(jdk.size, docs.length, 'the Java program must print one line per document');
  const mismatches: string[] = [];
  let replaced = 0;
  docs.forEach((bytes, i) => {
    const file = documentFileName(i);
    const expected = jdk.get(file)!;
    const text = decodeUtf8AsJava(bytes);
    if (text.includes('\uFFFD')) replaced++;
    const doc = parseProperties(text);
    const malformed = doc.problems.some((p) => p.code === 'malformed-unicode-escape');
    const ours = doc.entries.map((e): Pair => [e.key, e.value]);
    const same = expected.error !== undefined ? malformed : !malformed && JSON.stringify(ours) === JSON.stringify(expected.entries);
    if (!same)
      mismatches.push(`${file} bytes=${JSON.stringify(bytes)}\n    ours: ${JSON.stringify(ours)}\n    JDK:  ${JSON.stringify(expected)}`);
  });
  const summary = `differential (UTF-8): ${docs.length} documents, ${replaced} with malformed UTF-8, ours ${mismatches.length} mismatches`;
  console.log(summary);
  t.diagnostic(summary);
  for (const m of mismatches.sort((a, b) => a.length - b.length).slice(0, SHOW)) console.log(`  ${m}`);
  assert.ok(replaced > docs.length / 4, 'the documents must exercise the replacement of malformed bytes');
  assert.equal(mismatches.length, 0, `${mismatches.length} documents decode differently from the JDK's UTF-8 reading (see above)`);
});
