// Multi-root workspaces: each folder is indexed with the include and exclude globs of its own configuration.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDiscovered } from '../../server/src/analysis/discover';
import { createLanguageService } from '../../server/src/languageService';
import { catalog, memoryHost, relativeOf, uriOf } from '../support/memoryHost';

const NODE = 'com.openexchange.hazelcast.group.name=prod\n';

test('a folder excluded by one root configuration is still read below another root', async () => {
  const service = createLanguageService({
    catalog,
    host: memoryHost({
      'a/etc/hazelcast.properties': NODE,
      'a/backup/etc/hazelcast.properties': NODE,
      'b/etc/hazelcast.properties': NODE,
      'b/backup/etc/hazelcast.properties': NODE,
      'b/extra/ox.conf.txt': 'com.openexchange.hazelcast.enabled=true\n',
    }),
  });
  const messages = await service.reconfigure({
    catalog,
    roots: [
      { uri: uriOf('a'), discover: { exclude: ['backup'] } },
      { uri: uriOf('b'), discover: { include: ['extra/*.txt'] } },
    ],
    clusters: [],
    maxFileSize: Infinity,
  });
  assert.deepEqual(messages, []);
  assert.deepEqual(service.uris().map(relativeOf).sort(), [
    'a/etc/hazelcast.properties',
    'b/backup/etc/hazelcast.properties',
    'b/etc/hazelcast.properties',
    'b/extra/ox.conf.txt',
  ]);
});

test('a file created later is read only where its root would have found it', async () => {
  const files: Record<string, string> = { 'a/etc/hazelcast.properties': NODE };
  const service = createLanguageService({ catalog, host: memoryHost(files) });
  await service.reconfigure({
    catalog,
    roots: [{ uri: uriOf('a'), discover: { exclude: ['backup'] } }],
    clusters: [],
    maxFileSize: Infinity,
  });
  files['a/backup/etc/hazelcast.properties'] = NODE;
  files['a/next/etc/hazelcast.properties'] = NODE;
  assert.equal(await service.fileChanged(uriOf('a/backup/etc/hazelcast.properties'), false), false);
  assert.equal(await service.fileChanged(uriOf('a/next/etc/hazelcast.properties'), false), true);
  assert.deepEqual(service.uris().map(relativeOf).sort(), ['a/etc/hazelcast.properties', 'a/next/etc/hazelcast.properties']);
});

test('a file that appears later is taken by the same globs as the walk', () => {
  assert.equal(isDiscovered('etc/hazelcast.properties', {}), true);
  assert.equal(isDiscovered('backup/etc/hazelcast.properties', { exclude: ['backup'] }), false);
  assert.equal(isDiscovered('node_modules/x/etc/hazelcast.properties', {}), false);
  assert.equal(isDiscovered('etc/old.properties.bak', { exclude: ['**/*.bak'] }), false);
  assert.equal(isDiscovered('notes/readme.txt', {}), false);
  assert.equal(isDiscovered('notes/readme.txt', { include: ['notes/*.txt'] }), true);
  assert.equal(isDiscovered('etc/foo.properties', {}), true);
  assert.equal(isDiscovered('misc/foo.properties', {}), false);
});
