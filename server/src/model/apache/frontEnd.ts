// Which balancer stands in front of which cluster, and which node each member reaches: the link between
// the web server's configuration and the nodes' routes and listeners.
import { BACKEND_ROUTE, INTERFACES, LISTENER_HOST, LISTENER_PORT, SSL_LISTENER_PORT, STATIC_NODES } from '../../catalog/oxKeys';
import { staticHosts } from '../../values/addresses';
import { EffectiveConfig } from '../effective';
import type { OxCluster, OxNode } from '../node';
import { PlacedSetting } from '../setting';
import { globToRegExp } from '../../util/glob';
import { relativeUri } from '../../util/uris';
import type { ApacheDocument } from './apacheDocument';
import { ApacheNode } from '../../parser/apache/apacheConfig';
import { Balancer, BalancerMember, findBalancersInTree } from './balancers';

/** What a web server needs of a node to send it a session's requests. */
export interface NodeEndpoint {
  readonly node: OxNode;
  /** The route OX appends to the JSESSIONID: the setting's value, else OX's default; undefined when a template fills it in. */
  readonly route?: string;
  /** The setting it comes from; undefined when the node uses OX's default. */
  readonly routeSetting?: PlacedSetting;
  /** The HTTP and HTTPS listener ports (8009 and 8010 unless set). */
  readonly ports: readonly number[];
  /** Names and addresses the node is known by, lower case: its folder name, its listener host, its Hazelcast interfaces. */
  readonly hosts: readonly string[];
}

/**
 * Why a balancer is taken to be in front of a cluster: `.oxclusterconfig.json` says so, its members' routes,
 * their hosts, or it is the workspace's only cluster.
 */
export type BalancerLink = 'declared' | 'routes' | 'hosts' | 'only-cluster';

/** A `balancers` entry of `.oxclusterconfig.json`: the balancers of the files it names stand in front of `cluster`. */
export interface DeclaredBalancer {
  /** The folder of the `.oxclusterconfig.json` (URI); `pattern` is relative to it. */
  readonly root: string;
  /** A path or glob of web server files (`lb/proxy_http.conf`, `lb/*.conf`). */
  readonly pattern: string;
  readonly cluster: string;
  /** The balancer's name as httpd looks it up (lower case, no `balancer://`); every balancer of the files when unset. */
  readonly balancer?: string;
  /** Where it is declared, for messages: the file and the entry (`balancers[0]`). */
  readonly source: string;
}

/** Whether a declaration names this web server file (and this balancer of it). */
export function declares(declared: DeclaredBalancer, uri: string, balancer?: string): boolean {
  if (balancer !== undefined && declared.balancer !== undefined && declared.balancer !== balancer) return false;
  const rel = relativeUri(declared.root, uri);
  if (rel === uri) return false;
  const clean = declared.pattern.replace(/^\.\//, '');
  return rel === clean || globToRegExp(clean).test(rel);
}

/**
 * A balancer as httpd builds it from the files of one include tree: its `<Proxy>` block, members and
 * parameters may each be in another file.
 */
export interface PlacedBalancer {
  /** The file of its `<Proxy>` block, else the file that names it first (the file of `balancer.span`). */
  readonly doc: ApacheDocument;
  readonly balancer: Balancer;
  /** Every file that holds a part of it, in reading order. */
  readonly docs: readonly ApacheDocument[];
  /** The file a directive or section of it (a member's, a parameter's, its block) is in. */
  docOf(node: ApacheNode): ApacheDocument;
}

export interface FrontBalancer extends PlacedBalancer {
  readonly link: BalancerLink;
}

/** The files that include each other, directly or not, as groups in URI order (each group in URI order). */
function includeGroups(docs: readonly ApacheDocument[]): ApacheDocument[][] {
  const index = new Map(docs.map((d, i) => [d.uri, i]));
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  docs.forEach((doc, i) => {
    for (const inc of doc.includes)
      for (const uri of inc.files) {
        const j = index.get(uri);
        if (j === undefined) continue;
        const [a, b] = [find(i), find(j)];
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
  });
  const groups = new Map<number, ApacheDocument[]>();
  docs.forEach((doc, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), doc]));
  return [...groups.values()];
}

/**
 * The balancers of the workspace's httpd files. The files of one include tree (a file and what its Include
 * lines name, to any depth) are read as httpd reads them from the files no other includes, so a balancer
 * whose block, members and ProxySet lines are spread over them is one balancer; files that share no include
 * are separate configurations, even with the same balancer names. A balancer that lies wholly in one file
 * read at the top level is that file's own (`doc.balancers`).
 */
