import { ALLOW_PERMANENT_PUSH } from '../../catalog/oxKeys';
import { firstLineRange } from '../../model/document';
import { nodeFile } from '../../model/node';
import { valueOrKeyRange } from '../../model/setting';
import { baseName } from '../../util/uris';
import { formatOxVersion } from '../../util/versions';
import { soleNewestNode } from '../../model/packages/nodeVersion';
import { CrossRule, PlacedFinding } from '../crossRule';
import { Fix } from '../rule';
import { nodeAnchor, putIntent } from './helpers';
import { isTrue } from '../../values/boolean';

/** The upgrade node of a rolling upgrade must not take permanent push listeners: allowPermanentPush=false on it. */
export const upgradeNodePushRule: CrossRule = {
  id: 'upgrade-node-push',
  scope: 'cluster',
  defaultSeverity: 'error',
  title:
    'The upgrade node of a rolling upgrade (declared in .oxclusterconfig.json, or as information the one node newer than the rest) does not set com.openexchange.push.allowPermanentPush=false.',
  fixable: true,
  check: ({ cluster, effective }) => {
    const declared = cluster.nodes.filter((n) => n.upgradeNode);
    const inferred = declared.length ? undefined : soleNewestNode(cluster.nodes);
    const out: PlacedFinding[] = [];
    for (const node of inferred ? [inferred] : declared) {
      const push = effective(node).get(ALLOW_PERMANENT_PUSH);
      // OX reads "true" in any letter case as true and anything else as false; unset is true.
      if (push.source && !isTrue(push.value)) continue;
      const pushFile = nodeFile(node, 'mail-push.properties');
      const where = push.source
        ? { doc: push.source.doc, span: valueOrKeyRange(push.source.setting) }
        : pushFile
          ? { doc: pushFile, span: firstLineRange(pushFile) }
          : nodeAnchor(node);
      if (!where) continue;
      const state = push.source ? `is ${push.value?.trim()} (${baseName(push.source.doc.uri)})` : 'is not set, so it is true';
      const risk =
        "OX may start permanent push listeners on it, and loading their users' data runs pending update tasks on database schemas the other nodes still use";
      const message = inferred
        ? `${node.name} runs ${formatOxVersion(node.oxVersion!.version)}, newer than the rest of the cluster: this assumes it is the upgrade node of a rolling upgrade. ${ALLOW_PERMANENT_PUSH} ${state}, so ${risk}. If it is the upgrade node, set it to false there until the update tasks have run, and declare it with "upgradeNode": true for its folder under "nodes" in .oxclusterconfig.json to have this checked as an error.`
        : `${node.name} is the declared upgrade node (${node.upgradeNode!.detail} in .oxclusterconfig.json), but ${ALLOW_PERMANENT_PUSH} ${state}: ${risk}. Set it to false on this node until the update tasks have run.`;
      const target = push.source?.doc ?? pushFile;
      const fixes: Fix[] = target
        ? [
            {
              title: `Set ${ALLOW_PERMANENT_PUSH}=false on ${node.name}`,
              preferred: true,
              intents: [putIntent(target, ALLOW_PERMANENT_PUSH, 'false')],
            },
          ]
        : [];
      out.push({ doc: where.doc, finding: { ...where.span, message, fixes, ...(inferred ? { severity: 'information' as const } : {}) } });
    }
    return out;
  },
};
