// The graph as JSON: the shape README.md documents. With `display`, each source names its file by path.
import { ClusterGraph, GraphSource } from '../graph';

export interface JsonOptions {
  /** A file URI as the reader knows it (a path relative to the current folder); the URI stays when absent. */
  display?: (uri: string) => string;
}

export function renderJson(graph: ClusterGraph, options: JsonOptions = {}): string {
  const { display } = options;
  const replacer = (key: string, value: unknown) => {
    if (key !== 'source' || !display || value === null || typeof value !== 'object') return value;
    const { uri, line } = value as GraphSource;
    return { file: display(uri), line };
  };
  return `${JSON.stringify(graph, replacer, 2)}\n`;
}
