import { firstLineRange, lastSetting } from '../../model/document';
import { staticHosts } from '../../values/addresses';
import { mapFiles } from '../../model/node';
import { CrossRule, PlacedFinding } from '../crossRule';
import { joinMode } from './helpers';
import { isTrue } from '../../values/boolean';
import { LITE_MEMBER, MAP_ASYNC_BACKUP_COUNT, MAP_BACKUP_COUNT, STATIC_NODES } from '../../catalog/oxKeys';
import { fileKindOf } from '../../catalog/fileKind';
import { EffectiveConfig } from '../../model/effective';
import { ValuesDocument, ValuesSetting } from '../../model/helm/valuesDocument';
import { OxCluster, OxNode } from '../../model/node';
import { describeTypes, hazelcastPods } from './podCounts';

// A backup count above 6 has no further effect (OX documents 0 to 6; misread-value reports higher values).
const MAX_BACKUPS = 6;

function count(value: string | undefined, fallback: number): number {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : fallback;
}

/** A map's backup counts as OX reads them (1 and 0 unless set) and the copies of each entry they make. */
export function mapCopies(
  backup: string | undefined,
  async: string | undefined,
): { backups: number; asyncBackups: number; copies: number } {
  const backups = count(backup, 1);
  const asyncBackups = count(async, 0);
  return { backups, asyncBackups, copies: Math.min(backups, MAX_BACKUPS) + Math.min(asyncBackups, MAX_BACKUPS) + 1 };
}

function shown(n: number): string {
  return n > MAX_BACKUPS ? `${n}, which works as ${MAX_BACKUPS}` : String(n);
}

/** Backups need members: a map with more copies than full members cannot keep them when a member leaves. */
export const backupsExceedMembersRule: CrossRule = {
  id: 'backups-exceed-members',
  scope: 'cluster',
  defaultSeverity: 'warning',
  title: 'A map keeps more copies (backupCount + asyncBackupCount + 1) than the cluster has full (non-lite) members.',
  fixable: false,
  editions: ['classic', 'kubernetes'],
  check: ({ cluster, effective }) => {
    if (cluster.release) return releaseFindings(cluster, effective);
    const out: PlacedFinding[] = [];
    const fullInWorkspace = cluster.nodes.filter((n) => !isTrue(effective(n).value(LITE_MEMBER))).length;
    for (const node of cluster.nodes) {
      const config = effective(node);
      const mode = joinMode(config);
      if (!mode || mode === 'empty') continue;
      const listed = mode === 'static' ? staticHosts(config.value(STATIC_NODES)).length : 0;
      const members = cluster.nodes.length > 1 ? fullInWorkspace : listed;
      const source =
        cluster.nodes.length > 1
          ? `${fullInWorkspace} full member${fullInWorkspace === 1 ? '' : 's'} in this cluster`
          : `${listed} node${listed === 1 ? '' : 's'} in the static node list`;
      if (members === 0) continue;
      for (const doc of mapFiles(node)) {
        const backup = lastSetting(doc, MAP_BACKUP_COUNT);
        const async = lastSetting(doc, MAP_ASYNC_BACKUP_COUNT);
        const { backups, asyncBackups, copies } = mapCopies(backup?.value, async?.value);
        if (copies <= members) continue;
        const at = backup ?? async;
        out.push({
          doc,
          finding: {
            ...(at ? at.valueRange : firstLineRange(doc)),
            message:
              `This map keeps ${copies} copies of each entry (backupCount ${shown(backups)} + asyncBackupCount ${shown(asyncBackups)} + 1), ` +
              `but there ${members === 1 ? 'is' : 'are'} only ${source}: not every copy gets a member of its own, so entries can be lost while a member is down.`,
          },
        });
      }
    }
    return out;
  },
};

/** The maps a release configures (entries of `propertiesFiles` for a file below `hazelcast/`), by scope. */
export function releaseMaps(cluster: OxCluster): Array<{ doc: ValuesDocument; settings: ValuesSetting[] }> {
  const maps = new Map<string, { doc: ValuesDocument; settings: ValuesSetting[] }>();
  for (const doc of cluster.release!.docs) {
    for (const s of doc.settings) {
      if (!s.map.file || !fileKindOf(s.map.file).isMapFile) continue;
      const key = `${doc.uri}\u0000${s.scope}`;
      const entry = maps.get(key) ?? { doc, settings: [] };
      entry.settings.push(s);
      maps.set(key, entry);
    }
  }
  return [...maps.values()];
}

/** A release: copies per map against the pods of full members, summed over the Hazelcast node types. */
function releaseFindings(cluster: OxCluster, effective: (node: OxNode) => EffectiveConfig): PlacedFinding[] {
  const counts = hazelcastPods(cluster, effective);
  // With a templated replica count the members are unknown; with none, no-data-members reports.
  if (counts.unknown || counts.full === 0) return [];
  const out: PlacedFinding[] = [];
  for (const { doc, settings } of releaseMaps(cluster)) {
    const last = (key: string) => settings.filter((s) => s.canonicalKey === key && !s.unknownValue).pop();
    const backup = last(MAP_BACKUP_COUNT);
    const async = last(MAP_ASYNC_BACKUP_COUNT);
    if (!backup && !async) continue;
    const { backups, asyncBackups, copies } = mapCopies(backup?.value, async?.value);
    if (copies <= counts.full) continue;
    const full = counts.types.filter((t) => t.full);
    out.push({
      doc,
      finding: {
        ...(backup ?? async)!.valueRange,
        message:
          `This map keeps ${copies} copies of each entry (backupCount ${shown(backups)} + asyncBackupCount ${shown(asyncBackups)} + 1), ` +
          `but release "${cluster.name}" runs only ${counts.full} full-member pod${counts.full === 1 ? '' : 's'} (${describeTypes(full)}): not every copy gets a pod of its own, so entries can be lost while a pod restarts.`,
      },
    });
  }
  return out;
}