export function placedBalancers(docs: readonly ApacheDocument[]): PlacedBalancer[] {
  const sorted = [...docs].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const out: PlacedBalancer[] = [];
  for (const group of includeGroups(sorted)) {
    if (group.length === 1) {
      const [doc] = group;
      for (const balancer of doc.balancers) out.push({ doc, balancer, docs: [doc], docOf: () => doc });
      continue;
    }
    const byUri = new Map(group.map((d) => [d.uri, d]));
    const included = new Set(group.flatMap((d) => d.includes.flatMap((inc) => inc.files)));
    // The files no other includes first; a cycle that nothing outside includes is read from its first file.
    const roots = [...group.filter((d) => !included.has(d.uri)), ...group];
    const filesOf = (doc: ApacheDocument, directive: ApacheNode) =>
      doc.includes
        .find((inc) => inc.directive === directive)
        ?.files.map((uri) => byUri.get(uri))
        .filter((d) => d !== undefined) ?? [];
    for (const found of findBalancersInTree(roots, (d) => d.config, filesOf)) {
      const [only] = found.files;
      const own =
        found.files.length === 1 && found.atTop.has(only) ? only.balancers.find((b) => b.name === found.balancer.name) : undefined;
      out.push({
        doc: found.file,
        balancer: own ?? found.balancer,
        docs: found.files,
        docOf: (node) => found.fileOf.get(node) ?? found.file,
      });
    }
  }
  return out;
}

/** OX's defaults when the keys are unset (Server.yml). */
const DEFAULT_ROUTE = 'OX0';
/** The HTTP and HTTPS listener ports of a node that does not set them. */
export const DEFAULT_PORTS: readonly number[] = [8009, 8010];
const ANY_ADDRESS = new Set(['*', '0.0.0.0', '::', '127.0.0.1', 'localhost', '::1']);

