import { LITE_MEMBER } from '../../catalog/oxKeys';
import { CrossRule, PlacedFinding } from '../crossRule';
import { isTrue } from '../../values/boolean';
import { balancerLabel, frontView, isActive, isDavBalancer } from './support';

/** With lite members in the cluster, OX prefers the data-holding members out of client traffic. */
export const fullMemberServesClientsRule: CrossRule = {
  id: 'full-member-serves-clients',
  scope: 'cluster',
  defaultSeverity: 'information',
  title: 'A balancer sends client requests to a full (data-holding) Hazelcast member while the cluster has lite members to serve them.',
  fixable: false,
  check: (context) => {
    const view = frontView(context);
    if (!view || !view.hasLiteMembers) return [];
    const out: PlacedFinding[] = [];
    for (const { front, members } of view.balancers) {
      if (isDavBalancer(front.balancer)) continue;
      for (const { member, endpoint } of members) {
        if (!endpoint || !isActive(member) || isTrue(context.effective(endpoint.node).value(LITE_MEMBER))) continue;
        out.push({
          doc: front.docOf(member.directive),
          finding: {
            start: member.url.start,
            end: member.url.end,
            message: `${endpoint.node.name} is a full Hazelcast member, which holds the cluster's sessions and caches, and ${balancerLabel(front.balancer)} sends it client requests although the cluster has lite members. OX's guidance is to keep full members out of the load balancer, so that client load does not slow the members every node depends on.`,
          },
        });
      }
    }
    return out;
  },
};
