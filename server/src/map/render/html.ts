// The graph as one self-contained HTML page: the SVG inline, a search and the findings as a table. No request
// leaves the page: its Content Security Policy allows only its own inline style and its one script, by hash.
// Written as well-formed XML too (void elements closed with />, a script without < or &), so XML tools read it.
import { ClusterGraph } from '../graph';
import { counted } from './labels';
import { Expand } from './collapse';
import { MARK_MATCHES } from './panelScript';
import { escapeXml, renderSvg } from './svg';

export interface HtmlOptions {
  /** A file URI as the reader knows it (a path relative to the current folder). */
  display?: (uri: string) => string;
  expand?: Expand;
}

/**
 * The page's script: the search dims the nodes whose name does not match and opens the collapsed regions that
 * hold a match; a click (or Enter) on a collapsed region opens it, on an open panel's title closes it.
 */
export const HTML_SCRIPT = `(() => {
  ${MARK_MATCHES}
  const svg = document.querySelector('.picture svg');
  const search = document.getElementById('search');
  const found = document.getElementById('found');
  if (!svg || !search || !found) return;
  const clicked = new Set();
  const refresh = () => {
    const query = search.value.trim().toLowerCase();
    const { nodes, matched } = markMatches(svg, query, (id) => clicked.has(id));
    for (const g of nodes) g.classList.toggle('filtered', query === '' ? false : !g.classList.contains('match'));
    found.textContent = query === '' ? '' : matched + ' of ' + nodes.length + ' nodes match';
  };
  const toggle = (target) => {
    const box = target.closest('[data-expands]');
    const title = target.closest('[data-collapses]');
    if (box) clicked.add(box.getAttribute('data-expands'));
    else if (title) clicked.delete('panel:' + title.getAttribute('data-collapses'));
    else return false;
    refresh();
    return true;
  };
  svg.addEventListener('click', (event) => toggle(event.target));
  svg.addEventListener('keydown', (event) => {
    if (['Enter', ' '].includes(event.key) ? toggle(event.target) : false) event.preventDefault();
  });
  search.addEventListener('input', refresh);
  refresh();
})();`;

/** The Content Security Policy's hash of HTML_SCRIPT (the core reads no crypto; a unit test holds it to the script). */
export const HTML_SCRIPT_HASH = 'sha256-wGCM3PnHk0HqrEwQfW3W/RTVFzK4nhTk1LjRLsmcuqk=';

export function renderHtml(graph: ClusterGraph, options: HtmlOptions = {}): string {
  const display = options.display ?? ((uri: string) => uri);
  const names = new Map<string, string>([
    ...graph.clusters.map((c) => [c.id, `cluster ${c.name}`] as const),
    ...graph.nodes.map((x) => [x.id, x.name] as const),
    ...graph.balancers.map((b) => [b.id, b.name] as const),
    ...graph.maps.map((m) => [m.id, `map ${m.name}`] as const),
  ]);
  const rows = graph.findings.map(
    (f) =>
      `<tr class="${f.severity}"><td>${f.severity}</td><td>${escapeXml(f.rule)}</td><td>${escapeXml(names.get(f.target) ?? f.target)}</td><td>${escapeXml(`${display(f.source.uri)}:${f.source.line}`)}</td><td>${escapeXml(f.message)}</td></tr>`,
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '${HTML_SCRIPT_HASH}'" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>OX cluster map</title>
<style>
body { font: 14px sans-serif; margin: 1em; color: #212121; background: #ffffff; }
.picture { overflow: auto; border: 1px solid #cfd8dc; }
table { border-collapse: collapse; margin-top: 1em; }
th, td { border: 1px solid #cfd8dc; padding: 2px 6px; text-align: left; vertical-align: top; }
tr.error td:first-child { color: #d32f2f; } tr.warning td:first-child { color: #b26a00; }
.picture svg .filtered { opacity: 0.2; }
.picture svg .match > .box { stroke: #ff8f00; stroke-width: 3; }
</style>
</head>
<body>
<h1>OX cluster map</h1>
<p>${counted(graph.clusters.length, 'cluster')}, ${counted(graph.nodes.length, 'node')}, ${counted(graph.balancers.length, 'balancer')}, ${counted(graph.findings.length, 'finding')}. Hover an element for its findings; click a collapsed region to open it.</p>
<p><input id="search" type="search" placeholder="Find a node" aria-label="Find a node by name" /> <span id="found" role="status"></span></p>
<div class="picture">
${renderSvg(graph, options)}</div>
<table>
<thead><tr><th>severity</th><th>rule</th><th>on</th><th>where</th><th>message</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
}
