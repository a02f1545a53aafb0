import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupContent } from 'vscode-languageserver-types';
import { serviceOver, uriOf } from '../support/memoryHost';

const TEXT = [
  'core-mw:',
  '  hzGroupName: prod',
  '  properties:',
  '    com.openexchange.sessiond.maxSession: "500"',
  '  scaling:',
  '    nodes:',
  '      api:',
  '        replicas: 3',
  '        roles: [http-api]',
  '      docs:',
  '        replicas: 2',
  '        roles: [documents]',
  '        values:',
  '          properties:',
  '            com.openexchange.sessiond.maxSession: "900"',
  '',
].join('\n');

async function hoverText(text: string, line: number, character: number): Promise<string> {
  const service = await serviceOver({ 'deploy/values.yaml': text });
  const hover = service.hover(TextDocument.create(uriOf('deploy/values.yaml'), 'yaml', 1, text), { line, character });
  return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

test('hover on an OX key of a values file lists its value on each node type when they differ', async () => {
  const shown = await hoverText(TEXT, 3, 10);
  assert.ok(shown.endsWith('---\n\nOn each node type of this release:\n\n- api: `500`\n- docs: `900`'), shown);
});

test('no per-type note when every node type has the same value', async () => {
  const same = TEXT.replace('"900"', '"500"');
  const shown = await hoverText(same, 3, 10);
  assert.ok(shown.length > 0 && !shown.includes('On each node type'), shown);
});

test('definition in a values file lists the key in every map of the release; references reach .properties files too', async () => {
  const files = { 'deploy/values.yaml': TEXT, 'classic/node1/etc/sessiond.properties': 'com.openexchange.sessiond.maxSession=100\n' };
  const service = await serviceOver(files);
  const text = TextDocument.create(uriOf('deploy/values.yaml'), 'yaml', 1, TEXT);
  const lines = (list: Array<{ uri: string; range: { start: { line: number } } }>) =>
    list.map((l) => `${l.uri.slice(l.uri.indexOf('/', 8))}:${l.range.start.line}`);
  assert.deepEqual(lines(service.definition(text, { line: 3, character: 8 })), ['/deploy/values.yaml:3', '/deploy/values.yaml:14']);
  assert.deepEqual(lines(service.references(text, { line: 3, character: 8 })).sort(), [
    '/classic/node1/etc/sessiond.properties:0',
    '/deploy/values.yaml:14',
    '/deploy/values.yaml:3',
  ]);
});

test('role completion follows the chart version from the Chart.yaml beside the values file', async () => {
  const text = 'core-mw:\n  scaling:\n    nodes:\n      api:\n        roles: [http-api, ]\n';
  const labels = async (chart: string | undefined) => {
    const files: Record<string, string> = { 'deploy/values.yaml': text };
    if (chart) files['deploy/Chart.yaml'] = `apiVersion: v2\nname: core-mw\nversion: ${chart}\n`;
    const service = await serviceOver(files);
    const list = service.complete(TextDocument.create(uriOf('deploy/values.yaml'), 'yaml', 1, text), { line: 4, character: 26 });
    return list.items.map((i) => i.label).sort();
  };
  assert.deepEqual(await labels('6.20.2'), ['admin', 'businessmobility', 'documents', 'request-analyzer', 'sync']);
  assert.ok((await labels(undefined)).includes('hazelcast-lite-member'));
});
