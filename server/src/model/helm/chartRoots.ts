import { isMap, isScalar, Pair, YAMLMap } from 'yaml';

/**
 * Where the values of the `core-mw` chart are in a values file: the document root of a core-mw values file,
 * `core-mw:` in the stack chart, `<alias>.core-mw:` (or deeper) in an umbrella chart.
 */
export interface ChartRoot {
  /** The map keys from the document root down to it; [] for the document root. */
  readonly path: readonly string[];
  readonly map: YAMLMap;
}

/** Keys that only the core-mw chart has at its root: one of them makes a map a chart root. */
const CORE_MW_KEYS = new Set([
  'hzGroupName',
  'hzGroupPassword',
  'defaultScaling',
  'enableInitialization',
  'globalDBID',
  'etcFiles',
  'secretETCFiles',
  'contextSets',
  'asConfig',
  'existingPropertiesSecret',
]);

/** Keys other charts have too: they count when their maps hold OX keys (or, for the file maps, OX paths). */
const OX_KEY_MAPS = new Set(['properties', 'secretProperties']);
const OX_FILE_MAPS = new Set(['propertiesFiles', 'secretPropertiesFiles']);
const OX_KEY = /^com\.openexchange\./;
const OX_PATH = /^\/opt\/open-xchange\//;

const CHART_NAME = 'core-mw';
/** How deep umbrella charts nest the stack chart (`a.b.core-mw`) before we stop looking. */
const MAX_DEPTH = 6;

/** The key of a map entry when it is plain text. */
export function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined;
}

/** The map under `key` in a map, if the entry is a map. */
export function mapAt(map: YAMLMap, key: string): YAMLMap | undefined {
  for (const pair of map.items) if (keyText(pair) === key && isMap(pair.value)) return pair.value;
  return undefined;
}

function someKey(value: unknown, test: RegExp): boolean {
  return isMap(value) && value.items.some((pair) => test.test(keyText(pair) ?? ''));
}

function hasCoreMwKey(map: YAMLMap): boolean {
  for (const pair of map.items) {
    const key = keyText(pair);
    if (key === undefined) continue;
    if (CORE_MW_KEYS.has(key)) return true;
    if (OX_KEY_MAPS.has(key) && someKey(pair.value, OX_KEY)) return true;
    if (OX_FILE_MAPS.has(key) && someKey(pair.value, OX_PATH)) return true;
    if (key === 'scaling' && isMap(pair.value) && mapAt(pair.value, 'nodes')) return true;
  }
  return false;
}

/** Every chart root of a values file, document root first. */
export function findChartRoots(root: unknown): ChartRoot[] {
  if (!isMap(root)) return [];
  const roots: ChartRoot[] = [];
  if (hasCoreMwKey(root)) roots.push({ path: [], map: root });
  const walk = (map: YAMLMap, path: string[]) => {
    if (path.length >= MAX_DEPTH) return;
    for (const pair of map.items) {
      const key = keyText(pair);
      if (key === undefined || !isMap(pair.value)) continue;
      if (key === CHART_NAME) roots.push({ path: [...path, key], map: pair.value });
      else if (key !== 'global') walk(pair.value, [...path, key]);
    }
  };
  walk(root, []);
  return roots;
}

/** The entries of `key` directly at the chart roots of a document, in root order. */
export function rootEntries(roots: readonly ChartRoot[], key: string): Array<{ root: ChartRoot; pair: Pair }> {
  return roots.flatMap((root) => root.map.items.filter((pair) => keyText(pair) === key).map((pair) => ({ root, pair })));
}
