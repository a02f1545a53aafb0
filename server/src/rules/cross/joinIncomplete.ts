import { isIpAddress, isMulticastGroup, staticHosts } from '../../values/addresses';
import { EffectiveConfig } from '../../model/effective';
import { PlacedSetting } from '../../model/setting';
import { CrossRule, PlacedFinding } from '../crossRule';
import { keySpan, knownValue, renderTogether, valueSpan } from './helpers';
import {
  AWS_ACCESS_KEY,
  AWS_SECRET_KEY,
  DNS_DOMAINS,
  JOIN,
  K8S_SERVICE_DNS,
  K8S_SERVICE_NAME,
  MULTICAST_GROUP,
  STATIC_NODES,
} from '../../catalog/oxKeys';

/** Blank or unset for certain: a value a template fills in may well be there. */
function blank(config: EffectiveConfig, key: string, join: PlacedSetting): boolean {
  const value = config.get(key);
  return knownValue(value)?.trim() === '' && renderTogether(join, value.source);
}

/** "not set" or "empty", for messages. */
function state(config: EffectiveConfig, key: string): string {
  return config.isSet(key) ? 'empty' : 'not set';
}

/** Each join mode needs its own settings; without them the node cannot find the others. */
export const joinIncompleteRule: CrossRule = {
  id: 'join-incomplete',
  scope: 'node',
  defaultSeverity: 'error',
  title:
    'The join mode lacks the settings it needs: static nodes, a valid multicast group and port, DNS names, the Kubernetes service or the AWS keys.',
  fixable: false,
  judgesUnknownValues: true,
  check: ({ cluster, effective }) => {
    const out: PlacedFinding[] = [];
    for (const node of cluster.nodes) {
      const config = effective(node);
      const join = config.get(JOIN);
      const source = join.source;
      const written = knownValue(join);
      if (!source || written === undefined) continue;
      const mode = written.trim().toLowerCase();
      const onJoin = (message: string): PlacedFinding => ({ doc: source.doc, finding: { ...keySpan(source), message } });
      const nodes = config.get(STATIC_NODES);
      const nodeList = knownValue(nodes);
      if (mode === 'static' && nodeList !== undefined && renderTogether(source, nodes.source) && staticHosts(nodeList).length === 0) {
        out.push(
          onJoin(`Join mode "static" needs ${STATIC_NODES}, which is ${state(config, STATIC_NODES)}: this node has nobody to join.`),
        );
      } else if (mode === 'multicast') {
        // Port values and non-addresses are invalid-value findings already; this catches what that rule cannot.
        const group = config.get(MULTICAST_GROUP);
        const value = knownValue(group)?.trim();
        if (
          value !== undefined &&
          renderTogether(source, group.source) &&
          (value === '' || (isIpAddress(value) && !isMulticastGroup(value)))
        ) {
          const message =
            value === ''
              ? `Join mode "multicast" needs a multicast group address, but ${MULTICAST_GROUP} is empty.`
              : `Join mode "multicast" needs a multicast group address (224.0.0.0 to 239.255.255.255, or ff00::/8); ${value} is not one.`;
          out.push(group.source ? { doc: group.source.doc, finding: { ...valueSpan(group.source), message } } : onJoin(message));
        }
      } else if (mode === 'dns' && blank(config, DNS_DOMAINS, source)) {
        out.push(onJoin(`Join mode "dns" needs ${DNS_DOMAINS}, which is ${state(config, DNS_DOMAINS)}: there is no name to resolve.`));
      } else if (mode === 'kubernetes' && blank(config, K8S_SERVICE_DNS, source) && blank(config, K8S_SERVICE_NAME, source)) {
        out.push(
          onJoin(
            `Join mode "kubernetes" needs the Kubernetes service, but neither ${K8S_SERVICE_DNS} (read by OX 8) nor ${K8S_SERVICE_NAME} (the name in older documentation) is set.`,
          ),
        );
      } else if (mode === 'aws') {
        const missing = [AWS_ACCESS_KEY, AWS_SECRET_KEY].filter((k) => blank(config, k, source));
        if (missing.length)
          out.push(
            onJoin(
              `Join mode "aws" needs ${AWS_ACCESS_KEY} and ${AWS_SECRET_KEY}; ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set.`,
            ),
          );
      }
    }
    return out;
  },
};
