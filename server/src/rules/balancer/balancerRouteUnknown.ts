import { CrossRule, PlacedFinding } from '../crossRule';
import { Fix } from '../rule';
import { balancerLabel, frontView, linkAssumption, MemberView, routeList } from './support';
import { NodeEndpoint, memberRoute } from '../../model/apache/frontEnd';

/** Apache compares routes exactly: a member route no node issues gets no session back. */
export const balancerRouteUnknownRule: CrossRule = {
  id: 'balancer-route-unknown',
  scope: 'cluster',
  defaultSeverity: 'error',
  title:
    "A BalancerMember's route= is the backendRoute of no node of the cluster, so Apache cannot send a session back to the node that issued it.",
  fixable: true,
  check: (context) => {
    const view = frontView(context);
    // A route a template fills in may be any of them.
    if (!view || view.endpoints.some((e) => e.route === undefined)) return [];
    const out: PlacedFinding[] = [];
    const routes = routeList(view.endpoints);
    for (const { front, members } of view.balancers) {
      for (const view_ of members) {
        const route = memberRoute(view_.member);
        const param = view_.member.params.get('route');
        if (route === undefined || !param || view_.member.port === undefined) continue;
        if (view.endpoints.some((e) => e.route === route)) continue;
        const doc = front.docOf(view_.member.directive);
        out.push({
          doc,
          finding: {
            ...param.valueSpan,
            message: `No node of cluster "${view.cluster.name}" has route "${route}"${hint(route, view.endpoints)}; its nodes' routes are ${routes}. The node behind this member of ${balancerLabel(front.balancer)} issues session ids ending in its own route, which no member carries, so Apache spreads each session over all members and logins break${linkAssumption(front, view.cluster)}.`,
            ...fixFor(view_, doc, param.valueSpan),
          },
        });
      }
    }
    return out;
  },
};

/** The near misses Apache does not forgive: quotes, letter case. */
function hint(route: string, endpoints: readonly NodeEndpoint[]): string {
  const unquoted = route.replace(/^["']|["']$/g, '');
  if (unquoted !== route && endpoints.some((e) => e.route === unquoted)) return ' (the quotes are part of the route for Apache)';
  const other = endpoints.find((e) => e.route?.toLowerCase() === route.toLowerCase());
  return other ? ` (Apache compares routes case-sensitively, and ${other.node.name} has "${other.route}")` : '';
}

/** When the member reaches a node by host and port, use that node's route. */
function fixFor(member: MemberView, doc: PlacedFinding['doc'], span: { start: number; end: number }): { fixes?: Fix[] } {
  const route = member.endpoint?.route;
  if (!route) return {};
  return {
    fixes: [
      {
        title: `Change the route to "${route}" (the route of ${member.endpoint!.node.name})`,
        intents: [{ kind: 'replace-text', doc, start: span.start, end: span.end, text: route }],
        preferred: true,
      },
    ],
  };
}
