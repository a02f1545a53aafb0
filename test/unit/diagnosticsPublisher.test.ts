import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { DiagnosticsPublisher } from '../../server/src/host/diagnosticsPublisher';

function diagnostic(message: string, severity: DiagnosticSeverity = DiagnosticSeverity.Warning): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity, message };
}

function setup() {
  const current = new Map<string, Diagnostic[]>();
  const versions = new Map<string, number>();
  const stale = new Set<string>();
  const sent: Array<[string, number | undefined, string[]]> = [];
  const publisher = new DiagnosticsPublisher({
    diagnostics: (uri) => current.get(uri) ?? [],
    version: (uri) => versions.get(uri),
    isStale: (uri) => stale.has(uri),
    send: (uri, version, list) => sent.push([uri, version, list.map((d) => d.message)]),
  });
  return { current, versions, stale, sent, publisher };
}

test('unchanged diagnostics of the same version are not sent again; forced or changed ones are', () => {
  const { current, versions, sent, publisher } = setup();
  current.set('a', [diagnostic('one')]);
  versions.set('a', 1);
  publisher.publish(['a', 'b']);
  publisher.publish(['a', 'b']);
  publisher.publish(['a'], true);
  current.set('a', [diagnostic('two')]);
  publisher.publish(['a']);
  versions.set('a', 2);
  publisher.publish(['a']);
  assert.deepEqual(sent, [
    ['a', 1, ['one']],
    ['b', undefined, []],
    ['a', 1, ['one']],
    ['a', 1, ['two']],
    ['a', 2, ['two']],
  ]);
});

test('a document edited since the analysis is skipped', () => {
  const { current, stale, sent, publisher } = setup();
  current.set('a', [diagnostic('old')]);
  stale.add('a');
  publisher.publish(['a']);
  assert.deepEqual(sent, []);
});

test('more than 1,000 problems: the most severe are sent, with a notice', () => {
  const { current, sent, publisher } = setup();
  current.set('a', [...Array.from({ length: 1000 }, (_, i) => diagnostic(`w${i}`)), diagnostic('the error', DiagnosticSeverity.Error)]);
  publisher.publish(['a']);
  const messages = sent[0][2];
  assert.equal(messages.length, 1001);
  assert.equal(messages.includes('the error'), true);
  assert.equal(messages.includes('w999'), false);
  assert.match(messages[1000], /^1 more problems in this file are not shown/);
});
