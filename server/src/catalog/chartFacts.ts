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
