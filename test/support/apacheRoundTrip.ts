// Fix round trips for the web server's configuration: workspaces whose balancer fixes can be applied, and
// the check that a fix changes only the directives it is about.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ApacheNode, parseApacheConfig } from '../../server/src/parser/apache/apacheConfig';
import { templateSyntaxOf } from '../../server/src/template/syntax';
import { Files } from './memoryHost';

/** The rules whose fixes these workspaces exercise: the balancer rules, and duplicate-route's rename on both sides. */
export const APACHE_FIX_RULES = [
  'balancer-route-unknown',
  'balancer-not-sticky',
  'balancer-member-no-route',
  'upgrade-node-in-balancer',
  'duplicate-route',
];

interface Edit {
  start: number;
  end: number;
  newText: string;
}

interface Flat {
  text: string;
  start: number;
  end: number;
}

/** Every directive and section tag, as its name and argument texts, in source order. */
function flatten(text: string, file: string): { items: Flat[]; problems: number; comments: string[] } {
  const config = parseApacheConfig(text, templateSyntaxOf(file.slice(file.lastIndexOf('/') + 1)));
  const items: Flat[] = [];
  const walk = (nodes: readonly ApacheNode[]) => {
    for (const node of nodes) {
      const end = node.kind === 'section' ? node.open.end : node.end;
      items.push({ text: [node.name, ...node.args.map((a) => a.text)].join(' '), start: node.start, end });
      if (node.kind === 'section') walk(node.children);
    }
  };
  walk(config.nodes);
  const comments = text.split(/\r?\n/).filter((l) => /^\s*#/.test(l));
  return { items, problems: config.problems.length, comments };
}

/**
 * A fix in an httpd file changes only the directives its edits fall into (an insertion at a directive's end
 * belongs to it), may add one ProxySet line, keeps every comment and adds no syntax problem.
 */
export function checkApacheEdits(file: string, before: string, after: string, edits: readonly Edit[], where: string): void {
  const was = flatten(before, file);
  const now = flatten(after, file);
  const touched = (item: Flat) =>
    edits.some((e) => e.start >= item.start && e.end <= item.end && (e.start < item.end || e.start === item.end));
  const kept = was.items.filter((i) => !touched(i)).map((i) => i.text);
  const changed = was.items.filter(touched).length;
  const added = now.items.length - was.items.length;
  assert.ok(
    added === 0 || (added === 1 && now.items.some((i) => i.text.startsWith('ProxySet') && !was.items.some((w) => w.text === i.text))),
    `${where}: ${file} gains only a ProxySet line`,
  );
  const remaining = now.items.map((i) => i.text);
  let at = 0;
  for (const text of kept) {
    const found = remaining.indexOf(text, at);
    assert.ok(found >= 0, `${where}: ${file} keeps "${text}" as it was\n${after}`);
    at = found + 1;
  }
  assert.ok(changed + Math.max(added, 0) >= 1, `${where}: ${file} changes a directive`);
  assert.deepEqual(now.comments, was.comments, `${where}: ${file} keeps its comments`);
  assert.ok(now.problems <= was.problems, `${where}: ${file} gets no new syntax problem`);
}

const ROUTES = ['APP1', 'APP2', 'APP3', 'APP4'];

/**
 * A cluster of two to four nodes (cluster/oxN) behind one balancer, with one defect the rules fix: a
 * member with a route no node has, a member without a route, stickiness missing or incomplete, the
 * declared upgrade node as an active member, or two nodes (and their members) sharing a route. Indentation, line ends and where ProxySet stands vary.
 */
export const apacheFixCase: fc.Arbitrary<Files> = fc
  .record({
    nodes: fc.integer({ min: 2, max: 4 }),
    defect: fc.constantFrom('wrong-route', 'no-route', 'sticky', 'upgrade', 'shared-route'),
    sticky: fc.constantFrom(
      null,
      'stickysession=JSESSIONID',
      'stickysession=jsessionid',
      'stickysession=JSESSIONID|jsessionid',
      'stickysession=JSESSIONID|jsessionid scolonpathdelim=Off',
    ),
    proxySetOutside: fc.boolean(),
    indent: fc.constantFrom('', '  ', '    ', '\t'),
    eol: fc.constantFrom('\n', '\r\n'),
    which: fc.nat(),
    status: fc.constantFrom('', ' status=+H'),
    comment: fc.boolean(),
  })
  .map(({ nodes, defect, sticky, proxySetOutside, indent, eol, which, status, comment }) => {
    const files: Files = {};
    const target = which % nodes;
    const members: string[] = [];
    for (let i = 0; i < nodes; i++) {
      // A shared route: the target node was cloned from the first one, in its file and in its member.
      const own = defect === 'shared-route' && i === Math.max(target, 1) ? ROUTES[0] : ROUTES[i];
      files[`cluster/ox${i + 1}/etc/server.properties`] = `com.openexchange.server.backendRoute=${own}\n`;
      let route = ` route=${own}`;
      if (i === target && defect === 'wrong-route') route = ' route=OX1';
      if (i === target && defect === 'no-route') route = '';
      members.push(`${indent}BalancerMember http://ox${i + 1}:8009 timeout=100${route}${i === target ? status : ''}`);
    }
    const set = defect === 'sticky' ? sticky : 'stickysession=JSESSIONID|jsessionid scolonpathdelim=On';
    const lines = [
      ...(comment ? ['# OX middleware nodes'] : []),
      '<Proxy balancer://oxcluster>',
      ...members,
      ...(set && !proxySetOutside ? [`${indent}ProxySet ${set}`] : []),
      '</Proxy>',
      ...(set && proxySetOutside ? [`ProxySet balancer://oxcluster ${set}`] : []),
      'ProxyPass /ajax balancer://oxcluster/ajax',
      '',
    ];
    files['apache2/conf-enabled/proxy_http.conf'] = lines.join(eol);
    if (defect === 'upgrade')
      files['.oxclusterconfig.json'] = JSON.stringify({ nodes: { [`cluster/ox${target + 1}`]: { upgradeNode: true } } });
    return files;
  });
