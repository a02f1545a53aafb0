import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Diagnostic } from 'vscode-languageserver-types';
import { isDiscovered } from '../../server/src/analysis/discover';
import { DiagnosticData } from '../../server/src/analysis/engine';
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

describe('node templates: unknown values, finding by finding', () => {
  const HZ = `${ROLE}/hazelcast.properties.j2`;
  /** Each diagnostic of the template as `line code: message [fix titles]`. */
  async function findings(files: Files): Promise<string[]> {
    const { byFile } = await analyze(files);
    return Object.values(byFile)
      .flat()
      .map((d) => {
        const fixes = ((d.data as DiagnosticData | undefined)?.fixes ?? []).map((f) => f.title);
        return `${d.range.start.line + 1} ${String(d.code)}: ${d.message}${fixes.length ? ` [${fixes.join('; ')}]` : ''}`;
      });
  }
  const loopback = (nodes: string) =>
    lines(`${H}group.name=prod`, `${H}network.join=static`, `${H}network.join.static.nodes=${nodes}`, `${H}network.interfaces=127.0.0.1`);
  const LOOPBACK =
    '4 loopback-interfaces: Hazelcast listens on 127.0.0.1 only, so the other nodes cannot reach this one although join is "static".';

  test('a literal loopback interface is reported although the node list is templated; the suggestion needs the list', async () => {
    assert.deepEqual(await findings({ [HZ]: loopback('{{ ox_nodes | join(",") }}') }), [LOOPBACK]);
    assert.deepEqual(await findings({ [HZ]: loopback('10.0.0.1,10.0.0.2') }), [
      `${LOOPBACK} [Set ${H}network.interfaces=10.0.0.* (from the static node list)]`,
    ]);
  });

  test('an unset key is unknown when a line with a templated key may set it', async () => {
    const dns = lines(`${H}group.name=prod`, `${H}network.join=dns`);
    assert.deepEqual(await findings({ [HZ]: dns }), [
      `2 join-incomplete: Join mode "dns" needs ${H}network.join.dns.domainNames, which is not set: there is no name to resolve.`,
      // The loopback default counts too: the interfaces are not set.
      `2 loopback-interfaces: Hazelcast listens on 127.0.0.1 only (the default, as ${H}network.interfaces is not set), so the other nodes cannot reach this one although join is "dns".`,
    ]);
    const loop = lines('{% for key, value in hazelcast_extra.items() %}', '{{ key }}={{ value }}', '{% endfor %}');
    assert.deepEqual(await findings({ [HZ]: dns + loop }), []);
    // A templated key does not make a literal value unknown.
    assert.deepEqual(await findings({ [HZ]: loopback('{{ nodes }}') + loop }), [LOOPBACK]);
  });

  test('values in different arms of one if/else never render together', async () => {
    const branches = (close: string) =>
      lines(
        `${H}group.name=prod`,
        '{% if ox_clustered %}',
        `${H}network.join=static`,
        `${H}network.join.static.nodes=10.0.0.1,10.0.0.2`,
        close,
        `${H}network.interfaces=127.0.0.1`,
        '{% endif %}',
      );
    assert.deepEqual(await findings({ [HZ]: branches('{% else %}') }), []);
    // Both in one arm: the rendering with ox_clustered true has the fault.
    assert.deepEqual(await findings({ [HZ]: branches('{# one arm #}') }), [
      `6 loopback-interfaces: Hazelcast listens on 127.0.0.1 only, so the other nodes cannot reach this one although join is "static". [Set ${H}network.interfaces=10.0.0.* (from the static node list)]`,
    ]);
  });

  test('a literal endpoint switch is reported while the interfaces are templated', async () => {
    const rest = lines(
      `${H}group.name=prod`,
      `${H}network.join=static`,
      `${H}network.join.static.nodes={{ nodes }}`,
      `${H}network.interfaces={{ interfaces }}`,
      `${H}rest.enabled=true`,
    );
    assert.deepEqual(await findings({ [HZ]: rest }), [
      `5 weak-cluster-exposure: Hazelcast's REST endpoint is on (join is "static"): whoever reaches this node's Hazelcast port can read and change entries of the distributed maps and queues (sessions among them) over plain HTTP, without credentials. OX does not use it; switch it off. [Set ${H}rest.enabled=false]`,
    ]);
    assert.deepEqual(await findings({ [HZ]: rest.replace('rest.enabled=true', 'rest.enabled={{ hz_rest }}') }), []);
  });

  test('a key in another template moves to the template of its documented file', async () => {
    const files: Files = {
      [HZ]: lines(`${H}network.join=empty`),
      [`${ROLE}/custom.properties.j2`]: lines(`${H}group.name={{ ox_cluster_name }}`),
    };
    assert.deepEqual(await findings(files), [
      `1 wrong-file: "${H}group.name" is documented for hazelcast.properties. OX reads every .properties file below etc/ (since 7.8.3), so it still takes effect here. [Move to hazelcast.properties.j2]`,
    ]);
    delete files[HZ];
    assert.deepEqual(await findings(files), [
      `1 wrong-file: "${H}group.name" is documented for hazelcast.properties. OX reads every .properties file below etc/ (since 7.8.3), so it still takes effect here. [Move to hazelcast.properties.j2 (new file)]`,
    ]);
  });

  test('a key in two template files: the message leaves out whether templated values differ', async () => {
    const files: Files = {
      [HZ]: goodTemplate(),
      [`${ROLE}/custom.properties.j2`]: lines(`${H}network.interfaces={{ other_interfaces }}`),
    };
    assert.deepEqual(await findings(files), [
      // The move goes to the template of hazelcast.properties, which sets the key too: no fix.
      `1 wrong-file: "${H}network.interfaces" is documented for hazelcast.properties. OX reads every .properties file below etc/ (since 7.8.3), so it still takes effect here.`,
      `1 duplicate-across-files: "${H}network.interfaces" is also set in hazelcast.properties:4. OX reads both files and which one it reads last is undefined; keep it in one file.`,
      `4 duplicate-across-files: "${H}network.interfaces" is also set in custom.properties:1. OX reads both files and which one it reads last is undefined; keep it in one file.`,
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
