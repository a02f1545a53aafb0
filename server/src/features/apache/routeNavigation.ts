// Definition and references from a balancer member: the node's backendRoute setting, and the members that
// carry the same route.
import { Location, Position } from 'vscode-languageserver-types';
import type { ApacheDocument } from '../../model/apache/apacheDocument';
import { BalancerMember } from '../../model/apache/balancers';
import { memberEndpoint, memberRoute } from '../../model/apache/frontEnd';
import { ConfigDocument, firstLineRange } from '../../model/document';
import { OxCluster } from '../../model/node';
import { PlacedSetting, valueOrKeyRange } from '../../model/setting';
import { Workspace } from '../../model/workspace';
import { Span } from '../../parser/types';
import { frontOf } from './front';
import { memberAt } from './memberAt';

const SERVER_PROPERTIES = 'server.properties';

export function spanLocation(doc: ConfigDocument, span: Span): Location {
  return { uri: doc.uri, range: { start: doc.text.positionAt(span.start), end: doc.text.positionAt(span.end) } };
}

export const settingLocation = (placed: PlacedSetting): Location => spanLocation(placed.doc, valueOrKeyRange(placed.setting));

/** The route word of a member, where references point. */
export function memberLocation(doc: ApacheDocument, member: BalancerMember): Location {
  return spanLocation(doc, member.params.get('route')?.span ?? member.url);
}

/**
 * The members whose route is exactly `route`: in the balancers in front of `cluster`, or in every balancer of
 * the workspace when the cluster is not known (two clusters may both have an `OX1`).
 */
export function membersWithRoute(workspace: Workspace, route: string, cluster: OxCluster | undefined): Location[] {
  const balancers = cluster
    ? (cluster.balancers ?? [])
    : workspace.apacheDocuments().flatMap((doc) => doc.balancers.map((balancer) => ({ balancer, docOf: () => doc })));
  return balancers.flatMap(({ balancer, docOf }) =>
    balancer.members.filter((m) => memberRoute(m) === route).map((m) => memberLocation(docOf(m.directive), m)),
  );
}

/** The node's backendRoute line; without one, the first line of its server.properties, if it has that file. */
export function apacheDefinition(workspace: Workspace, doc: ApacheDocument, position: Position): Location[] {
  const found = memberAt(doc, doc.text.offsetAt(position), workspace.balancers());
  const front = found && frontOf(workspace, doc, found.balancer);
  const endpoint = front && memberEndpoint(found.member, front.endpoints);
  if (!endpoint) return [];
  if (endpoint.routeSetting) return [settingLocation(endpoint.routeSetting)];
  const server = endpoint.node.docs
    .filter((d) => d.kind.name === SERVER_PROPERTIES && !d.kind.isMapFile)
    .sort((a, b) => (a.uri < b.uri ? -1 : 1))[0];
  return server ? [spanLocation(server, firstLineRange(server))] : [];
}

/** The route's backendRoute settings in the cluster the balancer is in front of, then the members with that route. */
export function apacheReferences(workspace: Workspace, doc: ApacheDocument, position: Position): Location[] {
  const found = memberAt(doc, doc.text.offsetAt(position), workspace.balancers());
  const route = found && memberRoute(found.member);
  if (!found || route === undefined) return [];
  const front = frontOf(workspace, doc, found.balancer);
  const settings = (front?.endpoints ?? []).flatMap((e) => (e.route === route && e.routeSetting ? [settingLocation(e.routeSetting)] : []));
  return [...settings, ...membersWithRoute(workspace, route, front?.cluster)];
}
