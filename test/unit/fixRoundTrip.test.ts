// Round trips of every quick fix, over examples/ and over generated workspaces (fast-check, fixed seeds).
//
// For each fix offered by a diagnostic:
//  (a) after applying it and analysing again, the diagnostic (same rule, same file, same subject: key, or
//      setting for cluster-mismatch) is gone, or one fewer when the file had several of them;
//  (b) every touched file parses with the same entries except the intended change, which the title names
//      (changed key, changed value, removed line, added line);
//  (c) no byte outside the edit ranges changes, and no edit range touches another entry or a comment;
//  (d) no fix for the same finding remains, and applying fixes over and over ends (no fix undoes another).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { PropertyDef } from '../../server/src/catalog/types';
import { isRetired } from '../../server/src/catalog/versionFacts';
import { OxDocument } from '../../server/src/model/properties/propertiesDocument';
import { applyFixes } from '../../server/src/features/applyFixes';
import { FixData } from '../../server/src/analysis/engine';
import { nodeWorkspaceHost, pathToUri } from '../../server/src/host/nodeHost';
import { escapeKey, escapeValue, javaTrim } from '../../server/src/parser/javaText';
import { parseProperties } from '../../server/src/parser/propertiesParser';
import { RULES } from '../../server/src/rules/registry';
import { loadFiles } from '../../server/src/analysis/load';
import { nodeFolderOf } from '../../server/src/model/node';
import { relativeUri } from '../../server/src/util/uris';
import { Analysis, analyze, applyFix, catalog, changedPaths, Files, fixesOf, relativeOf, uriOf } from '../support/memoryHost';
import { isMap, isScalar, isSeq, Node, parseDocument } from 'yaml';
import { isValuesDocument } from '../../server/src/model/helm/valuesDocument';
import { applyEdits, OffsetEdit } from '../support/edits';
import { safeSplitPoints } from '../support/layout';
import { APACHE_FIX_RULES, apacheFixCase, checkApacheEdits } from '../support/apacheRoundTrip';
import { isApacheDocument } from '../../server/src/model/apache/apacheDocument';
import { checkValuesFix as checkValuesEntriesFix, VALUES_FIX_RULES } from '../support/valuesRoundTrip';

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const RULES_SOURCE = path.resolve(__dirname, '../../../server/src/rules');
const RUNS = Number(process.env.FIX_RUNS ?? 120);
const SEED_SHIFT = Number(process.env.FIX_SEED ?? 0);

const H = 'com.openexchange.hazelcast.';
const M = `${H}configuration.map.`;
const S = 'com.openexchange.sessiond.';
const JOIN = `${H}network.join`;
const GROUP_NAME = `${H}group.name`;
const STATIC_NODES = `${H}network.join.static.nodes`;
const INTERFACES = `${H}network.interfaces`;
const EVENTS = 'com.openexchange.caching.jcs.eventInvalidation';

// ---------------------------------------------------------------------------------------------
// Checking one fix

type Pair = { key: string; value: string; raw?: boolean };

function pairsOf(text: string): Array<{ key: string; value: string }> {
  return parseProperties(text).entries.map((e) => ({ key: e.key, value: e.value }));
}

/** What a fix is meant to do to one file, in terms of its entries (indices into the file's entries before). */
type Change =
  | { kind: 'key'; index: number; key: string }
  | { kind: 'value'; index: number; what: string; accept: (value: string, old: string) => boolean }
  | { kind: 'remove'; indices: number[] }
  | { kind: 'set'; key: string; value?: string; after?: number }
  | { kind: 'append'; key: string; value: string }
  /** The entries equal those of this text (edits whose new text is an escape of what it replaces). */
  | { kind: 'decoded'; index: number; text: string }
  | { kind: 'text'; text: string; index: number };

type Edit = OffsetEdit;

function docOf(analysis: Analysis, file: string): OxDocument | undefined {
  return analysis.workspace.get(uriOf(file)) as OxDocument | undefined;
}

function canonical(e: OxDocument['entries'][number]): string {
  return e.known?.canonicalKey ?? e.key;
}

/** Index of the entry whose lines hold an offset (the start of a diagnostic). */
function entryIndexAt(doc: OxDocument, offset: number): number {
  return doc.entries.findIndex((e) => e.entry.start <= offset && offset <= e.entry.end);
}

/** What a diagnostic is about: the key it sits on (the setting for cluster-mismatch, the node too for node-not-listed). */
function subjectOf(analysis: Analysis, file: string, d: Diagnostic): string {
  const rule = String(d.code);
  if (rule === 'cluster-mismatch') return d.message.slice(0, d.message.indexOf(' differ'));
  // An httpd file has no entries: its findings are told apart by line.
  if (isApacheDocument(analysis.workspace.get(uriOf(file))!)) return `line ${d.range.start.line}`;
  const doc = docOf(analysis, file)!;
  const index = entryIndexAt(doc, doc.text.offsetAt(d.range.start));
  const key = index < 0 ? `line ${d.range.start.line}` : doc.entries[index].key;
  return rule === 'node-not-listed' || rule === 'encoding' ? `${key} | ${d.message}` : key;
}

function countOf(analysis: Analysis, rule: string, file: string, subject: string): number {
  return (analysis.byFile[file] ?? []).filter((d) => String(d.code) === rule && subjectOf(analysis, file, d) === subject).length;
}

/** Edits of a fix per relative path, as offsets into the text before. */
function editsByPath(files: Files, fix: FixData): Map<string, Edit[]> {
  const out = new Map<string, Edit[]>();
  for (const e of fix.edits) {
    const p = relativeOf(e.uri);
    const text = files[p] ?? '';
    const doc = TextDocument.create(e.uri, 'ox-properties', 1, text);
    const list = out.get(p) ?? [];
    list.push({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), newText: e.newText });
    out.set(p, list);
  }
  return out;
}

