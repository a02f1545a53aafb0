import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, applyFix, fixesOf } from '../support/memoryHost';

test('wrong-file moves the key into the existing documented file of the node', async () => {
  const files = {
    'c/node1/etc/server.properties': 'com.openexchange.server.backendRoute=OX1\ncom.openexchange.hazelcast.jmx=false\n',
    'c/node1/etc/hazelcast.properties': 'com.openexchange.hazelcast.enabled=true',
  };
  const { byFile: diagnostics } = await analyze(files);
  const [wrong] = diagnostics['c/node1/etc/server.properties'].filter((d) => d.code === 'wrong-file');
  const [fix] = fixesOf(wrong);
  assert.equal(fix.title, 'Move to hazelcast.properties');
  const after = applyFix(files, fix);
  assert.equal(after['c/node1/etc/server.properties'], 'com.openexchange.server.backendRoute=OX1\n');
  assert.equal(
    after['c/node1/etc/hazelcast.properties'],
    'com.openexchange.hazelcast.enabled=true\ncom.openexchange.hazelcast.jmx=false\n',
  );
  const again = await analyze(after);
  assert.deepEqual(
    Object.values(again.byFile)
      .flat()
      .filter((d) => d.code === 'wrong-file'),
    [],
  );
});

test('wrong-file creates the documented file when the node has none', async () => {
  const files = { 'c/node1/etc/server.properties': 'com.openexchange.sessiond.maxSession=100\n' };
  const { byFile: diagnostics } = await analyze(files);
  const [fix] = fixesOf(diagnostics['c/node1/etc/server.properties'].find((d) => d.code === 'wrong-file')!);
  assert.equal(fix.title, 'Move to sessiond.properties (new file)');
  assert.deepEqual(fix.create, ['file:///ws/c/node1/etc/sessiond.properties']);
});

test('no move when the documented file sets the key already', async () => {
  const files = {
    'c/node1/etc/server.properties': 'com.openexchange.hazelcast.jmx=false\n',
    'c/node1/etc/hazelcast.properties': 'com.openexchange.hazelcast.jmx=true\n',
  };
  const { byFile: diagnostics } = await analyze(files);
  const wrong = diagnostics['c/node1/etc/server.properties'].find((d) => d.code === 'wrong-file')!;
  assert.deepEqual(fixesOf(wrong), []);
});
