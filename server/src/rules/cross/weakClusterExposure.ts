import { staticHosts, wildcardFor } from '../../values/addresses';
import { CrossRule, PlacedFinding } from '../crossRule';
import { Fix } from '../rule';
import { joinMode, knownValue, putIntent, renderTogether, valueSpan } from './helpers';
import { isTrue } from '../../values/boolean';
import { HAZELCAST_ENABLED, INTERFACES, JOIN, MEMCACHE_ENABLED, REST_ENABLED, STATIC_NODES } from '../../catalog/oxKeys';

/** Client protocols Hazelcast serves on its member port when switched on; OX needs neither. */
const ENDPOINTS = [
  {
    key: REST_ENABLED,
    what: 'REST',
    can: 'read and change entries of the distributed maps and queues (sessions among them) over plain HTTP',
  },
  { key: MEMCACHE_ENABLED, what: 'memcache', can: 'store data in the cluster and read its statistics with the memcache text protocol' },
];

/** A clustered node whose Hazelcast port is open wider than the cluster needs. */
export const weakClusterExposureRule: CrossRule = {
  id: 'weak-cluster-exposure',
  scope: 'node',
  defaultSeverity: 'warning',
  title:
    'The node joins a cluster while Hazelcast listens on all interfaces (blank network.interfaces) or serves its REST or memcache endpoint.',
  fixable: true,
  judgesUnknownValues: true,
  check: ({ cluster, effective }) => {
    const out: PlacedFinding[] = [];
    for (const node of cluster.nodes) {
      const config = effective(node);
      const mode = joinMode(config);
      // With Hazelcast off nothing listens; without a join mode the node keeps to itself.
      const enabled = config.get(HAZELCAST_ENABLED);
      if (!isTrue(knownValue(enabled) ?? '') || !mode || mode === 'empty') continue;
      const join = config.get(JOIN).source;
      const listening = config.get(INTERFACES);
      const interfaces = listening.source;
      // Blank means all interfaces; a Kubernetes pod's interfaces are its own address (and loopback) anyway.
      if (interfaces && knownValue(listening)?.trim() === '' && mode !== 'kubernetes' && renderTogether(enabled.source, join, interfaces)) {
        // A node list the template fills in gives no suggestion.
        const wildcard = wildcardFor(staticHosts(knownValue(config.get(STATIC_NODES)) ?? ''));
        const fixes: Fix[] = wildcard
          ? [
              {
                title: `Set ${INTERFACES}=${wildcard} (from the static node list)`,
                preferred: true,
                intents: [putIntent(interfaces.doc, INTERFACES, wildcard)],
              },
            ]
          : [];
        out.push({
          doc: interfaces.doc,
          finding: {
            ...valueSpan(interfaces),
            message:
              `${INTERFACES} is blank, so Hazelcast listens on every network interface of this host, not only on the cluster network (join is "${mode}"). ` +
              'Whoever reaches the Hazelcast port on any of them can talk to the cluster: list the addresses of the cluster network instead.',
            fixes,
          },
        });
      }
      for (const { key, what, can } of ENDPOINTS) {
        const endpoint = config.get(key);
        const setting = endpoint.source;
        if (!setting || !isTrue(knownValue(endpoint) ?? '') || !renderTogether(enabled.source, join, setting)) continue;
        out.push({
          doc: setting.doc,
          finding: {
            ...valueSpan(setting),
            message:
              `Hazelcast's ${what} endpoint is on (join is "${mode}"): whoever reaches this node's Hazelcast port can ${can}, without credentials. ` +
              'OX does not use it; switch it off.',
            fixes: [
              {
                title: `Set ${key}=false`,
                preferred: true,
                intents: [{ kind: 'set-value', doc: setting.doc, setting: setting.setting, value: 'false' }],
              },
            ],
          },
        });
      }
    }
    return out;
  },
};
