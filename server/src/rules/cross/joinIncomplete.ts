import { isIpAddress } from '../../values/checkValue';
import { EffectiveConfig } from '../../workspace/effective';
import { CrossRule, PlacedFinding } from '../crossRule';
import { Finding } from '../rule';
import { keySpan, valueSpan } from './helpers';
import { AWS_ACCESS_KEY, AWS_SECRET_KEY, DNS_DOMAINS, JOIN, K8S_SERVICE_DNS, K8S_SERVICE_NAME, MULTICAST_GROUP, MULTICAST_PORT, STATIC_NODES } from './oxKeys';

function blank(config: EffectiveConfig, key: string): boolean {
  return config.value(key).trim() === '';
}

function isMulticastGroup(value: string): boolean {
  if (!isIpAddress(value) || !/^\d+\.\d+\.\d+\.\d+$/.test(value)) return false;
  const first = Number(value.split('.')[0]);
  return first >= 224 && first <= 239;
}

/** Each join mode needs its own settings; without them the node cannot find the others. */
export const joinIncompleteRule: CrossRule = {
  id: 'join-incomplete',
  defaultSeverity: 'error',
  summary: 'The join mode lacks what it needs: static nodes, a valid multicast group/port, DNS names or the Kubernetes service.',
  check: ({ cluster, effective }) => {
    const out: PlacedFinding[] = [];
    for (const node of cluster.nodes) {
      const config = effective(node);
      const join = config.get(JOIN);
      if (!join.source) continue;
      const mode = (join.value ?? '').trim().toLowerCase();
      const onJoin = (message: string): PlacedFinding => ({ doc: join.source!.doc, finding: { ...keySpan(join.source!), message } as Finding });
      if (mode === 'static' && blank(config, STATIC_NODES)) {
        out.push(onJoin(`Join mode "static" needs ${STATIC_NODES}, which is empty: this node has nobody to join.`));
      } else if (mode === 'multicast') {
        const group = config.get(MULTICAST_GROUP);
        const port = config.get(MULTICAST_PORT);
        if (!isMulticastGroup((group.value ?? '').trim())) {
          const message = `Join mode "multicast" needs a multicast group address (224.0.0.0 to 239.255.255.255); "${group.value ?? ''}" is not one.`;
          out.push(group.source ? { doc: group.source.doc, finding: { ...valueSpan(group.source), message } } : onJoin(message));
        }
        const portNumber = Number((port.value ?? '').trim());
        if (!/^\d+$/.test((port.value ?? '').trim()) || portNumber < 1 || portNumber > 65535) {
          const message = `Join mode "multicast" needs a multicast port from 1 to 65535; "${port.value ?? ''}" is not one.`;
          out.push(port.source ? { doc: port.source.doc, finding: { ...valueSpan(port.source), message } } : onJoin(message));
        }
      } else if (mode === 'dns' && blank(config, DNS_DOMAINS)) {
        out.push(onJoin(`Join mode "dns" needs ${DNS_DOMAINS}, which is empty.`));
      } else if (mode === 'kubernetes' && blank(config, K8S_SERVICE_DNS) && blank(config, K8S_SERVICE_NAME)) {
        out.push(onJoin(`Join mode "kubernetes" needs the Kubernetes service: OX 8 reads ${K8S_SERVICE_DNS} (an older document names it k8s.serviceName).`));
      } else if (mode === 'aws' && (blank(config, AWS_ACCESS_KEY) || blank(config, AWS_SECRET_KEY))) {
        out.push(onJoin(`Join mode "aws" needs ${AWS_ACCESS_KEY} and ${AWS_SECRET_KEY}.`));
      }
    }
    return out;
  },
};
