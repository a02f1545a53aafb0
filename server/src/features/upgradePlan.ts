// What upgrading a classic cluster to a target OX version changes: per node, the keys the target stops or
// starts reading, stock values that change, mandatory keys missing, the Hazelcast hop and the upgrade node's
// push switch. Pure: computed from the workspace model; rendering is upgradePlanText.ts's job.
import { presenceOf } from '../model/effective';
import { Catalog } from '../catalog/catalog';
import { hazelcastLine, upgradeHop } from '../catalog/hazelcastVersions';
import { mandatoryKeysAt, MANDATORY_KEYS } from '../catalog/mandatoryKeys';
import { PropertyDef } from '../catalog/types';
import { readStatus, stockValueAt } from '../catalog/versionFacts';
import { ConfigDocument } from '../model/document';
import { OxCluster, OxNode } from '../model/node';
import { VersionSource } from '../model/packages/nodeVersion';
import { Setting } from '../model/setting';
import { Workspace } from '../model/workspace';
import { relativeUri } from '../util/uris';
import { compareOxVersions, compareVersions, formatOxVersion, OxVersion } from '../util/versions';
import { isSecret, SECRET_MASK } from '../values/redact';
import { ALLOW_PERMANENT_PUSH } from '../catalog/oxKeys';
import { soleNewestNode } from '../model/packages/nodeVersion';

/** Where a node sets a key: the file relative to the node folder and a 1-based line. */
export interface PlanLocation {
  node: string;
  file: string;
  line: number;
}

/** How a node stands to the target: to be upgraded, already there, beyond it, or of unknown version. */
export type NodeStanding = 'upgrade' | 'at-target' | 'newer' | 'unknown';

export interface PlanNode {
  node: string;
  uri: string;
  /** `7.10.4`; null when unknown. */
  version: string | null;
  source: VersionSource | null;
  /** The file the version is read from (URI); null for the setting or an unknown version. */
  from: string | null;
  /** What in it: `open-xchange-core 7.10.4-28`, `clusters[0].oxVersion`. */
  detail: string | null;
  standing: NodeStanding;
}

export interface PlanHazelcastHop {
  from: string;
  /** The nodes on `from`. */
  nodes: string[];
  fromLine: string | null;
  toLine: string | null;
  /** True when the lines differ (the cluster splits during a rolling upgrade); null when a line is not documented. */
  splits: boolean | null;
  /** The bridge package for the first upgraded node, when one exists. */
  bridge: string | null;
  /** The nodes whose package list shows the bridge package installed. */
  bridgeInstalledOn: string[];
}

export interface PlanKeyNotRead {
  key: string;
  /**
   * `removed`/`ignored` at the target; `maybe-removed` when the removal is certain, its version is not, and the
   * target lies after the last version known to read the key.
   */
  status: 'removed' | 'ignored' | 'maybe-removed';
  /** The version the fact dates it to; `unknown` for an undated removal. */
  version: string;
  /** For an undated removal: the newest version known to read the key. */
  lastReadIn: string | null;
  evidence: string;
  at: PlanLocation[];
}

export interface PlanKeyStarting {
  key: string;
  since: string;
  evidence: string;
  at: Array<PlanLocation & { value: string }>;
}

export interface PlanStockChange {
  key: string;
  /** The value OX uses when the key is absent. */
  default: string | null;
  /** The stock value of the target's file. */
  atTarget: string;
  at: Array<PlanLocation & { value: string; version: string; stock: string | null }>;
}

export interface PlanMandatoryKey {
  key: string;
  file: string;
  note: string | null;
  evidence: string;
  /** Nodes that leave it unset or empty; an empty one with its place. */
  missing: Array<{ node: string; state: 'unset' | 'empty'; file?: string; line?: number }>;
}

export interface PlanUpgradeNode {
  /** The node `.oxclusterconfig.json` declares the upgrade node, with where; null when none is declared. */
  declared: { node: string; detail: string } | null;
  /** Without a declaration: the one node newer than the rest of the cluster, which looks like the upgrade node; null when none stands out. */
  likely: string | null;
  nodes: Array<{ node: string; value: string; source: 'default' | { file: string; line: number }; ready: boolean }>;
}

