import { CrossRule } from '../crossRule';
import { describeTypes, hazelcastPods } from './podCounts';
import { atType } from './typeAnchor';

/** From this many Hazelcast pods on, the share of full members is worth a look. */
const LARGE_RELEASE = 10;
/** OX's cluster guide calls 10-20 % full members sufficient: a floor, not a ceiling. */
const FLOOR = 0.1;

/** Few full members in a large release: all distributed data lives on them. */
export const dataHoldingShareRule: CrossRule = {
  id: 'data-holding-share',
  scope: 'cluster',
  editions: ['kubernetes'],
  defaultSeverity: 'information',
  title:
    'In a release with 10 or more Hazelcast pods, fewer than 10 % of them are full members, so all distributed data lives on very few pods.',
  fixable: false,
  check: ({ cluster, effective }) => {
    const counts = hazelcastPods(cluster, effective);
    const pods = counts.full + counts.lite;
    // With no full member at all no-data-members reports; templated counts are not judged.
    if (counts.unknown || pods < LARGE_RELEASE || counts.full === 0 || counts.full / pods >= FLOOR) return [];
    const full = counts.types.filter((t) => t.full);
    const share = Math.round((counts.full / pods) * 100);
    const placed = atType(full[0].node, {
      message: `Only ${counts.full} of the ${pods} Hazelcast pods of release "${cluster.name}" (${share} %) are full members (${describeTypes(full)}); the others are lite members. Every session, lock and cache entry lives on these few pods, and each restart of one moves a large part of the data. OX's sizing advice is at least 10 % full members.`,
    });
    return placed ? [placed] : [];
  },
};
