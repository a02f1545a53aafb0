// Checks the built-in catalog files in schemas/catalog/ against the schema and against the OX reference facts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { validateCatalogFile } from '../../server/src/catalog/validateCatalog';
import { CORPUS, NO_CORPUS, oxFilesBelow } from '../support/corpus';
import { BEFORE_7_10, UNKNOWN_VERSION } from '../../server/src/catalog/types';
import type { CatalogFile, PropertyDef } from '../../server/src/catalog/types';
import { versionFactProblems } from '../../server/src/catalog/versionFacts';
import { parseOxVersion } from '../../server/src/util/versions';

// Compiled tests live in out/test/unit.
const repoRoot = path.join(__dirname, '../../..');
const schemasDir = path.join(__dirname, '../../../schemas');
const catalogDir = path.join(schemasDir, 'catalog');
const referenceDir = path.join(repoRoot, '..', 'shared', 'ox-reference');
const SHARED_MISSING = '…shared/ox-reference not found';

interface Loaded {
  name: string;
  data: unknown;
}

function loadCatalogs(): Loaded[] {
  return fs
    .readdirSync(catalogDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, data: JSON.parse(fs.readFileSync(path.join(catalogDir, name), 'utf8')) as unknown }));
}

const loaded = loadCatalogs();
const catalogs: { name: string; catalog: CatalogFile }[] = loaded.map(({ name, data }) => ({
  name,
  catalog: data as CatalogFile,
}));

function allProperties(): { name: string; prop: PropertyDef }[] {
  return catalogs.flatMap(({ name, catalog }) => (catalog.properties ?? []).map((prop) => ({ name, prop })));
}

const knownKeys = new Set(allProperties().flatMap(({ prop }) => (prop.key ? [prop.key] : [])));

function patternRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split('<name>')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^.]+');
  return new RegExp(`^${escaped}$`);
}

function readReference<T>(file: string): T | undefined {
  const p = path.join(referenceDir, file);
  return fs.existsSync(p) ? (JSON.parse(fs.readFileSync(p, 'utf8')) as T) : undefined;
}

test('the catalog directory holds catalog files', () => {
  assert.ok(loaded.length >= 10, `only ${loaded.length} files in ${catalogDir}`);
});

test('the schema compiles in ajv (strict schema and strict types) without warnings', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(schemasDir, 'catalog.schema.json'), 'utf8')) as object;
  const warnings: string[] = [];
  const collect = (...args: unknown[]): void => {
    warnings.push(args.map(String).join(' '));
  };
  const ajv = new Ajv({ allErrors: true, strictTypes: true, logger: { log: collect, warn: collect, error: collect } });
  assert.doesNotThrow(() => ajv.compile(schema));
  assert.deepEqual(warnings, []);
});

for (const { name, data } of loaded) {
  test(`${name} matches catalog.schema.json`, () => {
    const result = validateCatalogFile(data);
    assert.ok(result.ok, result.ok ? '' : `${name}:\n  ${result.errors.join('\n  ')}`);
    assert.equal((data as CatalogFile).$schema, '../catalog.schema.json');
  });
}

test('validateCatalogFile reports readable errors with JSON pointers', () => {
  const bad = {
    file: 'x.properties',
    properties: [
      { key: 'a', pattern: 'b', type: 'integer', default: null, description: 'both key and pattern' },
      { key: 'c', type: 'number', default: '1', description: 'bad type' },
      { key: 'd', type: 'string', default: null, description: 'extra field', colour: 'red' },
    ],
  };
  const result = validateCatalogFile(bad);
  assert.equal(result.ok, false);
  if (result.ok) return;
  const text = result.errors.join('\n');
  assert.match(text, /^\/properties\/0 .*key.*pattern/m);
  assert.match(text, /^\/properties\/1\/type /m);
  assert.match(text, /^\/properties\/2 .*"colour"/m);
  assert.ok(
    result.errors.every((e) => !e.includes('\n')),
    'one line per error',
  );
  assert.equal(validateCatalogFile('not an object').ok, false);
});