export interface ClusterPlan {
  cluster: string;
  nodes: PlanNode[];
  hazelcast: PlanHazelcastHop[];
  notReadByTarget: PlanKeyNotRead[];
  startsToAct: PlanKeyStarting[];
  stockChanges: PlanStockChange[];
  /** From which version keys become mandatory (the earliest in the facts). */
  mandatoryFrom: string;
  mandatory: PlanMandatoryKey[];
  upgradeNode: PlanUpgradeNode;
}

export interface UpgradePlan {
  target: string;
  targetLine: string | null;
  clusters: ClusterPlan[];
  /** Kubernetes releases left out: their upgrade goes through the chart. */
  skippedReleases: string[];
}

/** Compares a node's version with the target; a target without patch (`8.19`) covers every patch release of it. */
function standingOf(version: OxVersion | undefined, target: OxVersion): NodeStanding {
  if (!version) return 'unknown';
  const own = target.patch === undefined ? { major: version.major, minor: version.minor } : version;
  const order = compareOxVersions(own, target);
  return order < 0 ? 'upgrade' : order === 0 ? 'at-target' : 'newer';
}

function place(node: OxNode, doc: ConfigDocument, setting: Setting): PlanLocation {
  return { node: node.name, file: relativeUri(node.uri, doc.uri), line: doc.text.positionAt(setting.keyRange.start).line + 1 };
}

/** Every catalog key a classic node sets, in file and line order. */
function knownSettings(node: OxNode): Array<{ doc: ConfigDocument; setting: Setting; def: PropertyDef }> {
  const out: Array<{ doc: ConfigDocument; setting: Setting; def: PropertyDef }> = [];
  for (const doc of node.docs) {
    if (doc.unreadable) continue;
    for (const setting of doc.settings) {
      const def = setting.known?.def;
      if (def && !setting.malformed) out.push({ doc, setting, def });
    }
  }
  return out;
}

/** Adds an entry to the list of its key, keeping keys in first-seen order. */
function collect<T extends { key: string; at: unknown[] }>(list: T[], key: string, make: () => T, at: T['at'][number]): void {
  let entry = list.find((e) => e.key === key);
  if (!entry) list.push((entry = make()));
  entry.at.push(at);
}

