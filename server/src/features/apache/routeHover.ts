// Hover on a balancer member's route or URL: the node that owns the route and where it is set, and why the
// balancer is taken to be in front of that node's cluster.
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { BACKEND_ROUTE } from '../../catalog/oxKeys';
import type { ApacheDocument } from '../../model/apache/apacheDocument';
import { BalancerMember } from '../../model/apache/balancers';
import { BalancerLink, memberEndpoint, memberRoute, NodeEndpoint, reachesListener } from '../../model/apache/frontEnd';
import { Workspace } from '../../model/workspace';
import { BalancerFront, frontOf } from './front';
import { memberAt } from './memberAt';

/** Inline code that a backtick in the value cannot break. */
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

const WHY: Record<BalancerLink, string> = {
  declared: 'declared in `.oxclusterconfig.json`',
  routes: "its members' routes match the nodes' routes",
  hosts: "its members' hosts and ports match the nodes' listeners",
  'only-cluster': "it is the workspace's only cluster and the members use its listener ports",
};

/** Where the node's route comes from: its setting's file and line, or OX's default. */
function where(endpoint: NodeEndpoint): string {
  const setting = endpoint.routeSetting;
  if (!setting) return `OX's default: no ${code(BACKEND_ROUTE)} set`;
  return code(`${setting.doc.kind.name}:${setting.doc.text.positionAt(setting.setting.keyRange.start).line + 1}`);
}

const shownRoute = (endpoint: NodeEndpoint) => (endpoint.route === undefined ? '(template)' : code(endpoint.route));

const routeList = (front: BalancerFront) => front.endpoints.map((e) => `${shownRoute(e)} (${e.node.name})`).join(', ');

/** What the member's route (or its absence) means for the cluster in front of which its balancer stands. */
function routeLines(member: BalancerMember, front: BalancerFront): string[] {
  const param = member.params.get('route');
  const route = memberRoute(member);
  if (!reachesListener(member, front.endpoints)) {
    const ports = [...new Set(front.endpoints.flatMap((e) => e.ports))].join(', ');
    return [`Port ${member.port} is no listener port of the nodes (${ports}): the member is taken to be another service than a node.`];
  }
  const reached = memberEndpoint(member, front.endpoints);
  const byRoute = route !== undefined && reached?.route === route;
  if (byRoute) return [`${code(`route=${route}`)} → node **${reached.node.name}** · ${where(reached)}`];
  const lines = [
    route !== undefined
      ? `${code(`route=${route}`)} → no node of cluster **${front.cluster.name}** has this route; their routes: ${routeList(front)}`
      : param
        ? 'The route is filled in by a template: not known before deployment.'
        : 'The member has no `route=`.',
  ];
  if (reached)
    lines.push(`By host and port it reaches node **${reached.node.name}**, whose route is ${shownRoute(reached)} (${where(reached)}).`);
  return lines;
}

export function apacheHover(workspace: Workspace, doc: ApacheDocument, position: Position): Hover | null {
  const found = memberAt(doc, doc.text.offsetAt(position), workspace.balancers());
  if (!found) return null;
  const front = frontOf(workspace, doc, found.balancer);
  const name = code(found.balancer.name);
  const lines = front
    ? [...routeLines(found.member, front), `Balancer ${name} is in front of cluster **${front.cluster.name}**: ${WHY[front.link]}.`]
    : [`Balancer ${name} is in front of no known cluster: no member matches a node by route, nor by host and listener port.`];
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') },
    range: { start: doc.text.positionAt(found.span.start), end: doc.text.positionAt(found.span.end) },
  };
}
