import { isMap, YAMLMap } from 'yaml';
import { ChartRoot, keyText, mapAt } from './chartRoots';

/** The four values keys of the core-mw chart whose maps hold OX keys. */
export type OxKeyMapKind = 'properties' | 'secretProperties' | 'propertiesFiles' | 'secretPropertiesFiles';

/** One map of a values file from OX key to value, and where it sits. */
export interface OxKeyMap {
  readonly kind: OxKeyMapKind;
  /** The absolute path in the container of a `propertiesFiles`/`secretPropertiesFiles` entry. */
  readonly file?: string;
  /** Set for a map under `roles.<role>.values`. */
  readonly role?: string;
  /** Set for a map under `scaling.nodes.<type>.values`. */
  readonly nodeType?: string;
  readonly root: ChartRoot;
  readonly map: YAMLMap;
  /** Its YAML path, e.g. `core-mw.roles.documents.values.properties`: the scope of its settings. */
  readonly path: string;
}

/** The chart puts these into a Secret; the other two into a ConfigMap. */
export function isSecretMap(kind: OxKeyMapKind): boolean {
  return kind === 'secretProperties' || kind === 'secretPropertiesFiles';
}

/** The value trees of a chart root that can set OX keys: the root, each role's values, each node type's values. */
export function valueLevels(root: ChartRoot): Array<{ map: YAMLMap; path: string[]; role?: string; nodeType?: string }> {
  const levels: Array<{ map: YAMLMap; path: string[]; role?: string; nodeType?: string }> = [{ map: root.map, path: [...root.path] }];
  const roles = mapAt(root.map, 'roles');
  for (const pair of roles?.items ?? []) {
    const role = keyText(pair);
    const values = role !== undefined && isMap(pair.value) ? mapAt(pair.value, 'values') : undefined;
    if (values) levels.push({ map: values, path: [...root.path, 'roles', role!, 'values'], role });
  }
  const nodes = mapAt(root.map, 'scaling') && mapAt(mapAt(root.map, 'scaling')!, 'nodes');
  for (const pair of nodes?.items ?? []) {
    const nodeType = keyText(pair);
    const values = nodeType !== undefined && isMap(pair.value) ? mapAt(pair.value, 'values') : undefined;
    if (values) levels.push({ map: values, path: [...root.path, 'scaling', 'nodes', nodeType!, 'values'], nodeType });
  }
  return levels;
}

/** Every OX-key map of the chart roots, in text order within each root. */
export function findOxKeyMaps(roots: readonly ChartRoot[]): OxKeyMap[] {
  const maps: OxKeyMap[] = [];
  for (const root of roots) {
    for (const level of valueLevels(root)) {
      const where = { root, role: level.role, nodeType: level.nodeType };
      for (const kind of ['properties', 'secretProperties'] as const) {
        const map = mapAt(level.map, kind);
        if (map) maps.push({ kind, map, path: [...level.path, kind].join('.'), ...where });
      }
      for (const kind of ['propertiesFiles', 'secretPropertiesFiles'] as const) {
        const files = mapAt(level.map, kind);
        for (const pair of files?.items ?? []) {
          const file = keyText(pair);
          if (file === undefined || !isMap(pair.value)) continue;
          maps.push({ kind, file, map: pair.value, path: [...level.path, kind, file].join('.'), ...where });
        }
      }
    }
  }
  return maps.sort((a, b) => (a.map.range?.[0] ?? 0) - (b.map.range?.[0] ?? 0));
}
