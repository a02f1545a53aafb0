// What the balancer rules share: the balancers in front of a cluster with the nodes their members reach,
// and the words that say why a balancer is taken to be in front of it.
import { LITE_MEMBER } from '../../catalog/oxKeys';
import { Balancer, BalancerMember } from '../../model/apache/balancers';
import {
  clusterEndpoints,
  DEFAULT_PORTS,
  FrontBalancer,
  memberEndpoint,
  NodeEndpoint,
  PlacedBalancer,
  reachesListener,
} from '../../model/apache/frontEnd';
import { OxCluster } from '../../model/node';
import { ClusterContext } from '../crossRule';
import { where } from '../cross/helpers';
import { isTrue } from '../../values/boolean';

export interface MemberView {
  readonly member: BalancerMember;
  /** The node it reaches, by route or by host and listener port. */
  readonly endpoint?: NodeEndpoint;
}

export interface BalancerView<F extends PlacedBalancer = FrontBalancer> {
  readonly front: F;
  /** The members that may be middleware nodes (on a listener port, or with a URL a template fills in). */
  readonly members: readonly MemberView[];
}

export interface FrontView<F extends PlacedBalancer = FrontBalancer> {
  readonly cluster: OxCluster;
  readonly endpoints: readonly NodeEndpoint[];
  readonly balancers: ReadonlyArray<BalancerView<F>>;
  /** Whether some node of the cluster is a Hazelcast lite member. */
  readonly hasLiteMembers: boolean;
}

/** A balancer a rule judges: in front of a cluster (with how it was matched), or in a workspace without nodes. */
export type JudgedBalancer = PlacedBalancer & { readonly link?: FrontBalancer['link'] };

/** The balancers in front of a classic cluster with their members; undefined when there are none. */
export function frontView({ cluster, effective }: ClusterContext): FrontView | undefined {
  if (!cluster.balancers?.length) return undefined;
  const { endpoints } = clusterEndpoints(cluster, effective);
  return {
    cluster,
    endpoints,
    balancers: cluster.balancers.map((front) => ({
      front,
      members: front.balancer.members
        .filter((m) => reachesListener(m, endpoints))
        .map((member) => ({ member, ...optional(memberEndpoint(member, endpoints)) })),
    })),
    hasLiteMembers: cluster.nodes.some((n) => isTrue(effective(n).value(LITE_MEMBER))),
  };
}

/**
 * What the rules that also judge balancers without nodes see: the cluster's front view, or in a workspace
 * without classic nodes its balancers, with the members on OX's default listener ports (or a port a template
 * fills in) and no node behind any of them.
 */
export function judgedView(context: ClusterContext): FrontView<JudgedBalancer> | undefined {
  if (!context.balancers) return frontView(context);
  if (!context.balancers.length) return undefined;
  return {
    cluster: context.cluster,
    endpoints: [],
    balancers: context.balancers.map((front) => ({
      front,
      members: front.balancer.members.filter((m) => m.port === undefined || DEFAULT_PORTS.includes(m.port)).map((member) => ({ member })),
    })),
    hasLiteMembers: false,
  };
}

function optional(endpoint: NodeEndpoint | undefined): { endpoint?: NodeEndpoint } {
  return endpoint ? { endpoint } : {};
}

/** The balancer as users know it: `balancer://oxcluster`. */
export function balancerLabel(balancer: Balancer): string {
  return `balancer://${balancer.name}`;
}

/** Why the finding may rest on a guess: how the balancer was matched to the cluster, when not by routes. */
export function linkAssumption(front: JudgedBalancer, cluster: OxCluster): string {
  switch (front.link) {
    case undefined:
      return ` (the workspace holds no OX node: ${balancerLabel(front.balancer)} is taken to be in front of OX nodes, as its members are on OX's listener port, ${DEFAULT_PORTS[0]} or ${DEFAULT_PORTS[1]} with TLS)`;
    case 'routes':
      return '';
    case 'declared':
      return ` (${balancerLabel(front.balancer)} is in front of cluster "${cluster.name}" as declared in .oxclusterconfig.json)`;
    case 'hosts':
      return ` (${balancerLabel(front.balancer)} is taken to be in front of cluster "${cluster.name}" because its members' hosts and ports are those of its nodes)`;
    case 'only-cluster':
      return ` (${balancerLabel(front.balancer)} is taken to be in front of cluster "${cluster.name}", the only cluster in the workspace)`;
  }
}

/**
 * A balancer that only CalDAV/CardDAV requests reach: OX recommends routing those to one node without
 * stickiness, since DAV clients do not keep cookies (load-balancer.md, CalDAV/CardDAV).
 */
export function isDavBalancer(balancer: Balancer): boolean {
  const dav = (path: string) => /^\/(servlet\/dav|dav|\.well-known)(\/|$)/i.test(path);
  const all = (list: readonly string[]) => list.length > 0 && list.every(dav);
  return all(balancer.targets) || all(balancer.paths);
}

/** Members a client request may reach now: not disabled, stopped or draining (`status=+D`, `+S`, `+N`). */
export function isActive(member: BalancerMember): boolean {
  return !['D', 'S', 'N'].some((flag) => member.status.has(flag));
}

/** `ox1 (server.properties:12)`, or `ox1 (OX's default)` when the node does not set its route. */
export function nodeWithRoute(endpoint: NodeEndpoint): string {
  return `${endpoint.node.name} (${endpoint.routeSetting ? where(endpoint.routeSetting) : "not set: OX's default"})`;
}

/** `APP1 on ox1 (server.properties:3), APP2 on ox2 (…)`, the first five and a count of the rest. */
export function routeList(endpoints: readonly NodeEndpoint[], max = 5): string {
  const shown = endpoints.slice(0, max).map((e) => `${e.route} on ${nodeWithRoute(e)}`);
  return endpoints.length > max ? `${shown.join(', ')} and ${endpoints.length - max} more` : shown.join(', ');
}
