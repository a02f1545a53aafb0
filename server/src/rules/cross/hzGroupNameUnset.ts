import { Span } from '../../parser/types';
import { valueAt } from '../../model/helm/valueTree';
import { Release } from '../../model/helm/release';
import { ValuesDocument } from '../../model/helm/valuesDocument';
import { CrossRule, PlacedFinding } from '../crossRule';
import { hazelcastPods } from './podCounts';
import { releaseAnchor } from './typeAnchor';

/** Where to report: the user's `hzGroupName` entry, else the first chart root's first key. */
export function hzGroupNameAnchor(release: Release): { doc: ValuesDocument; span: Span } | undefined {
  const written = valueAt(release.userValues, ['hzGroupName']);
  const key = written?.source?.key;
  if (written?.source && key?.range) return { doc: written.source.doc, span: { start: key.range[0], end: key.range[1] } };
  return releaseAnchor(release);
}

/** A Hazelcast group name for the fix, from the release's name. */
function suggestedName(release: Release): string {
  const parts = release.name.split('/');
  const file = parts[parts.length - 1].replace(/\.(ya?ml)(\.gotmpl)?$/i, '');
  // `prod/values.yaml` suggests "prod", `values-prod.yaml` too.
  const stem = file === 'values' && parts.length > 1 ? parts[parts.length - 2] : file.replace(/^values-/, '');
  const name = stem.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return name && name !== 'values' ? name : 'appsuite';
}

/** Without hzGroupName the chart draws a random cluster name on every render. */
export const hzGroupNameUnsetRule: CrossRule = {
  id: 'hz-group-name-unset',
  scope: 'cluster',
  editions: ['kubernetes'],
  defaultSeverity: 'warning',
  title: 'A release with two or more Hazelcast pods leaves hzGroupName empty, so the chart draws a random cluster name on every render.',
  fixable: true,
  check: ({ cluster, effective }) => {
    const release = cluster.release;
    if (!release) return [];
    const version = release.chartVersion;
    // Chart 1.0.0 requires the key: it does not render without it.
    if (version?.startsWith('1.')) return [];
    const name = valueAt(release.values, ['hzGroupName']);
    const value = name?.kind === 'leaf' ? name.value : undefined;
    if (typeof value === 'string' && value !== '') return [];
    if (value !== undefined && value !== null && value !== '') return [];
    const counts = hazelcastPods(cluster, effective);
    const pods = counts.full + counts.lite;
    const unknown = counts.unknown;
    if (pods < 2) return [];
    const at = hzGroupNameAnchor(release);
    if (!at) return [];
    const assumed = version ? '' : ` (The chart version is unknown; this assumes chart ${release.assumedChartVersion}.)`;
    const perType =
      !version || Number(version.split('.')[0]) >= 6
        ? ' From chart 6.0.1 each node type draws its own, so two types never find each other.'
        : '';
    const finding: PlacedFinding = {
      doc: at.doc,
      finding: {
        ...at.span,
        message: `hzGroupName is empty, and ${pods}${unknown ? ' or more' : ''} pods run Hazelcast: the chart makes up a random cluster name on every render, so every upgrade renames the cluster and pods of the old and new name do not join.${perType} Set a name of your own.${assumed}`,
        fixes: [
          {
            title: `Set hzGroupName to "${suggestedName(release)}"`,
            preferred: true,
            intents: [{ kind: 'put-at', doc: at.doc, path: ['hzGroupName'], value: suggestedName(release) }],
          },
        ],
      },
    };
    return [finding];
  },
};
