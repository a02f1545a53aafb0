import { CORE_MW } from '../../catalog/chartFacts';
import { isBridgePackage } from '../../catalog/hazelcastVersions';
import { HAZELCAST_ENABLED } from '../../catalog/oxKeys';
import { disabledPackages } from '../../model/helm/packages';
import { OxCluster, OxNode } from '../../model/node';
import { installedOxPackages } from '../../model/packages/nodeVersion';
import { EffectiveConfig } from '../../model/effective';
import { ClusterContext, CrossRule, PlacedFinding } from '../crossRule';
import { nodeAnchor } from './helpers';
import { isTrue } from '../../values/boolean';
import { hazelcastPods } from './podCounts';
import { atType } from './typeAnchor';

const DATA_PACKAGES = new Set(CORE_MW.hazelcastDataPackages);

/** Whether a package's bundles keep data in Hazelcast maps (data in schemas/charts/core-mw.json). */
export function keepsHazelcastData(name: string): boolean {
  return DATA_PACKAGES.has(name);
}

/** `a`, `a and b`, `a, b and c`. */
export function listWords(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export interface PackageDifference {
  /** The packages the member lacks, sorted. */
  packages: readonly string[];
  /** The member that lacks them, named as in the message: `node type "api"`, `node "node2"`. */
  member: string;
  /** The members that have them, quoted. */
  others: readonly string[];
  /** Disabled in a node type's status (Kubernetes) or absent from a node's package list (classic). */
  edition: 'kubernetes' | 'classic';
  data: boolean;
}

/** The message of a package difference, in the same words for both editions. */
export function packagesDifferMessage(d: PackageDifference): string {
  const one = d.packages.length === 1;
  const what = `${listWords(d.packages)} ${one ? 'is' : 'are'}`;
  const others = d.others.join(', ');
  const state =
    d.edition === 'kubernetes' ? `disabled on ${d.member} but not on ${others}` : `not installed on ${d.member} but on ${others}`;
  const why = d.data
    ? `${one ? 'Its' : 'Their'} bundles keep data in Hazelcast, and a member without them cannot read (deserialise) that data. ${
        d.edition === 'kubernetes'
          ? `Give every Hazelcast type the same status for ${one ? 'it' : 'them'}.`
          : 'Install the same open-xchange packages on every member.'
      }`
    : `${one ? 'It keeps' : 'They keep'} no data in Hazelcast as far as known, so this is only worth a look.`;
  return `${what} ${state} of the same Hazelcast cluster. ${why}`;
}

const quoted = (nodes: readonly OxNode[]) => nodes.map((n) => `"${n.name}"`);

/** Node types of a release: one finding per package a type has disabled and another has not. */
function releaseFindings({ cluster, effective }: ClusterContext): PlacedFinding[] {
  const types = hazelcastPods(cluster, effective).types;
  if (types.length < 2) return [];
  const disabled = new Map(types.map((t) => [t, disabledPackages(t.node.kubernetes!.type)]));
  const packages = [...new Set([...disabled.values()].flatMap((set) => [...set]))].sort();
  const out: PlacedFinding[] = [];
  for (const name of packages) {
    const off = types.filter((t) => disabled.get(t)!.has(name));
    const on = types.filter((t) => !off.includes(t));
    if (!on.length) continue;
    const data = keepsHazelcastData(name);
    for (const { node } of off) {
      const message = packagesDifferMessage({
        packages: [name],
        member: `node type "${node.name}"`,
        others: quoted(on.map((t) => t.node)),
        edition: 'kubernetes',
        data,
      });
      const placed = atType(node, { ...(data ? {} : { severity: 'information' as const }), message });
      if (placed) out.push(placed);
    }
  }
  return out;
}

/** The Hazelcast members of a classic cluster that have a package list. */
export function listedMembers(cluster: OxCluster, effective: (node: OxNode) => EffectiveConfig): OxNode[] {
  return cluster.nodes.filter((n) => n.packages && isTrue(effective(n).value(HAZELCAST_ENABLED)));
}

/**
 * Classic nodes: per node, the packages other members have and it lacks, one finding per severity and set of
 * members that have them. Bridge packages belong on the upgrade node only and are not compared.
 */
function nodeFindings({ cluster, effective }: ClusterContext): PlacedFinding[] {
  const members = listedMembers(cluster, effective);
  if (members.length < 2) return [];
  const installed = new Map(
    members.map((n) => [
      n,
      new Set(
        installedOxPackages(n.packages!)
          .map((p) => p.name)
          .filter((p) => !isBridgePackage(p)),
      ),
    ]),
  );
  const out: PlacedFinding[] = [];
  for (const node of members) {
    const own = installed.get(node)!;
    const lacking = [...new Set(members.flatMap((n) => [...installed.get(n)!]))].filter((p) => !own.has(p)).sort();
    const groups = new Map<string, { data: boolean; others: OxNode[]; packages: string[] }>();
    for (const name of lacking) {
      const data = keepsHazelcastData(name);
      const others = members.filter((n) => installed.get(n)!.has(name));
      const key = `${data}|${others.map((n) => n.uri).join('|')}`;
      const group = groups.get(key) ?? { data, others, packages: [] };
      group.packages.push(name);
      groups.set(key, group);
    }
    const anchor = nodeAnchor(node);
    if (!anchor) continue;
    const ordered = [...groups.values()].sort((a, b) => Number(b.data) - Number(a.data));
    for (const group of ordered) {
      const message = packagesDifferMessage({
        packages: group.packages,
        member: `node "${node.name}"`,
        others: quoted(group.others),
        edition: 'classic',
        data: group.data,
      });
      out.push({ doc: anchor.doc, finding: { ...anchor.span, message, ...(group.data ? {} : { severity: 'information' as const }) } });
    }
  }
  return out;
}

/** Members of one Hazelcast cluster with different OX packages: node types of a release, or classic nodes' package lists. */
export const packagesDifferRule: CrossRule = {
  id: 'packages-differ',
  scope: 'cluster',
  editions: ['classic', 'kubernetes'],
  defaultSeverity: 'warning',
  title:
    'Members of one Hazelcast cluster run different OX packages (node types of a release, or the package lists of classic nodes): a warning for packages that keep data in Hazelcast, information for the others.',
  fixable: false,
  check: (context) => (context.cluster.release ? releaseFindings(context) : nodeFindings(context)),
};
