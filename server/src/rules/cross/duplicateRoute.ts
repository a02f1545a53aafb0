import { PlacedSetting } from '../../model/setting';
import { CrossRule, PlacedFinding } from '../crossRule';
import { keySpan, valueSpan, where } from './helpers';
import { BACKEND_ROUTE } from '../../catalog/oxKeys';

/** The JSESSIONID route must name one node; two nodes with one route get each other's requests. */
export const duplicateRouteRule: CrossRule = {
  id: 'duplicate-route',
  scope: 'cluster',
  defaultSeverity: 'error',
  title: 'Two or more nodes set the same com.openexchange.server.backendRoute, so sticky routing breaks.',
  fixable: false,
  check: ({ cluster, effective }) => {
    const byRoute = new Map<string, Array<{ name: string; setting: PlacedSetting }>>();
    for (const node of cluster.nodes) {
      const setting = effective(node).get(BACKEND_ROUTE).source;
      const route = setting?.setting.value.trim();
      if (!setting || !route) continue;
      const list = byRoute.get(route) ?? [];
      list.push({ name: node.name, setting });
      byRoute.set(route, list);
    }
    const out: PlacedFinding[] = [];
    for (const [route, holders] of byRoute) {
      if (holders.length < 2) continue;
      for (const holder of holders) {
        const others = holders.filter((h) => h !== holder);
        out.push({
          doc: holder.setting.doc,
          finding: {
            ...valueSpan(holder.setting),
            message: `Route "${route}" is also used by ${others.map((o) => `${o.name} (${where(o.setting)})`).join(', ')}: the load balancer cannot tell these nodes apart by the JSESSIONID suffix. Give each node its own route.`,
            related: others.map((o) => ({ doc: o.setting.doc, ...keySpan(o.setting), message: `${o.name} uses the same route` })),
          },
        });
      }
    }
    return out;
  },
};
