import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const SRC = path.resolve(__dirname, '../../../server/src');

/**
 * The layers of server/src, lowest first. A file may import from its own layer and the layers below it, never
 * from above; so there are no cycles between layers. docs/ARCHITECTURE.md draws the same picture.
 */
const LAYERS: ReadonlyArray<{ name: string; paths: readonly string[] }> = [
  { name: 'util', paths: ['util/'] },
  // Template syntaxes (Go, Jinja, ERB) that every reader masks before parsing.
  { name: 'template', paths: ['template/'] },
  { name: 'parser', paths: ['parser/'] },
  { name: 'catalog', paths: ['catalog/'] },
  // Values sit below the model: grouping nodes into clusters reads the addresses of static node lists.
  { name: 'values', paths: ['values/'] },
  { name: 'model', paths: ['model/'] },
  { name: 'rules', paths: ['rules/'] },
  { name: 'analysis', paths: ['analysis/', 'settings.ts', 'config/'] },
  // The cluster map reads what the features read: the model and the analysis results.
  { name: 'features', paths: ['features/', 'map/'] },
  { name: 'language service', paths: ['languageService.ts', 'service/'] },
  { name: 'front ends', paths: ['host/', 'server.ts', 'cli/', 'cli.ts'] },
];
const FRONT_ENDS = LAYERS.length - 1;
/** Packages the pure core may use: protocol types, text documents, schema validation, YAML, the map's layout. */
const CORE_PACKAGES = new Set(['vscode-languageserver-types', 'vscode-languageserver-textdocument', 'ajv', 'yaml', '@dagrejs/dagre']);

function layerOf(rel: string): number {
  return LAYERS.findIndex((l) => l.paths.some((p) => (p.endsWith('/') ? rel.startsWith(p) : rel === p)));
}

function sourceFiles(dir: string, rel = ''): string[] {
  return fs.readdirSync(dir).flatMap((name) => {
    const relName = rel ? `${rel}/${name}` : name;
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) return sourceFiles(full, relName);
    return name.endsWith('.ts') ? [relName] : [];
  });
}

/** The file a relative import names, relative to server/src; undefined outside it (JSON data in schemas/). */
function resolve(from: string, spec: string): string | undefined {
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  if (target.startsWith('..')) return undefined;
  for (const candidate of [`${target}.ts`, `${target}/index.ts`, target]) if (fs.existsSync(path.join(SRC, candidate))) return candidate;
  return `${target}.ts`;
}

const files = sourceFiles(SRC);
const imports = files.flatMap((rel) => {
  const text = fs.readFileSync(path.join(SRC, rel), 'utf8');
  return [...text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)].map((m) => ({ rel, spec: m[1] }));
});

test('every source file belongs to a layer', () => {
  assert.ok(files.length > 60, `expected the server sources, found ${files.length}`);
  assert.deepEqual(
    files.filter((f) => layerOf(f) < 0),
    [],
  );
});

test('imports go down the layers only', () => {
  const offenders: string[] = [];
  for (const { rel, spec } of imports) {
    if (!spec.startsWith('.')) continue;
    const target = resolve(rel, spec);
    if (!target) continue;
    const from = layerOf(rel);
    const to = layerOf(target);
    if (to > from) offenders.push(`${rel} (${LAYERS[from].name}) imports ${target} (${LAYERS[to].name})`);
  }
  assert.deepEqual(offenders, []);
});

test('the core below the front ends uses no Connection, no fs, no process', () => {
  const offenders: string[] = [];
  for (const { rel, spec } of imports) {
    if (layerOf(rel) >= FRONT_ENDS) continue;
    const pkg = spec
      .split('/')
      .slice(0, spec.startsWith('@') ? 2 : 1)
      .join('/');
    if (!spec.startsWith('.') && !spec.endsWith('.json') && !CORE_PACKAGES.has(pkg)) offenders.push(`${rel} imports ${spec}`);
  }
  for (const rel of files) {
    const text = fs.readFileSync(path.join(SRC, rel), 'utf8');
    if (layerOf(rel) < FRONT_ENDS && /\bprocess\.(env|argv|exit|stdout|stderr)\b/.test(text)) offenders.push(`${rel} touches process`);
  }
  assert.deepEqual(offenders, []);
});

test("rules read the model, never the YAML parser's nodes (values files reach them as settings and chart values)", () => {
  const offenders = imports.filter(({ rel, spec }) => rel.startsWith('rules/') && spec.split('/')[0] === 'yaml').map(({ rel }) => rel);
  assert.deepEqual(offenders, []);
});

/**
 * What server.ts and the CLI may import besides each other: the language service, the configuration resolver
 * (shared by design), the catalog (the server builds the built-in one), the node hosts, the settings, and the
 * registry's rule metadata (ids and titles for --help, SARIF rule descriptors). The analysis, the features, the
 * model, the rules, the values and the parser are reached through the language service only, types included:
 * the service re-exports the few types a front end names.
 */
// features/codeActionKinds.ts: the fix-all kind the server announces in `initialize`, before it loads the core.
const FRONT_END_MAY_USE = [
  'languageService.ts',
  'config/',
  'catalog/',
  'host/',
  'settings.ts',
  'rules/registry.ts',
  'rules/rule.ts',
  'features/codeActionKinds.ts',
];

function frontEndOffenders(list: ReadonlyArray<{ rel: string; spec: string }>): string[] {
  const offenders: string[] = [];
  for (const { rel, spec } of list) {
    if (!(rel === 'server.ts' || rel.startsWith('cli/')) || !spec.startsWith('.')) continue;
    const target = resolve(rel, spec);
    if (!target || target.startsWith('cli/') || target === 'cli.ts') continue;
    if (!FRONT_END_MAY_USE.some((p) => (p.endsWith('/') ? target.startsWith(p) : target === p))) offenders.push(`${rel} imports ${target}`);
  }
  return offenders;
}

test('the server and the CLI reach the core through the language service only', () => {
  assert.deepEqual(frontEndOffenders(imports), []);
});

test('the front-end check sees a way around the language service', () => {
  assert.deepEqual(
    frontEndOffenders([
      { rel: 'server.ts', spec: './analysis/workspaceSync' },
      { rel: 'cli/check.ts', spec: '../model/workspace' },
      { rel: 'cli/report.ts', spec: '../values/redact' },
      { rel: 'cli/fix.ts', spec: '../rules/cross/clusterMismatch' },
      { rel: 'cli/check.ts', spec: '../rules/registry' },
      { rel: 'cli/check.ts', spec: './report' },
      { rel: 'host/nodeHost.ts', spec: '../analysis/host' },
    ]),
    [
      'server.ts imports analysis/workspaceSync.ts',
      'cli/check.ts imports model/workspace.ts',
      'cli/report.ts imports values/redact.ts',
      'cli/fix.ts imports rules/cross/clusterMismatch.ts',
    ],
  );
});

test('the layer check sees an upward import', () => {
  // A rule importing the analysis layer must be reported: the check above is not vacuous.
  assert.ok(layerOf('rules/x.ts') < layerOf(resolve('rules/x.ts', '../analysis/engine')!));
  assert.equal(resolve('rules/cross/a.ts', '../rule'), 'rules/rule.ts');
});
