import { DiagnosticData } from '../../server/src/analysis/engine';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupContent } from 'vscode-languageserver-types';
import { LanguageService } from '../../server/src/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { plainReference, readVariableFile, roleOfVariableFile, roleRootOf } from '../../server/src/template/ansibleVariables';
import { Files, serviceOver, uriOf } from '../support/memoryHost';

const H = 'com.openexchange.hazelcast.';
const lines = (...l: string[]) => l.map((x) => `${x}\n`).join('');
const ROLE = 'roles/ox';
const HZ = `${ROLE}/templates/opt/open-xchange/etc/hazelcast.properties.j2`;

/** Every diagnostic of a file as `line:from-to severity code message`. */
function seen(service: LanguageService, path = HZ): string[] {
  return service
    .diagnostics(uriOf(path))
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.character} ${d.severity} ${String(d.code)} ${d.message}`);
}

function hoverAt(service: LanguageService, files: Files, needle: string, path = HZ): string | undefined {
  const text = TextDocument.create(uriOf(path), 'ox-properties', 1, files[path]);
  const offset = files[path].indexOf(needle);
  assert.ok(offset >= 0, needle);
  const hover = service.hover(text, text.positionAt(offset + 1));
  return hover ? (hover.contents as MarkupContent).value.split('\n\n---\n\n')[0] : undefined;
}

describe('ansible role variables: reading', () => {
  test('role folders of templates and of variable files', () => {
    assert.equal(roleRootOf('file:///ws/roles/ox/templates/opt/open-xchange/etc/hazelcast.properties.j2'), 'file:///ws/roles/ox');
    assert.equal(roleRootOf('file:///ws/salt/ox/files/hazelcast.properties.jinja'), undefined);
    assert.equal(roleOfVariableFile('file:///ws/roles/ox/defaults/main.yml'), 'file:///ws/roles/ox');
    assert.equal(roleOfVariableFile('file:///ws/roles/ox/vars/main.yaml'), 'file:///ws/roles/ox');
    assert.equal(roleOfVariableFile('file:///ws/roles/ox/defaults/other.yml'), undefined);
  });

  test('values print as Jinja prints them; what cannot be known is unknown', () => {
    const text = lines(
      'name: ox-prod',
      'flag: yes',
      'quoted: "yes"',
      'port: 5701',
      'hex: 0x1F',
      'ratio: 1.5',
      'empty: ""',
      'nothing: ~',
      'nested: "{{ name }}-1"',
      'secret: !vault |',
      '  3961',
      'list: [a, b]',
    );
    assert.deepEqual(
      readVariableFile(text, 'defaults/main.yml').map((v) => [v.name, v.value, v.line]),
      [
        ['name', 'ox-prod', 1],
        ['flag', 'True', 2],
        ['quoted', 'yes', 3],
        ['port', '5701', 4],
        ['hex', '31', 5],
        ['ratio', undefined, 6],
        ['empty', '', 7],
        ['nothing', undefined, 8],
        ['nested', undefined, 9],
        ['secret', undefined, 10],
        ['list', undefined, 12],
      ],
    );
    assert.deepEqual(readVariableFile('a: [\n', 'defaults/main.yml'), []);
    assert.deepEqual(readVariableFile('- a\n', 'defaults/main.yml'), []);
  });

  test('plain references: a name, or a name with a default() literal; nothing else', () => {
    assert.deepEqual(plainReference('cluster_name'), { name: 'cluster_name' });
    assert.deepEqual(plainReference("cluster_name | default('ox')"), { name: 'cluster_name', fallback: 'ox' });
    assert.deepEqual(plainReference('port|d(5701, true)'), { name: 'port', fallback: '5701', fallbackWhenEmpty: true });
    assert.deepEqual(plainReference('flag | default(false)'), { name: 'flag', fallback: 'False' });
    for (const inner of ['name | upper', 'a ~ b', "a + ':5701'", 'hosts | join(",")', 'vars.name', 'true', "x | default('a' ~ b)"]) {
      assert.equal(plainReference(inner), undefined, inner);
    }
  });
});

describe('ansible role variables: value checks and hover', () => {
  const template = lines(
    '{{ ansible_managed | comment }}',
    `${H}enabled={{ hz_enabled }}`,
    `${H}group.name={{ hz_cluster }}`,
    `${H}network.port={{ hz_port | default('57o1') }}`,
    `${H}network.portAutoIncrement={{ hz_auto | upper }}`,
    `${H}network.interfaces={{ hz_interfaces }}`,
    `${H}network.join=static`,
    `${H}network.join.static.nodes={{ hz_nodes }}`,
  );
  const defaults = lines(
    '---',
    'hz_enabled: "yes"',
    'hz_cluster: ox-test',
    'hz_auto: "maybe"',
    'hz_interfaces: 127.0.0.1',
    'hz_nodes: 10.0.0.1,10.0.0.2',
  );
  const files: Files = { [HZ]: template, [`${ROLE}/defaults/main.yml`]: defaults, [`${ROLE}/vars/main.yml`]: lines('hz_cluster: ox-prod') };
  const ENABLED =
    '1:35-51 3 misread-value With the role\'s default `yes` (defaults/main.yml:2): OX reads "yes" as false: only "true" (in any letter case) is true.';
  const PORT =
    '3:40-71 3 invalid-value With the template\'s default `57o1` (its default() filter, as the role does not set hz_port): "57o1" is not a port number (1-65535).';

  const loopbackAt = (line: number) =>
    `${line}:46-65 3 loopback-interfaces With the role's default \`127.0.0.1\` (defaults/main.yml:5): Hazelcast listens on 127.0.0.1 only, so the other nodes cannot reach this one although join is "static".`;
  const LOOPBACK = loopbackAt(5);
  // With "yes" read as false Hazelcast is off; the finding goes to line 1, as the role has no cache.properties.
  const EVENTS =
    "0:0-31 3 event-invalidation-without-hazelcast With the role's default `yes` (defaults/main.yml:2): Cache invalidation by events is on by default, but Hazelcast is disabled (hazelcast.properties:2): the events travel over Hazelcast, so other nodes never learn about changed data and serve stale caches.";

  test('value rules judge what the role renders, as information that names the default', async () => {
    // `{{ hz_auto | upper }}` is no plain reference: "maybe" is never judged.
    assert.deepEqual(seen(await serviceOver(files)), [ENABLED, PORT, LOOPBACK, EVENTS]);
  });

  test('node rules judge the rendered node too, as information, without fixes, when the template as written is silent', async () => {
    const service = await serviceOver(files);
    const node = service
      .diagnostics(uriOf(HZ))
      .filter((d) => d.code === 'loopback-interfaces' || d.code === 'event-invalidation-without-hazelcast');
    assert.deepEqual(
      node.map((d) => [d.code, d.severity, d.data]),
      [
        ['loopback-interfaces', 3, undefined],
        ['event-invalidation-without-hazelcast', 3, undefined],
      ],
    );
    // A literal loopback line is the template's own finding (a warning; its suggestion would need the templated
    // node list), not repeated as information.
    const literal = { ...files, [HZ]: template.replace('{{ hz_interfaces }}', '127.0.0.1') };
    const own = (await serviceOver(literal)).diagnostics(uriOf(HZ)).filter((d) => d.code === 'loopback-interfaces');
    assert.deepEqual(
      own.map((d) => [d.severity, d.message, ((d.data as DiagnosticData | undefined)?.fixes ?? []).map((f) => f.title)]),
      [[2, 'Hazelcast listens on 127.0.0.1 only, so the other nodes cannot reach this one although join is "static".', []]],
    );
  });

  test('a user severity never makes a finding on a role default more than information; off turns it off', async () => {
    const strict = { ...DEFAULT_SETTINGS, rules: { 'invalid-value': 'error' as const, 'misread-value': 'off' as const } };
    assert.deepEqual(seen(await serviceOver(files, strict)), [PORT, LOOPBACK, EVENTS]);
  });

  test('a suppression comment holds for findings on role defaults', async () => {
    const suppressed = {
      ...files,
      [HZ]: template.replace(`${H}network.port=`, `# ox-cluster-config-disable-next-line invalid-value\n${H}network.port=`),
    };
    assert.deepEqual(seen(await serviceOver(suppressed)), [ENABLED, loopbackAt(6), EVENTS]);
  });

  test('vars/main.yml wins over defaults/main.yml; a role value wins over the default() literal', async () => {
    const fixed = { ...files, [`${ROLE}/vars/main.yml`]: lines('hz_cluster: ox-prod', 'hz_port: 5701', 'hz_enabled: "true"') };
    assert.deepEqual(seen(await serviceOver(fixed)), [LOOPBACK]);
    const service = await serviceOver(fixed);
    assert.equal(
      hoverAt(service, fixed, '{{ hz_enabled }}'),
      "Set by the template: `{{ hz_enabled }}` renders to `true` with the role's vars/main.yml:3.",
    );
  });

  test('without variable files the template has no role: nothing is rendered', async () => {
    assert.deepEqual(seen(await serviceOver({ [HZ]: template })), []);
  });

  test('an edit of defaults/main.yml reaches the template', async () => {
    const live: Files = { ...files };
    const service = await serviceOver(live);
    const uri = uriOf(`${ROLE}/defaults/main.yml`);
    live[`${ROLE}/defaults/main.yml`] = defaults.replace('"yes"', 'true');
    assert.deepEqual(await service.fileChanged(uri, false), true);
    service.update([uri], DEFAULT_SETTINGS);
    assert.deepEqual(seen(service), [PORT, LOOPBACK]);
  });

  test('hover says what an expression renders to and from which file', async () => {
    const service = await serviceOver(files);
    assert.equal(
      hoverAt(service, files, '{{ hz_cluster }}'),
      "Set by the template: `{{ hz_cluster }}` renders to `ox-prod` with the role's vars/main.yml:1.",
    );
    assert.equal(
      hoverAt(service, files, '{{ hz_interfaces }}'),
      "Set by the template: `{{ hz_interfaces }}` renders to `127.0.0.1` with the role's defaults/main.yml:5. Inventory and play variables override role defaults.",
    );
    assert.equal(
      hoverAt(service, files, "{{ hz_port | default('57o1') }}"),
      "Set by the template: `{{ hz_port | default('57o1') }}` renders to `57o1` with its default() filter, as the role does not set hz_port.",
    );
    const text = TextDocument.create(uriOf(HZ), 'ox-properties', 1, template);
    assert.deepEqual(service.hover(text, { line: 2, character: 40 })?.range, {
      start: { line: 2, character: 38 },
      end: { line: 2, character: 54 },
    });
  });

  test('an expression that is no plain reference, and a variable that is itself a template, stay unknown', async () => {
    const nested = { ...files, [`${ROLE}/vars/main.yml`]: lines('hz_enabled: "{{ hz_switch }}"', 'hz_switch: "yes"') };
    const service = await serviceOver(nested);
    assert.deepEqual(seen(service), [PORT, LOOPBACK]);
    for (const written of ['{{ hz_auto | upper }}', '{{ hz_enabled }}']) {
      assert.equal(
        hoverAt(service, nested, written),
        `Set by the template: \`${written}\` is known only once configuration management renders the file.`,
      );
    }
  });

  test('literal text around plain references renders with it, read as the plain reader reads a value', async () => {
    const around: Files = {
      [HZ]: lines(`${H}network.join.static.nodes={{ hz_first }},{{- hz_second }} \\`, '    ,10.0.0.3'),
      [`${ROLE}/defaults/main.yml`]: lines('hz_first: 10.0.0.1', 'hz_second: " 10.0.0.x"'),
    };
    const service = await serviceOver(around);
    assert.equal(
      hoverAt(service, around, '{{ hz_first }}'),
      "Set by the template: `{{ hz_first }},{{- hz_second }} \\\n    ,10.0.0.3` renders to `10.0.0.1, 10.0.0.x ,10.0.0.3` with the role's defaults/main.yml:1 and the role's defaults/main.yml:2. Inventory and play variables override role defaults.",
    );
  });
});
