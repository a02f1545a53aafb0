// Browser code that both pages of the map run, the CLI's HTML page and the editor's map view, as source text
// for their inline scripts: which nodes match the search, and which panels of collapsed regions are open.
// Written without < or & (the HTML page is well-formed XML too).

/**
 * `markMatches(root, query, isOpened)`: gives the class `match` to the nodes whose label holds `query` (lower
 * case; none when it is empty), opens the panels that hold a match or that `isOpened(panel id)` says were
 * opened, and tells each panel's box whether it is expanded. Returns the nodes, how many match, and the first.
 */
export const MARK_MATCHES = `const markMatches = (root, query, isOpened) => {
    const nodes = [...root.querySelectorAll('g.node')];
    const hits = new Set();
    let matched = 0;
    let first = null;
    for (const g of nodes) {
      const hit = query === '' ? false : g.getAttribute('aria-label').toLowerCase().includes(query);
      g.classList.toggle('match', hit);
      if (!hit) continue;
      matched++;
      first = first || g;
      const panel = g.closest('.panel');
      if (panel) hits.add(panel.id);
    }
    for (const panel of root.querySelectorAll('.panel')) {
      const open = isOpened(panel.id) || hits.has(panel.id);
      panel.classList.toggle('open', open);
      const box = document.getElementById(panel.id.slice('panel:'.length));
      if (box) box.setAttribute('aria-expanded', String(open));
    }
    return { nodes, matched, first };
  };`;
