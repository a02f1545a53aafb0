// A large map's pictures draw quiet regions as one box with a count; the graph and small maps stay as they are.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { ClusterGraph, renderMap } from '../../server/src/languageService';
import { HTML_SCRIPT, HTML_SCRIPT_HASH } from '../../server/src/map/render/html';
import { renderSvg } from '../../server/src/map/render/svg';
import { generateWorkspaceFiles } from '../support/generate';
import { serviceOver } from '../support/memoryHost';

async function graphOf(clusters: number, nodes: number, edit: Record<string, string> = {}): Promise<ClusterGraph> {
  return (await serviceOver({ ...generateWorkspaceFiles(clusters, nodes), ...edit })).clusterGraph();
}

/** Element counts of an SVG: collapsed boxes, open regions, panels, and node groups outside and inside panels. */
function counts(svg: string) {
  const at = svg.indexOf('<g id="panel:');
  const [outside, inside] = at < 0 ? [svg, ''] : [svg.slice(0, at), svg.slice(at)];
  const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
  return {
    collapsed: count(svg, /<g id="cluster:[^"]*" class="cluster cluster-collapsed"/g),
    open: count(outside, /<g id="cluster:[^"]*" class="cluster"/g),
    panels: count(svg, /<g id="panel:cluster:[^"]*" class="panel">/g),
    nodes: count(outside, /<g id="node:[^"]*" class="node /g),
    nodesInPanels: count(inside, /<g id="node:[^"]*" class="node /g),
  };
}

describe('cluster map: collapsed regions', () => {
  test('100 nodes in 10 quiet clusters: 10 boxes with their counts, every node in a closed panel, the graph complete', async () => {
    const g = await graphOf(10, 10);
    assert.deepEqual([g.nodes.length, g.findings.length], [100, 0]);
    const svg = renderSvg(g);
    assert.deepEqual(counts(svg), { collapsed: 10, open: 0, panels: 10, nodes: 0, nodesInPanels: 100 });
    assert.deepEqual(
      [
        ...svg.matchAll(
          /<g id="cluster:cluster0" [^>]*>\n<title>[^<]*<\/title>\n<rect[^>]*\/>\n<text[^>]*>([^<]*)<\/text>\n<text[^>]*>([^<]*)<\/text>/g,
        ),
      ].map((m) => [m[1], m[2]]),
      [['cluster cluster0 · 3 full, 7 lite', 'node1…: 10 nodes, 0 findings']],
    );
    assert.match(
      svg,
      /<g id="cluster:cluster0" class="cluster cluster-collapsed" [^>]*data-expands="panel:cluster:cluster0" aria-expanded="false">/,
    );
    assert.match(svg, /\.panel \{ display: none; \}\n\.panel\.open \{ display: inline; \}/);
    assert.equal((JSON.parse(renderMap(g, 'json')) as ClusterGraph).nodes.length, 100);
    // Mermaid and DOT are not collapsed.
    assert.equal(renderMap(g, 'mermaid').match(/^ {4}n\d+\["node/gm)?.length, 100);
  });

  test('a region with a warning stays open; expand opens named regions or all', async () => {
    // 2W makes the sessions map's maxIdleSeconds shorter than the session lifetime: a warning on cluster3's map.
    const g = await graphOf(10, 10, {
      'cluster3/node2/etc/sessiond.properties':
        'com.openexchange.sessiond.sessionLongLifeTime=2W\ncom.openexchange.sessiond.maxSession=50000\n',
    });
    assert.deepEqual(
      g.findings.map((f) => [f.severity, f.target]),
      [['warning', 'map:cluster3/sessions']],
    );
    assert.deepEqual(counts(renderSvg(g)), { collapsed: 9, open: 1, panels: 9, nodes: 10, nodesInPanels: 90 });
    assert.deepEqual(counts(renderSvg(g, { expand: ['cluster4', 'cluster:cluster5'] })), {
      collapsed: 7,
      open: 3,
      panels: 7,
      nodes: 30,
      nodesInPanels: 70,
    });
    const all = renderSvg(g, { expand: 'all' });
    assert.deepEqual(counts(all), { collapsed: 0, open: 10, panels: 0, nodes: 100, nodesInPanels: 0 });
    assert.ok(!all.includes('.panel'));
    assert.deepEqual(counts(renderMap(g, 'html', undefined, ['cluster0'])), {
      collapsed: 8,
      open: 2,
      panels: 8,
      nodes: 20,
      nodesInPanels: 80,
    });
  });

  test('at most 40 nodes nothing collapses; from 41 on quiet regions do', async () => {
    assert.deepEqual(counts(renderSvg(await graphOf(4, 10))), { collapsed: 0, open: 4, panels: 0, nodes: 40, nodesInPanels: 0 });
    assert.deepEqual(counts(renderSvg(await graphOf(1, 41))), { collapsed: 1, open: 0, panels: 1, nodes: 0, nodesInPanels: 41 });
  });

  test("the HTML page's script (search, open and close regions) is the one its Content Security Policy allows", () => {
    assert.equal(HTML_SCRIPT_HASH, `sha256-${createHash('sha256').update(HTML_SCRIPT).digest('base64')}`);
    // The page is well-formed XML too: the script holds no character that XML would read as markup.
    assert.doesNotMatch(HTML_SCRIPT, /[<&]/);
  });
});
