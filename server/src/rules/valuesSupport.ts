// What the rules of values files share: the release a file belongs to, and whether a YAML value is known.
import { isScalar, Node, Scalar, YAMLMap } from 'yaml';
import { chartVersionFacts, CORE_MW } from '../catalog/chartFacts';
import { keyText } from '../model/helm/chartRoots';
import { Release } from '../model/helm/release';
import { SCRIPT_VARIABLE, ValuesDocument } from '../model/helm/valuesDocument';
import { Workspace } from '../model/workspace';
import { Span } from '../parser/types';

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

export function spanOf(node: Node): Span | undefined {
  return node.range ? { start: node.range[0], end: node.range[1] } : undefined;
}

/** A value whose text a template or a deployment script fills in: nothing can be said about it. */
export function filledIn(doc: ValuesDocument, node: Node | null | undefined): boolean {
  if (!node) return false;
  const span = spanOf(node);
  if (!span) return false;
  if (doc.template.tagsIn(span.start, span.end).length) return true;
  return isScalar(node) && typeof node.value === 'string' && SCRIPT_VARIABLE.test(node.value);
}

/** The entries of a YAML map whose keys are plain text that no template writes. */
export function* plainEntries(doc: ValuesDocument, map: YAMLMap): Iterable<{ key: string; keyNode: Scalar; value: unknown }> {
  for (const pair of map.items) {
    const key = keyText(pair);
    if (key === undefined || filledIn(doc, pair.key as Node)) continue;
    yield { key, keyNode: pair.key as Scalar, value: pair.value };
  }
}
