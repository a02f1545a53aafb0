// The Hazelcast line per OX version, what an upgrade does to the cluster, and the cluster name OX uses.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Ajv from 'ajv';
import data from '../../schemas/versions/hazelcast.json';
import schema from '../../schemas/versions/hazelcast.schema.json';
import { effectiveClusterName, hazelcastLine, upgradeHop } from '../../server/src/catalog/hazelcastVersions';
import { compareOxVersions, parseOxVersion } from '../../server/src/util/versions';

const v = (text: string) => parseOxVersion(text)!;

test('the facts are valid, in order, and every bridge package belongs to a hop that splits', () => {
  const validate = new Ajv({ allErrors: true }).compile(schema);
  assert.ok(validate(data), JSON.stringify(validate.errors));
  for (let i = 1; i < data.lines.length; i++) assert.ok(compareOxVersions(v(data.lines[i - 1].oxFrom), v(data.lines[i].oxFrom)) < 0);
  for (const bridge of data.bridgePackages) {
    const [from, to] = bridge.bridgesFrom.map(v);
    assert.equal(upgradeHop(from, to).splits, true, bridge.name);
  }
});

test('the Hazelcast line of an OX version; none where the sources do not say', () => {
  const line = (text: string) => hazelcastLine(v(text)).line;
  assert.equal(line('7.8.2'), '3.5');
  assert.equal(line('7.10.4'), '3.12');
  assert.equal(line('7.10.5'), '4.1');
  assert.equal(line('7.10.6-35'), '5.0');
  assert.equal(line('8.4'), undefined);
  assert.equal(line('8.8.0'), '5.1');
  assert.equal(line('8.15'), '5.2');
  assert.equal(line('8.19.0'), '5.3');
  assert.equal(line('8.49'), undefined);
  assert.equal(line('7.4.2'), undefined);
});

test('an upgrade splits the cluster when the line changes, with the bridge package of its time', () => {
  assert.deepEqual(upgradeHop(v('7.10.4'), v('7.10.5')), {
    fromLine: '3.12',
    toLine: '4.1',
    splits: true,
    bridge: 'open-xchange-cluster-upgrade-from-7103-7104',
  });
  assert.deepEqual(upgradeHop(v('7.10.3'), v('7.10.4')), { fromLine: '3.12', toLine: '3.12', splits: false });
  assert.deepEqual(upgradeHop(v('7.8.1'), v('7.8.3')), {
    fromLine: '3.5',
    toLine: '3.7',
    splits: true,
    bridge: 'open-xchange-cluster-upgrade-from-780-782',
  });
  // No bridge exists from 7.10.6, and from 8.11 on OX ships none.
  assert.deepEqual(upgradeHop(v('7.10.6'), v('8.0.0')), { fromLine: '5.0' });
  assert.deepEqual(upgradeHop(v('8.8'), v('8.9')), { fromLine: '5.1', toLine: '5.2', splits: true });
  assert.deepEqual(upgradeHop(v('7.10.5'), v('8.16')), { fromLine: '4.1', toLine: '5.3', splits: true });
});

test('the cluster name OX joins with: the version suffix from 7.10.3, the license key exception until 7.10.6', () => {
  assert.equal(effectiveClusterName('prod', v('7.10.1')), 'prod');
  assert.equal(effectiveClusterName('prod', v('7.10.2')), 'prod');
  assert.equal(effectiveClusterName('prod', v('7.10.2'), { appendVersion: true }), undefined);
  assert.equal(effectiveClusterName('prod', v('7.10.3')), 'prod-3.12');
  assert.equal(effectiveClusterName('prod', v('7.10.6'), { licenseKey: true }), 'prod');
  assert.equal(effectiveClusterName('prod', v('7.10.6')), 'prod-5.0');
  assert.equal(effectiveClusterName('prod', v('8.19.0'), { licenseKey: true }), 'prod-5.3');
  assert.equal(effectiveClusterName('prod', v('8.2')), undefined);
});
