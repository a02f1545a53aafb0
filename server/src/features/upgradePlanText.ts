// The upgrade plan as a readable (Markdown) document and as JSON; computing it is upgradePlan.ts's job.
import { UNKNOWN_VERSION } from '../catalog/types';
import { baseName, parentUri } from '../util/uris';
import { ALLOW_PERMANENT_PUSH } from '../catalog/oxKeys';
import { ClusterPlan, PlanLocation, PlanNode, UpgradePlan } from './upgradePlan';

const code = (text: string) => `\`${text}\``;
const where = (at: PlanLocation) => `${at.node} ${at.file}:${at.line}`;
const shown = (value: string) => (value === '' ? '(empty)' : value);

/** A file beside the node as the node folder sees it (`packages.txt`, `../packages.txt`), else its URI. */
function besideNode(nodeUri: string, file: string): string {
  if (parentUri(file) === nodeUri) return baseName(file);
  if (parentUri(file) === parentUri(nodeUri)) return `../${baseName(file)}`;
  return file;
}

function nodeLine(node: PlanNode, target: string): string {
  if (node.version === null) return `- ${node.node}: version unknown; only the keys ${target} does not read can be listed for it`;
  const from =
    node.source === 'setting'
      ? `the setting ${node.detail}`
      : `${node.detail} in ${node.from ? besideNode(node.uri, node.from) : '.oxclusterconfig.json'}`;
  const standing = node.standing === 'at-target' ? `, already on ${target}` : node.standing === 'newer' ? `, newer than ${target}` : '';
  return `- ${node.node}: ${node.version} (${from})${standing}`;
}

function hazelcastLines(plan: ClusterPlan, target: string, targetLine: string | null): string[] {
  if (!plan.hazelcast.length) {
    const unknown = plan.nodes.some((n) => n.standing === 'unknown');
    return [
      unknown
        ? 'The nodes to upgrade have no known version, so whether the Hazelcast line changes cannot be told.'
        : `No node needs to be upgraded to ${target}.`,
    ];
  }
  return plan.hazelcast.map((hop) => {
    const head = `- From ${hop.from} (${hop.nodes.join(', ')}): `;
    if (hop.splits === null) {
      const missing = [hop.fromLine === null ? hop.from : undefined, targetLine === null ? target : undefined]
        .filter(Boolean)
        .join(' and ');
      return `${head}which Hazelcast line ${missing} bundles is not documented, so whether the upgraded nodes stay in one cluster cannot be told.`;
    }
    if (!hop.splits) return `${head}Hazelcast ${hop.fromLine} on both, so the upgraded nodes join the running cluster.`;
    const installed = hop.bridgeInstalledOn.length ? ` (installed on ${hop.bridgeInstalledOn.join(', ')})` : '';
    const bridge = hop.bridge
      ? ` Bridge package: ${hop.bridge}${installed}, on the first upgraded node only, removed again after the update.`
      : ' No bridge package exists for this hop.';
    return `${head}Hazelcast ${hop.fromLine} → ${hop.toLine}. The upgraded nodes form a separate cluster during the rolling upgrade, and distributed sessions are lost.${bridge}`;
  });
}

function keyLines(plan: ClusterPlan, target: string): string[] {
  const out: string[] = [`### Keys ${target} no longer reads`, ''];
  if (!plan.notReadByTarget.length) out.push('None.');
  for (const k of plan.notReadByTarget) {
    const after = k.lastReadIn ? ` after ${k.lastReadIn}` : '';
    const fact =
      k.status === 'maybe-removed'
        ? `removed${after} at a version the sources do not give, so whether ${target} reads it cannot be told`
        : k.status === 'ignored'
          ? `ignored from ${k.version}`
          : k.version === UNKNOWN_VERSION
            ? `removed${after} at a version the sources do not give; ${target} does not read it`
            : `removed in ${k.version}`;
    out.push(`- ${code(k.key)}: ${fact} (${k.evidence}): ${k.at.map(where).join(', ')}`);
  }
  out.push('', `### Keys that start to act on ${target}`, '');
  if (!plan.startsToAct.length) out.push('None.');
  for (const k of plan.startsToAct) {
    const evidence = k.evidence ? `, ${k.evidence}` : '';
    out.push(`- ${code(k.key)} (since ${k.since}${evidence}): ${k.at.map((a) => `${where(a)} = ${shown(a.value)}`).join(', ')}`);
  }
  out.push('', '### Stock values that change', '');
  if (!plan.stockChanges.length) out.push('None of the keys the nodes set.');
  else
    out.push(
      `An upgraded node keeps its configuration files (OX keeps changed files on upgrade), so it keeps the value it has; a fresh install of ${target} ships the new one.`,
      '',
    );
  for (const k of plan.stockChanges) {
    const absent = k.default === null ? 'no default' : `${shown(k.default)} when the key is absent`;
    const places = k.at.map(
      (a) => `${where(a)} = ${shown(a.value)} (stock ${a.stock === null ? 'unknown' : shown(a.stock)} in ${a.version})`,
    );
    out.push(`- ${code(k.key)}: stock ${shown(k.atTarget)} in ${target} (${absent}): ${places.join(', ')}`);
  }
  return out;
}