function planCluster(workspace: Workspace, catalog: Catalog, cluster: OxCluster, target: OxVersion): ClusterPlan {
  const nodes = cluster.nodes.map((node): PlanNode => ({
    node: node.name,
    uri: node.uri,
    version: node.oxVersion ? formatOxVersion(node.oxVersion.version) : null,
    source: node.oxVersion?.source ?? null,
    from: node.oxVersion?.file ?? null,
    detail: node.oxVersion?.detail ?? null,
    standing: standingOf(node.oxVersion?.version, target),
  }));
  const upgrading = cluster.nodes.filter((_, i) => nodes[i].standing === 'upgrade' || nodes[i].standing === 'unknown');

  const hazelcast: PlanHazelcastHop[] = [];
  for (const node of upgrading) {
    const version = node.oxVersion?.version;
    if (!version) continue;
    const from = formatOxVersion(version);
    const known = hazelcast.find((h) => h.from === from);
    if (known) {
      known.nodes.push(node.name);
      continue;
    }
    const hop = upgradeHop(version, target);
    hazelcast.push({
      from,
      nodes: [node.name],
      fromLine: hop.fromLine ?? null,
      toLine: hop.toLine ?? null,
      splits: hop.splits ?? null,
      bridge: hop.bridge ?? null,
      bridgeInstalledOn: hop.bridge
        ? cluster.nodes.filter((n) => n.packages?.installed.some((p) => p.name === hop.bridge)).map((n) => n.name)
        : [],
    });
  }

  const notReadByTarget: PlanKeyNotRead[] = [];
  const startsToAct: PlanKeyStarting[] = [];
  const stockChanges: PlanStockChange[] = [];
  const shown = (def: PropertyDef, value: string) => (isSecret(def) ? SECRET_MASK : value);
  for (const node of upgrading) {
    const version = node.oxVersion?.version;
    for (const { doc, setting, def } of knownSettings(node)) {
      const at = place(node, doc, setting);
      const now = version ? readStatus(def, version).status : undefined;
      const then = readStatus(def, target);
      const undated = then.status === 'unknown' && then.reason === 'undated-removal';
      if ((then.status === 'removed' || then.status === 'ignored' || undated) && now !== 'removed' && now !== 'ignored') {
        const fact = then.fact!;
        const status: PlanKeyNotRead['status'] = undated ? 'maybe-removed' : (then.status as 'removed' | 'ignored');
        const lastReadIn = def.removedIn?.lastReadIn ?? null;
        collect(
          notReadByTarget,
          setting.key,
          () => ({ key: setting.key, status, version: fact.version, lastReadIn, evidence: fact.evidence, at: [] }),
          at,
        );
      }
      if (!version) continue;
      if (now === 'not-yet' && then.status === 'reads' && def.since) {
        const since = def.since;
        collect(startsToAct, setting.key, () => ({ key: setting.key, since: since.version, evidence: since.evidence ?? '', at: [] }), {
          ...at,
          value: shown(def, setting.value),
        });
      }
      const before = stockValueAt(def, version);
      const after = stockValueAt(def, target);
      if (after !== undefined && before !== after) {
        collect(stockChanges, setting.key, () => ({ key: setting.key, default: def.default, atTarget: shown(def, after), at: [] }), {
          ...at,
          value: shown(def, setting.value),
          version: formatOxVersion(version),
          stock: before === undefined ? null : shown(def, before),
        });
      }
    }
  }

  const mandatory = mandatoryKeysAt(target).map((fact): PlanMandatoryKey => {
    const missing: PlanMandatoryKey['missing'] = [];
    for (const node of cluster.nodes) {
      const value = workspace.effective(node).get(fact.key);
      const presence = presenceOf(value);
      if (presence === 'unset') missing.push({ node: node.name, state: 'unset' });
      else if (presence === 'empty' && value.source) {
        const { file, line } = place(node, value.source.doc, value.source.setting);
        missing.push({ node: node.name, state: 'empty', file, line });
      }
    }
    return { key: fact.key, file: fact.file, note: fact.note ?? null, evidence: fact.evidence, missing };
  });

  return {
    cluster: cluster.name,
    nodes,
    hazelcast,
    notReadByTarget,
    startsToAct,
    stockChanges,
    mandatoryFrom: MANDATORY_KEYS.map((k) => k.from).sort(compareVersions)[0],
    mandatory,
    upgradeNode: upgradeNodeChecks(workspace, catalog, cluster),
  };
}

function upgradeNodeChecks(workspace: Workspace, catalog: Catalog, cluster: OxCluster): PlanUpgradeNode {
  const fallback = catalog.lookup(ALLOW_PERMANENT_PUSH, 'properties')?.def.default ?? 'true';
  const nodes = cluster.nodes.map((node) => {
    const value = workspace.effective(node).get(ALLOW_PERMANENT_PUSH);
    const text = value.source ? value.source.setting.value : fallback;
    const { file, line } = value.source ? place(node, value.source.doc, value.source.setting) : { file: '', line: 0 };
    // OX reads the switch as Java's Boolean.parseBoolean: anything but "true" keeps permanent push off.
    return {
      node: node.name,
      value: text,
      source: value.source ? { file, line } : ('default' as const),
      ready: text.trim().toLowerCase() !== 'true',
    };
  });
  const declaredNode = cluster.nodes.find((n) => n.upgradeNode);
  const declared = declaredNode ? { node: declaredNode.name, detail: declaredNode.upgradeNode!.detail } : null;
  const likely = declared ? null : (soleNewestNode(cluster.nodes)?.name ?? null);
  return { declared, likely, nodes };
}

/**
 * The plan for upgrading to `target`: for the cluster of the node of `uri`, else for every classic cluster.
 * Kubernetes releases are named as left out.
 */
export function upgradePlan(workspace: Workspace, catalog: Catalog, target: OxVersion, uri?: string): UpgradePlan {
  const node = uri === undefined ? undefined : workspace.nodeOf(uri);
  const cluster = node && workspace.clusterOf(node);
  const all = cluster ? [cluster] : workspace.clusters();
  return {
    target: formatOxVersion(target),
    targetLine: hazelcastLine(target).line ?? null,
    clusters: all.filter((c) => !c.release).map((c) => planCluster(workspace, catalog, c, target)),
    skippedReleases: cluster ? [] : all.filter((c) => c.release).map((c) => c.name),
  };
}