test('emptyRejected needs the words of empty', () => {
  const entry = { key: 'a', type: 'integer', default: '1', description: 'd', emptyRejected: true };
  const without = validateCatalogFile({ file: 'x.properties', properties: [entry] });
  assert.deepEqual(without.ok ? [] : without.errors, ['/properties/0 must have property empty when property emptyRejected is present']);
  assert.equal(validateCatalogFile({ file: 'x.properties', properties: [{ ...entry, empty: 'rejected' }] }).ok, true);
  const flagged = allProperties()
    .filter(({ prop }) => prop.emptyRejected)
    .map(({ prop }) => prop.key);
  assert.deepEqual(flagged, [
    'com.openexchange.hazelcast.configuration.map.backupCount',
    'com.openexchange.hazelcast.configuration.map.asyncBackupCount',
    'com.openexchange.hazelcast.configuration.map.maxIdleSeconds',
    'com.openexchange.hazelcast.configuration.map.timeToLiveSeconds',
  ]);
});

test('no key or pattern is listed twice across the catalog files', () => {
  const seen = new Map<string, string>();
  const duplicates: string[] = [];
  for (const { name, prop } of allProperties()) {
    const id = prop.key ?? `pattern:${prop.pattern}`;
    const first = seen.get(id);
    if (first) duplicates.push(`${id} (${first}, ${name})`);
    else seen.set(id, name);
  }
  assert.deepEqual(duplicates, []);
});

test('every catalog names a distinct OX file', () => {
  const files = catalogs.map(({ catalog }) => catalog.file);
  assert.equal(new Set(files).size, files.length, files.join(', '));
});

test('every pattern compiles and contains <name>', () => {
  for (const { name, prop } of allProperties()) {
    if (!prop.pattern) continue;
    assert.ok(prop.pattern.includes('<name>'), `${name}: ${prop.pattern}`);
    assert.doesNotThrow(() => patternRegExp(prop.pattern as string), `${name}: ${prop.pattern}`);
    assert.match(prop.pattern.replace(/<name>/g, 'Example'), patternRegExp(prop.pattern));
  }
});

test('enum entries list values and their default is one of them', () => {
  for (const { name, prop } of allProperties()) {
    const id = `${name}: ${prop.key ?? prop.pattern}`;
    if (prop.type !== 'enum') {
      assert.equal(prop.values, undefined, `${id} has values but is no enum`);
      continue;
    }
    assert.ok(prop.values && prop.values.length > 0, `${id} has no values`);
    if (prop.default === null) continue;
    const values = prop.values ?? [];
    const hit = prop.caseSensitive
      ? values.includes(prop.default)
      : values.some((v) => v.toLowerCase() === (prop.default as string).toLowerCase());
    assert.ok(hit, `${id}: default ${prop.default} not in ${values.join(', ')}`);
  }
});

test('replacedBy points to a known key, and min <= max', () => {
  for (const { name, prop } of allProperties()) {
    const id = `${name}: ${prop.key ?? prop.pattern}`;
    if (prop.replacedBy) assert.ok(knownKeys.has(prop.replacedBy), `${id} -> ${prop.replacedBy}`);
    if (prop.min !== undefined && prop.max !== undefined) assert.ok(prop.min <= prop.max, id);
    if (prop.secretDefault) assert.equal(prop.secret, true, `${id} has secretDefault but is not secret`);
  }
});

test('namespaces do not repeat across catalog files', () => {
  const all = catalogs.flatMap(({ catalog }) => catalog.namespaces ?? []);
  assert.equal(new Set(all).size, all.length, all.join(', '));
});

interface RefProperty {
  key: string;
  file: string;
  pattern?: boolean;
}

