// The catalog as of one OX version: whether a version reads a key, and what its stock file ships. Pure.

import { compareOxVersions, OxVersion, parseOxVersion } from '../util/versions';
import { BEFORE_7_10, PropertyDef, UNKNOWN_VERSION, VersionFact } from './types';

export type ReadStatus = 'reads' | 'not-yet' | 'removed' | 'ignored' | 'unknown';

export interface ReadVerdict {
  status: ReadStatus;
  /** Why the answer is `unknown`. */
  reason?: 'no-version' | 'disputed-since' | 'undated-removal';
  /** The catalog fact the answer rests on (absent for `reads` and `no-version`). */
  fact?: VersionFact;
}

/** `before-7.10` counts as earlier than every version. */
function atOrAfter(version: OxVersion, bound: string): boolean {
  if (bound === BEFORE_7_10) return true;
  const parsed = parseOxVersion(bound);
  if (!parsed) throw new Error(`not an OX version: ${bound}`);
  return compareOxVersions(version, parsed) >= 0;
}

/** Whether the key's reading depends on the version at all. */
function versionDependent(def: PropertyDef): boolean {
  return !!def.removedIn || !!def.ignoredFrom || (!!def.since && (def.since.version !== BEFORE_7_10 || !!def.since.disputed));
}

/** Whether OX `version` reads the key; `undefined` is a node whose version is not known. */
export function readStatus(def: PropertyDef, version: OxVersion | undefined): ReadVerdict {
  if (!version) return versionDependent(def) ? { status: 'unknown', reason: 'no-version' } : { status: 'reads' };
  const since = def.since;
  if (since && !atOrAfter(version, since.version))
    return { status: 'not-yet', fact: { version: since.version, evidence: since.evidence ?? '' } };
  if (since?.disputed && !atOrAfter(version, since.disputed.version)) {
    return { status: 'unknown', reason: 'disputed-since', fact: since.disputed };
  }
  const removed = def.removedIn;
  if (removed && removed.version !== UNKNOWN_VERSION && atOrAfter(version, removed.version)) return { status: 'removed', fact: removed };
  if (removed?.version === UNKNOWN_VERSION) {
    if (removed.notReadIn && atOrAfter(version, removed.notReadIn)) return { status: 'removed', fact: removed };
    if (!removed.lastReadIn || isLater(version, removed.lastReadIn)) {
      return { status: 'unknown', reason: 'undated-removal', fact: removed };
    }
  }
  if (def.ignoredFrom && atOrAfter(version, def.ignoredFrom.version)) return { status: 'ignored', fact: def.ignoredFrom };
  return { status: 'reads' };
}

function isLater(version: OxVersion, bound: string): boolean {
  const parsed = parseOxVersion(bound);
  return !!parsed && compareOxVersions(version, parsed) > 0;
}

/** The value OX's stock file ships in `version`; undefined when the catalog records no change or the version is unknown. */
export function stockValueAt(def: PropertyDef, version: OxVersion | undefined): string | undefined {
  const changes = def.stockValues;
  if (!changes || !version) return undefined;
  let value = changes[0].previous;
  for (const change of changes) if (atOrAfter(version, change.from)) value = change.value;
  return value;
}

/** Before the checks know a node's version, they assume this one for removals (where the catalog's first removals apply). */
const RETIRED_BY = parseOxVersion('7.10.3') as OxVersion;

/**
 * Whether the version-unaware checks treat the key as one OX no longer reads: removed or ignored by 7.10.3, or
 * removed at an unknown version with no later version known to read it. Removals after 7.10.3 need the node's version.
 */
export function isRetired(def: PropertyDef): boolean {
  if (!def.removedIn && !def.ignoredFrom) return false;
  const verdict = readStatus({ ...def, since: undefined }, RETIRED_BY);
  if (verdict.status === 'removed' || verdict.status === 'ignored') return true;
  return verdict.reason === 'undated-removal' && !def.removedIn?.lastReadIn && !def.removedIn?.notReadIn;
}

/** The dated version of a retired key's removal or ignore, for messages ("removed in 7.10.3"). */
export function retiredIn(def: PropertyDef): string | undefined {
  const fact = def.removedIn && def.removedIn.version !== UNKNOWN_VERSION ? def.removedIn : def.ignoredFrom;
  return fact?.version;
}

function compareBounds(a: string, b: string): number {
  if (a === b) return 0;
  if (a === BEFORE_7_10) return -1;
  if (b === BEFORE_7_10) return 1;
  return compareOxVersions(parseOxVersion(a) as OxVersion, parseOxVersion(b) as OxVersion);
}

/** Contradictions between the version fields of one entry that the schema cannot see; empty when there are none. */
export function versionFactProblems(def: PropertyDef): string[] {
  const problems: string[] = [];
  const since = def.since?.version;
  const later = (field: string, version: string | undefined) => {
    if (since && version && version !== UNKNOWN_VERSION && compareBounds(version, since) < 0) {
      problems.push(`${field} ${version} is earlier than since ${since}`);
    }
  };
  later('removedIn', def.removedIn?.version);
  later('ignoredFrom', def.ignoredFrom?.version);
  later('since.disputed', def.since?.disputed?.version);
  const removed = def.removedIn;
  if (removed && removed.version !== UNKNOWN_VERSION && (removed.lastReadIn || removed.notReadIn)) {
    problems.push('lastReadIn and notReadIn belong to a removal of version "unknown"');
  }
  if (removed?.lastReadIn && removed.notReadIn && compareBounds(removed.lastReadIn, removed.notReadIn) >= 0) {
    problems.push(`removedIn.lastReadIn ${removed.lastReadIn} is not earlier than notReadIn ${removed.notReadIn}`);
  }
  if (
    def.removedIn &&
    def.removedIn.version !== UNKNOWN_VERSION &&
    def.ignoredFrom &&
    compareBounds(def.ignoredFrom.version, def.removedIn.version) >= 0
  ) {
    problems.push(`ignoredFrom ${def.ignoredFrom.version} is not earlier than removedIn ${def.removedIn.version}`);
  }
  const changes = def.stockValues ?? [];
  for (let i = 1; i < changes.length; i++) {
    if (compareBounds(changes[i - 1].from, changes[i].from) >= 0)
      problems.push(`stockValues are not in version order at ${changes[i].from}`);
  }
  return problems;
}
