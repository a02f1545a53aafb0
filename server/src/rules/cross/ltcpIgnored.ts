import { DiagnosticTag } from 'vscode-languageserver-types';
import { CrossRule, PlacedFinding } from '../crossRule';
import { isTrue } from '../../values/boolean';
import { EVENT_INVALIDATION } from '../../catalog/oxKeys';
import { knownValue } from './helpers';

const LTCP_PREFIX = 'jcs.auxiliary.LTCP';

/** With event invalidation on, OX disables the LTCP auxiliary: its settings are dead weight. */
export const ltcpIgnoredRule: CrossRule = {
  id: 'ltcp-ignored',
  scope: 'node',
  defaultSeverity: 'hint',
  title: 'jcs.auxiliary.LTCP.* settings in cache.ccf, which OX ignores while event invalidation is on.',
  fixable: false,
  judgesUnknownValues: true,
  check: ({ cluster, effective }) => {
    const out: PlacedFinding[] = [];
    for (const node of cluster.nodes) {
      const invalidation = effective(node).get(EVENT_INVALIDATION);
      const invalidating = knownValue(invalidation);
      if (invalidating === undefined || !isTrue(invalidating)) continue;
      const why = `with ${EVENT_INVALIDATION}=true${invalidation.source ? '' : ' (the default)'}`;
      for (const doc of node.docs) {
        if (doc.kind.syntax !== 'ccf') continue;
        for (const e of doc.settings) {
          if (e.key !== LTCP_PREFIX && !e.key.startsWith(`${LTCP_PREFIX}.`)) continue;
          out.push({
            doc,
            finding: {
              ...e.range,
              tags: [DiagnosticTag.Unnecessary],
              message: `Ignored: ${why}, OX invalidates caches through Hazelcast and turns LTCP off. Regions still need jcs.region.<name>=LTCP.`,
            },
          });
        }
      }
    }
    return out;
  },
};
