import { catalog } from '../support/catalog';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rule } from '../../server/src/rules/rule';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { WorkspaceAnalyzer } from '../../server/src/analysis/workspaceAnalyzer';
import { parseFile } from '../../server/src/analysis/load';
import { Workspace } from '../../server/src/model/workspace';

test('an edit runs the rules of the edited file, and in its sibling files only the rules that read the node', () => {
  const runs: string[] = [];
  const counting = (id: string, readsNode: boolean): Rule => ({
    id,
    scope: 'file',
    defaultSeverity: 'warning',
    title: id,
    fixable: false,
    readsNode,
    check: ({ doc }) => {
      runs.push(`${id} ${doc.uri.slice(doc.uri.lastIndexOf('/') + 1)}`);
      return [{ start: 0, end: 1, message: `${id} v${doc.text.version}` }];
    },
  });
  const workspace = new Workspace(catalog);
  const a = 'file:///c/node1/etc/hazelcast.properties';
  const b = 'file:///c/node1/etc/server.properties';
  workspace.set(parseFile(a, 'x=1\n', catalog, 1)!);
  workspace.set(parseFile(b, 'y=1\n', catalog, 1)!);
  const analyzer = new WorkspaceAnalyzer(workspace, {
    catalog,
    singleFileRules: [counting('local', false), counting('node', true)],
    crossRules: [],
  });
  analyzer.analyzeAll(DEFAULT_SETTINGS);
  assert.deepEqual(runs.sort(), [
    'local hazelcast.properties',
    'local server.properties',
    'node hazelcast.properties',
    'node server.properties',
  ]);

  runs.length = 0;
  workspace.set(parseFile(b, 'y=2\n', catalog, 2)!);
  const updated = analyzer.update([b], DEFAULT_SETTINGS);
  assert.deepEqual(runs.sort(), ['local server.properties', 'node hazelcast.properties', 'node server.properties']);
  assert.deepEqual(updated.sort(), [a, b]);
  assert.deepEqual(
    analyzer.diagnostics(a).map((d) => d.message),
    ['local v1', 'node v1'],
  );
  assert.deepEqual(
    analyzer.diagnostics(b).map((d) => d.message),
    ['local v2', 'node v2'],
  );
});
