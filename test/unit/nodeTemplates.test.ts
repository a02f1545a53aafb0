import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Diagnostic } from 'vscode-languageserver-types';
import { isDiscovered } from '../../server/src/analysis/discover';
import { analyze, Files } from '../support/memoryHost';

const H = 'com.openexchange.hazelcast.';
const EVENTS = 'com.openexchange.caching.jcs.eventInvalidation';
const lines = (...l: string[]) => l.map((x) => `${x}\n`).join('');
const ROLE = 'roles/ox/templates/opt/open-xchange/etc';

/** Every diagnostic as `file:line code`, in file order. */
async function seen(files: Files): Promise<string[]> {
  const { byFile } = await analyze(files);
  return Object.entries(byFile).flatMap(([file, list]: [string, Diagnostic[]]) =>
    list.map((d) => `${file}:${d.range.start.line + 1} ${String(d.code)}`),
  );
}

describe('node templates: discovery', () => {
  test('templates are found in the layouts of the plain files', () => {
    assert.equal(isDiscovered(`${ROLE}/hazelcast.properties.j2`, {}), true);
    assert.equal(isDiscovered(`${ROLE}/hazelcast/sessions.properties.j2`, {}), true);
    assert.equal(isDiscovered(`${ROLE}/custom.properties.jinja2`, {}), true);
    assert.equal(isDiscovered('cookbooks/ox/templates/default/hazelcast.properties.erb', {}), true);
    assert.equal(isDiscovered('salt/ox/files/cache.ccf.jinja', {}), true);
    assert.equal(isDiscovered('modules/ox/templates/sessiond.properties.tmpl', {}), true);
    // As for plain files: other names count only below etc/ or conf/.
    assert.equal(isDiscovered('modules/ox/templates/custom.properties.erb', {}), false);
    assert.equal(isDiscovered('roles/ox/templates/motd.j2', {}), false);
  });
});

describe('node templates: rules', () => {
  const template = lines(
    `${H}group.name={{ ox_cluster_name }}`,
    `${H}network.join=static`,
    `${H}network.join.static.nodes=10.0.0.1,10.0.0.2`,
    `${H}network.interfaces=127.0.0.1`,
  );

  test('node rules run on a node template; cluster rules leave it out of every cluster', async () => {
    const files: Files = {
      [`${ROLE}/hazelcast.properties.j2`]: template,
      // A real node beside it that would be in a cluster with the template if it were a real node.
      'roles/ox/templates/opt/other/etc/hazelcast.properties': lines(
        `${H}group.name=prod`,
        `${H}network.join=static`,
        `${H}network.join.static.nodes=10.0.0.1,10.0.0.2`,
        `${H}network.interfaces=10.0.0.*`,
      ),
    };
    const { workspace } = await analyze(files);
    assert.deepEqual(
      workspace.clusters().map((c) => [c.name, c.nodes.map((n) => n.name), c.template ?? false]),
      [
        ['opt', ['other'], false],
        ['open-xchange', ['open-xchange'], true],
      ],
    );
    // The loopback interface is literal: the node rule finds it. No cluster rule (node-not-listed, cluster-mismatch) runs.
    assert.deepEqual(await seen(files), [`${ROLE}/hazelcast.properties.j2:4 loopback-interfaces`]);
  });

  test('a node rule that reads a value the template fills in says nothing; with the literal value it does', async () => {
    const cache = lines(`${EVENTS}=true`);
    const withEnabled = (value: string) => ({
      [`${ROLE}/hazelcast.properties.j2`]: goodTemplate() + lines(`${H}enabled=${value}`),
      [`${ROLE}/cache.properties.j2`]: cache,
    });
    assert.deepEqual(await seen(withEnabled('{{ hz_enabled }}')), []);
    assert.deepEqual(await seen(withEnabled('false')), [`${ROLE}/cache.properties.j2:1 event-invalidation-without-hazelcast`]);
    // Static nodes the template fills in: the loopback rule reads them (for its suggestion) and says nothing.
    const loopback = lines(
      `${H}group.name=prod`,
      `${H}network.join=static`,
      `${H}network.join.static.nodes={{ nodes }}`,
      `${H}network.interfaces=127.0.0.1`,
    );
    assert.deepEqual(await seen({ [`${ROLE}/hazelcast.properties.j2`]: loopback }), []);
  });

  test('a template and rendered files of real nodes: the real nodes form their cluster, the template stays out', async () => {
    const real = (group: string) =>
      lines(
        `${H}group.name=${group}`,
        `${H}network.join=static`,
        `${H}network.join.static.nodes=10.0.0.1,10.0.0.2`,
        `${H}network.interfaces=10.0.0.*`,
      );
    const files: Files = {
      'rendered/node1/etc/hazelcast.properties': real('prod'),
      'rendered/node2/etc/hazelcast.properties': real('prod2'),
      'rendered/template/etc/hazelcast.properties.j2': lines(
        `${H}group.name=other`,
        `${H}network.join=static`,
        `${H}network.join.static.nodes=10.0.0.1,10.0.0.2`,
        `${H}network.interfaces=10.0.0.*`,
      ),
    };
    assert.deepEqual(await seen(files), [
      'rendered/node1/etc/hazelcast.properties:1 cluster-mismatch',
      'rendered/node2/etc/hazelcast.properties:1 cluster-mismatch',
    ]);
  });
});

function goodTemplate(): string {
  return lines(
    `${H}group.name={{ ox_cluster_name }}`,
    `${H}network.join=static`,
    `${H}network.join.static.nodes={{ nodes }}`,
    `${H}network.interfaces={{ interfaces }}`,
  );
}
