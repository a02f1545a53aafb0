// What the rules of values files share: the release a file belongs to and how messages name chart versions.
import { chartVersionFacts, CORE_MW } from '../catalog/chartFacts';
import { Release } from '../model/helm/release';
import { ValuesDocument } from '../model/helm/valuesDocument';
import { Workspace } from '../model/workspace';

/** The release of a values file and its chart version; a file the workspace does not know is a release of its own. */
export interface ValuesRelease {
  release?: Release;
  /** Its files in `helm -f` order. */
  docs: readonly ValuesDocument[];
  chartVersion?: string;
}

export function valuesRelease(doc: ValuesDocument, workspace: Workspace | undefined): ValuesRelease {
  const release = workspace?.releaseOf(doc.uri);
  if (!release) return { docs: [doc] };
  return { release, docs: release.docs, ...(release.chartVersion ? { chartVersion: release.chartVersion } : {}) };
}

/** Every chart version we hold facts for, for messages: "1.0.0, 4.8.1 and 6.20.2". */
export function knownChartVersions(): string {
  const versions = CORE_MW.versions.map((v) => v.version);
  return versions.length > 1 ? `${versions.slice(0, -1).join(', ')} and ${versions[versions.length - 1]}` : versions.join('');
}

/**
 * How a message names the chart whose facts it used: "chart 6.20.2", or the assumption it rests on when the
 * version is unknown or one we hold no facts for (`what` names the facts, e.g. "roles").
 */
export function chartWords(version: string | undefined, what: string): { known: boolean; name: string; assumption: string } {
  if (version && chartVersionFacts(version)) return { known: true, name: `chart ${version}`, assumption: '' };
  const why = version ? `we hold no facts for chart ${version}` : 'the chart version is unknown';
  return {
    known: false,
    name: `any chart version we know (${knownChartVersions()})`,
    assumption: ` (${why}; this assumes its ${what} are among those)`,
  };
}
