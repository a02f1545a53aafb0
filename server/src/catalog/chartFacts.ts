// What the core-mw Helm chart does, per chart version: data in schemas/charts/core-mw.json.
import data from '../../../schemas/charts/core-mw.json';
import { compareVersions } from '../util/versions';

export interface ChartRoleFacts {
  controller?: 'StatefulSet' | 'Deployment';
  /** Values the role merges into every node type that has it. */
  values?: Record<string, unknown>;
}

export interface ChartVersionFacts {
  version: string;
  appVersion: string;
  roles: Record<string, ChartRoleFacts>;
  /** Feature name to the packages it switches. */
  features: Record<string, string[]>;
  /** The stock values the checks read. */
  defaults: Record<string, unknown>;
}

export interface ChartManagedProperty {
  key: string;
  /** What sets it: the `hzGroupName` value, the image, the node type's role, or the wiring relies on its default. */
  setBy: 'hzGroupName' | 'image' | 'role' | 'default';
  value?: string;
}

export interface ChartFacts {
  hazelcastByDocumentsRoleFrom: string;
  removedRoles: Array<{ roles: string[]; removedIn: string; replacedBy: string }>;
  chartManagedProperties: ChartManagedProperty[];
  /** Packages whose bundles keep data in Hazelcast maps: every member of a cluster needs them alike. */
  hazelcastDataPackages: string[];
  versions: ChartVersionFacts[];
}

/** The chart's name, as its Chart.yaml gives it. */
export const CORE_MW_CHART = 'core-mw';

// Validated against schemas/charts/chart-facts.schema.json by a unit test.
export const CORE_MW: ChartFacts = data as unknown as ChartFacts;

export { compareVersions };

/**
 * The facts of the known chart version with the same major version (structure changes between majors);
 * undefined for an unknown version or a major we hold no facts for, where callers take the union of all.
 */
export function chartVersionFacts(version: string | undefined, facts: ChartFacts = CORE_MW): ChartVersionFacts | undefined {
  if (!version || !/^\d+(\.\d+)*/.test(version)) return undefined;
  const major = version.split('.')[0];
  return facts.versions.find((v) => v.version.split('.')[0] === major);
}

/** Whether only node types with the `documents` role run Hazelcast; undefined when the version is unknown. */
export function hazelcastByDocumentsRole(version: string | undefined, facts: ChartFacts = CORE_MW): boolean | undefined {
  if (!version || !/^\d+(\.\d+)*/.test(version)) return undefined;
  return compareVersions(version, facts.hazelcastByDocumentsRoleFrom) >= 0;
}

/** The roles the chart version defines; for an unknown version the union over every version we know. */
export function builtinRoles(version: string | undefined, facts: ChartFacts = CORE_MW): Set<string> {
  const known = chartVersionFacts(version, facts);
  return new Set((known ? [known] : facts.versions).flatMap((v) => Object.keys(v.roles)));
}

/** The features the chart version defines; for an unknown version the union over every version we know. */
export function builtinFeatures(version: string | undefined, facts: ChartFacts = CORE_MW): Set<string> {
  const known = chartVersionFacts(version, facts);
  return new Set((known ? [known] : facts.versions).flatMap((v) => Object.keys(v.features)));
}

/** A package or feature name in the chart's stock values, for completion. */
export interface StockName {
  /** For a package the features whose definitions list it; for a feature the packages it lists. */
  related: string[];
  /** Chart version to the status its stock values give the name (`disabled`), where they give one. */
  status: Map<string, string>;
  /** The chart versions whose stock values name it, oldest first. */
  versions: string[];
}

export interface StockNames {
  packages: ReadonlyMap<string, StockName>;
  features: ReadonlyMap<string, StockName>;
}

// OX's package names; the 1.0.0 definitions hold a `TODO` placeholder where packages are still to come.
const PACKAGE_NAME = /^open-xchange-/;

function addName(names: Map<string, StockName>, name: string, version: string, related: readonly string[], status?: unknown): void {
  const entry: StockName = names.get(name) ?? { related: [], status: new Map<string, string>(), versions: [] };
  names.set(name, entry);
  for (const r of related) if (!entry.related.includes(r)) entry.related.push(r);
  if (typeof status === 'string') entry.status.set(version, status);
  if (!entry.versions.includes(version)) entry.versions.push(version);
}

function statusesOf(defaults: Record<string, unknown>, of: 'packages' | 'features'): Record<string, unknown> {
  const status = (defaults[of] as { status?: Record<string, unknown> } | undefined)?.status;
  return status ?? {};
}

function collectStockNames(versions: readonly ChartVersionFacts[]): StockNames {
  const packages = new Map<string, StockName>();
  const features = new Map<string, StockName>();
  for (const v of versions) {
    for (const [feature, listed] of Object.entries(v.features)) {
      const own = listed.filter((p) => PACKAGE_NAME.test(p));
      addName(features, feature, v.version, own);
      for (const p of own) addName(packages, p, v.version, [feature]);
    }
    for (const [feature, status] of Object.entries(statusesOf(v.defaults, 'features'))) addName(features, feature, v.version, [], status);
    for (const [name, status] of Object.entries(statusesOf(v.defaults, 'packages')))
      if (PACKAGE_NAME.test(name)) addName(packages, name, v.version, [], status);
  }
  for (const names of [packages, features]) for (const entry of names.values()) entry.related.sort();
  return { packages, features };
}

const stockNamesCache = new WeakMap<ChartFacts, Map<string, StockNames>>();

/**
 * The package and feature names the chart version's stock values use (feature definitions, `packages.status`,
 * `features.status`); for an unknown version the union over every version we know. Built once per version.
 */
export function stockNames(version: string | undefined, facts: ChartFacts = CORE_MW): StockNames {
  const known = chartVersionFacts(version, facts);
  let byVersion = stockNamesCache.get(facts);
  if (!byVersion) stockNamesCache.set(facts, (byVersion = new Map()));
  const id = known?.version ?? '';
  let names = byVersion.get(id);
  if (!names) byVersion.set(id, (names = collectStockNames(known ? [known] : facts.versions)));
  return names;
}
