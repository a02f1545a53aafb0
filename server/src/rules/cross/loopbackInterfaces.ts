import { addressList, isLoopback, staticHosts, wildcardFor } from '../../values/addresses';
import { nodeFile } from '../../model/node';
import { CrossRule, PlacedFinding } from '../crossRule';
import { Fix } from '../rule';
import { joinMode, keySpan, knownValue, putIntent, renderTogether, valueSpan } from './helpers';
import { INTERFACES, JOIN, STATIC_NODES } from '../../catalog/oxKeys';

/** A clustered node that listens on the loopback address only cannot be reached by the others. */
export const loopbackInterfacesRule: CrossRule = {
  id: 'loopback-interfaces',
  scope: 'node',
  defaultSeverity: 'warning',
  title: 'The node joins a cluster (other than by Kubernetes) but Hazelcast listens on 127.0.0.1 only, the default.',
  fixable: true,
  judgesUnknownValues: true,
  check: ({ cluster, effective }) => {
    const out: PlacedFinding[] = [];
    for (const node of cluster.nodes) {
      const config = effective(node);
      const join = config.get(JOIN);
      const mode = joinMode(config);
      // Kubernetes deployments set the interface to the pod's own address.
      if (!join.source || !mode || mode === 'empty' || mode === 'kubernetes') continue;
      const interfaces = config.get(INTERFACES);
      const listening = knownValue(interfaces);
      if (listening === undefined || !renderTogether(join.source, interfaces.source)) continue;
      const values = addressList(listening);
      // Unset means the default 127.0.0.1; blank means all interfaces.
      const loopbackOnly = interfaces.source ? values.length > 0 && values.every(isLoopback) : true;
      if (!loopbackOnly) continue;
      // A node list the template fills in gives no suggestion.
      const wildcard = wildcardFor(staticHosts(knownValue(config.get(STATIC_NODES)) ?? ''));
      // An unset key goes to hazelcast.properties (after the join line when that is where join is set).
      const target = interfaces.source?.doc ?? nodeFile(node, 'hazelcast.properties') ?? join.source.doc;
      const after = !interfaces.source && target === join.source.doc ? join.source.setting : undefined;
      const fixes: Fix[] = wildcard
        ? [
            {
              title: `Set ${INTERFACES}=${wildcard} (from the static node list)`,
              preferred: true,
              intents: [putIntent(target, INTERFACES, wildcard, after)],
            },
          ]
        : [];
      const message = interfaces.source
        ? `Hazelcast listens on ${values.join(', ')} only, so the other nodes cannot reach this one although join is "${mode}".`
        : `Hazelcast listens on 127.0.0.1 only (the default, as ${INTERFACES} is not set), so the other nodes cannot reach this one although join is "${mode}".`;
      out.push(
        interfaces.source
          ? { doc: interfaces.source.doc, finding: { ...valueSpan(interfaces.source), message, fixes } }
          : { doc: join.source.doc, finding: { ...keySpan(join.source), message, fixes } },
      );
    }
    return out;
  },
};