test('every key of properties.json is covered', (t) => {
  const props = readReference<RefProperty[]>('properties.json');
  if (!props) {
    t.skip(SHARED_MISSING);
    return;
  }
  const prefixes = catalogs.flatMap(({ catalog }) => (catalog.fieldMatch ?? []).map((m) => m.prefix));
  const missing: string[] = [];
  for (const p of props) {
    if (p.key.endsWith('.*')) {
      if (!prefixes.includes(p.key.slice(0, -1))) missing.push(p.key);
    } else if (!knownKeys.has(p.key)) {
      missing.push(p.key);
    }
  }
  assert.deepEqual(missing, []);
});

interface RefRename {
  old?: string;
  new?: string | null;
  key?: string;
  kind: string;
  removedIn?: string;
}

test('every old key of renames.json is present with replacedBy, removedIn or ignoredFrom', (t) => {
  const renames = readReference<RefRename[]>('renames.json');
  if (!renames) {
    t.skip(SHARED_MISSING);
    return;
  }
  const byKey = new Map(allProperties().flatMap(({ prop }) => (prop.key ? [[prop.key, prop] as const] : [])));
  const problems: string[] = [];
  for (const r of renames) {
    if (r.kind === 'file-rename') continue;
    // Default changes name the key in "key" (sometimes followed by " (file)"); "old" is then the old value.
    const raw = r.kind === 'default-change' || r.key ? (r.key as string) : (r.old as string);
    const key = raw.replace(/ \(.*\)$/, '').replace(/\*$/, '');
    const prop = byKey.get(key);
    if (!prop) {
      problems.push(`${r.kind}: ${key} missing`);
      continue;
    }
    if (r.kind === 'rename') {
      if (prop.replacedBy !== r.new) problems.push(`${key}: replacedBy ${prop.replacedBy} != ${r.new}`);
      if (!prop.removedIn) problems.push(`${key}: no removedIn`);
    } else if (r.kind === 'removed') {
      // renames.json records removals from the stock file; a key OX still accepts but ignores (group.password) has ignoredFrom.
      const gone = prop.removedIn ?? prop.ignoredFrom;
      if (!gone) problems.push(`${key}: no removedIn or ignoredFrom`);
      if (r.removedIn && gone?.version !== r.removedIn) problems.push(`${key}: removedIn ${gone?.version} != ${r.removedIn}`);
    } else if (r.kind === 'default-change') {
      if (!/ \(.*\)$/.test(raw) && !prop.defaultNote) problems.push(`${key}: default change without defaultNote`);
    } else if (r.kind === 'doc-vs-code-conflict') {
      if (r.new && !byKey.has(r.new)) problems.push(`${r.new} missing`);
    }
  }
  assert.deepEqual(problems, []);
});