function unescapeJava(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The intended change of each file a fix touches, from its rule and title. */
function changesOf(
  files: Files,
  before: Analysis,
  file: string,
  d: Diagnostic,
  fix: FixData,
  edits: Map<string, Edit[]>,
): Map<string, Change> {
  const rule = String(d.code);
  const title = fix.title;
  const doc = docOf(before, file)!;
  const at = entryIndexAt(doc, doc.text.offsetAt(d.range.start));
  const paths = [...edits.keys()];
  const only = (change: Change): Map<string, Change> => {
    assert.equal(paths.length, 1, `"${title}" edits one file`);
    return new Map([[paths[0], change]]);
  };
  const here = (change: Change): Map<string, Change> => {
    assert.deepEqual(paths, [file], `"${title}" edits the file of its diagnostic`);
    assert.ok(at >= 0, `the ${rule} diagnostic sits on an entry`);
    return new Map([[file, change]]);
  };
  let m: RegExpExecArray | null;
  switch (rule) {
    case 'duplicate-route':
      // The node's own route; its balancer member is renamed too (checked as an httpd edit).
      if ((m = /^Rename .+'s route to (\S+), here and in /.exec(title))) {
        const target = m[1];
        return here({ kind: 'value', index: at, what: target, accept: (v) => v === target });
      }
      break;
    case 'unknown-key':
      if ((m = /^Change to (.+)$/.exec(title))) return here({ kind: 'key', index: at, key: m[1] });
      break;
    case 'invalid-value':
    case 'misread-value':
      if ((m = /^Change to (.+)$/.exec(title))) {
        const target = m[1];
        return here({ kind: 'value', index: at, what: target, accept: (v) => v === target });
      }
      break;
    case 'duplicate-key':
      if ((m = /^Remove this earlier "(.+)" line$/.exec(title))) {
        assert.equal(doc.entries[at].key, m[1]);
        return here({ kind: 'remove', indices: [at] });
      }
      break;
    case 'deprecated-key':
      if ((m = /^Rename to (.+)$/.exec(title))) return here({ kind: 'key', index: at, key: m[1] });
      if ((m = /^Remove the (?:old )?"(.+)" line$/.exec(title))) {
        assert.equal(doc.entries[at].key, m[1]);
        return here({ kind: 'remove', indices: [at] });
      }
      break;
    case 'wrong-file':
      if ((m = /^Move to (.+?)( \(new file\))?$/.exec(title))) {
        assert.ok(at >= 0);
        const target = relativeOf(`${nodeFolderOf(uriOf(file))}/${m[1]}`);
        assert.deepEqual(paths.sort(), [file, target].sort(), `"${title}" edits this file and ${target}`);
        assert.equal(files[target] === undefined, !!m[2], `"${title}": whether ${target} exists`);
        assert.deepEqual(fix.create ?? [], m[2] ? [uriOf(target)] : []);
        const e = doc.entries[at];
        return new Map<string, Change>([
          [file, { kind: 'remove', indices: [at] }],
          [target, { kind: 'append', key: e.key, value: e.value }],
        ]);
      }
      break;
    case 'session-idle-below-lifetime':
      if ((m = /^Raise maxIdleSeconds to (\d+) /.exec(title))) {
        const target = m[1];
        return here({ kind: 'value', index: at, what: target, accept: (v) => v === target });
      }
      break;
    case 'missing-group-name':
    case 'loopback-interfaces':
    case 'weak-cluster-exposure':
    case 'upgrade-node-push':
      if ((m = /^Set ([^=\s]+)=(\S+)/.exec(title))) {
        const key = m[1];
        const target = paths[0];
        const targetDoc = docOf(before, target);
        // A new line goes after the join line when that is in the file, else at the end.
        const join = targetDoc ? targetDoc.entries.map(canonical).lastIndexOf(JOIN) : -1;
        return only({ kind: 'set', key, value: m[2], after: join >= 0 ? join : undefined });
      }
      break;
    case 'cluster-mismatch': {
      const key = subjectOf(before, file, d).replace(/ in hazelcast\/.*$/, '');
      if ((m = /^Align with the other nodes: (.+)$/.exec(title))) return only({ kind: 'set', key, value: m[1] });
      if (/^Align \S+ with the other nodes$/.test(title)) return only({ kind: 'set', key });
      if (/^Remove this setting/.test(title)) {
        const target = docOf(before, paths[0])!;
        const indices = target.entries.flatMap((e, i) => (canonical(e) === key ? [i] : []));
        return only({ kind: 'remove', indices });
      }
      break;
    }
    case 'node-not-listed':
      if ((m = /^Add (\S+) to the list$/.exec(title))) {
        const address = m[1];
        return here({
          kind: 'value',
          index: at,
          what: `the list + ${address}`,
          // Appended in the list's style: ", " when it uses that, nothing after a trailing comma, else ",".
          accept: (v, old) => v === `${old}${old === '' || old.endsWith(',') ? '' : old.includes(', ') ? ', ' : ','}${address}`,
        });
      }
      break;
    case 'encoding':
      if (title === 'Remove the byte-order mark') {
        const e = edits.get(file)!;
        return here({ kind: 'text', index: 0, text: applyEdits(files[file], e) });
      }
      if (/^Replace with /.test(title)) {
        // The new text escapes the intended characters: decoded, the entry holds them.
        return here({
          kind: 'decoded',
          index: at,
          text: applyEdits(
            files[file],
            edits.get(file)!.map((e) => ({ ...e, newText: unescapeJava(e.newText) })),
          ),
        });
      }
      break;
  }
  assert.fail(`no round-trip expectation for ${rule} fix "${title}": add one to fixRoundTrip.test.ts`);
}

/** (b): the entries after equal those before but for the intended change; returns the indices it touches. */
function checkEntries(change: Change, beforeText: string, afterText: string, beforeDoc: OxDocument | undefined, where: string): number[] {
  const B = pairsOf(beforeText);
  const A = pairsOf(afterText);
  const sameExcept = (skip: number) => {
    assert.equal(A.length, B.length, `${where}: number of entries`);
    for (let i = 0; i < B.length; i++) if (i !== skip) assert.deepEqual(A[i], B[i], `${where}: entry ${i} must not change`);
  };
  switch (change.kind) {
    case 'key':
      sameExcept(change.index);
      assert.equal(A[change.index].key, change.key, `${where}: new key`);
      assert.equal(A[change.index].value, B[change.index].value, `${where}: the value stays`);
      return [change.index];
    case 'value': {
      sameExcept(change.index);
      assert.equal(A[change.index].key, B[change.index].key, `${where}: the key stays`);
      const value = javaTrim(A[change.index].value);
      assert.ok(change.accept(value, javaTrim(B[change.index].value)), `${where}: value ${JSON.stringify(value)} is not ${change.what}`);
      return [change.index];
    }
    case 'remove': {
      assert.ok(change.indices.length > 0, `${where}: something to remove`);
      assert.deepEqual(
        A,
        B.filter((_, i) => !change.indices.includes(i)),
        `${where}: only the removed entries go`,
      );
      return change.indices;
    }
    case 'set': {
      const existing = beforeDoc ? beforeDoc.entries.map(canonical).lastIndexOf(change.key) : -1;
      const valueOk = (v: string) => (change.value === undefined ? javaTrim(v) !== '' : javaTrim(v) === change.value);
      if (existing >= 0) {
        sameExcept(existing);
        assert.equal(A[existing].key, B[existing].key, `${where}: the key stays`);
        assert.ok(valueOk(A[existing].value), `${where}: value ${JSON.stringify(A[existing].value)} set to ${change.value}`);
        return [existing];
      }
      assert.equal(A.length, B.length + 1, `${where}: one entry added`);
      const allowed = [B.length, ...(change.after !== undefined ? [change.after + 1] : [])];
      const j = allowed.find((k) => javaTrim(A[k]?.key ?? '') === change.key);
      assert.ok(j !== undefined, `${where}: ${change.key} added at the end or after the join line, got ${JSON.stringify(A)}`);
      assert.ok(valueOk(A[j].value), `${where}: new value ${JSON.stringify(A[j].value)}`);
      assert.deepEqual([...A.slice(0, j), ...A.slice(j + 1)], B, `${where}: the other entries stay`);
      return [];
    }
    case 'append':
      assert.deepEqual(A.slice(0, -1), B, `${where}: the other entries stay`);
      assert.deepEqual(
        A.length ? [javaTrim(A[A.length - 1].key), javaTrim(A[A.length - 1].value)] : [],
        [change.key, change.value],
        `${where}: appended entry`,
      );
      return [];
    case 'decoded':
      assert.deepEqual(A, pairsOf(change.text), `${where}: decoded entries`);
      for (let i = 0; i < B.length; i++) if (i !== change.index) assert.deepEqual(A[i], B[i], `${where}: entry ${i} must not change`);
      return [change.index];
    case 'text':
      assert.equal(afterText, change.text, where);
      return B.length ? [change.index] : [];
  }
}

/** (c): no edit range reaches into an entry that is not meant to change, or into a comment. */
function checkTight(edits: Edit[], text: string, targets: number[], where: string, keepComments: boolean): void {
  const parsed = parseProperties(text);
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1].end <= sorted[i].start, `${where}: edits overlap`);
  const spans = [
    ...parsed.entries.flatMap((e, i) =>
      targets.includes(i) ? [] : [{ start: e.start, end: e.end, what: `entry ${i} (${JSON.stringify(e.key)})` }],
    ),
    ...(keepComments ? parsed.comments.map((c) => ({ start: c.start, end: c.end, what: `comment ${JSON.stringify(c.text)}` })) : []),
  ];
  for (const e of sorted) {
    for (const s of spans) {
      const hit = e.start === e.end ? s.start < e.start && e.start < s.end : e.start < s.end && s.start < e.end;
      assert.ok(!hit, `${where}: edit ${e.start}-${e.end} ${JSON.stringify(e.newText)} reaches into ${s.what} at ${s.start}-${s.end}`);
    }
  }
}

function dump(files: Files): string {
  return Object.entries(files)
    .map(([p, t]) => `  ${p}: ${JSON.stringify(t)}`)
    .join('\n');
}

