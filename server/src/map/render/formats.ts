// One entry to every renderer of the cluster map, by format name.
import { ClusterGraph } from '../graph';
import { Expand } from './collapse';
import { renderDot } from './dot';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMermaid } from './mermaid';
import { renderSvg } from './svg';

export const MAP_FORMATS = ['svg', 'html', 'mermaid', 'dot', 'json'] as const;
export type MapFormat = (typeof MAP_FORMATS)[number];

/**
 * `display` turns a file URI into the path the reader knows (CLI); without it the pictures keep URIs.
 * `expand` opens regions that the SVG and HTML of a large map draw collapsed (see collapse.ts).
 */
export function renderMap(graph: ClusterGraph, format: MapFormat, display?: (uri: string) => string, expand?: Expand): string {
  const options = display ? { display } : {};
  const pictureOptions = expand ? { ...options, expand } : options;
  switch (format) {
    case 'svg':
      return renderSvg(graph, pictureOptions);
    case 'html':
      return renderHtml(graph, pictureOptions);
    case 'mermaid':
      return renderMermaid(graph);
    case 'dot':
      return renderDot(graph);
    case 'json':
      return renderJson(graph, options);
  }
}
