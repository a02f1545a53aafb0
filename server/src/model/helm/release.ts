// A Helm release of the core-mw chart: values files applied in order, and the node types they deploy.
import { Scalar } from 'yaml';
import { builtinRoles, chartVersionFacts, ChartVersionFacts, CORE_MW, hazelcastByDocumentsRole } from '../../catalog/chartFacts';
import { fileKindOf, MAP_FILE } from '../../catalog/fileKind';
import { baseName, parentUri } from '../../util/uris';
import { OxKeyMapKind } from './oxKeyMaps';
import type { ValuesDocument, ValuesSetting } from './valuesDocument';
import { emptyMap, fromData, fromYaml, isTruthy, mapAt, mergeValues, plainValue, valueAt, ValueMap, ValueTree } from './valueTree';

/** A release declared in `.oxclusterconfig.json`: its values files in the order `helm -f` gets them. */
export interface DeclaredRelease {
  name: string;
  chartVersion?: string;
  /** URIs of the values files, in order. */
  values: string[];
}

/** One OX property of a node type, as the chart hands it to OX. */
export interface TypeProperty {
  key: string;
  /** The value as OX reads it; '' for a value nobody can know before deployment (see `setting.unknownValue`). */
  value: string;
  /** The values-file entry it comes from; undefined when the chart's stock values set it. */
  source?: PlacedValuesSetting;
  /** Which values map holds it, and for the `…Files` maps the file it lands in. */
  map: OxKeyMapKind;
  file?: string;
}

/** A values-file entry and the file that holds it. */
export interface PlacedValuesSetting {
  doc: ValuesDocument;
  setting: ValuesSetting;
}

export interface NodeType {
  name: string;
  /** Pods of this type; undefined when a template sets the count. */
  replicas: number | undefined;
  roles: string[];
  /** The type's values: the release's, then each role's `values` in list order, then its own `values`. */
  values: ValueMap;
  /** The trees merged in that order into `values`. */
  layers: readonly ValueTree[];
  /** Runs Hazelcast (every pod before chart 6.0.1; from 6.0.1 the types with the `documents` role). */
  hazelcast: boolean;
  /** A Hazelcast lite member (role `hazelcast-lite-member`, before chart 6.0.1), holding no data. */
  liteMember: boolean;
  /** Where the type is declared (`scaling.nodes.<type>` or `defaultScaling.nodes.<type>`); undefined for the chart default. */
  declaredAt?: { doc: ValuesDocument; key: Scalar };
}

export interface Release {
  name: string;
  docs: ValuesDocument[];
  /** The core-mw chart version, when known (declared, or from a Chart.yaml beside the values file). */
  chartVersion?: string;
  /** The chart version whose facts stand in when the version is unknown; findings name it. */
  assumedChartVersion?: string;
  /** What the users' files set, merged in order (no chart defaults). */
  userValues: ValueMap;
  /** The chart's stock values, then the users'. */
  values: ValueMap;
  nodeTypes: NodeType[];
}

const LATEST = CORE_MW.versions[CORE_MW.versions.length - 1];

/**
 * `build(key)` made once per key: what it builds from a chart version's facts or a parsed document never
 * changes (a document is parsed anew on an edit, and mergeValues builds new trees instead of changing any).
 */
function oncePer<K extends object, V>(build: (key: K) => V): (key: K) => V {
  const built = new WeakMap<K, V>();
  return (key) => {
    let value = built.get(key);
    if (value === undefined) built.set(key, (value = build(key)));
    return value;
  };
}

/** The chart's stock values (with its roles' definitions) as a value tree. */
const stockValues = oncePer((facts: ChartVersionFacts): ValueTree => {
  const roles = Object.fromEntries(Object.entries(facts.roles).map(([name, role]) => [name, role.values ? { values: role.values } : {}]));
  const features = { ...((facts.defaults.features as Record<string, unknown> | undefined) ?? {}), definitions: facts.features };
  return fromData({ ...facts.defaults, features, roles });
});

/** The user values of a document: its chart roots merged in order. */
const documentValues = oncePer((doc: ValuesDocument): ValueTree => {
  let tree: ValueTree = emptyMap();
  for (const root of doc.roots) tree = mergeValues(tree, fromYaml(root.map, doc));
  return tree;
});

