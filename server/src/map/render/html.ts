// The graph as one self-contained HTML page: the SVG inline and the findings as a table. No script, no
// request leaves the page (its Content Security Policy allows only its own inline style). Written as
// well-formed XML too (void elements closed with />), so XML tools read it.
import { ClusterGraph } from '../graph';
import { counted } from './labels';
import { escapeXml, renderSvg } from './svg';

export interface HtmlOptions {
  /** A file URI as the reader knows it (a path relative to the current folder). */
  display?: (uri: string) => string;
}

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
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>OX cluster map</title>
<style>
body { font: 14px sans-serif; margin: 1em; color: #212121; background: #ffffff; }
.picture { overflow: auto; border: 1px solid #cfd8dc; }
table { border-collapse: collapse; margin-top: 1em; }
th, td { border: 1px solid #cfd8dc; padding: 2px 6px; text-align: left; vertical-align: top; }
tr.error td:first-child { color: #d32f2f; } tr.warning td:first-child { color: #b26a00; }
</style>
</head>
<body>
<h1>OX cluster map</h1>
<p>${counted(graph.clusters.length, 'cluster')}, ${counted(graph.nodes.length, 'node')}, ${counted(graph.balancers.length, 'balancer')}, ${counted(graph.findings.length, 'finding')}. Hover an element for its findings.</p>
<div class="picture">
${renderSvg(graph, options)}</div>
<table>
<thead><tr><th>severity</th><th>rule</th><th>on</th><th>where</th><th>message</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`;
}
