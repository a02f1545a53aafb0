// `map`: each format of the map of examples/ read back strictly (SVG and HTML as XML, Mermaid and DOT
// statement by statement, DOT also by Graphviz), the JSON shape, --out, --values and the exit codes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { generateWorkspaceFiles } from '../support/generate';
import { cli, REPO, removeScratch, scratch } from './harness';
import { elements, parseXml, textOf, XmlElement } from './strictXml';

const EXAMPLES = path.join(REPO, 'examples');

interface JsonGraph {
  clusters: Array<{ id: string; name: string; nodes: string[]; apart: string[]; maps: string[]; balancers: string[] }>;
  nodes: Array<{
    id: string;
    name: string;
    source: { file: string; line: number } | null;
    hazelcast: string;
    join: string | null;
    member: string | null;
    route: string | null;
  }>;
  edges: Array<{ id: string; from: string; to: string; kind: string; dangling: boolean; fault?: string }>;
  findings: Array<{ rule: string; severity: string; target: string; message: string; source: { file: string; line: number } }>;
  balancers: Array<{ id: string; name: string }>;
  addresses: Array<{ id: string; address: string }>;
  maps: Array<{ id: string; name: string }>;
}

/** The map of examples/ in a format; the examples hold errors on purpose, so the exit code is 1 as check's. */
function map(...args: string[]): string {
  const run = cli(EXAMPLES, 'map', '.', ...args);
  assert.equal(run.stderr, '');
  assert.equal(run.status, 1);
  return run.stdout;
}

const GRAPH = JSON.parse(map('--format', 'json')) as JsonGraph;
/** Every node name of examples/, once: 29 nodes (classic etc/ trees and Kubernetes node types) of 13 names. */
const NODE_NAMES = [...new Set(GRAPH.nodes.map((n) => n.name))];
/** The secret values (catalog `secret: true`) set in examples/: none may appear in any format. */
const SECRETS = ['2mw67LqNDEb3', 'D2xhL8mPkjsF', 'auw948cz,spdfgibcsp9e8ri', '7c1f0a9e-site-specific-Key-42', 'hunter22', 'c2VjcmV0'];

const firstLine = (text: string) => text.split('\n')[0].replace(/ \(upgrade node\)$/, '');

describe('map: the strict XML reader the tests use', () => {
  test('reads elements, attributes, text and references, and rejects what is not well-formed', () => {
    const root = parseXml('<?xml version="1.0"?><!-- c --><a x="1 &amp; 2"><b/>t&lt;&#65;<![CDATA[<z>]]></a>');
    assert.deepEqual([root.name, root.attributes.get('x'), textOf(root), elements(root).length], ['a', '1 & 2', 't<A<z>', 2]);
    for (const bad of [
      '<a>',
      '<a></b>',
      '<a>&</a>',
      '<a x=1/>',
      '<a x="1" x="2"/>',
      '<a/><b/>',
      '<a>x < y</a>',
      '<a x="<"/>',
      '<a>&nbsp;</a>',
    ])
      assert.throws(() => parseXml(bad), Error, bad);
  });
});

