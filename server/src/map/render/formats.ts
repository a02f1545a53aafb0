// One entry to every renderer of the cluster map, by format name.
import { ClusterGraph } from '../graph';
import { renderDot } from './dot';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMermaid } from './mermaid';
import { renderSvg } from './svg';

export const MAP_FORMATS = ['svg', 'html', 'mermaid', 'dot', 'json'] as const;
export type MapFormat = (typeof MAP_FORMATS)[number];

/** `display` turns a file URI into the path the reader knows (CLI); without it the pictures keep URIs. */
export function renderMap(graph: ClusterGraph, format: MapFormat, display?: (uri: string) => string): string {
  const options = display ? { display } : {};
  switch (format) {
    case 'svg':
      return renderSvg(graph, options);
    case 'html':
      return renderHtml(graph, options);
    case 'mermaid':
      return renderMermaid(graph);
    case 'dot':
      return renderDot(graph);
    case 'json':
      return renderJson(graph, options);
  }
}
