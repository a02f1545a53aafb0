// The page of the "Show Cluster Map" webview, apart from the extension's code so that a browser test or the
// bench can load it without VS Code (it calls only acquireVsCodeApi, which the webview provides).
import { MARK_MATCHES } from '../../server/src/map/render/panelScript';

/**
 * The view: a toolbar (zoom, search) and the map. Strict Content Security Policy: only this page's script
 * (by nonce) runs; styles are inline, as the map's SVG carries its own; nothing is loaded from anywhere.
 */
export function clusterMapPage(nonce: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>OX Cluster Map</title>
<style>
body { padding: 0; margin: 0; color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); }
header { position: sticky; top: 0; display: flex; gap: 6px; align-items: center; padding: 6px; background: var(--vscode-editor-background); border-bottom: 1px solid var(--vscode-panel-border); }
button, input { font: inherit; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, transparent); padding: 2px 6px; }
button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); cursor: pointer; }
#status { opacity: 0.8; }
#map { transform-origin: 0 0; padding: 8px; }
#map svg.map { fill: var(--vscode-editor-foreground); }
#map svg .background { fill: var(--vscode-editor-background); }
#map svg .region { fill: var(--vscode-sideBar-background, transparent); }
#map svg .box { fill: var(--vscode-editorWidget-background); }
#map svg .edge-label { fill: var(--vscode-editor-foreground); stroke: var(--vscode-editor-background); }
#map svg [data-uri] { cursor: pointer; }
#map svg [data-uri]:focus { outline: 2px solid var(--vscode-focusBorder); }
#map svg .match > .box { stroke: var(--vscode-editor-findMatchBorder, orange); stroke-width: 3; }
#map svg .panel-region .region { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-focusBorder); }
</style>
</head>
<body>
<header role="toolbar" aria-label="Cluster map">
<button id="zoom-out" aria-label="Zoom out">−</button><button id="zoom-in" aria-label="Zoom in">+</button><button id="zoom-reset" aria-label="Actual size">100 %</button>
<input id="search" type="search" placeholder="Find a node" aria-label="Find a node by name">
<span id="status" role="status" aria-live="polite">Loading the map…</span>
</header>
<main id="map" aria-label="Clusters, nodes, maps and balancers"></main>
<script nonce="${nonce}">
(() => {
  const vscode = acquireVsCodeApi();
  const map = document.getElementById('map');
  const status = document.getElementById('status');
  const search = document.getElementById('search');
  // opened: the panels of collapsed regions opened by a click, kept across redraws.
  const state = Object.assign({ zoom: 1, x: 0, y: 0, query: '', opened: [] }, vscode.getState() || {});
  const save = () => vscode.setState({ ...state, x: window.scrollX, y: window.scrollY });
  const zoom = (z) => { state.zoom = Math.min(4, Math.max(0.25, z)); map.style.transform = 'scale(' + state.zoom + ')'; document.getElementById('zoom-reset').textContent = Math.round(state.zoom * 100) + ' %'; save(); };
  ${MARK_MATCHES}
  /** Opens the panels clicked open or holding a match of the search; returns the first match. */
  const showPanels = () => markMatches(map, state.query, (id) => state.opened.includes(id)).first;
  const find = () => {
    state.query = search.value.trim().toLowerCase();
    const first = showPanels();
    if (first) first.scrollIntoView({ block: 'center', inline: 'center' });
    save();
  };
  const open = (el) => {
    const box = el && el.closest('[data-expands]');
    const title = el && el.closest('[data-collapses]');
    if (box || title) {
      const id = box ? box.getAttribute('data-expands') : 'panel:' + title.getAttribute('data-collapses');
      state.opened = box ? [...state.opened.filter((p) => p !== id), id] : state.opened.filter((p) => p !== id);
      showPanels();
      save();
      return;
    }
    const g = el && el.closest('[data-uri]');
    if (g) vscode.postMessage({ type: 'open', uri: g.getAttribute('data-uri'), line: Number(g.getAttribute('data-line') || '1') });
  };
  document.getElementById('zoom-in').onclick = () => zoom(state.zoom * 1.25);
  document.getElementById('zoom-out').onclick = () => zoom(state.zoom / 1.25);
  document.getElementById('zoom-reset').onclick = () => zoom(1);
  search.value = state.query;
  search.oninput = find;
  map.addEventListener('click', (e) => open(e.target));
  map.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); open(e.target); } });
  window.addEventListener('scroll', save);
  window.addEventListener('message', (event) => {
    const m = event.data;
    if (m.type === 'error') { status.textContent = 'The map could not be drawn: ' + m.text; return; }
    if (m.type !== 'map') return;
    const x = window.scrollX, y = window.scrollY;
    map.innerHTML = m.svg;
    const nodes = map.querySelectorAll('g.node').length;
    status.textContent = m.svg ? nodes + (nodes === 1 ? ' node' : ' nodes') : 'No OX configuration in this workspace.';
    zoom(state.zoom);
    showPanels();
    window.scrollTo(x || state.x, y || state.y);
  });
  zoom(state.zoom);
})();
</script>
</body>
</html>
`;
}