function stringList(tree: ValueTree | undefined): string[] {
  const value = plainValue(tree);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function replicaCount(tree: ValueTree | undefined): number | undefined {
  const value = plainValue(tree);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

/** The Hazelcast roles that chart 6.0.1 removed (data in schemas/charts/core-mw.json): using one dates a release. */
const HAZELCAST_ROLES = new Set(CORE_MW.removedRoles.flatMap((r) => r.roles));
/** The role that runs Hazelcast from chart 6.0.1, and the lite-member role before it. */
const DOCUMENTS_ROLE = 'documents';
const LITE_MEMBER_ROLE = 'hazelcast-lite-member';

/** Whether Hazelcast runs by the `documents` role: by the chart version, else by the roles the types use. */
function byDocumentsRole(chartVersion: string | undefined, roleLists: string[][]): boolean {
  const known = hazelcastByDocumentsRole(chartVersion);
  if (known !== undefined) return known;
  if (roleLists.some((roles) => roles.some((r) => HAZELCAST_ROLES.has(r)))) return false;
  return hazelcastByDocumentsRole(LATEST.version) ?? true;
}

function mergeLayers(layers: readonly ValueTree[]): ValueMap {
  return layers.slice(1).reduce<ValueTree>((merged, layer) => mergeValues(merged, layer), layers[0]) as ValueMap;
}

/** A tree without the entries written under one key node. */
function withoutEntry(tree: ValueTree, key: Scalar): ValueTree {
  if (tree.kind === 'leaf') return tree;
  const entries = new Map<string, ValueTree>();
  for (const [name, child] of tree.entries) if (child.source?.key !== key) entries.set(name, withoutEntry(child, key));
  return { ...tree, entries };
}

/** The values a node type would have if the entry under this key node were not written: what removing it leaves. */
export function typeValuesWithout(type: NodeType, key: Scalar): ValueMap {
  return mergeLayers(type.layers.map((layer) => withoutEntry(layer, key)));
}

/** The node types of a release, from `scaling` when it is set, else from `defaultScaling` and `replicas`. */
function nodeTypesOf(values: ValueMap, chartVersion: string | undefined): NodeType[] {
  const scaling = valueAt(values, ['scaling']);
  const fromScaling = isTruthy(scaling);
  const nodes = fromScaling ? mapAt(scaling, ['nodes']) : mapAt(values, ['defaultScaling', 'nodes']);
  const declared = [...(nodes?.entries ?? new Map<string, ValueTree>())];
  if (!fromScaling && !declared.length) declared.push(['default', emptyMap()]);
  const roleLists = declared.map(([, type]) => stringList(valueAt(type, ['roles'])));
  const documentsRole = byDocumentsRole(chartVersion, roleLists);
  const roleDefinitions = mapAt(values, ['roles']);
  // The release's values without the scaling keys are each type's starting point.
  const base: ValueMap = { kind: 'map', entries: new Map([...values.entries].filter(([k]) => k !== 'scaling' && k !== 'defaultScaling')) };
  return declared.map(([name, type], i) => {
    const roles = roleLists[i];
    const layers: ValueTree[] = [base];
    for (const role of roles) {
      const roleValues = valueAt(roleDefinitions, [role, 'values']);
      if (roleValues) layers.push(roleValues);
    }
    const own = valueAt(type, ['values']);
    if (own) layers.push(own);
    const typeValues = mergeLayers(layers);
    // `replicas` at the root counts for the default type of `defaultScaling`; Kubernetes runs 1 pod when none is given.
    const count = fromScaling || name !== 'default' ? valueAt(type, ['replicas']) : valueAt(values, ['replicas']);
    const replicas = count === undefined ? 1 : replicaCount(count);
    const hazelcast = documentsRole ? roles.includes(DOCUMENTS_ROLE) : true;
    const key = type.source?.key;
    return {
      name,
      replicas,
      roles,
      values: typeValues,
      layers,
      hazelcast,
      liteMember: hazelcast && !documentsRole && roles.includes(LITE_MEMBER_ROLE),
      ...(key && type.source ? { declaredAt: { doc: type.source.doc, key } } : {}),
    };
  });
}

/** Builds one release from values files in `helm -f` order. */
export function buildRelease(name: string, docs: ValuesDocument[], chartVersion?: string): Release {
  const facts = chartVersionFacts(chartVersion);
  let userValues: ValueTree = emptyMap();
  for (const doc of docs) userValues = mergeValues(userValues, documentValues(doc));
  const values = mergeValues(stockValues(facts ?? LATEST), userValues) as ValueMap;
  return {
    name,
    docs,
    ...(chartVersion ? { chartVersion } : {}),
    ...(facts ? {} : { assumedChartVersion: LATEST.version }),
    userValues: userValues as ValueMap,
    values,
    nodeTypes: nodeTypesOf(values, chartVersion),
  };
}

/**
 * The releases of a workspace: the declared ones, and each other values file as a release of its own. A
 * release of `previous` with the same name, chart version and documents is taken over, not built again.
 */
export function buildReleases(
  docs: readonly ValuesDocument[],
  declared: readonly DeclaredRelease[] = [],
  chartVersionOf: (doc: ValuesDocument) => string | undefined = () => undefined,
  previous: readonly Release[] = [],
): Release[] {
  const byUri = new Map(docs.map((d) => [d.uri, d]));
  const before = new Map(previous.map((r) => [r.name, r]));
  const reuseOrBuild = (name: string, members: ValuesDocument[], chartVersion: string | undefined) => {
    const old = before.get(name);
    const same =
      old && old.chartVersion === chartVersion && old.docs.length === members.length && old.docs.every((d, i) => d === members[i]);
    return same ? old : buildRelease(name, members, chartVersion);
  };
  const used = new Set<string>();
  const releases: Release[] = [];
  for (const d of declared) {
    const members = d.values.map((uri) => byUri.get(uri)).filter((doc): doc is ValuesDocument => !!doc);
    if (!members.length) continue;
    members.forEach((m) => used.add(m.uri));
    releases.push(reuseOrBuild(d.name, members, d.chartVersion ?? chartVersionOf(members[0])));
  }
  for (const doc of [...docs].sort((a, b) => (a.uri < b.uri ? -1 : 1))) {
    if (used.has(doc.uri)) continue;
    // Named by folder and file (`prod/values.yaml`): most layouts keep one folder per environment.
    releases.push(reuseOrBuild(`${baseName(parentUri(doc.uri))}/${baseName(doc.uri)}`, [doc], chartVersionOf(doc)));
  }
  return releases;
}

/** The roles a node type may use: the chart version's, and those the release defines under `roles:`. */
export function availableRoles(release: Release): Set<string> {
  const roles = builtinRoles(release.chartVersion);
  for (const name of mapAt(release.userValues, ['roles'])?.entries.keys() ?? []) roles.add(name);
  return roles;
}

const PROPERTY_MAPS: ReadonlyArray<{ kind: OxKeyMapKind; files: boolean }> = [
  { kind: 'properties', files: false },
  { kind: 'propertiesFiles', files: true },
  { kind: 'secretProperties', files: false },
  { kind: 'secretPropertiesFiles', files: true },
];

/**
 * The OX properties of a node type, later maps winning for a key set in several: `properties` and
 * `propertiesFiles` go into the ConfigMap that OX applies before the Secret of `secretProperties`.
 * `settingOf` finds the values-file entry behind a key node. Map files under `hazelcast/` are left out.
 */
export function typeProperties(type: NodeType, settingOf: (key: Scalar) => PlacedValuesSetting | undefined): Map<string, TypeProperty[]> {
  const byKey = new Map<string, TypeProperty[]>();
  const add = (map: ValueMap, kind: OxKeyMapKind, file?: string) => {
    for (const [key, leaf] of map.entries) {
      const source = leaf.source?.key ? settingOf(leaf.source.key) : undefined;
      const setting = source?.setting;
      const value = setting ? (setting.unknownValue ? '' : setting.value) : String(plainValue(leaf) ?? '');
      const canonical = setting?.canonicalKey ?? key;
      const list = byKey.get(canonical) ?? [];
      list.push({ key, value, ...(source ? { source } : {}), map: kind, ...(file ? { file } : {}) });
      byKey.set(canonical, list);
    }
  };
  for (const { kind, files } of PROPERTY_MAPS) {
    const map = mapAt(type.values, [kind]);
    if (!map) continue;
    if (!files) add(map, kind);
    else
      for (const [file, content] of map.entries) {
        if (content.kind === 'map' && fileKindOf(file).file !== MAP_FILE) add(content, kind, file);
      }
  }
  return byKey;
}
