// Which Hazelcast line each OX version runs, whether an upgrade between two versions splits the cluster, the
// package that bridged such an upgrade, and the cluster name OX actually uses (schemas/versions/hazelcast.json).
import data from '../../../schemas/versions/hazelcast.json';
import { compareOxVersions, formatOxVersion, OxVersion, parseOxVersion } from '../util/versions';

interface Fact {
  version: string;
  evidence: string;
}

export interface HazelcastFacts {
  lines: Array<{ oxFrom: string; hazelcast: string | null; evidence: string }>;
  bridgePackages: Array<{ name: string; bridgesFrom: [string, string]; evidence: string }>;
  bridgePackagesRemovedIn: Fact;
  clusterNameSuffixFrom: Fact;
  licenseKeyKeepsNameUntil: Fact;
  appendVersionSwitch: Fact;
  portOffsetFrom: Fact;
}

// Validated against schemas/versions/hazelcast.schema.json by a unit test.
export const HAZELCAST: HazelcastFacts = data as unknown as HazelcastFacts;

const v = (text: string): OxVersion => parseOxVersion(text)!;
const atLeast = (version: OxVersion, bound: string) => compareOxVersions(version, v(bound)) >= 0;

/** The Hazelcast line (`3.12`) an OX version bundles; undefined where the sources do not say or before 7.6. */
export function hazelcastLine(version: OxVersion, facts: HazelcastFacts = HAZELCAST): { line?: string; evidence?: string } {
  let found: HazelcastFacts['lines'][number] | undefined;
  for (const entry of facts.lines) if (atLeast(version, entry.oxFrom)) found = entry;
  return found ? { ...(found.hazelcast ? { line: found.hazelcast } : {}), evidence: found.evidence } : {};
}

/** What an upgrade from one OX version to another does to the Hazelcast cluster. */
export interface UpgradeHop {
  fromLine?: string;
  toLine?: string;
  /** True when the Hazelcast lines differ (a community cluster splits); undefined when a line is not known. */
  splits?: boolean;
  /** The package that let the first upgraded node reach the old cluster, when one existed for the old version. */
  bridge?: string;
}

export function upgradeHop(from: OxVersion, to: OxVersion, facts: HazelcastFacts = HAZELCAST): UpgradeHop {
  const fromLine = hazelcastLine(from, facts).line;
  const toLine = hazelcastLine(to, facts).line;
  const hop: UpgradeHop = { ...(fromLine ? { fromLine } : {}), ...(toLine ? { toLine } : {}) };
  if (fromLine && toLine) hop.splits = fromLine !== toLine;
  // A bridge is installed on the new version's node; none exists once OX removed them.
  if (!atLeast(to, facts.bridgePackagesRemovedIn.version) && hop.splits !== false) {
    const bridge = facts.bridgePackages.find((b) => atLeast(from, b.bridgesFrom[0]) && !atLeast(from, b.bridgesFrom[1]));
    if (bridge) hop.bridge = bridge.name;
  }
  return hop;
}

/**
 * The cluster name a node joins with: from 7.10.3 OX appends `-<major>.<minor>` of its Hazelcast line
 * (7.10.3 to 7.10.6 not when a license key is set); undefined when the line is not known. Before 7.10.3 the
 * configured name, except in 7.10.2 with `group.name.appendVersion=true`, whose suffix the sources do not give.
 */
export function effectiveClusterName(
  groupName: string,
  version: OxVersion,
  options: { licenseKey?: boolean; appendVersion?: boolean } = {},
  facts: HazelcastFacts = HAZELCAST,
): string | undefined {
  if (!atLeast(version, facts.clusterNameSuffixFrom.version)) {
    const switched = compareOxVersions(version, v(facts.appendVersionSwitch.version)) === 0 && options.appendVersion;
    return switched ? undefined : groupName;
  }
  const keepsName = options.licenseKey && !atLeast(version, nextPatchOf(facts.licenseKeyKeepsNameUntil.version));
  if (keepsName) return groupName;
  const line = hazelcastLine(version, facts).line;
  return line ? `${groupName}-${line}` : undefined;
}

/** The patch release after `text`: 7.10.6 → 7.10.7. */
function nextPatchOf(text: string): string {
  const version = v(text);
  return formatOxVersion({ ...version, patch: (version.patch ?? 0) + 1 });
}

/** The name every bridge package starts with; names the facts do not list count too. */
export const BRIDGE_PACKAGE_PREFIX = 'open-xchange-cluster-upgrade-from-';

export function isBridgePackage(name: string, facts: HazelcastFacts = HAZELCAST): boolean {
  return name.startsWith(BRIDGE_PACKAGE_PREFIX) || facts.bridgePackages.some((b) => b.name === name);
}
