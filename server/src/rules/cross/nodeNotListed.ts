import { addressList, isIpAddress, isIpv4Loopback, staticHosts } from '../../values/addresses';
import { CrossRule, PlacedFinding } from '../crossRule';
import { joinMode, valueSpan } from './helpers';
import { INTERFACES, STATIC_NODES } from '../../catalog/oxKeys';

/** With static join every node should list every other, so any of them can start first. */
export const nodeNotListedRule: CrossRule = {
  id: 'node-not-listed',
  scope: 'cluster',
  defaultSeverity: 'information',
  title: "With static join, a node's own address is missing from another node's static node list.",
  fixable: true,
  check: ({ cluster, effective }) => {
    const out: PlacedFinding[] = [];
    const isStatic = (n: (typeof cluster.nodes)[number]) => joinMode(effective(n)) === 'static';
    const own = new Map(
      cluster.nodes.map((n) => [n, addressList(effective(n).value(INTERFACES)).filter((v) => isIpAddress(v) && !isIpv4Loopback(v))]),
    );
    for (const node of cluster.nodes) {
      if (!isStatic(node)) continue;
      const list = effective(node).get(STATIC_NODES).source;
      if (!list) continue;
      const hosts = new Set(staticHosts(list.setting.value));
      for (const other of cluster.nodes) {
        const addresses = own.get(other) ?? [];
        if (other === node || !isStatic(other) || !addresses.length || addresses.some((a) => hosts.has(a))) continue;
        const address = addresses[0];
        out.push({
          doc: list.doc,
          finding: {
            ...valueSpan(list),
            message: `${other.name} (${address}) is not in this node's static node list. It can still join through another node, but listing every node lets any of them start first.`,
            fixes: [
              {
                title: `Add ${address} to the list`,
                // The editor appends in the list's own style.
                intents: [{ kind: 'append-item', doc: list.doc, setting: list.setting, item: address }],
              },
            ],
          },
        });
      }
    }
    return out;
  },
};
