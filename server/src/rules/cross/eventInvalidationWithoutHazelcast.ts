import { CrossRule, PlacedFinding } from '../crossRule';
import { findingAt, homeDoc, knownValue, renderTogether, where } from './helpers';
import { isTrue } from '../../values/boolean';
import { EVENT_INVALIDATION, HAZELCAST_ENABLED } from '../../catalog/oxKeys';

/** Event invalidation travels over Hazelcast topics: with Hazelcast off, caches of other nodes go stale. */
export const eventInvalidationWithoutHazelcastRule: CrossRule = {
  id: 'event-invalidation-without-hazelcast',
  scope: 'node',
  defaultSeverity: 'warning',
  title: 'eventInvalidation=true while Hazelcast is disabled: no node hears about cache changes.',
  fixable: false,
  judgesUnknownValues: true,
  check: ({ cluster, effective }) => {
    const out: PlacedFinding[] = [];
    for (const node of cluster.nodes) {
      const config = effective(node);
      const enabled = config.get(HAZELCAST_ENABLED);
      // OX reads every value but "true" (any case) as false, so "no" or a blank value switch Hazelcast off too.
      const on = knownValue(enabled);
      if (!enabled.source || on === undefined || isTrue(on)) continue;
      const invalidation = config.get(EVENT_INVALIDATION);
      const invalidating = knownValue(invalidation);
      if (invalidating === undefined || !isTrue(invalidating) || !renderTogether(enabled.source, invalidation.source)) continue;
      const doc = homeDoc(node, 'cache.properties');
      if (!doc) continue;
      out.push(
        findingAt(
          invalidation.source,
          doc,
          `Cache invalidation by events ${invalidation.source ? 'is on' : 'is on by default'}, but Hazelcast is disabled (${where(enabled.source)}): the events travel over Hazelcast, so other nodes never learn about changed data and serve stale caches.`,
        ),
      );
    }
    return out;
  },
};