function mandatoryLines(plan: ClusterPlan, target: string): string[] {
  if (!plan.mandatory.length) return [`${target} needs none of the keys that become mandatory in ${plan.mandatoryFrom}.`];
  const out = plan.mandatory.map((k) => {
    const about = [k.file, k.note].filter(Boolean).join('; ');
    const unset = k.missing.filter((m) => m.state === 'unset').map((m) => m.node);
    const empty = k.missing.filter((m) => m.state === 'empty').map((m) => `${m.node} ${m.file}:${m.line}`);
    const gaps = [unset.length ? `unset on ${unset.join(', ')}` : '', empty.length ? `empty on ${empty.join(', ')}` : ''].filter(Boolean);
    return `- ${code(k.key)} (${about}): ${gaps.length ? gaps.join('; ') : 'set on every node'}`;
  });
  return [...out, '', `${target} refuses to start while one of them is unset or empty.`];
}

function upgradeNodeLines(plan: ClusterPlan): string[] {
  const out = [
    `OX's rolling upgrade: take one node out of the load balancer, set ${code(`${ALLOW_PERMANENT_PUSH}=false`)} on it and upgrade it first (it runs the update tasks), then the others.`,
    '',
  ];
  const { declared, likely } = plan.upgradeNode;
  if (declared) out.push(`${declared.node} is the declared upgrade node (${declared.detail} in .oxclusterconfig.json).`, '');
  else if (likely) out.push(`${likely} runs a newer version than the rest: it looks like the upgrade node.`, '');
  for (const n of plan.upgradeNode.nodes) {
    const source = n.source === 'default' ? 'default' : `${n.source.file}:${n.source.line}`;
    const verdict = n.ready
      ? 'ready to be the upgrade node'
      : n.node === (declared?.node ?? likely)
        ? 'permanent push stays on; set it to false while this is the upgrade node'
        : 'permanent push stays on';
    out.push(`- ${n.node}: allowPermanentPush = ${shown(n.value)} (${source}): ${verdict}`);
  }
  return out;
}

/** The plan as Markdown: one section per cluster. */
export function renderUpgradePlan(plan: UpgradePlan): string {
  const line = plan.targetLine
    ? `OX ${plan.target} bundles Hazelcast ${plan.targetLine}.`
    : `Which Hazelcast line OX ${plan.target} bundles is not documented.`;
  const out: string[] = [`# Upgrade plan to OX ${plan.target}`, '', line, ''];
  if (!plan.clusters.length) out.push('No classic OX node found.', '');
  for (const cluster of plan.clusters) {
    out.push(`## Cluster ${cluster.cluster}`, '', '### Nodes', '', ...cluster.nodes.map((n) => nodeLine(n, plan.target)), '');
    out.push('### Hazelcast', '', ...hazelcastLines(cluster, plan.target, plan.targetLine), '');
    out.push(...keyLines(cluster, plan.target), '');
    out.push('### Mandatory keys', '', ...mandatoryLines(cluster, plan.target), '');
    out.push('### Upgrade node', '', ...upgradeNodeLines(cluster), '');
  }
  if (plan.skippedReleases.length)
    out.push(`Kubernetes releases are left out (their upgrade goes through the chart): ${plan.skippedReleases.join(', ')}.`, '');
  return out.join('\n');
}

/** The plan as the CLI prints it: JSON, each node's folder and version file as `folderOf` shows its URI. */
export function renderUpgradePlanJson(plan: UpgradePlan, folderOf: (uri: string) => string): string {
  const shownPlan = {
    ...plan,
    clusters: plan.clusters.map((c) => ({
      ...c,
      nodes: c.nodes.map((n) => ({
        node: n.node,
        folder: folderOf(n.uri),
        version: n.version,
        source: n.source,
        from: n.from && folderOf(n.from),
        detail: n.detail,
        standing: n.standing,
      })),
    })),
  };
  return `${JSON.stringify(shownPlan, null, 2)}\n`;
}
