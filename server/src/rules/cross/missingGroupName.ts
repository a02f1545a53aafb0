import { CrossRule, PlacedFinding } from '../crossRule';
import { joinMode, keySpan, knownValue, putIntent, renderTogether } from './helpers';
import { GROUP_NAME, JOIN } from '../../catalog/oxKeys';

/** Any join but `empty` needs a group name; OX refuses to start Hazelcast without one. */
export const missingGroupNameRule: CrossRule = {
  id: 'missing-group-name',
  scope: 'node',
  defaultSeverity: 'error',
  title: 'network.join is not "empty" but group.name is unset or blank: Hazelcast does not start.',
  fixable: true,
  judgesUnknownValues: true,
  check: ({ cluster, effective }) => {
    const out: PlacedFinding[] = [];
    // The fix proposes the name most other nodes use, so it does not start a cluster-mismatch; else the folder name.
    const counts = new Map<string, number>();
    for (const n of cluster.nodes) {
      const name = knownValue(effective(n).get(GROUP_NAME))?.trim();
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const common = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    for (const node of cluster.nodes) {
      const config = effective(node);
      const join = config.get(JOIN);
      const mode = joinMode(config);
      const groupName = config.get(GROUP_NAME);
      if (!join.source || !mode || mode === 'empty' || knownValue(groupName)?.trim() !== '') continue;
      const group = groupName.source;
      if (!renderTogether(join.source, group)) continue;
      const doc = group?.doc ?? join.source.doc;
      const name = common ?? (cluster.name || 'my-cluster');
      out.push({
        doc: join.source.doc,
        finding: {
          ...keySpan(join.source),
          message: `Join mode "${mode}" needs ${GROUP_NAME}, which is ${group ? 'blank' : 'not set'}: OX does not start Hazelcast on this node.`,
          fixes: [
            {
              title: `Set ${GROUP_NAME}=${name}${common ? ' (as on the other nodes)' : ''}`,
              intents: [putIntent(doc, GROUP_NAME, name, group ? undefined : join.source.setting)],
            },
          ],
        },
      });
    }
    return out;
  },
};