describe('map', () => {
  let dir: string;
  before(() => (dir = scratch()));
  after(() => removeScratch(dir));

  test('examples/: 14 clusters, 30 nodes, each finding of check on an element', () => {
    assert.equal(GRAPH.clusters.length, 14);
    assert.equal(GRAPH.nodes.length, 30);
    assert.deepEqual(NODE_NAMES, [
      'node1',
      'node2',
      'node3',
      'web1',
      'web2',
      'worker1',
      'open-xchange',
      'data',
      'web',
      'api',
      'sync',
      'documents',
      'http-api',
      'default',
    ]);
    // The Ansible role's template fills in com.openexchange.hazelcast.enabled.
    assert.deepEqual(
      GRAPH.nodes.filter((n) => n.hazelcast === 'unknown').map((n) => n.id),
      ['node:ansible-role/templates/opt/open-xchange/etc'],
    );
    const check = JSON.parse(cli(EXAMPLES, 'check', '.', '--format', 'json').stdout) as unknown[];
    assert.equal(GRAPH.findings.length, check.length);
  });

  test('svg: well-formed, every node a group with its name, its file and line for a click, no secret', () => {
    const text = map('--format', 'svg');
    const svg = parseXml(text);
    assert.equal(svg.name, 'svg');
    assert.equal(svg.attributes.get('xmlns'), 'http://www.w3.org/2000/svg');
    const groups = new Map(
      elements(svg)
        .filter((e) => e.name === 'g')
        .map((g) => [g.attributes.get('id')!, g]),
    );
    for (const node of GRAPH.nodes) {
      const g = groups.get(node.id);
      assert.ok(g, node.id);
      const lines = elements(g)
        .filter((e) => e.name === 'text')
        .map(textOf);
      assert.equal(firstLine(lines[0]), node.name);
      assert.equal(g.attributes.get('data-file'), node.source?.file);
      assert.equal(g.attributes.get('data-line'), node.source ? String(node.source.line) : undefined);
    }
    // A region for each cluster with members or maps (a cluster of nodes without Hazelcast is none).
    for (const cluster of GRAPH.clusters) assert.equal(groups.has(cluster.id), cluster.nodes.length + cluster.maps.length > 0, cluster.id);
    for (const edge of GRAPH.edges) assert.ok(groups.has(edge.id), edge.id);
    assert.match(textOf(groups.get('cluster:broken-cluster')!), /^cluster broken-cluster · group staging · 2 full, 1 lite/m);
    for (const secret of SECRETS) assert.ok(!text.includes(secret), secret);
  });

  test('html: well-formed, one inline script allowed by its hash and nothing that loads, the SVG inline, one table row per finding', () => {
    const text = map('--format', 'html');
    const html = parseXml(text);
    const all = elements(html);
    const scripts = all.filter((e) => e.name === 'script');
    assert.deepEqual(
      scripts.map((e) => [...e.attributes.keys()]),
      [[]],
    );
    const hash = createHash('sha256').update(textOf(scripts[0])).digest('base64');
    const csp = all.find((e) => e.name === 'meta' && e.attributes.get('http-equiv') === 'Content-Security-Policy');
    assert.equal(
      csp?.attributes.get('content'),
      `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${hash}'`,
    );
    assert.deepEqual(
      all.filter(
        (e) => ['link', 'img', 'iframe', 'object', 'embed'].includes(e.name) || e.attributes.has('src') || e.attributes.has('href'),
      ),
      [],
    );
    assert.ok(!/url\((?!#arrow\))|@import|fetch\(|XMLHttpRequest|import\(/.test(text));
    assert.deepEqual(
      all.filter((e) => e.name === 'input').map((e) => e.attributes.get('id')),
      ['search'],
    );
    const svg = all.find((e) => e.name === 'svg')!;
    const shown = elements(svg)
      .filter((e) => e.name === 'text')
      .map((t) => firstLine(textOf(t)));
    for (const name of NODE_NAMES) assert.ok(shown.includes(name), name);
    const rows = all.filter((e) => e.name === 'tbody').flatMap((b) => b.children.filter((c): c is XmlElement => typeof c !== 'string'));
    assert.equal(rows.length, GRAPH.findings.length);
    const cells = (row: XmlElement) => row.children.filter((c): c is XmlElement => typeof c !== 'string').map(textOf);
    const first = GRAPH.findings[0];
    assert.deepEqual(cells(rows[0]).slice(0, 2), [first.severity, first.rule]);
    assert.equal(cells(rows[0])[3], `${first.source.file}:${first.source.line}`);
    for (const secret of SECRETS) assert.ok(!text.includes(secret), secret);
  });

  test('mermaid: a flowchart whose every statement is well-formed, one subgraph per cluster, one link per edge', () => {
    const text = map('--format', 'mermaid');
    const lines = text.trimEnd().split('\n');
    assert.equal(lines[0], 'flowchart LR');
    const QUOTED = '"[^"]*"';
    const shapes = [`\\[${QUOTED}\\]`, `\\[\\(${QUOTED}\\)\\]`, `\\{\\{${QUOTED}\\}\\}`, `>${QUOTED}\\]`].join('|');
    const declared = new Map<string, string>();
    const classes = new Set<string>();
    let depth = 0;
    let subgraphs = 0;
    let links = 0;
    for (const line of lines.slice(1)) {
      let m: RegExpMatchArray | null;
      if ((m = line.match(/^ {2}subgraph (\w+)\[("[^"]*")\]$/))) {
        assert.equal(depth, 0, line);
        depth++;
        subgraphs++;
        declared.set(m[1], m[2]);
      } else if (line === '  end') depth--;
      else if ((m = line.match(new RegExp(`^ +(\\w+)(?:${shapes})$`)))) {
        assert.ok(!declared.has(m[1]), `${m[1]} declared twice`);
        declared.set(m[1], line.slice(line.indexOf('"') + 1, line.lastIndexOf('"')));
      } else if ((m = line.match(new RegExp(`^ {2}(\\w+) (?:-->|-\\.->|==>)(?:\\|${QUOTED}\\|)? (\\w+)$`)))) {
        assert.ok(declared.has(m[1]) && declared.has(m[2]), line);
        links++;
      } else if ((m = line.match(/^ {2}classDef (\w+) [\w:#,-]+$/))) classes.add(m[1]);
      else if ((m = line.match(/^ {2}class (\w+) (\w+)$/))) assert.ok(declared.has(m[1]) && classes.has(m[2]), line);
      else if ((m = line.match(/^ {2}linkStyle ([\d,]+) [\w:#,-]+$/)))
        assert.ok(
          m[1].split(',').every((i) => Number(i) < links),
          line,
        );
      else assert.fail(`not a statement: ${line}`);
      assert.ok(depth >= 0 && depth <= 1, line);
    }
    assert.equal(depth, 0);
    assert.equal(subgraphs, GRAPH.clusters.length);
    assert.equal(links, GRAPH.edges.length);
    const names = [...declared.values()].map((t) => t.split('<br>')[0].replace(/ \(upgrade node\)$/, ''));
    for (const name of NODE_NAMES) assert.ok(names.includes(name), name);
    for (const secret of SECRETS) assert.ok(!text.includes(secret), secret);
  });

  test('dot: every statement well-formed, every edge between declared ids; Graphviz lays it out without an error', async () => {
    const text = map('--format', 'dot');
    const lines = text.trimEnd().split('\n');
    assert.equal(lines[0], 'digraph "cluster map" {');
    assert.equal(lines.at(-1), '}');
    const STRING = '"(?:[^"\\\\]|\\\\.)*"';
    const VALUE = `(?:${STRING}|[\\w.]+)`;
    const ATTRS = `\\[\\w+=${VALUE}(?:, \\w+=${VALUE})*\\]`;
    const declared = new Set<string>();
    let subgraphs = 0;
    let edges = 0;
    let depth = 1;
    for (const line of lines.slice(1, -1)) {
      let m: RegExpMatchArray | null;
      if (/^ {2}subgraph cluster_\d+ \{$/.test(line)) {
        subgraphs++;
        depth++;
      } else if (line === '  }') depth--;
      else if ((m = line.match(new RegExp(`^ +(${STRING}) -> (${STRING}) ${ATTRS};$`)))) {
        assert.ok(declared.has(m[1]) && declared.has(m[2]), line);
        edges++;
      } else if ((m = line.match(new RegExp(`^ +(${STRING}) ${ATTRS};$`)))) declared.add(m[1]);
      else if (!new RegExp(`^ +(?:(?:\\w+=${VALUE}); ?)+$`).test(line) && !new RegExp(`^ +node ${ATTRS};$`).test(line))
        assert.fail(`not a statement: ${line}`);
      assert.ok(depth >= 1 && depth <= 2, line);
    }
    assert.equal(subgraphs, GRAPH.clusters.length);
    assert.equal(edges, GRAPH.edges.length);
    assert.equal(declared.size, GRAPH.nodes.length + GRAPH.maps.length + GRAPH.balancers.length + GRAPH.addresses.length);

    const viz = await (require('@viz-js/viz') as typeof import('@viz-js/viz')).instance();
    const result = viz.render(text, { format: 'json' });
    // Graphviz's WebAssembly build has font metrics for ASCII only: the labels' middle dots get a warning on their width.
    assert.deepEqual(
      result.errors.filter((e) => !/^Warning: no value for width of non-ASCII character/.test(e.message)),
      [],
    );
    assert.equal(result.status, 'success');
    const objects = (JSON.parse(result.output!) as { objects: Array<{ name: string; label?: string }> }).objects;
    assert.equal(objects.filter((o) => o.name.startsWith('cluster_')).length, GRAPH.clusters.length);
    for (const name of NODE_NAMES)
      assert.ok(
        objects.some((o) => o.label && firstLine(o.label.split('\\n')[0]) === name),
        name,
      );
    for (const secret of SECRETS) assert.ok(!text.includes(secret), secret);
  });

  test('json: the documented shape, ids that resolve, sources as paths relative to the current folder', () => {
    const ids = new Set([
      ...GRAPH.clusters.map((c) => c.id),
      ...GRAPH.nodes.map((n) => n.id),
      ...GRAPH.balancers.map((b) => b.id),
      ...GRAPH.addresses.map((a) => a.id),
      ...GRAPH.maps.map((m) => m.id),
      ...GRAPH.edges.map((e) => e.id),
    ]);
    assert.deepEqual(Object.keys(GRAPH), ['clusters', 'nodes', 'edges', 'findings', 'balancers', 'addresses', 'maps']);
    const nodeIds = new Set(GRAPH.nodes.map((n) => n.id));
    for (const c of GRAPH.clusters) {
      assert.equal(typeof c.name, 'string');
      for (const id of [...c.nodes, ...c.apart]) assert.ok(nodeIds.has(id), id);
    }
    for (const n of GRAPH.nodes) {
      assert.ok(n.member === 'full' || n.member === 'lite' || n.member === null, n.id);
      assert.ok(['on', 'off', 'unknown'].includes(n.hazelcast) && (n.member !== null) === (n.hazelcast === 'on'), n.id);
      assert.ok(n.join === null || typeof n.join === 'string', n.id);
      assert.ok(n.route === null || typeof n.route === 'string', n.id);
      assert.ok(n.source === null || (fs.existsSync(path.join(EXAMPLES, n.source.file)) && n.source.line >= 1), n.id);
    }
    for (const e of GRAPH.edges) {
      assert.ok(e.kind === 'member' || e.kind === 'route', e.id);
      assert.ok(ids.has(e.from) && ids.has(e.to), e.id);
    }
    for (const f of GRAPH.findings) {
      assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity), f.rule);
      assert.ok(ids.has(f.target), f.target);
    }
    const node2 = GRAPH.nodes.find((n) => n.id === 'node:broken-cluster/node2/etc')!;
    assert.deepEqual(
      { id: node2.id, source: node2.source, join: node2.join, member: node2.member, route: node2.route },
      {
        id: 'node:broken-cluster/node2/etc',
        source: { file: 'broken-cluster/node2/etc/hazelcast.properties', line: 2 },
        join: 'static',
        member: 'full',
        route: 'OX1',
      },
    );
    assert.deepEqual(GRAPH.clusters[0].nodes, [
      'node:broken-cluster/node1/etc',
      'node:broken-cluster/node2/etc',
      'node:broken-cluster/node3/etc',
    ]);
    for (const secret of SECRETS) assert.ok(!JSON.stringify(GRAPH).includes(secret), secret);
  });

  test('json: README.md documents every field the graph of examples/ has, and no other', () => {
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const block = /### Cluster map[\s\S]*?```jsonc\n([\s\S]*?)```/.exec(readme)![1];
    // `"clusters": [{ "id", "name", "edition": "classic"|"kubernetes" ... }]`: a field is a quoted word not after `:` or `|`.
    const documented = [...block.matchAll(/"(\w+)": \[\{([\s\S]*?)\}\]/g)].map(([, part, fields]) => [
      part,
      [...fields.matchAll(/(?<![:|] ?)"(\w+)"/g)].map((m) => m[1]).sort(),
    ]);
    const actual = Object.entries(GRAPH).map(([part, list]) => [
      part,
      [...new Set((list as Array<Record<string, unknown>>).flatMap((o) => Object.keys(o)))].sort(),
    ]);
    assert.deepEqual(documented, actual);
  });

  test('--out writes the file and nothing to stdout; exit 0 for a workspace without errors', () => {
    const run = cli(dir, 'map', 'examples/healthy-cluster', '--format', 'mermaid', '--out', 'map.mmd');
    assert.deepEqual([run.status, run.stdout, run.stderr], [0, '', '']);
    assert.match(
      fs.readFileSync(path.join(dir, 'map.mmd'), 'utf8'),
      /^flowchart LR\n {2}subgraph c1\["cluster healthy-cluster · group mail-prod · 3 full, 0 lite"\]\n/,
    );
  });

  test('a single file and --values releases as check reads them', () => {
    const file = cli(dir, 'map', 'examples/healthy-cluster/node1/etc/hazelcast.properties', '--format', 'json');
    assert.equal(file.status, 0, file.stderr);
    assert.deepEqual(
      (JSON.parse(file.stdout) as JsonGraph).nodes.map((n) => [n.id, n.name, n.member]),
      [['node:node1/etc', 'node1', 'full']],
    );
    const values = cli(dir, 'map', '--values', 'examples/kubernetes/healthy/values.yaml', '--format', 'json');
    assert.equal(values.status, 0, values.stderr);
    const g = JSON.parse(values.stdout) as JsonGraph;
    assert.deepEqual(
      g.clusters.map((c) => [c.name, c.nodes, c.apart]),
      [['appsuite-prod', ['node:values.yaml#documents'], ['node:values.yaml#http-api']]],
    );
  });

  test('--expand: above 40 nodes quiet regions are boxes; all, or the named regions, drawn open; a value is needed', () => {
    const big = path.join(dir, 'big');
    for (const [rel, content] of Object.entries(generateWorkspaceFiles(5, 9))) {
      fs.mkdirSync(path.dirname(path.join(big, rel)), { recursive: true });
      fs.writeFileSync(path.join(big, rel), content);
    }
    const collapsed = (...args: string[]) => {
      const run = cli(dir, 'map', 'big', ...args);
      assert.equal(run.status, 0, run.stderr);
      return [run.stdout.match(/class="cluster cluster-collapsed"/g)?.length ?? 0, run.stdout.match(/<g id="node:/g)?.length];
    };
    assert.deepEqual(collapsed(), [5, 45]);
    assert.deepEqual(collapsed('--expand', 'all'), [0, 45]);
    assert.deepEqual(collapsed('--expand=cluster1,cluster2', '--expand', 'cluster:cluster4'), [2, 45]);
    assert.deepEqual(collapsed('--format', 'html', '--expand', 'cluster0'), [4, 45]);
    const json = cli(dir, 'map', 'big', '--format', 'json');
    assert.equal((JSON.parse(json.stdout) as JsonGraph).nodes.length, 45);
    const empty = cli(dir, 'map', 'big', '--expand=');
    assert.deepEqual(
      [empty.status, empty.stdout, empty.stderr.split('\n')[0]],
      [2, '', 'ox-cluster-config: --expand needs "all" or region names.'],
    );
  });

  test('exit 2 for a missing path, a wrong format and an option of check that map does not take', () => {
    const missing = cli(dir, 'map', 'nowhere');
    assert.deepEqual([missing.status, missing.stdout, missing.stderr], [2, '', 'ox-cluster-config: no such file or directory: nowhere\n']);
    const format = cli(dir, 'map', 'examples', '--format', 'png');
    assert.equal(format.status, 2);
    assert.match(format.stderr, /^ox-cluster-config: --format must be svg, html, mermaid, dot, json, not "png"\./);
    const fix = cli(dir, 'map', 'examples', '--fix');
    assert.equal(fix.status, 2);
    assert.match(fix.stderr, /^ox-cluster-config: map does not take --fix\./);
  });
});
