import { CrossRule, PlacedFinding } from '../crossRule';
import { balancerLabel, frontView, isActive } from './support';

/** The upgrade node of a rolling upgrade must hold no user sessions and get no new ones. */
export const upgradeNodeInBalancerRule: CrossRule = {
  id: 'upgrade-node-in-balancer',
  scope: 'cluster',
  defaultSeverity: 'warning',
  title:
    'The declared upgrade node of a rolling upgrade is an active balancer member (not status=+D or drained), so users get sessions on it.',
  fixable: true,
  check: (context) => {
    const view = frontView(context);
    if (!view) return [];
    const out: PlacedFinding[] = [];
    for (const { front, members } of view.balancers) {
      for (const { member, endpoint } of members) {
        // Only a declared upgrade node: a node that is merely newer may be one of the first upgraded ones.
        if (!endpoint?.node.upgradeNode || !isActive(member)) continue;
        const last = member.directive.args[member.directive.args.length - 1];
        const status = member.params.get('status');
        const doc = front.docOf(member.directive);
        out.push({
          doc,
          finding: {
            start: member.url.start,
            end: member.url.end,
            message: `${endpoint.node.name} is the declared upgrade node, and this member of ${balancerLabel(front.balancer)} sends it client requests. No user session may remain on the upgrade node and no new one may reach it: disable the member here (status=+D), not only in the balancer manager, so that an Apache restart does not route to it again.`,
            fixes: status?.unknown
              ? []
              : [
                  {
                    title: 'Disable the member (status=+D)',
                    intents: [
                      status
                        ? {
                            kind: 'replace-text',
                            doc,
                            start: status.valueSpan.start,
                            end: status.valueSpan.end,
                            text: `${status.value}+D`,
                          }
                        : { kind: 'replace-text', doc, start: last.end, end: last.end, text: ' status=+D' },
                    ],
                    preferred: true,
                  },
                ],
          },
        });
      }
    }
    return out;
  },
};
