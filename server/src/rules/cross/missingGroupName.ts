import { CrossRule, PlacedFinding } from '../crossRule';
import { joinMode, keySpan, setValueEdit } from './helpers';
import { GROUP_NAME, JOIN } from './oxKeys';

/** Any join but `empty` needs a group name; OX refuses to start Hazelcast without one. */
export const missingGroupNameRule: CrossRule = {
  id: 'missing-group-name',
  defaultSeverity: 'error',
  summary: 'network.join is not empty but group.name is unset or blank: Hazelcast does not start.',
  check: ({ cluster, effective }) => {
    const out: PlacedFinding[] = [];
    for (const node of cluster.nodes) {
      const config = effective(node);
      const join = config.get(JOIN);
      const mode = joinMode(config);
      if (!join.source || !mode || mode === 'empty' || config.value(GROUP_NAME).trim() !== '') continue;
      const group = config.get(GROUP_NAME).source;
      const doc = group?.doc ?? join.source.doc;
      const placeholder = cluster.name || 'my-cluster';
      out.push({
        doc: join.source.doc,
        finding: {
          ...keySpan(join.source),
          message: `Join mode "${mode}" needs ${GROUP_NAME}, which is ${group ? 'blank' : 'not set'}: OX does not start Hazelcast on this node.`,
          fixes: [{ title: `Set ${GROUP_NAME}=${placeholder}`, edits: [setValueEdit(doc, GROUP_NAME, placeholder, group ? undefined : join.source.entry)] }],
        },
      });
    }
    return out;
  },
};
