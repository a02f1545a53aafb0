import { renderedName } from '../template/syntax';
import { Syntax } from './catalog';

/** Which OX file a document is, as far as its path tells. */
export interface FileKind {
  /** The catalog `file` it matches: `hazelcast.properties`, `hazelcast/*.properties`, `cache.ccf`, ... */
  file: string;
  syntax: Syntax;
  /** A data-structure file below `hazelcast/` (one distributed map, topic, ...). */
  isMapFile: boolean;
  /** The file name, e.g. `sessions.properties`; for a template, the file it renders (`hazelcast.properties.j2` is `hazelcast.properties`). */
  name: string;
}

export const MAP_FILE = 'hazelcast/*.properties';

/** Path segments of a URI or file path, decoded. */
export function pathSegments(uriOrPath: string): string[] {
  const path = uriOrPath.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // keep the raw path
  }
  return decoded.split(/[\\/]/).filter((s) => s.length > 0);
}

export function fileKindOf(uriOrPath: string): FileKind {
  const segments = pathSegments(uriOrPath);
  const name = renderedName(segments[segments.length - 1] ?? '');
  const parent = (segments[segments.length - 2] ?? '').toLowerCase();
  const lower = name.toLowerCase();
  if (lower.endsWith('.ccf')) return { file: name, syntax: 'ccf', isMapFile: false, name };
  const isMapFile = parent === 'hazelcast' && lower.endsWith('.properties');
  return { file: isMapFile ? MAP_FILE : name, syntax: 'properties', isMapFile, name };
}
