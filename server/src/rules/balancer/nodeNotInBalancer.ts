import { LITE_MEMBER } from '../../catalog/oxKeys';
import { firstLineRange } from '../../model/document';
import { memberRoute } from '../../model/apache/frontEnd';
import { nodeFile } from '../../model/node';
import { CrossRule, PlacedFinding } from '../crossRule';
import { nodeAnchor } from '../cross/helpers';
import { isTrue } from '../../values/boolean';
import { balancerLabel, frontView, linkAssumption } from './support';

/** A node no balancer routes to gets no sessions, and one that gets some by other ways loses them. */
export const nodeNotInBalancerRule: CrossRule = {
  id: 'node-not-in-balancer',
  scope: 'cluster',
  defaultSeverity: 'warning',
  title:
    "A node's backendRoute is the route of no member of the balancers in front of its cluster (the declared upgrade node, and full members while the cluster has lite members, are expected outside).",
  fixable: false,
  check: (context) => {
    const view = frontView(context);
    if (!view) return [];
    const members = view.balancers.flatMap((b) => b.members.map((m) => m.member));
    // A member whose route a template writes (a loop over the nodes) may stand for any node.
    if (members.some((m) => m.params.get('route')?.unknown || (m.url.unknown && !m.params.has('route')))) return [];
    const routes = new Set(members.map(memberRoute).filter((r) => r !== undefined));
    const names = view.balancers.map((b) => `${balancerLabel(b.front.balancer)} (${b.front.doc.kind.name})`).join(', ');
    const guessed = (view.balancers.find((b) => b.front.link !== 'routes') ?? view.balancers[0]).front;
    const out: PlacedFinding[] = [];
    for (const endpoint of view.endpoints) {
      const node = endpoint.node;
      if (endpoint.route === undefined || routes.has(endpoint.route) || node.upgradeNode) continue;
      if (view.hasLiteMembers && !isTrue(context.effective(node).value(LITE_MEMBER))) continue;
      const setting = endpoint.routeSetting;
      const server = nodeFile(node, 'server.properties');
      const where = setting
        ? { doc: setting.doc, span: setting.setting.valueRange }
        : server
          ? { doc: server, span: firstLineRange(server) }
          : nodeAnchor(node);
      if (!where) continue;
      out.push({
        doc: where.doc,
        finding: {
          ...where.span,
          message: `${node.name} has route "${endpoint.route}"${setting ? '' : " (OX's default, the key is not set)"}, and no member of ${names} carries it: Apache sends it no requests, and a session it issues anyway is spread over the other nodes${linkAssumption(guessed, view.cluster)}. If it is out of the balancer on purpose (the upgrade node of a rolling upgrade), declare it as upgradeNode in .oxclusterconfig.json.`,
        },
      });
    }
    return out;
  },
};
