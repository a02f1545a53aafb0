import { firstLineRange } from '../../model/document';
import { CrossRule, PlacedFinding } from '../crossRule';

const LEGACY_FILES = new Set(['cluster.properties', 'mdns.properties', 'static-cluster-discovery.properties']);

/** The cluster discovery files of old OX versions: their keys are read under new names in hazelcast.properties. */
export const legacyFileRule: CrossRule = {
  id: 'legacy-file',
  scope: 'node',
  defaultSeverity: 'warning',
  title: 'cluster.properties, mdns.properties or static-cluster-discovery.properties: old discovery files OX no longer reads.',
  fixable: false,
  // It reads no value: the file's name is the finding.
  judgesUnknownValues: true,
  check: ({ cluster, catalog }) => {
    const out: PlacedFinding[] = [];
    for (const node of cluster.nodes) {
      for (const doc of node.docs) {
        if (doc.kind.isMapFile || !LEGACY_FILES.has(doc.kind.name)) continue;
        const moves = doc.settings
          .map((e) => [e.key, catalog.lookup(e.key, 'properties')?.def.replacedBy] as const)
          .filter((pair): pair is readonly [string, string] => !!pair[1])
          .map(([from, to]) => `${from} -> ${to}`);
        const tail = moves.length
          ? ` Move its settings to hazelcast.properties: ${moves.join('; ')}.`
          : doc.kind.name === 'mdns.properties'
            ? ' mDNS discovery is gone: choose a join mode in hazelcast.properties (com.openexchange.hazelcast.network.join).'
            : ' Its settings now live in hazelcast.properties.';
        out.push({
          doc,
          finding: {
            ...firstLineRange(doc),
            message: `${doc.kind.name} is an old cluster discovery file; OX no longer reads its keys under these names.${tail}`,
          },
        });
      }
    }
    return out;
  },
};
