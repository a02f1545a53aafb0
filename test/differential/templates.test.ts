// Rendering a template with literal values and checking the rendered file gives the same findings on the
// template's literal lines as checking the template itself; node findings of the template hold in every rendering.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Diagnostic } from 'vscode-languageserver-types';
import { RULES } from '../../server/src/rules/registry';
import { doc, validate } from '../support/service';
import { analyze } from '../support/memoryHost';

/**
 * A renderer for this test only: `{{ name }}` from `vars`, `{% if name %}…{% else %}…{% endif %}` (not nested)
 * by `arms`. Lines keep their numbers: a control line and the lines of an arm not taken render empty, so
 * findings of both files can be compared line by line (Ansible's trim_blocks would drop those lines).
 */
function render(template: string, vars: Record<string, string>, arms: Record<string, boolean>): string {
  let taking = true;
  let condition: string | undefined;
  return template
    .split('\n')
    .map((line) => {
      const control = /^\{%-?\s*(if|else|endif)\s*(\w*)\s*-?%\}$/.exec(line.trim());
      if (control) {
        if (control[1] === 'if') taking = arms[(condition = control[2])];
        else if (control[1] === 'else') taking = !arms[condition!];
        else taking = true;
        return '';
      }
      if (!taking) return '';
      return line.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => vars[name]);
    })
    .join('\n');
}

const FILE_RULES = new Set(RULES.filter((r) => r.scope === 'file').map((r) => r.id));

/** Findings of file rules as `line code from-to message`, on the lines `keep` accepts. */
function findings(diagnostics: Diagnostic[], keep: (line: number) => boolean): string[] {
  return diagnostics
    .filter((d) => FILE_RULES.has(String(d.code)) && keep(d.range.start.line))
    .map((d) => `${d.range.start.line} ${String(d.code)} ${d.range.start.character}-${d.range.end.character} ${d.message}`)
    .sort();
}

const TEMPLATE = [
  '# managed by Ansible',
  'com.hazelcast.enabled=true',
  'com.openexchange.hazelcast.group.name={{ group }}',
  '{% if static %}',
  'com.openexchange.hazelcast.network.join=static',
  'com.openexchange.hazelcast.network.join.static.nodes={{ nodes }}',
  '{% else %}',
  'com.openexchange.hazelcast.network.join=multicst',
  '{% endif %}',
  'com.openexchange.hazelcast.network.interfaces={{ interfaces }}',
  'com.openexchange.hazelcast.network.portAutoIncrement=yes',
  'com.openexchange.hazelcast.merge.firstRunDelay=120s',
  'com.openexchange.hazelcast.merge.runDelay=12O s',
  'com.openexchange.hazelcast.mergee.runDelay=1',
  '{% if tuned %}',
  'com.openexchange.hazelcast.maxOperationTimeout=30000',
  'com.openexchange.hazelcast.maxOperationTimeout={{ timeout }}',
  '{% endif %}',
  'com.openexchange.hazelcast.network.join.static.nodes=10.0.0.1',
].join('\n');

const VARS: ReadonlyArray<Record<string, string>> = [
  { group: 'ox-prod', nodes: '10.0.0.1,10.0.0.2', interfaces: '10.0.0.*', timeout: '5000' },
  { group: '', nodes: 'not an address', interfaces: '127.0.0.1', timeout: 'soon' },
];

test('a rendered template gets the findings of the template on its literal lines, and no others there', () => {
  const lines = TEMPLATE.split('\n');
  const literal = (line: number) => !/\{[{%#]/.test(lines[line] ?? '');
  let compared = 0;
  for (const vars of VARS) {
    for (const arms of [0, 1, 2, 3].map((n) => ({ static: !!(n & 1), tuned: !!(n & 2) }))) {
      const rendered = render(TEMPLATE, vars, arms);
      const renderedLines = rendered.split('\n');
      // The lines that render: literal in the template and not in an arm left out.
      const renders = (line: number) => literal(line) && renderedLines[line] !== '';
      const fromTemplate = findings(validate(doc('hazelcast.properties.j2', TEMPLATE)), renders);
      const fromRendered = findings(validate(doc('hazelcast.properties', rendered)), renders);
      assert.deepEqual(fromTemplate, fromRendered, JSON.stringify({ vars, arms }));
      compared += fromRendered.length;
    }
  }
  // In each of the 8 renderings: "yes", "12O s" and the misspelled key; with the else arm (4) the misspelled
  // join mode; with the tuned arm (4) the timeout set twice in it.
  assert.equal(compared, 8 * 3 + 4 + 4);
});

const NODE_TEMPLATE = [
  'com.openexchange.hazelcast.group.name={{ group }}',
  'com.openexchange.hazelcast.network.join=static',
  'com.openexchange.hazelcast.network.join.static.nodes={{ nodes }}',
  'com.openexchange.hazelcast.network.interfaces=127.0.0.1',
  '{% if static %}',
  'com.openexchange.hazelcast.rest.enabled=true',
  '{% else %}',
  'com.openexchange.hazelcast.memcache.enabled={{ interfaces }}',
  '{% endif %}',
  'com.openexchange.hazelcast.maxOperationTimeout={{ timeout }}',
].join('\n');

test('node rules: every finding the node template gets on a line that renders, each rendering gets too', async () => {
  const NODE_RULES = new Set(RULES.filter((r) => r.scope === 'node').map((r) => String(r.id)));
  const lines = NODE_TEMPLATE.split('\n');
  const literal = (line: number) => !/\{[{%#]/.test(lines[line] ?? '');
  const nodeFindings = async (file: string, text: string, keep: (line: number) => boolean) =>
    Object.values((await analyze({ [file]: text })).byFile)
      .flat()
      .filter((d) => NODE_RULES.has(String(d.code)) && keep(d.range.start.line))
      .map((d) => `${d.range.start.line} ${String(d.code)} ${d.range.start.character}-${d.range.end.character}`);
  const fromTemplate = await nodeFindings('t/etc/hazelcast.properties.j2', NODE_TEMPLATE, () => true);
  // Its own findings rest on literal lines only: the loopback interface and the REST switch in one arm.
  assert.deepEqual(fromTemplate, ['3 loopback-interfaces 46-55', '5 weak-cluster-exposure 40-44']);
  let compared = 0;
  for (const vars of [...VARS, { group: 'ox', nodes: '10.0.0.1,10.0.0.2', interfaces: 'true', timeout: 'false' }]) {
    for (const arms of [{ static: true }, { static: false }]) {
      const rendered = render(NODE_TEMPLATE, vars, { ...arms, tuned: false });
      const renderedLines = rendered.split('\n');
      const renders = (line: number) => literal(line) && renderedLines[line] !== '';
      const fromRendered = await nodeFindings('r/etc/hazelcast.properties', rendered, () => true);
      for (const finding of fromTemplate.filter((f) => renders(Number(f.split(' ')[0])))) {
        assert.ok(fromRendered.includes(finding), `${finding} not in ${JSON.stringify({ vars, arms, fromRendered })}`);
        compared++;
      }
    }
  }
  // The loopback line in all 6 renderings; the REST line in the 3 that take its arm.
  assert.equal(compared, 6 + 3);
});