test('every key set in the stock corpus inside an owned namespace is known', (t) => {
  if (!fs.existsSync(CORPUS)) {
    t.skip(NO_CORPUS);
    return;
  }
  const namespaces = catalogs.flatMap(({ catalog }) => catalog.namespaces ?? []);
  const patterns = allProperties().flatMap(({ prop }) => (prop.pattern ? [patternRegExp(prop.pattern)] : []));
  const fieldMatches = catalogs.flatMap(({ catalog }) => catalog.fieldMatch ?? []);
  const isKnown = (key: string): boolean => {
    if (knownKeys.has(key) || patterns.some((re) => re.test(key))) return true;
    const fm = fieldMatches.find((m) => key.startsWith(m.prefix));
    if (!fm) return false;
    const last = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
    return fm.fields.some((f) => f.name.toLowerCase() === last);
  };
  const files = oxFilesBelow(CORPUS);
  const unknown: string[] = [];
  for (const file of files) {
    const lines = fs.readFileSync(file, 'latin1').split(/\r?\n/);
    for (const line of lines) {
      const m = /^\s*([^\s#!=:][^\s=:]*)\s*[=:\s]/.exec(line);
      if (!m) continue;
      const key = m[1];
      if (!namespaces.some((ns) => key.startsWith(ns))) continue;
      if (!isKnown(key)) unknown.push(`${path.relative(CORPUS, file)}: ${key}`);
    }
  }
  assert.ok(files.length > 0);
  assert.deepEqual(unknown, []);
});

/** A version field's value: an OX version, or the marker the field allows. */
function parsesAsVersion(value: string, marker?: string): boolean {
  return value === marker || (/^\d+\.\d+(\.\d+)?$/.test(value) && parseOxVersion(value) !== undefined);
}

test('every since, removedIn, ignoredFrom and stock value change parses and has evidence', () => {
  const problems: string[] = [];
  for (const { name, prop } of allProperties()) {
    const id = `${name}: ${prop.key ?? prop.pattern}`;
    const check = (field: string, version: string, evidence: string | undefined, marker?: string) => {
      if (!parsesAsVersion(version, marker)) problems.push(`${id}: ${field} ${version} does not parse`);
      if (!evidence?.trim()) problems.push(`${id}: ${field} has no evidence`);
    };
    if (prop.since) check('since', prop.since.version, prop.since.evidence, BEFORE_7_10);
    if (prop.since?.disputed) check('since.disputed', prop.since.disputed.version, prop.since.disputed.evidence);
    if (prop.removedIn) check('removedIn', prop.removedIn.version, prop.removedIn.evidence, UNKNOWN_VERSION);
    for (const bound of [prop.removedIn?.lastReadIn, prop.removedIn?.notReadIn]) {
      if (bound !== undefined && !parsesAsVersion(bound)) problems.push(`${id}: removal bound ${bound} does not parse`);
    }
    if (prop.ignoredFrom) check('ignoredFrom', prop.ignoredFrom.version, prop.ignoredFrom.evidence);
    for (const change of prop.stockValues ?? []) check('stockValues', change.from, change.evidence, BEFORE_7_10);
    problems.push(...versionFactProblems(prop).map((p) => `${id}: ${p}`));
  }
  assert.deepEqual(problems, []);
});

test('how many keys carry version facts', () => {
  const props = allProperties().map(({ prop }) => prop);
  const count = (has: (p: PropertyDef) => boolean) => props.filter(has).length;
  assert.deepEqual(
    {
      entries: props.length,
      since: count((p) => !!p.since),
      sinceDated: count((p) => !!p.since && p.since.version !== BEFORE_7_10),
      removedIn: count((p) => !!p.removedIn),
      removedInDated: count((p) => !!p.removedIn && p.removedIn.version !== UNKNOWN_VERSION),
      ignoredFrom: count((p) => !!p.ignoredFrom),
      stockValues: count((p) => !!p.stockValues),
    },
    { entries: 255, since: 136, sinceDated: 41, removedIn: 42, removedInDated: 4, ignoredFrom: 1, stockValues: 3 },
  );
});

test('a user catalog with a bad version gets one clear line per problem', () => {
  const entry = { key: 'com.example.a', type: 'string', default: null, description: 'd' };
  const result = validateCatalogFile({
    file: 'x.properties',
    properties: [
      { ...entry, since: { version: '7.10.x' } },
      { ...entry, removedIn: { version: 'soon', evidence: 'e' } },
      { ...entry, removedIn: { version: '8.0' } },
      { ...entry, stockValues: [{ from: 'v8', value: '0', evidence: 'e' }] },
    ],
  });
  assert.deepEqual(result.ok ? [] : result.errors, [
    '/properties/0/since/version must be an OX version such as "7.10.5", or "before-7.10", not "7.10.x"',
    '/properties/1/removedIn/version must be an OX version such as "7.10.5", or "unknown", not "soon"',
    "/properties/2/removedIn must have required property 'evidence'",
    '/properties/3/stockValues/0/from must be an OX version such as "7.10.5", or "before-7.10", not "v8"',
  ]);
  const contradiction = validateCatalogFile({
    file: 'x.properties',
    properties: [{ ...entry, since: { version: '8.0' }, removedIn: { version: '7.10.6', evidence: 'e' } }],
  });
  assert.deepEqual(contradiction.ok ? [] : contradiction.errors, ['/properties/0 removedIn 7.10.6 is earlier than since 8.0']);
});
