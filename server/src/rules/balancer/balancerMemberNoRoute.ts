import { CrossRule, PlacedFinding } from '../crossRule';
import { Fix } from '../rule';
import { balancerLabel, isDavBalancer, judgedView, linkAssumption, MemberView } from './support';
import { ApacheDocument } from '../../model/apache/apacheDocument';

/** In a sticky balancer a member without a route never gets a session back. */
export const balancerMemberNoRouteRule: CrossRule = {
  id: 'balancer-member-no-route',
  scope: 'cluster',
  defaultSeverity: 'error',
  title: 'A member of a sticky balancer has no route=, so no session ever sticks to the node behind it.',
  fixable: true,
  withoutNodes: true,
  check: (context) => {
    const view = judgedView(context);
    if (!view) return [];
    const out: PlacedFinding[] = [];
    for (const { front, members } of view.balancers) {
      const sticky = front.balancer.params.get('stickysession');
      // With one member every session reaches its node anyway.
      if (!sticky || members.length < 2 || isDavBalancer(front.balancer)) continue;
      for (const member of members) {
        const m = member.member;
        // A template may write the route among the other parameters.
        if (m.params.has('route') || m.url.unknown || m.directive.args.some((a) => a.unknown)) continue;
        const doc = front.docOf(m.directive);
        out.push({
          doc,
          finding: {
            start: m.directive.nameSpan.start,
            end: m.url.end,
            message: `This member of ${balancerLabel(front.balancer)} has no route=, while the balancer routes sessions by their JSESSIONID suffix: the sessions of the node behind it match no member and are spread over the others${linkAssumption(front, view.cluster)}. Add route= with that node's com.openexchange.server.backendRoute.`,
            ...fixOf(doc, member),
          },
        });
      }
    }
    return out;
  },
};

function fixOf(doc: ApacheDocument, { member, endpoint }: MemberView): { fixes?: Fix[] } {
  if (!endpoint?.route) return {};
  const last = member.directive.args[member.directive.args.length - 1];
  return {
    fixes: [
      {
        title: `Add route=${endpoint.route} (the route of ${endpoint.node.name})`,
        intents: [{ kind: 'replace-text', doc, start: last.end, end: last.end, text: ` route=${endpoint.route}` }],
        preferred: true,
      },
    ],
  };
}