function port(config: EffectiveConfig, key: string, fallback: number): number {
  const got = config.get(key);
  if (got.source?.setting.unknownValue) return fallback;
  const value = Number((got.value ?? '').trim());
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export function endpointOf(node: OxNode, config: EffectiveConfig): NodeEndpoint {
  const routeValue = config.get(BACKEND_ROUTE);
  const source = routeValue.source;
  const route = source ? (source.setting.unknownValue ? undefined : source.setting.value.trim()) : DEFAULT_ROUTE;
  const hosts = new Set<string>([node.name.toLowerCase()]);
  const listener = config.value(LISTENER_HOST).trim().toLowerCase();
  if (listener && !ANY_ADDRESS.has(listener)) hosts.add(listener);
  for (const entry of config.value(INTERFACES).split(',')) {
    const address = entry.trim().toLowerCase();
    // Only exact addresses name the node; a pattern (10.0.0.*) may match its neighbours too.
    if (address && !/[*-]/.test(address)) hosts.add(address);
  }
  return {
    node,
    ...(route !== undefined ? { route } : {}),
    ...(source ? { routeSetting: source } : {}),
    ports: [port(config, LISTENER_PORT, DEFAULT_PORTS[0]), port(config, SSL_LISTENER_PORT, DEFAULT_PORTS[1])],
    hosts: [...hosts],
  };
}

/** The route a member carries (as httpd compares it: exactly, quotes included); undefined when unset or unknown. */
export function memberRoute(member: BalancerMember): string | undefined {
  const route = member.params.get('route');
  return route && !route.unknown ? route.value : undefined;
}

/** Whether a member may be a middleware node: its port is one of the nodes' listener ports, or unknown. */
export function reachesListener(member: BalancerMember, endpoints: readonly NodeEndpoint[]): boolean {
  return member.port === undefined || endpoints.some((e) => e.ports.includes(member.port!));
}

/**
 * The node a member reaches: by route first (Apache's own choice; among nodes that share a route, the one
 * on the member's host), else by host and listener port.
 */
export function memberEndpoint(member: BalancerMember, endpoints: readonly NodeEndpoint[]): NodeEndpoint | undefined {
  if (!reachesListener(member, endpoints)) return undefined;
  const port = member.port;
  const onHost = (e: NodeEndpoint) =>
    member.host !== undefined && port !== undefined && e.hosts.includes(member.host) && e.ports.includes(port);
  const route = memberRoute(member);
  const byRoute = route === undefined ? [] : endpoints.filter((e) => e.route === route && (port === undefined || e.ports.includes(port)));
  return byRoute.find(onHost) ?? byRoute[0] ?? endpoints.find(onHost);
}

export interface ClusterEndpoints {
  readonly cluster: OxCluster;
  readonly endpoints: readonly NodeEndpoint[];
  /** Hosts of the cluster's static Hazelcast member lists, lower case. */
  readonly memberHosts: ReadonlySet<string>;
}

export function clusterEndpoints(cluster: OxCluster, effective: (node: OxNode) => EffectiveConfig): ClusterEndpoints {
  const memberHosts = new Set<string>();
  for (const node of cluster.nodes)
    for (const host of staticHosts(effective(node).value(STATIC_NODES))) memberHosts.add(host.toLowerCase());
  return { cluster, endpoints: cluster.nodes.map((n) => endpointOf(n, effective(n))), memberHosts };
}

/** How many members of a balancer match a cluster's nodes by route, and by host and port. */
function score(balancer: Balancer, target: ClusterEndpoints): { routes: number; hosts: number } {
  let routes = 0;
  let hosts = 0;
  for (const member of balancer.members) {
    if (!reachesListener(member, target.endpoints)) continue;
    const route = memberRoute(member);
    if (route !== undefined && target.endpoints.some((e) => e.route === route)) routes++;
    else if (member.host !== undefined && member.port !== undefined) {
      const byNode = target.endpoints.some((e) => e.hosts.includes(member.host!) && e.ports.includes(member.port!));
      if (byNode || target.memberHosts.has(member.host)) hosts++;
    }
  }
  return { routes, hosts };
}

/** How many leading path segments two URIs share: a web server file kept beside the nodes is theirs. */
function nearness(uri: string, cluster: OxCluster): number {
  const a = uri.split('/');
  let best = 0;
  for (const node of cluster.nodes) {
    const b = node.uri.split('/');
    let n = 0;
    while (n < a.length - 1 && n < b.length && a[n] === b[n]) n++;
    best = Math.max(best, n);
  }
  return best;
}

/**
 * The balancers in front of each cluster. A balancer that `.oxclusterconfig.json` declares goes to the
 * cluster of the first declaration that names it and an existing cluster. Any other goes to the cluster most of its members match by route,
 * then by host and listener port, then whose nodes are nearest in the folder tree; when the workspace has
 * one cluster, a balancer with members on its listener ports goes to it. A balancer that matches two
 * clusters equally goes to neither.
 */
export function balancersInFront(
  placed: readonly PlacedBalancer[],
  clusters: readonly ClusterEndpoints[],
  declared: readonly DeclaredBalancer[] = [],
): Map<OxCluster, FrontBalancer[]> {
  const out = new Map<OxCluster, FrontBalancer[]>(clusters.map((c) => [c.cluster, []]));
  const byName = new Map(clusters.map((c) => [c.cluster.name, c.cluster]));
  for (const front of placed) {
    const { doc, balancer } = front;
    const declaration = declared.find((d) => byName.has(d.cluster) && front.docs.some((f) => declares(d, f.uri, balancer.name)));
    if (declaration) {
      out.get(byName.get(declaration.cluster)!)!.push({ ...front, link: 'declared' });
      continue;
    }
    const ranked = clusters
      .map((c) => ({ c, ...score(balancer, c), near: 0 }))
      .filter((s) => s.routes + s.hosts > 0)
      .map((s) => ({ ...s, near: nearness(doc.uri, s.c.cluster) }))
      .sort((x, y) => y.routes - x.routes || y.hosts - x.hosts || y.near - x.near);
    const [first, second] = ranked;
    const tie = second && second.routes === first.routes && second.hosts === first.hosts && second.near === first.near;
    if (first && !tie) {
      out.get(first.c.cluster)!.push({ ...front, link: first.routes > 0 ? 'routes' : 'hosts' });
    } else if (!first && clusters.length === 1) {
      const only = clusters[0];
      if (balancer.members.some((m) => m.port !== undefined && only.endpoints.some((e) => e.ports.includes(m.port!)))) {
        out.get(only.cluster)!.push({ ...front, link: 'only-cluster' });
      }
    }
  }
  return out;
}

/** The members of these balancers that reach a node by host and listener port (whatever their route). */
export function membersOnNode(
  fronts: readonly FrontBalancer[],
  endpoint: NodeEndpoint,
): Array<{ doc: ApacheDocument; member: BalancerMember }> {
  const out: Array<{ doc: ApacheDocument; member: BalancerMember }> = [];
  for (const front of fronts) {
    for (const member of front.balancer.members) {
      if (
        member.host !== undefined &&
        member.port !== undefined &&
        endpoint.hosts.includes(member.host) &&
        endpoint.ports.includes(member.port)
      ) {
        out.push({ doc: front.docOf(member.directive), member });
      }
    }
  }
  return out;
}
