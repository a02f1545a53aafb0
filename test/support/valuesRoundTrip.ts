// Fix round trips on Helm values files: a generator of core-mw values files in varied YAML styles, and the
// check that a fix does what it says and nothing else (the YAML counterpart of fixRoundTrip's checkFix).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { isScalar, parseDocument, visit } from 'yaml';
import { FixData } from '../../server/src/analysis/engine';
import { readValuesDocument } from '../../server/src/model/helm/valuesDocument';
import { catalog } from './catalog';
import { Analysis, analyze, applyFix, changedPaths, Files, relativeOf, uriOf } from './memoryHost';
import { DeclaredRelease } from '../../server/src/model/helm/release';

/** The rules whose fixes these round trips exercise. */
export const VALUES_FIX_RULES = ['chart-managed-key', 'secret-in-configmap', 'hz-group-name-unset', 'hz-group-password-ignored'];

export const VALUES_PATH = 'deploy/values.yaml';

const MAP_KEYS = new Set([
  'properties',
  'secretProperties',
  'propertiesFiles',
  'secretPropertiesFiles',
  '/opt/open-xchange/etc/guard.properties',
]);

const quoted = (value: string, style: number) => (style === 0 ? value : style === 1 ? JSON.stringify(value) : `'${value}'`);

/** One OX-key entry: key, value and how it is written. */
const arbitraryValuesEntryLine = fc
  .tuple(
    fc.constantFrom(
      ['com.openexchange.hazelcast.network.join', 'static'],
      ['com.openexchange.hazelcast.network.portOffset', '1'],
      ['com.openexchange.hazelcast.group.name', 'cluster-a'],
      ['com.openexchange.hazelcast.liteMember', 'true'],
      ['com.openexchange.guard.restApiPassword', 'hunter22'],
      ['com.example.sync.apiKey', 'k-3817'],
      ['com.openexchange.sessiond.maxSession', '5000'],
      ['com.openexchange.sessiond.maxSessionPerUser', '40'],
    ),
    fc.nat(2),
    fc.boolean(),
  )
  .map(([[key, value], style, comment]) => `${key}: ${quoted(value, style)}${comment ? ' # set by hand' : ''}`);

/** A map key with its entries, at an indentation; an empty list is written `{}`. */
function valuesMapLines(key: string, entries: string[], indent: string, unit: string): string[] {
  if (!entries.length) return [`${indent}${key}: {}`];
  return [`${indent}${key}:`, ...entries.map((e) => `${indent}${unit}${e}`)];
}

/** A core-mw values file: OX-key maps at the root, in a role and in a node type, with chart keys around them. */
export const arbitraryValuesWorkspace: fc.Arbitrary<{ files: Files; releases: DeclaredRelease[] }> = fc
  .record({
    unit: fc.constantFrom('  ', '    '),
    /** The secret map may indent its entries in a style of its own. */
    secretUnit: fc.constantFrom('  ', '    ', '      '),
    nested: fc.boolean(),
    rootProps: fc.array(arbitraryValuesEntryLine, { maxLength: 4 }),
    secretProps: fc.array(arbitraryValuesEntryLine, { maxLength: 2 }),
    roleProps: fc.array(arbitraryValuesEntryLine, { maxLength: 2 }),
    fileProps: fc.array(arbitraryValuesEntryLine, { maxLength: 2 }),
    groupName: fc.constantFrom('absent', 'empty', 'set'),
    pods: fc.integer({ min: 1, max: 3 }),
    comment: fc.boolean(),
    crlf: fc.boolean(),
    groupPassword: fc.boolean(),
    chartVersion: fc.constantFrom(undefined, '4.8.1', '6.20.2'),
  })
  .map((c) => {
    const u = c.unit;
    const root = c.nested ? u : '';
    const lines: string[] = [];
    if (c.comment) lines.push('# values of the production release');
    if (c.nested) lines.push('core-mw:');
    if (c.groupName !== 'absent') lines.push(`${root}hzGroupName: ${c.groupName === 'set' ? 'prod' : '""'}`);
    if (c.groupPassword) lines.push(`${root}hzGroupPassword: c2VjcmV0${c.comment ? ' # base64' : ''}`);
    lines.push(...valuesMapLines('properties', c.rootProps, root, u));
    if (c.secretProps.length) lines.push(...valuesMapLines('secretProperties', c.secretProps, root, c.secretUnit));
    if (c.fileProps.length) {
      lines.push(`${root}propertiesFiles:`, ...valuesMapLines('/opt/open-xchange/etc/guard.properties', c.fileProps, root + u, u));
    }
    if (c.roleProps.length) {
      lines.push(
        `${root}roles:`,
        `${root}${u}tuned:`,
        `${root}${u}${u}values:`,
        ...valuesMapLines('properties', c.roleProps, root + u + u + u, u),
      );
    }
    lines.push(`${root}scaling:`, `${root}${u}nodes:`, `${root}${u}${u}docs:`);
    lines.push(`${root}${u}${u}${u}replicas: ${c.pods}`, `${root}${u}${u}${u}roles: [documents${c.roleProps.length ? ', tuned' : ''}]`);
    const files = { [VALUES_PATH]: lines.join(c.crlf ? '\r\n' : '\n') + (c.crlf ? '\r\n' : '\n') };
    return { files, releases: c.chartVersion ? [{ name: 'prod', chartVersion: c.chartVersion, values: [uriOf(VALUES_PATH)] }] : [] };
  });

