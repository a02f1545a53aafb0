// `upgrade-plan`: the plan of examples/upgrade-in-progress as text and JSON, and its usage errors.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { cli, REPO } from './harness';

const EXAMPLES = path.join(REPO, 'examples');

describe('upgrade-plan', () => {
  test('text: the Markdown plan of the example to 7.10.5', () => {
    const run = cli(EXAMPLES, 'upgrade-plan', 'upgrade-in-progress', '--to', '7.10.5');
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    assert.equal(
      run.stdout,
      [
        '# Upgrade plan to OX 7.10.5',
        '',
        'OX 7.10.5 bundles Hazelcast 4.1.',
        '',
        '## Cluster upgrade-in-progress',
        '',
        '### Nodes',
        '',
        '- node1: 7.10.4 (open-xchange-core 7.10.4-28 in ../packages.txt)',
        '- node2: 7.10.4 (open-xchange-core 7.10.4-28 in ../packages.txt)',
        '- node3: 7.10.5 (open-xchange-core 7.10.5-3 in ../packages.txt), already on 7.10.5',
        '',
        '### Hazelcast',
        '',
        '- From 7.10.4 (node1, node2): Hazelcast 3.12 → 4.1. The upgraded nodes form a separate cluster during the rolling upgrade, and distributed sessions are lost. Bridge package: open-xchange-cluster-upgrade-from-7103-7104 (installed on node3), on the first upgraded node only, removed again after the update.',
        '',
        '### Keys 7.10.5 no longer reads',
        '',
        'None.',
        '',
        '### Keys that start to act on 7.10.5',
        '',
        '- `com.openexchange.hazelcast.network.portOffset` (since 7.10.5, OX8 Hazelcast.yml; OX documentation/index.md (7.10.5)): node1 hazelcast.properties:9 = auto, node2 hazelcast.properties:9 = auto',
        '',
        '### Stock values that change',
        '',
        'None of the keys the nodes set.',
        '',
        '### Mandatory keys',
        '',
        '7.10.5 needs none of the keys that become mandatory in 8.3.0.',
        '',
        '### Upgrade node',
        '',
        "OX's rolling upgrade: take one node out of the load balancer, set `com.openexchange.push.allowPermanentPush=false` on it and upgrade it first (it runs the update tasks), then the others.",
        '',
        'node3 runs a newer version than the rest: it looks like the upgrade node.',
        '',
        '- node1: allowPermanentPush = true (default): permanent push stays on',
        '- node2: allowPermanentPush = true (default): permanent push stays on',
        '- node3: allowPermanentPush = true (mail-push.properties:3): permanent push stays on; set it to false while this is the upgrade node',
        '',
      ].join('\n'),
    );
  });

  test('json: the same facts to 8.19, folders relative to the current folder', () => {
    const run = cli(EXAMPLES, 'upgrade-plan', 'upgrade-in-progress', '--to=8.19', '--format', 'json');
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    const plan = JSON.parse(run.stdout);
    assert.equal(plan.target, '8.19');
    assert.equal(plan.targetLine, '5.3');
    assert.deepEqual(plan.skippedReleases, []);
    const [cluster] = plan.clusters;
    assert.deepEqual(Object.keys(cluster), [
      'cluster',
      'nodes',
      'hazelcast',
      'notReadByTarget',
      'startsToAct',
      'stockChanges',
      'mandatoryFrom',
      'mandatory',
      'upgradeNode',
    ]);
    assert.deepEqual(cluster.nodes[2], {
      node: 'node3',
      folder: 'upgrade-in-progress/node3/etc',
      version: '7.10.5',
      source: 'packages',
      from: 'upgrade-in-progress/node3/packages.txt',
      detail: 'open-xchange-core 7.10.5-3',
      standing: 'upgrade',
    });
    assert.deepEqual(cluster.hazelcast, [
      {
        from: '7.10.4',
        nodes: ['node1', 'node2'],
        fromLine: '3.12',
        toLine: '5.3',
        splits: true,
        bridge: null,
        bridgeInstalledOn: [],
      },
      {
        from: '7.10.5',
        nodes: ['node3'],
        fromLine: '4.1',
        toLine: '5.3',
        splits: true,
        bridge: null,
        bridgeInstalledOn: [],
      },
    ]);
    assert.deepEqual(cluster.notReadByTarget, []);
    assert.deepEqual(cluster.startsToAct, [
      {
        key: 'com.openexchange.hazelcast.network.portOffset',
        since: '7.10.5',
        evidence: 'OX8 Hazelcast.yml; OX documentation/index.md (7.10.5)',
        at: [
          { node: 'node1', file: 'hazelcast.properties', line: 9, value: 'auto' },
          { node: 'node2', file: 'hazelcast.properties', line: 9, value: 'auto' },
        ],
      },
    ]);
    assert.deepEqual(
      cluster.stockChanges[0].at.map((a: { node: string; stock: string }) => `${a.node} ${a.stock}`),
      ['node1 50000', 'node2 50000', 'node3 50000'],
    );
    assert.deepEqual(cluster.mandatory, [
      {
        key: 'com.openexchange.cookie.hash.salt',
        file: 'server.properties',
        note: 'a random string of at least 16 characters',
        evidence: 'OX 8 mandatory_properties.md: no default after 8.2; HashCalculator rejects an empty value',
        missing: [
          {
            node: 'node1',
            state: 'unset',
          },
          {
            node: 'node2',
            state: 'unset',
          },
          {
            node: 'node3',
            state: 'unset',
          },
        ],
      },
      {
        key: 'com.openexchange.share.cryptKey',
        file: 'share.properties',
        note: 'set before the first share is created',
        evidence: 'OX 8 mandatory_properties.md: no default after 8.2; ShareActivator throws when it is empty',
        missing: [
          {
            node: 'node1',
            state: 'unset',
          },
          {
            node: 'node2',
            state: 'unset',
          },
          {
            node: 'node3',
            state: 'unset',
          },
        ],
      },
      {
        key: 'com.openexchange.sessiond.encryptionKey',
        file: 'sessiond.properties',
        note: 'equal on all nodes; a node upgraded from 8.2 or earlier that relied on the old default sets it explicitly',
        evidence: 'OX 8 mandatory_properties.md: no default after 8.2; SessiondInit refuses to start without it',
        missing: [],
      },
    ]);
    assert.deepEqual(cluster.upgradeNode, {
      declared: null,
      likely: 'node3',
      nodes: [
        { node: 'node1', value: 'true', source: 'default', ready: false },
        { node: 'node2', value: 'true', source: 'default', ready: false },
        {
          node: 'node3',
          value: 'true',
          source: { file: 'mail-push.properties', line: 3 },
          ready: false,
        },
      ],
    });
  });

  test('usage errors: --to missing or not a version, an unknown format', () => {
    const missing = cli(EXAMPLES, 'upgrade-plan', 'upgrade-in-progress');
    assert.equal(missing.status, 2);
    assert.equal(missing.stdout, '');
    assert.ok(
      missing.stderr.startsWith('ox-cluster-config: upgrade-plan needs the target OX version: --to <version>, e.g. --to 8.19.\n\nUsage:'),
    );
    const bad = cli(EXAMPLES, 'upgrade-plan', 'upgrade-in-progress', '--to', 'latest');
    assert.equal(bad.status, 2);
    assert.ok(bad.stderr.startsWith('ox-cluster-config: --to needs an OX version such as 7.10.6 or 8.19, not "latest".\n'));
    const format = cli(EXAMPLES, 'upgrade-plan', 'upgrade-in-progress', '--to', '8.19', '--format', 'sarif');
    assert.equal(format.status, 2);
    assert.ok(format.stderr.startsWith('ox-cluster-config: --format must be text or json, not "sarif".\n'));
  });
});
