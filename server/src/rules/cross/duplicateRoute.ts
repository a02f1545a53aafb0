import { PlacedSetting } from '../../model/setting';
import { CrossRule, PlacedFinding } from '../crossRule';
import { Fix } from '../rule';
import { keySpan, valueSpan, where } from './helpers';
import { BACKEND_ROUTE } from '../../catalog/oxKeys';
import { OxCluster, OxNode } from '../../model/node';
import { FixIntent } from '../../model/edits';
import { EffectiveConfig } from '../../model/effective';
import { clusterEndpoints, memberRoute, membersOnNode } from '../../model/apache/frontEnd';

interface Holder {
  node: OxNode;
  setting: PlacedSetting;
}

/** The JSESSIONID route must name one node; two nodes with one route get each other's requests. */
export const duplicateRouteRule: CrossRule = {
  id: 'duplicate-route',
  scope: 'cluster',
  defaultSeverity: 'error',
  title: 'Two or more nodes set the same com.openexchange.server.backendRoute, so sticky routing breaks.',
  fixable: true,
  check: ({ cluster, effective }) => {
    const byRoute = new Map<string, Holder[]>();
    for (const node of cluster.nodes) {
      const setting = effective(node).get(BACKEND_ROUTE).source;
      const route = setting?.setting.value.trim();
      if (!setting || !route || setting.setting.unknownValue) continue;
      const list = byRoute.get(route) ?? [];
      list.push({ node, setting });
      byRoute.set(route, list);
    }
    const taken = usedRoutes(cluster, effective);
    const out: PlacedFinding[] = [];
    for (const [route, holders] of byRoute) {
      if (holders.length < 2) continue;
      holders.forEach((holder, i) => {
        const others = holders.filter((h) => h !== holder);
        // The first node keeps the route; each other one is offered a route of its own.
        const fix = i === 0 ? undefined : renameFix(cluster, effective, holder, route, taken);
        out.push({
          doc: holder.setting.doc,
          finding: {
            ...valueSpan(holder.setting),
            message: `Route "${route}" is also used by ${others.map((o) => `${o.node.name} (${where(o.setting)})`).join(', ')}: the load balancer cannot tell these nodes apart by the JSESSIONID suffix. Give each node its own route.`,
            related: others.map((o) => ({ doc: o.setting.doc, ...keySpan(o.setting), message: `${o.node.name} uses the same route` })),
            ...(fix ? { fixes: [fix] } : {}),
          },
        });
      });
    }
    return out;
  },
};

/** Every route the cluster's nodes and its balancers' members carry. */
function usedRoutes(cluster: OxCluster, effective: (node: OxNode) => EffectiveConfig): Set<string> {
  const taken = new Set<string>();
  for (const node of cluster.nodes) taken.add(effective(node).value(BACKEND_ROUTE).trim());
  for (const front of cluster.balancers ?? []) for (const m of front.balancer.members) taken.add(memberRoute(m) ?? '');
  return taken;
}

/** A route of the node's own: its name in upper case when that is a valid, unused route, else the shared one numbered. */
function newRoute(node: OxNode, route: string, taken: Set<string>): string {
  const name = node.name.toUpperCase();
  if (/^[^;,\s]+$/.test(name) && !taken.has(name)) return name;
  let n = 2;
  while (taken.has(`${route}${n}`)) n++;
  return `${route}${n}`;
}

/**
 * Renames the node's route together with the route= of the balancer members that reach it by host and
 * listener port; none when no such member is in the workspace, since renaming one side breaks the routing.
 */
function renameFix(
  cluster: OxCluster,
  effective: (node: OxNode) => EffectiveConfig,
  holder: Holder,
  route: string,
  taken: Set<string>,
): Fix | undefined {
  const next = newRoute(holder.node, route, taken);
  const intents: FixIntent[] = [{ kind: 'set-value', doc: holder.setting.doc, setting: holder.setting.setting, value: next }];
  const endpoint = clusterEndpoints(cluster, effective).endpoints.find((e) => e.node === holder.node)!;
  const labels = new Set<string>();
  for (const { doc, member } of membersOnNode(cluster.balancers ?? [], endpoint)) {
    const param = member.params.get('route');
    if (!param || param.unknown || param.value !== route) continue;
    intents.push({ kind: 'replace-text', doc, start: param.valueSpan.start, end: param.valueSpan.end, text: next });
    labels.add(`balancer://${member.balancer}`);
  }
  if (!labels.size) return undefined;
  taken.add(next);
  return { title: `Rename ${holder.node.name}'s route to ${next}, here and in ${[...labels].join(', ')}`, intents };
}