/** Each OX-key entry of a values text as `scope | key | value`. */
function entriesOf(text: string): string[] {
  const doc = readValuesDocument(TextDocument.create(`file:///${VALUES_PATH}`, 'yaml', 1, text), catalog);
  return (doc?.settings ?? []).map((s) => `${s.scope} | ${s.key} | ${s.value}`).sort();
}

const keyOf = (e: string) => e.split(' | ')[1];
const minus = (a: string[], b: string[]) => {
  const rest = [...b];
  return a.filter((x) => {
    const i = rest.indexOf(x);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
};

/** The key a finding is about: the key under its range, or the chart key `hzGroupName`. */
function subjectOf(text: string, d: Diagnostic): string {
  if (d.code === 'hz-group-name-unset') return 'hzGroupName';
  const line = text.split(/\r?\n/)[d.range.start.line];
  return line.slice(d.range.start.character, d.range.end.character);
}

/**
 * Checks one fix of a values file: only its file changes, by its edits; the YAML stays valid; every entry
 * other than the finding's subject stays where and as it was; comments survive unless on a removed line;
 * and the finding is gone after the fix.
 */
export async function checkValuesFix(
  files: Files,
  before: Analysis,
  file: string,
  d: Diagnostic,
  fix: FixData,
  releases: readonly DeclaredRelease[] = [],
): Promise<void> {
  const where = `${String(d.code)} "${fix.title}" (${file}:${d.range.start.line + 1})\n${files[file]}\n`;
  const after = applyFix(files, fix);
  assert.deepEqual(changedPaths(files, after), [file], `${where}: only its own file changes`);
  assert.ok(
    fix.edits.every((e) => relativeOf(e.uri) === file),
    `${where}: edits only its file`,
  );
  const text = after[file];
  assert.deepEqual(parseDocument(text, { uniqueKeys: false }).errors.map(String), [], `${where}: stays valid YAML\n${text}`);
  // A map left empty must stay a map: YAML null there would delete the chart's defaults under that key.
  const nulls: string[] = [];
  visit(parseDocument(text, { uniqueKeys: false }), {
    Pair: (_, pair) => {
      if (
        isScalar(pair.key) &&
        MAP_KEYS.has(String(pair.key.value)) &&
        (pair.value === null || (isScalar(pair.value) && pair.value.value === null))
      ) {
        nulls.push(String(pair.key.value));
      }
    },
  });
  assert.deepEqual(nulls, [], `${where}: no map becomes null\n${text}`);
  const subject = subjectOf(files[file], d);
  const was = entriesOf(files[file]);
  const now = entriesOf(text);
  assert.deepEqual(
    [...minus(was, now), ...minus(now, was)].filter((e) => keyOf(e) !== subject),
    [],
    `${where}: other entries unchanged\n${text}`,
  );
  // A moved entry keeps its value; a removed one is gone from its scope.
  const comments = (t: string) => t.split(/\r?\n/).filter((l) => /#/.test(l) && !l.includes(subject)).length;
  assert.equal(comments(text), comments(files[file]), `${where}: comments of other lines kept\n${text}`);
  if (/\r\n/.test(files[file])) assert.ok(!/[^\r]\n/.test(text), `${where}: keeps CRLF line ends\n${JSON.stringify(text)}`);
  const reanalysed = await analyze(after, before.settings, [], releases);
  const same = (a: Analysis) => (a.byFile[file] ?? []).filter((x) => x.code === d.code && x.message === d.message).length;
  assert.ok(same(reanalysed) < same(before), `${where}: the finding is gone\n${text}`);
}