async function checkFix(files: Files, before: Analysis, file: string, d: Diagnostic, fix: FixData): Promise<void> {
  const rule = String(d.code);
  const where = `${rule} "${fix.title}" (${file}:${d.range.start.line + 1})\n${dump(files)}\n `;
  const edits = editsByPath(files, fix);
  const after = applyFix(files, fix);

  // (c) Only the edited files change, each exactly by its edits.
  assert.deepEqual(changedPaths(files, after), [...edits.keys()].filter((p) => after[p] !== files[p]).sort(), `${where}: changed files`);
  const checked = before.workspace.get(uriOf(file));
  if (checked && isValuesDocument(checked)) return checkValuesFix(files, before, file, d, fix, edits, after, where);

  // (b) In httpd files only the directives the edits fall into change.
  const isApache = (p: string) => {
    const doc = before.workspace.get(uriOf(p));
    return !!doc && isApacheDocument(doc);
  };
  for (const [p, list] of edits) if (isApache(p)) checkApacheEdits(p, files[p] ?? '', after[p], list, where);
  const propertiesEdits = new Map([...edits].filter(([p]) => !isApache(p)));
  if (!(checked && isApacheDocument(checked))) {
    // (b) Entries, comments and parse problems of each touched .properties file.
    const changes = changesOf(files, before, file, d, fix, propertiesEdits);
    assert.deepEqual([...changes.keys()].sort(), [...propertiesEdits.keys()].sort(), `${where}: touched files`);
    for (const [p, change] of changes) {
      const beforeText = files[p] ?? '';
      const targets = checkEntries(change, beforeText, after[p], docOf(before, p), `${where}: ${p}`);
      const keepComments = change.kind !== 'text';
      checkTight(edits.get(p)!, beforeText, targets, `${where}: ${p}`, keepComments);
      const was = parseProperties(beforeText);
      const now = parseProperties(after[p]);
      if (keepComments)
        assert.deepEqual(
          now.comments.map((c) => c.marker + c.text),
          was.comments.map((c) => c.marker + c.text),
          `${where}: ${p} keeps its comments`,
        );
      assert.ok(now.problems.length <= was.problems.length, `${where}: ${p} gets no new syntax problem`);
    }
  }

  // (a) + (d) The finding is gone (one fewer where the file had several with that subject), and with it its fix.
  const subject = subjectOf(before, file, d);
  const was = countOf(before, rule, file, subject);
  const reanalysed = await analyze(after);
  const now = countOf(reanalysed, rule, file, subject);
  assert.ok(
    now <= was - 1,
    `${where}: ${rule} on ${JSON.stringify(subject)} in ${file}: ${was} before, ${now} after\n  after: ${dump(after)}`,
  );
  // Applying it twice is impossible: the same fix is offered once less for that subject (not at all when it was the only one).
  const offered = (a: Analysis) =>
    (a.byFile[file] ?? []).filter(
      (x) => String(x.code) === rule && subjectOf(a, file, x) === subject && fixesOf(x).some((f) => f.title === fix.title),
    ).length;
  assert.ok(
    offered(reanalysed) < offered(before),
    `${where}: "${fix.title}" is still offered after it was applied\n  after: ${dump(after)}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Values files: each fix replaces one YAML scalar (a key, a value or a list item)

type YamlPath = Array<string | number>;

/** Every scalar of a YAML text with its path, and whether it is a map key. */
function yamlScalars(text: string): Array<{ node: Node; path: YamlPath; isKey: boolean }> {
  const out: Array<{ node: Node; path: YamlPath; isKey: boolean }> = [];
  const walk = (node: unknown, at: YamlPath) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        if (isScalar(pair.key)) out.push({ node: pair.key, path: [...at, key], isKey: true });
        walk(pair.value, [...at, key]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...at, i]));
    else if (isScalar(node)) out.push({ node, path: at, isKey: false });
  };
  walk(parseDocument(text, { version: '1.1' }).contents, []);
  return out;
}

/** What a values-file diagnostic is about: the YAML path of the scalar it starts on. */
function valuesSubjectOf(analysis: Analysis, file: string, d: Diagnostic): string {
  const doc = analysis.workspace.get(uriOf(file))!;
  const offset = doc.text.offsetAt(d.range.start);
  const hit = yamlScalars(doc.text.getText()).find(
    ({ node }) => node.range![0] <= offset && offset < Math.max(node.range![1], node.range![0] + 1),
  );
  return hit ? `${hit.isKey ? 'key ' : ''}${hit.path.join('.')}` : `line ${d.range.start.line}`;
}

/** The YAML data with the scalar at `path` replaced: a key renamed in place, or a value or list item set. */
function replaced(data: unknown, path: YamlPath, isKey: boolean, value: unknown): unknown {
  const [head, ...rest] = path;
  if (Array.isArray(data)) return data.map((item, i) => (i === head ? (rest.length ? replaced(item, rest, isKey, value) : value) : item));
  const entries = Object.entries(data as Record<string, unknown>);
  return Object.fromEntries(
    entries.map(([k, v]) => {
      if (k !== head) return [k, v];
      if (rest.length) return [k, replaced(v, rest, isKey, value)];
      return isKey ? [String(value), v] : [k, value];
    }),
  );
}

/** The scalar a values-file fix writes, from its rule and title. */
function valuesTarget(rule: string, title: string): unknown {
  let m: RegExpExecArray | null;
  if ((rule === 'status-value' || rule === 'unknown-role') && (m = /^Change to (\S+)$/.exec(title))) return m[1];
  if (rule === 'upgrade-values' && title === 'Set enableInitialization to false') return false;
  assert.fail(`no round-trip expectation for ${rule} fix "${title}" in a values file: add one to fixRoundTrip.test.ts`);
}

async function checkValuesFix(
  files: Files,
  before: Analysis,
  file: string,
  d: Diagnostic,
  fix: FixData,
  edits: Map<string, Edit[]>,
  after: Files,
  where: string,
): Promise<void> {
  const rule = String(d.code);
  // (b) + (c) One edit in this file, exactly over one scalar; the data change only there.
  assert.deepEqual([...edits.keys()], [file], `${where}: edits the file of its diagnostic`);
  const [edit, ...more] = edits.get(file)!;
  assert.equal(more.length, 0, `${where}: one edit`);
  const scalar = yamlScalars(files[file]).find(({ node }) => node.range![0] === edit.start && node.range![1] === edit.end);
  assert.ok(scalar, `${where}: the edit ${edit.start}-${edit.end} covers exactly one scalar`);
  const target = valuesTarget(rule, fix.title);
  const was = parseDocument(files[file], { version: '1.1' });
  const now = parseDocument(after[file], { version: '1.1' });
  assert.equal(now.errors.length, was.errors.length, `${where}: no new YAML error`);
  assert.deepEqual(
    now.toJSON(),
    replaced(was.toJSON(), scalar.path, scalar.isKey, target),
    `${where}: only ${scalar.path.join('.')} changes`,
  );
  // (a) + (d) The finding is gone, and with it its fix.
  const subject = valuesSubjectOf(before, file, d);
  const count = (a: Analysis, title?: string) =>
    (a.byFile[file] ?? []).filter(
      (x) => String(x.code) === rule && valuesSubjectOf(a, file, x) === subject && (!title || fixesOf(x).some((f) => f.title === title)),
    ).length;
  const reanalysed = await analyze(after);
  assert.ok(count(reanalysed) <= count(before) - 1, `${where}: ${rule} on ${subject} is still there\n  after: ${dump(after)}`);
  assert.ok(count(reanalysed, fix.title) < count(before, fix.title), `${where}: "${fix.title}" is still offered\n  after: ${dump(after)}`);
}

type Tally = Record<string, number>;

/** Checks every fix of the workspace (of the rules `only` accepts); counts checked fixes per rule. */
async function checkAllFixes(files: Files, tally: Tally, only?: (rule: string) => boolean): Promise<number> {
  const before = await analyze(files);
  let n = 0;
  for (const [file, list] of Object.entries(before.byFile)) {
    for (const d of list) {
      const rule = String(d.code);
      if (only && !only(rule)) continue;
      for (const fix of fixesOf(d)) {
        // The fixes that move or add YAML entries have their own check (test/support/valuesRoundTrip.ts);
        // checkFix checks the one-scalar fixes of values files itself.
        await (VALUES_FIX_RULES.includes(rule) ? checkValuesEntriesFix : checkFix)(files, before, file, d, fix);
        tally[rule] = (tally[rule] ?? 0) + 1;
        n++;
      }
    }
  }
  return n;
}

/**
 * (d) Fixes do not undo each other: applying the safe fixes again and again, as `check --fix` does (applyFixes:
 * the only fix of a diagnostic, no new file, no overlap), ends without coming back to an earlier state.
 */
async function checkFixesEnd(files: Files): Promise<void> {
  const seen = new Set<string>();
  let current = files;
  for (let pass = 0; pass < 10; pass++) {
    const state = JSON.stringify(Object.entries(current).sort());
    assert.ok(
      !seen.has(state),
      `check --fix cycles back to an earlier state after ${pass} passes:\n${dump(current)}\nstarting from\n${dump(files)}`,
    );
    seen.add(state);
    const { byFile } = await analyze(current);
    const documents = new Map(Object.entries(current).map(([p, t]) => [uriOf(p), TextDocument.create(uriOf(p), 'ox-properties', 1, t)]));
    const { texts } = applyFixes(Object.values(byFile).flat(), documents);
    if (!texts.size) return;
    current = { ...current };
    for (const [uri, text] of texts) current[relativeOf(uri)] = text;
  }
  assert.fail(`check --fix still changes files after 10 passes, starting from\n${dump(files)}`);
}

// ---------------------------------------------------------------------------------------------
// Layout: the same entries written in many ways Properties.load reads alike

interface EntryStyle {
  indent: string;
  separator: string;
  /** Dots of the key written as \u002e or \. (0: none). */
  escapedDots: number;
  splits: number[];
  continuationIndent: string;
  trailing: string;
  /** A stray continuation backslash at the end, followed by a blank line (or the end of the file). */
  dangling: boolean;
  /** An empty value written as the key alone. */
  keyOnly: boolean;
  before: string[];
}

interface FileStyle {
  eols: string[];
  finalEol: boolean;
  styles: EntryStyle[];
}

const FILLER = [
  '\\',
  '',
  '   ',
  '\t',
  '# a comment',
  '#',
  '! bang',
  '# ends with a backslash \\',
  '  # indented',
  '#\u00e9t\u00e9',
  '# key=value',
];

const entryStyle: fc.Arbitrary<EntryStyle> = fc.record({
  indent: fc.constantFrom('', '', '', ' ', '\t', '  \f'),
  separator: fc.constantFrom('=', '=', '=', ' = ', ':', ' : ', '\t', ' ', '=  '),
  escapedDots: fc.oneof(fc.constant(0), fc.constant(0), fc.nat(8)),
  splits: fc.oneof(fc.constant<number[]>([]), fc.constant<number[]>([]), fc.array(fc.nat(), { maxLength: 2 })),
  continuationIndent: fc.constantFrom('', '    ', '\t'),
  trailing: fc.constantFrom('', '', '', ' ', '\t '),
  dangling: fc.oneof(fc.constant(false), fc.constant(false), fc.constant(false), fc.constant(true)),
  keyOnly: fc.boolean(),
  before: fc.oneof(fc.constant<string[]>([]), fc.constant<string[]>([]), fc.array(fc.constantFrom(...FILLER), { maxLength: 2 })),
});

const fileStyle: fc.Arbitrary<FileStyle> = fc.record({
  eols: fc.oneof(
    fc.constantFrom<string[]>(['\n'], ['\n'], ['\r\n'], ['\r']),
    fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 4 }),
  ),
  finalEol: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(false)),
  styles: fc.array(entryStyle, { minLength: 1, maxLength: 6 }),
});

function printEntry(e: Pair, s: EntryStyle, eol: () => string): string[] {
  let key = escapeKey(e.key);
  if (s.escapedDots) {
    const dots = [...key].flatMap((c, i) => (c === '.' ? [i] : []));
    if (dots.length) {
      const at = dots[s.escapedDots % dots.length];
      key = key.slice(0, at) + (s.escapedDots % 2 ? '\\u002e' : '\\.') + key.slice(at + 1);
    }
  }
  // `raw`: characters beyond Latin-1 stay as they are (as an editor saving UTF-8 writes them).
  const value = e.raw
    ? escapeValue(e.value).replace(/\\u([0-9A-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    : escapeValue(e.value);
  // White space separates only when the value does not start with "=" or ":" (that would be the separator).
  const separator = /^[ \t]+$/.test(s.separator) && /^[=:]/.test(value) ? '=' : s.separator;
  let line = s.keyOnly && e.value === '' ? key : `${key}${separator}${value}${s.trailing}`;
  const points = safeSplitPoints(line);
  if (points.length && s.splits.length) {
    const at = [...new Set(s.splits.map((n) => points[n % points.length]))].sort((a, b) => a - b);
    let out = '';
    let from = 0;
    for (const p of at) {
      out += `${line.slice(from, p)}\\${eol()}${s.continuationIndent}`;
      from = p;
    }
    line = out + line.slice(from);
  }
  const lines = [...s.before, s.indent + line + (s.dangling ? '\\' : '')];
  return s.dangling ? [...lines, ''] : lines;
}

function printFile(entries: Pair[], style: FileStyle): string {
  let k = 0;
  const eol = () => style.eols[k++ % style.eols.length];
  const lines = entries.flatMap((e, i) => printEntry(e, style.styles[i % style.styles.length], eol));
  let text = '';
  for (const l of lines) {
    // An empty line after a CR must not start with LF: CR LF would be one line break, and the line would vanish.
    let end = eol();
    if (l === '' && text.endsWith('\r') && end.startsWith('\n')) end = '\r';
    text += l + end;
  }
  if (!style.finalEol) text = text.replace(/(\r\n|\r|\n)$/, '');
  // What Properties.load reads must be what was meant (trimmed, as OX reads it).
  const read = pairsOf(text).map((p) => [javaTrim(p.key), javaTrim(p.value)]);
  assert.deepEqual(
    read,
    entries.map((p) => [javaTrim(p.key), javaTrim(p.value)]),
    `layout changed the entries: ${JSON.stringify(text)}`,
  );
  return text;
}

/** A workspace spec: relative path -> entries. */
type Spec = Record<string, Pair[]>;

const laidOut = (spec: fc.Arbitrary<Spec>): fc.Arbitrary<Files> =>
  fc.tuple(spec, fc.array(fileStyle, { minLength: 1, maxLength: 4 })).map(([s, styles]) => {
    const files: Files = {};
    Object.entries(s).forEach(([p, entries], i) => (files[p] = printFile(entries, styles[i % styles.length])));
    return files;
  });

// ---------------------------------------------------------------------------------------------
// Catalog-driven ingredients

const kv = (key: string, value: string): Pair => ({ key, value });

interface DefIn {
  def: PropertyDef;
  key: string;
  file: string;
}

const REGION_NAMES = ['Foo', 'OXFolderCache', 'x1'];

/** Exact keys (and instantiated patterns) of the built-in catalog, with the file they belong to. */
const DEFS: DefIn[] = catalog.files.flatMap((f) =>
  f.properties.flatMap((def) => {
    if (def.key !== undefined) return [{ def, key: def.key, file: f.file }];
    if (def.pattern !== undefined)
      return REGION_NAMES.slice(0, 1).map((n) => ({ def, key: def.pattern!.replace(/<[^>]+>/g, n), file: f.file }));
    return [];
  }),
);

const FIELD_KEYS: DefIn[] = [...catalog.fieldKeys('properties')].map((k) => ({ def: k.def, key: k.canonicalKey, file: k.file }));

/** Where a catalog file lives in a node folder. */
function placeOf(file: string, node = 'node1'): string {
  return `c/${node}/etc/${file === 'hazelcast/*.properties' ? 'hazelcast/sessions.properties' : file}`;
}

function sampleValue(def: PropertyDef): string {
  if (def.default !== null && def.default !== '') return def.default;
  if (def.values?.length) return def.values[0];
  switch (def.type) {
    case 'boolean':
      return 'true';
    case 'integer':
    case 'port':
      return String(def.min ?? 1);
    case 'timespan':
      return '60000';
    default:
      return 'x';
  }
}

/** A typo in the last segment of a key (or a whole word): delete, double, swap, replace or insert a letter. */
function typo(word: string, op: number, pos: number, letter: string, from = 0): string {
  const span = word.length - from;
  if (span <= 0) return word + letter;
  const i = from + (pos % span);
  switch (op % 5) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i + 1) + word.slice(i);
    case 2:
      return i + 1 < word.length ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, i) + letter;
    case 3:
      return word.slice(0, i) + letter + word.slice(i + 1);
    default:
      return word.slice(0, i) + letter + word.slice(i);
  }
}

const typoArb = fc.record({ op: fc.nat(4), pos: fc.nat(), letter: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzE') });

/** A few other entries of a file, as fillers. */
function fillers(file: string, picks: number[], except: string[] = []): Pair[] {
  const pool = DEFS.filter((d) => d.file === file && !isRetired(d.def) && !d.def.replacedBy && !d.def.secret && !except.includes(d.key));
  return pool.length ? picks.map((n) => pool[n % pool.length]).map((d) => kv(d.key, sampleValue(d.def))) : [];
}

const picks = fc.array(fc.nat(), { maxLength: 3 });

/** Inserts `item` into `list` at a position chosen by `n`. */
function insertAt<T>(list: T[], item: T, n: number): T[] {
  const at = n % (list.length + 1);
  return [...list.slice(0, at), item, ...list.slice(at)];
}

/** A static-join node: group name, join, static list, interfaces (each optional), plus extra lines. */
function hazelcastNode(opts: { group?: string; join?: string; nodes?: string; interfaces?: string }, extra: Pair[] = []): Pair[] {
  const out: Pair[] = [];
  if (opts.group !== undefined) out.push(kv(GROUP_NAME, opts.group));
  if (opts.join !== undefined) out.push(kv(JOIN, opts.join));
  if (opts.nodes !== undefined) out.push(kv(STATIC_NODES, opts.nodes));
  if (opts.interfaces !== undefined) out.push(kv(INTERFACES, opts.interfaces));
  return [...out, ...extra];
}

// ---------------------------------------------------------------------------------------------
// Generated workspaces, one arbitrary per rule with fixes

const NAMESPACED_FILES = ['hazelcast.properties', 'sessiond.properties', 'cache.properties', 'cache.ccf'];

const unknownKeyCase: fc.Arbitrary<Spec> = fc
  .tuple(fc.boolean(), fc.nat(), typoArb, picks, fc.nat(), fc.boolean())
  .map(([field, n, t, fill, at, twice]) => {
    const pool = field ? FIELD_KEYS : DEFS.filter((d) => NAMESPACED_FILES.includes(d.file) && !isRetired(d.def));
    const d = pool[n % pool.length];
    const lastDot = d.key.lastIndexOf('.') + 1;
    const key = typo(d.key, t.op, t.pos, t.letter, lastDot);
    let entries = insertAt(fillers(d.file, fill, [d.key]), kv(key, sampleValue(d.def)), at);
    if (twice) entries = insertAt(entries, kv(key, 'other'), at + 1);
    return { [placeOf(d.file)]: entries };
  });

const duplicateKeyCase: fc.Arbitrary<Spec> = fc
  .tuple(
    fc.boolean(),
    fc.nat(),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('', 'other', '1', 'true')), { minLength: 1, maxLength: 3 }),
    picks,
    fc.nat(),
  )
  .map(([field, n, copies, fill, caseShift]) => {
    const pool = field ? FIELD_KEYS : DEFS.filter((d) => d.file !== 'hazelcast/*.properties');
    const d = pool[n % pool.length];
    let entries = [...fillers(d.file, fill, [d.key]), kv(d.key, sampleValue(d.def))];
    for (const [at, value] of copies) {
      // Field-bound keys match the field in any case: BACKUPCOUNT sets backupCount too.
      const key =
        field && (at + caseShift) % 2
          ? d.key.slice(0, d.key.lastIndexOf('.') + 1) + d.key.slice(d.key.lastIndexOf('.') + 1).toUpperCase()
          : d.key;
      entries = insertAt(entries, kv(key, value || sampleValue(d.def)), at);
    }
    return { [placeOf(d.file)]: entries };
  });

const BOOLEAN_WORDS = [
  'yes',
  'no',
  'on',
  'off',
  '1',
  '0',
  'enabled',
  'disabled',
  'ja',
  'nein',
  't',
  'f',
  'y',
  'n',
  'tru',
  'flase',
  'ture',
  'True1',
  'treu',
  '',
];

const valueCase: fc.Arbitrary<Spec> = fc
  .tuple(fc.nat(), fc.nat(), typoArb, fc.boolean(), picks, fc.nat())
  .map(([n, w, t, caseFlip, fill, at]) => {
    // Half booleans, half enums (there are fewer of those).
    const pool = DEFS.filter(
      (d) => (n % 2 ? d.def.type === 'boolean' : d.def.type === 'enum' && d.def.values?.length) && !isRetired(d.def),
    );
    const d = pool[(n >> 1) % pool.length];
    let value: string;
    if (d.def.type === 'boolean')
      value = w % 3 === 0 ? typo(w % 2 ? 'true' : 'false', t.op, t.pos, t.letter) : BOOLEAN_WORDS[w % BOOLEAN_WORDS.length];
    else {
      const allowed = d.def.values![w % d.def.values!.length];
      value = caseFlip && w % 4 === 0 ? '' : typo(caseFlip ? allowed.toUpperCase() : allowed, t.op, t.pos, t.letter);
    }
    return { [placeOf(d.file)]: insertAt(fillers(d.file, fill, [d.key]), kv(d.key, value), at) };
  });

const deprecatedKeyCase: fc.Arbitrary<Spec> = fc
  .tuple(fc.nat(), fc.boolean(), picks, fc.nat(), fc.nat())
  .map(([n, successorSet, fill, at, at2]) => {
    const pool = DEFS.filter((d) => d.def.replacedBy || isRetired(d.def));
    const d = pool[n % pool.length];
    let entries = insertAt(fillers(d.file, fill, [d.key]), kv(d.key, sampleValue(d.def)), at);
    const successor = d.def.replacedBy && DEFS.find((x) => x.key === d.def.replacedBy);
    if (successorSet && successor) entries = insertAt(entries, kv(successor.key, sampleValue(successor.def)), at2);
    return { [placeOf(d.file)]: entries };
  });

const NODE_FILES = ['hazelcast.properties', 'sessiond.properties', 'server.properties', 'cache.properties', 'system.properties'];

const wrongFileCase: fc.Arbitrary<Spec> = fc
  .tuple(fc.nat(), fc.nat(), fc.boolean(), picks, picks, fc.nat())
  .map(([n, g, homeExists, fill, homeFill, at]) => {
    const pool = DEFS.filter(
      (d) => d.file.endsWith('.properties') && d.file !== 'hazelcast/*.properties' && !isRetired(d.def) && !d.def.replacedBy,
    );
    const d = pool[n % pool.length];
    const others = NODE_FILES.filter((f) => f !== d.file);
    const here = others[g % others.length];
    const spec: Spec = { [placeOf(here)]: insertAt(fillers(here, fill, [d.key]), kv(d.key, sampleValue(d.def)), at) };
    if (homeExists) spec[placeOf(d.file)] = fillers(d.file, homeFill.length ? homeFill : [0], [d.key]);
    return spec;
  });

const LIFETIMES = ['1W', '2W', '4W', '3D', '12H', '30M', '86400000', '1209600000', '2d', ''];

const LIFETIME_SECONDS: Record<string, number> = {
  '1W': 604800,
  '2W': 1209600,
  '4W': 2419200,
  '3D': 259200,
  '12H': 43200,
  '30M': 1800,
  '86400000': 86400,
  '1209600000': 1209600,
  '2d': 172800,
  '': 604800,
};

/** Nodes with a sessions map whose maxIdleSeconds is at or below the lifetime; lifetimes and idle times may differ per node. */
const sessionIdleCase: fc.Arbitrary<Spec> = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...LIFETIMES), fc.double({ min: 0, max: 1.2, noNaN: true })), { minLength: 1, maxLength: 3 }),
    fc.boolean(),
    fc.nat(9),
    fc.boolean(),
    fc.nat(),
  )
  .map(([nodes, same, mapNumber, backups, at]) => {
    const spec: Spec = {};
    nodes.forEach(([ownLifetime, ownFraction], i) => {
      // `same`: one lifetime and one idle time on every node, as most clusters have.
      const [lifetime, fraction] = same ? nodes[0] : [ownLifetime, ownFraction];
      const idle = Math.max(1, Math.floor(LIFETIME_SECONDS[lifetime] * fraction));
      const node = `node${i + 1}`;
      if (lifetime !== '')
        spec[placeOf('sessiond.properties', node)] = [kv(`${S}maxSession`, '50000'), kv(`${S}sessionLongLifeTime`, lifetime)];
      spec[placeOf('hazelcast/*.properties', node)] = insertAt(
        [kv(`${M}name`, `sessions-${mapNumber}`), ...(backups ? [kv(`${M}backupCount`, '1')] : [])],
        kv(`${M}maxIdleSeconds`, String(idle)),
        at,
      );
    });
    return spec;
  });

const IPS = ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'];

/** A node without a group name, beside 0 to 3 others whose names may differ. */
const missingGroupCase: fc.Arbitrary<Spec> = fc
  .tuple(
    fc.array(fc.constantFrom('prod', 'lab', 'c', 'prod'), { maxLength: 3 }),
    fc.constantFrom<string | undefined>(undefined, '', '  '),
    fc.boolean(),
    fc.boolean(),
    fc.nat(),
  )
  .map(([names, blank, blankElsewhere, joinElsewhere, at]) => {
    const spec: Spec = {};
    const nodes = IPS.slice(0, names.length + 1).join(',');
    names.forEach(
      (name, i) =>
        (spec[placeOf('hazelcast.properties', `node${i + 2}`)] = hazelcastNode({
          group: name,
          join: 'static',
          nodes,
          interfaces: '10.0.0.*',
        })),
    );
    const mine = hazelcastNode({ join: joinElsewhere ? undefined : 'static', nodes, interfaces: '10.0.0.*' });
    const server: Pair[] = [kv('com.openexchange.server.backendRoute', 'OX1')];
    if (joinElsewhere) server.push(kv(JOIN, 'static'));
    if (blank !== undefined) (blankElsewhere ? server : mine).splice(at % 2, 0, kv(GROUP_NAME, blank));
    spec[placeOf('hazelcast.properties')] = mine;
    if (joinElsewhere || (blank !== undefined && blankElsewhere)) spec[placeOf('server.properties')] = server;
    return spec;
  });

const loopbackCase: fc.Arbitrary<Spec> = fc
  .tuple(
    fc.constantFrom('10.0.0', '10.1.2', '192.168.7'),
    fc.nat(2),
    fc.constantFrom<string | undefined>(undefined, '127.0.0.1', 'localhost', '127.0.0.1, 127.0.1.1', '::1'),
    fc.boolean(),
    fc.nat(),
  )
  .map(([net, extra, interfaces, joinElsewhere, at]) => {
    const nodes = Array.from({ length: extra + 1 }, (_, i) => `${net}.${11 + i}${i % 2 ? ':5701' : ''}`).join(',');
    const mine = hazelcastNode({ group: 'prod', join: joinElsewhere ? undefined : 'static', nodes });
    if (interfaces !== undefined) mine.splice(at % (mine.length + 1), 0, kv(INTERFACES, interfaces));
    const spec: Spec = { [placeOf('hazelcast.properties')]: mine };
    if (joinElsewhere) spec[placeOf('server.properties')] = [kv('com.openexchange.server.backendRoute', 'OX1'), kv(JOIN, 'static')];
    return spec;
  });

/** Settings every node must share, with majority and odd values (undefined: not set). */
const SHARED_CASES: Array<{ file: string; key: string; values: Array<string | undefined>; base?: Pair[] }> = [
  { file: 'hazelcast.properties', key: GROUP_NAME, values: ['prod', 'prod2', 'test'] },
  { file: 'hazelcast.properties', key: JOIN, values: ['static', 'STATIC', 'multicast'] },
  { file: 'cache.properties', key: EVENTS, values: [undefined, 'true', 'false', 'FALSE'] },
  { file: 'hazelcast/*.properties', key: `${M}backupCount`, values: [undefined, '1', '2', '0'], base: [kv(`${M}name`, 'sessions-7')] },
  { file: 'hazelcast/*.properties', key: `${M}readBackupData`, values: [undefined, 'true', 'false'], base: [kv(`${M}name`, 'sessions-7')] },
  { file: 'sessiond.properties', key: `${S}encryptionKey`, values: ['s3cret-one', 's3cret-two', undefined] },
  {
    file: 'hazelcast.properties',
    key: `${H}network.symmetricEncryption.password`,
    values: ['pw-one', 'pw-two'],
    base: [kv(`${H}network.symmetricEncryption`, 'true')],
  },
];

/** 2 to 5 nodes; each node has the majority value or one of the others (so some clusters have no majority at all). */
const clusterMismatchCase: fc.Arbitrary<Spec> = fc
  .tuple(
    fc.nat(SHARED_CASES.length - 1),
    fc.nat(),
    fc.array(fc.tuple(fc.nat(3), fc.nat()), { minLength: 2, maxLength: 5 }),
    fc.boolean(),
    fc.nat(),
  )
  .map(([c, majorityPick, nodes, twice, at]) => {
    const shared = SHARED_CASES[c];
    const majority = shared.values[majorityPick % shared.values.length];
    const others = shared.values.filter((v) => v !== majority);
    const ips = IPS.concat('10.0.0.5').slice(0, nodes.length).join(',');
    const isHazelcast = shared.file === 'hazelcast.properties';
    const spec: Spec = {};
    nodes.forEach(([oddness, pick], i) => {
      const node = `node${i + 1}`;
      // Node 1 is always odd, the others in one case of four.
      const odd = i === 0 || oddness === 0;
      const value = odd ? others[pick % others.length] : majority;
      let entries: Pair[] = isHazelcast
        ? hazelcastNode({ group: 'prod', join: 'static', nodes: ips, interfaces: '10.0.0.*' }, shared.base).filter(
            (p) => p.key !== shared.key,
          )
        : [...(shared.base ?? []), ...fillers(shared.file, [i], [shared.key])];
      if (value !== undefined) {
        entries = insertAt(entries, kv(shared.key, value), at);
        // An odd node may set it twice (duplicate-key too): the removal fix must take both lines.
        if (twice && odd) entries = insertAt(entries, kv(shared.key, value), at + 2);
      }
      spec[placeOf(shared.file, node)] = entries;
      if (!isHazelcast)
        spec[placeOf('hazelcast.properties', node)] = hazelcastNode({ group: 'prod', join: 'static', nodes: ips, interfaces: '10.0.0.*' });
    });
    return spec;
  });

const nodeNotListedCase: fc.Arbitrary<Spec> = fc
  .tuple(
    fc.integer({ min: 2, max: 4 }),
    fc.array(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), { minLength: 4, maxLength: 4 }),
    fc.constantFrom(',', ', ', ' , '),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([count, listed, sep, trailingComma, ports]) => {
    const spec: Spec = {};
    for (let i = 0; i < count; i++) {
      const hosts = IPS.slice(0, count)
        .filter((_, j) => j === i || listed[i][j])
        .map((h) => (ports ? `${h}:5701` : h));
      const list = hosts.join(sep) + (trailingComma ? ',' : '');
      spec[placeOf('hazelcast.properties', `node${i + 1}`)] = hazelcastNode({
        group: 'prod',
        join: 'static',
        nodes: list,
        interfaces: IPS[i],
      });
    }
    return spec;
  });

const weakExposureCase: fc.Arbitrary<Spec> = fc
  .tuple(
    fc.constantFrom<string | undefined>(undefined, '', '  '),
    fc.constantFrom<string | undefined>(undefined, 'true', 'TRUE', 'false'),
    fc.constantFrom<string | undefined>(undefined, 'true', 'True '),
    fc.boolean(),
    fc.nat(),
  )
  .map(([interfaces, rest, memcache, elsewhere, at]) => {
    const mine = hazelcastNode({ group: 'prod', join: 'static', nodes: '10.0.0.11,10.0.0.12', interfaces });
    const server: Pair[] = [kv('com.openexchange.server.backendRoute', 'OX1')];
    if (rest !== undefined) (elsewhere ? server : mine).splice(at % 3, 0, kv(`${H}rest.enabled`, rest));
    if (memcache !== undefined) mine.splice((at >> 2) % 4, 0, kv(`${H}memcache.enabled`, memcache));
    return { [placeOf('hazelcast.properties')]: mine, [placeOf('server.properties')]: server };
  });

/** Characters OX reads differently: beyond Latin-1, UTF-8 read as Latin-1, a byte-order mark in front. */
const encodingCase: fc.Arbitrary<Files> = fc
  .tuple(
    laidOut(
      fc
        .tuple(
          fc.constantFrom(
            'caf\u00c3\u00a9',
            'Gr\u00c3\u00bc\u00c3\u009fe',
            '10 \u20ac',
            'na\u00efve \u2013 text',
            '\u00e2\u20ac\u201c dash',
            'x \u00c3\u00a4\u00c3\u00a4',
          ),
          fc.nat(),
          fc.boolean(),
        )
        .map(([value, at, secret]): Spec => ({
          [placeOf('sessiond.properties')]: insertAt(
            [kv(`${S}maxSession`, '50000')],
            { key: secret ? `${S}encryptionKey` : 'com.openexchange.sessiond.some.note', value, raw: true },
            at,
          ),
        })),
    ),
    fc.constantFrom('', '', '\ufeff', '\u00ef\u00bb\u00bf'),
  )
  .map(([files, bom]) => Object.fromEntries(Object.entries(files).map(([p, t]) => [p, bom + t])));

// Values files of the core-mw chart, each under core-mw: in a release folder of its own.

const VALUES_FILE = 'k8s/prod/values.yaml';
const statusWord = fc.constantFrom(
  'Enabled',
  'enable',
  'true',
  'yes',
  'on',
  'no',
  'off',
  'Disable',
  'FALSE',
  'maybe',
  'enabled',
  'disabled',
);
const quoted = (word: string, quote: string) => (quote === "'" ? `'${word}'` : quote === '"' ? `"${word}"` : word);

const statusCase: fc.Arbitrary<Files> = fc
  .record({
    step: fc.constantFrom(2, 4),
    level: fc.constantFrom('root', 'role', 'type'),
    features: fc.uniqueArray(
      fc.record({ name: fc.constantFrom('usm-eas', 'guard', 'admin', 'gaurd', 'documnets', 'pluigns'), word: statusWord }),
      { minLength: 1, maxLength: 4, selector: (e) => e.name },
    ),
    packages: fc.uniqueArray(fc.record({ name: fc.constantFrom('open-xchange-a', 'open-xchange-b', 'open-xchange-c'), word: statusWord }), {
      maxLength: 3,
      selector: (e) => e.name,
    }),
    quote: fc.constantFrom('', '', '"', "'"),
    comment: fc.boolean(),
  })
  .map(({ step, level, features, packages, quote, comment }) => {
    const pad = (n: number) => ' '.repeat(n * step);
    const prefix =
      level === 'root'
        ? []
        : level === 'role'
          ? ['roles:', `${pad(1)}sync:`, `${pad(2)}values:`]
          : ['scaling:', `${pad(1)}nodes:`, `${pad(2)}web:`, `${pad(3)}values:`];
    const depth = prefix.length;
    const lines = ['core-mw:', ...prefix.map((l) => pad(1) + l)];
    const block = (kind: string, entries: Array<{ name: string; word: string }>) => {
      if (!entries.length) return;
      lines.push(`${pad(depth + 1)}${kind}:`, `${pad(depth + 2)}status:`);
      for (const e of entries) lines.push(`${pad(depth + 3)}${e.name}: ${quoted(e.word, quote)}${comment ? ' # set by ops' : ''}`);
    };
    block('features', features);
    block('packages', packages);
    return { [VALUES_FILE]: lines.join('\n') + '\n' };
  });

const roleCase: fc.Arbitrary<Files> = fc
  .record({
    scaling: fc.constantFrom('scaling', 'defaultScaling'),
    types: fc.array(
      fc.record({
        flow: fc.boolean(),
        typo: fc.constantFrom('http-apy', 'sinc', 'admn', 'request-analyzr', 'bussinessmobility'),
        roles: fc.uniqueArray(fc.constantFrom('http-api', 'sync', 'admin', 'mine', 'documents', 'businessmobility'), { maxLength: 3 }),
        at: fc.nat(),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  })
  .map(({ scaling, types }) => {
    const lines = ['core-mw:', `  ${scaling}:`, '    nodes:'];
    types.forEach((t, i) => {
      const roles: string[] = [...t.roles];
      roles.splice(t.at % (roles.length + 1), 0, t.typo);
      lines.push(`      type${i}:`);
      if (t.flow) lines.push(`        roles: [${roles.join(', ')}]`);
      else lines.push('        roles:', ...roles.map((r) => `          - ${r}`));
    });
    return { [VALUES_FILE]: lines.join('\n') + '\n' };
  });

const upgradeCase: fc.Arbitrary<Files> = fc
  .record({
    value: fc.constantFrom('true', '"true"', "'true'"),
    comment: fc.boolean(),
    dbid: fc.boolean(),
    mysql: fc.boolean(),
    initFirst: fc.boolean(),
  })
  .map(({ value, comment, dbid, mysql, initFirst }) => {
    const init = `  enableInitialization: ${value}${comment ? ' # first install' : ''}`;
    const update = ['  update:', '    enabled: true', '    schemata: "oxdb_5"'];
    const lines = ['core-mw:', ...(initFirst ? [init, ...update] : [...update, init])];
    if (dbid) lines.push('  globalDBID: 3');
    if (mysql) lines.push('  mysql:', '    host: db.example.com');
    return { [VALUES_FILE]: lines.join('\n') + '\n' };
  });

/**
 * A rolling upgrade: node1 runs a newer OX version (its package list) than 1 to 3 others, and its
 * mail-push.properties allows permanent push, in any letter case, perhaps beside other push keys.
 */
const upgradeNodeCase: fc.Arbitrary<Files> = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom('true', 'TRUE', 'True'), fc.boolean(), fc.constantFrom('7.10.5-3', '8.19.0-4'))
  .chain(([others, value, neighbour, newer]) => {
    const nodes = IPS.slice(0, others + 1).join(',');
    const spec: Spec = {};
    for (let i = 1; i <= others + 1; i++) {
      spec[placeOf('hazelcast.properties', `node${i}`)] = hazelcastNode({ group: 'prod', join: 'static', nodes, interfaces: '10.0.0.*' });
    }
    const push: Pair[] = [kv('com.openexchange.push.allowPermanentPush', value)];
    if (neighbour) push.unshift(kv('com.openexchange.push.allowedClients', '"USM-EAS*"'));
    spec[placeOf('mail-push.properties')] = push;
    return laidOut(fc.constant(spec)).map((files) => {
      const out: Files = { ...files, 'c/node1/packages.txt': `ii  open-xchange-core ${newer}\n` };
      for (let i = 2; i <= others + 1; i++) out[`c/node${i}/packages.txt`] = 'ii  open-xchange-core 7.10.4-28\n';
      return out;
    });
  });

/** Every rule with fixes and the generator of workspaces that trigger it. */
const GENERATED: Array<{ rules: string[]; arbitrary: fc.Arbitrary<Files>; seed: number }> = [
  { rules: ['unknown-key'], arbitrary: laidOut(unknownKeyCase), seed: 0x1001 },
  { rules: ['duplicate-key'], arbitrary: laidOut(duplicateKeyCase), seed: 0x1002 },
  { rules: ['invalid-value', 'misread-value'], arbitrary: laidOut(valueCase), seed: 0x1003 },
  { rules: ['deprecated-key'], arbitrary: laidOut(deprecatedKeyCase), seed: 0x1004 },
  { rules: ['wrong-file'], arbitrary: laidOut(wrongFileCase), seed: 0x1005 },
  { rules: ['session-idle-below-lifetime'], arbitrary: laidOut(sessionIdleCase), seed: 0x1006 },
  { rules: ['missing-group-name'], arbitrary: laidOut(missingGroupCase), seed: 0x1007 },
  { rules: ['loopback-interfaces'], arbitrary: laidOut(loopbackCase), seed: 0x1008 },
  { rules: ['cluster-mismatch'], arbitrary: laidOut(clusterMismatchCase), seed: 0x1009 },
  { rules: ['node-not-listed'], arbitrary: laidOut(nodeNotListedCase), seed: 0x100a },
  { rules: ['weak-cluster-exposure'], arbitrary: laidOut(weakExposureCase), seed: 0x100b },
  { rules: ['encoding'], arbitrary: encodingCase, seed: 0x100c },
  { rules: ['status-value'], arbitrary: statusCase, seed: 0x100d },
  { rules: ['unknown-role'], arbitrary: roleCase, seed: 0x100e },
  { rules: ['upgrade-values'], arbitrary: upgradeCase, seed: 0x100f },
  { rules: ['upgrade-node-push'], arbitrary: upgradeNodeCase, seed: 0x1010 },
  { rules: APACHE_FIX_RULES, arbitrary: apacheFixCase, seed: 0x1011 },
];

// ---------------------------------------------------------------------------------------------
// Tests

const counts: Tally = {};

describe('fix round trips: examples/', () => {
  test('every fix in the examples (loaded with the real host) removes its finding and only its own lines change', async () => {
    const root = pathToUri(EXAMPLES);
    const { docs, messages } = await loadFiles(nodeWorkspaceHost, [root], catalog);
    assert.deepEqual(messages, []);
    const files: Files = {};
    for (const doc of docs) files[relativeUri(root, doc.uri)] = doc.text.getText();
    const tally: Tally = {};
    const n = await checkAllFixes(files, tally);
    assert.ok(n >= 16, `only ${n} fixes in the examples`);
    for (const [rule, k] of Object.entries(tally)) counts[`${rule} (examples)`] = k;
    await checkFixesEnd(files);
  });
});

describe('fix round trips: generated workspaces', () => {
  for (const { rules, arbitrary, seed } of GENERATED) {
    test(rules.join(', '), async () => {
      const tally: Tally = {};
      let cases = 0;
      await fc.assert(
        fc.asyncProperty(arbitrary, async (files) => {
          if ((await checkAllFixes(files, tally, (r) => rules.includes(r))) > 0) cases++;
          await checkFixesEnd(files);
        }),
        { seed: (seed + SEED_SHIFT) | 0, numRuns: RUNS, includeErrorInReport: true },
      );
      for (const rule of rules) counts[rule] = tally[rule] ?? 0;
      const total = rules.reduce((sum, r) => sum + (tally[r] ?? 0), 0);
      // Most generated workspaces must really exercise a fix of the rule.
      assert.ok(cases >= RUNS / 2, `${rules.join(', ')}: only ${cases} of ${RUNS} workspaces offered a fix (${total} fixes)`);
    });
  }

  test('every rule that offers fixes has a generator, and every generated rule had fixes checked', async () => {
    // The Kubernetes rules' generated round trips are in valuesFixRoundTrip.test.ts.
    const covered = new Set([...GENERATED.flatMap((g) => g.rules), ...VALUES_FIX_RULES]);
    // Rules with fixes, found in the code: the source file that declares the rule's id mentions fixes.
    const sources = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const texts = sources(RULES_SOURCE).map((f) => fs.readFileSync(f, 'utf8'));
    const withFixes = RULES.map((r) => r.id).filter((id) => texts.some((t) => t.includes(`id: '${id}'`) && /\bfixes\b/.test(t)));
    assert.deepEqual(
      withFixes,
      RULES.filter((r) => r.fixable).map((r) => r.id),
      'the rules whose code builds fixes are the rules marked fixable',
    );
    for (const rule of withFixes)
      assert.ok(covered.has(rule), `${rule} offers fixes but has no generated round trip in fixRoundTrip.test.ts`);
    const offering = Object.keys(counts)
      .filter((k) => k.endsWith(' (examples)'))
      .map((k) => k.replace(/ \(examples\)$/, ''));
    for (const rule of offering) assert.ok(covered.has(rule), `${rule} offers fixes in examples/ but has no generated round trip`);
    // Values-file rules count their checks in valuesFixRoundTrip.test.ts, which asserts at least 5 each.
    for (const rule of covered) if (!VALUES_FIX_RULES.includes(rule)) assert.ok((counts[rule] ?? 0) > 0, `no ${rule} fix was checked`);
    console.log(`fix round trips (fixes checked per rule): ${JSON.stringify(counts)}`);
  });
});

// ---------------------------------------------------------------------------------------------
// Regressions: each counterexample the round trips found, as an exact test

/** The only fix of the only `code` diagnostic in `file`, applied: the texts of the files it changed. */
async function fixOnce(files: Files, code: string, title?: string): Promise<Files> {
  const { byFile } = await analyze(files);
  const fixes = Object.values(byFile)
    .flat()
    .filter((d) => d.code === code)
    .flatMap(fixesOf)
    .filter((f) => !title || f.title === title);
  assert.equal(fixes.length, 1, `one ${code} fix expected, found ${fixes.map((f) => f.title).join(', ') || 'none'}`);
  const next = applyFix(files, fixes[0]);
  return Object.fromEntries(changedPaths(files, next).map((p) => [p, next[p]]));
}

describe('fix round trips: regressions', () => {
  test('wrong-file: a line moved after a stray continuation backslash gets a blank line first, or Java would append it to that value', async () => {
    const enabled = 'com.openexchange.caching.jcs.enabled=true';
    const events = 'com.openexchange.caching.jcs.eventInvalidation=true';
    assert.deepEqual(
      await fixOnce({ 'c/node1/etc/hazelcast.properties': `${enabled}\n`, 'c/node1/etc/cache.properties': `${events}\\\n` }, 'wrong-file'),
      {
        'c/node1/etc/hazelcast.properties': '',
        'c/node1/etc/cache.properties': `${events}\\\n\n${enabled}\n`,
      },
    );
    // Without a line break at the end, and with CR line ends.
    assert.deepEqual(
      await fixOnce({ 'c/node1/etc/hazelcast.properties': `${enabled}\r`, 'c/node1/etc/cache.properties': `${events}\\` }, 'wrong-file'),
      {
        'c/node1/etc/hazelcast.properties': '',
        'c/node1/etc/cache.properties': `${events}\\\n\n${enabled}\n`,
      },
    );
    assert.deepEqual(
      await fixOnce({ 'c/node1/etc/hazelcast.properties': `${enabled}\r`, 'c/node1/etc/cache.properties': `${events}\\\r` }, 'wrong-file'),
      {
        'c/node1/etc/hazelcast.properties': '',
        'c/node1/etc/cache.properties': `${events}\\\r\r${enabled}\r`,
      },
    );
  });

  test('missing-group-name: the name added after a join line with a stray continuation is a line of its own', async () => {
    const files = { 'lab/node1/etc/hazelcast.properties': `${JOIN}=static\\\n\n${STATIC_NODES}=10.0.0.1\n${INTERFACES}=10.0.0.*\n` };
    assert.deepEqual(await fixOnce(files, 'missing-group-name'), {
      'lab/node1/etc/hazelcast.properties': `${JOIN}=static\\\n\n${GROUP_NAME}=lab\n\n${STATIC_NODES}=10.0.0.1\n${INTERFACES}=10.0.0.*\n`,
    });
  });

  test('cluster-mismatch: a value added at the end of a file whose last line continues gets a blank line first', async () => {
    const other = 'com.openexchange.caching.jcs.remoteInvalidationForPersonalFolders=false';
    const files: Files = {};
    for (const n of [1, 2, 3]) {
      files[`c/node${n}/etc/cache.properties`] = n === 1 ? `${other}\\\n` : `${EVENTS}=false\n`;
      files[`c/node${n}/etc/hazelcast.properties`] =
        `${GROUP_NAME}=prod\n${JOIN}=static\n${STATIC_NODES}=10.0.0.1,10.0.0.2,10.0.0.3\n${INTERFACES}=10.0.0.*\n`;
    }
    assert.deepEqual(await fixOnce(files, 'cluster-mismatch'), { 'c/node1/etc/cache.properties': `${other}\\\n\n${EVENTS}=false\n` });
  });

  test('a value set on a key that stands alone (no separator) gets a "=", or it would run into the key', async () => {
    const files = {
      'lab/node1/etc/hazelcast.properties': `${JOIN}=static\n${STATIC_NODES}=10.0.0.1\n${INTERFACES}=10.0.0.*\n${GROUP_NAME}\n`,
    };
    assert.deepEqual(await fixOnce(files, 'missing-group-name'), {
      'lab/node1/etc/hazelcast.properties': `${JOIN}=static\n${STATIC_NODES}=10.0.0.1\n${INTERFACES}=10.0.0.*\n${GROUP_NAME}=lab\n`,
    });
    const lock = 'com.openexchange.push.imapidle.clusterLock';
    assert.deepEqual(await fixOnce({ 'c/node1/etc/push_imapidle.properties': lock }, 'invalid-value', 'Change to db'), {
      'c/node1/etc/push_imapidle.properties': `${lock}=db`,
    });
  });

  test('removing a line takes the lines holding only a backslash above it, which Java joins to it', async () => {
    const jmx = `${H}jmx=true`;
    assert.deepEqual(await fixOnce({ 'c/node1/etc/hazelcast.properties': `${jmx}\n\\\n  \\\n${H}jmxDetailed=false` }, 'deprecated-key'), {
      'c/node1/etc/hazelcast.properties': jmx,
    });
    assert.deepEqual(
      await fixOnce({ 'c/node1/etc/hazelcast.properties': `${jmx}\r\n\\\r\n${H}jmxDetailed=false\r\n# end\r\n` }, 'deprecated-key'),
      {
        'c/node1/etc/hazelcast.properties': `${jmx}\r\n# end\r\n`,
      },
    );
    assert.deepEqual(await fixOnce({ 'c/node1/etc/cache.ccf': '\\\njcs.region.CalendarCache=x\n' }, 'deprecated-key'), {
      'c/node1/etc/cache.ccf': '',
    });
    // The last line below a blank line: its line break stays, or the lone backslash would end the file (an empty key).
    assert.deepEqual(await fixOnce({ 'c/node1/etc/hazelcast.properties': `${jmx}\n\\\n\n${H}jmxDetailed=false` }, 'deprecated-key'), {
      'c/node1/etc/hazelcast.properties': `${jmx}\n\\\n\n`,
    });
  });

  test("cluster-mismatch offers no maxIdleSeconds below a node's own session lifetime: check --fix went back and forth with session-idle-below-lifetime", async () => {
    const map = (idle: number) => `${M}name=sessions-0\n${M}maxIdleSeconds=${idle}\n`;
    const files = (lifetime2: string): Files => ({
      'c/node1/etc/sessiond.properties': `${S}sessionLongLifeTime=12H\n`,
      'c/node1/etc/hazelcast/sessions.properties': map(129600),
      'c/node2/etc/sessiond.properties': `${S}sessionLongLifeTime=${lifetime2}\n`,
      'c/node2/etc/hazelcast/sessions.properties': map(691200),
      'c/node3/etc/sessiond.properties': `${S}sessionLongLifeTime=12H\n`,
      'c/node3/etc/hazelcast/sessions.properties': map(129600),
    });
    const mismatch = async (f: Files) =>
      (await analyze(f)).byFile['c/node2/etc/hazelcast/sessions.properties'].filter((d) => d.code === 'cluster-mismatch');
    // node2 keeps sessions for a week: 129600 s would be too short there, so the finding comes without a fix.
    const [week] = await mismatch(files('1W'));
    assert.deepEqual(fixesOf(week), []);
    await checkFixesEnd(files('1W'));
    // With a lifetime of one day on node2 too, aligning is fine.
    const [day] = await mismatch(files('1D'));
    assert.deepEqual(
      fixesOf(day).map((f) => f.title),
      ['Align with the other nodes: 129600'],
    );
  });
});
