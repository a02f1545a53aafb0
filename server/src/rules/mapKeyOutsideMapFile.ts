import { MAP_FILE } from '../catalog/fileKind';
import { Finding, Rule } from './rule';

const CONFIGURATION_PREFIX = 'com.openexchange.hazelcast.configuration.';

/** A distributed-map setting outside a hazelcast/<map>.properties file, where OX never reads it. */
export const mapKeyOutsideMapFileRule: Rule = {
  id: 'map-key-outside-map-file',
  scope: 'file',
  defaultSeverity: 'warning',
  title: 'A com.openexchange.hazelcast.configuration.* key outside a hazelcast/<map>.properties file, where it configures nothing.',
  fixable: false,
  check: ({ doc }) => {
    const findings: Finding[] = [];
    if (doc.kind.isMapFile || doc.language !== 'ox-properties') return findings;
    for (const e of doc.settings) {
      if (e.known?.file !== MAP_FILE && !e.key.startsWith(CONFIGURATION_PREFIX)) continue;
      findings.push({
        ...e.keyRange,
        message: `OX reads "${e.key}" only from a data-structure file in etc/hazelcast/ (one file per map, e.g. hazelcast/sessions.properties); here it has no effect.`,
      });
    }
    return findings;
  },
};
