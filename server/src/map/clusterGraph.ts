// Builds the cluster map from the workspace model and the current diagnostics: the clusters as the cluster
// rules see them, their nodes, member lists, maps and the balancers in front, and each finding on its element.
import { Diagnostic } from 'vscode-languageserver-types';
import { Node, Scalar, visit } from 'yaml';
import { Catalog } from '../catalog/catalog';
import {
  GROUP_NAME,
  HAZELCAST_ENABLED,
  INTERFACES,
  LITE_MEMBER,
  MAP_ASYNC_BACKUP_COUNT,
  MAP_BACKUP_COUNT,
  MAP_NAME,
  STATIC_NODES,
} from '../catalog/oxKeys';
import { ConfigDocument, lastSetting, lineNumber } from '../model/document';
import type { EffectiveConfig } from '../model/effective';
import { clusterEndpoints, memberRoute, NodeEndpoint, PlacedBalancer } from '../model/apache/frontEnd';
import type { ApacheNode } from '../parser/apache/apacheConfig';
import { isFilledIn, valueAt } from '../model/helm/valueTree';
import { ValuesDocument } from '../model/helm/valuesDocument';
import { mapFiles, OxCluster, OxNode } from '../model/node';
import { installedOxPackages } from '../model/packages/nodeVersion';
import { Workspace } from '../model/workspace';
import { frontView, isActive } from '../rules/balancer/support';
import { mapCopies, releaseMaps } from '../rules/cross/backupsExceedMembers';
import { joinMode, nodeAnchor } from '../rules/cross/helpers';
import { isTrue } from '../values/boolean';
import { hzGroupNameAnchor } from '../rules/cross/hzGroupNameUnset';
import { hazelcastPods } from '../rules/cross/podCounts';
import { typeAnchor } from '../rules/cross/typeAnchor';
import { baseName, parentUri, relativeUri } from '../util/uris';
import { formatOxVersion } from '../util/versions';
import { staticHosts } from '../values/addresses';
import { FindingTargets } from './findingTargets';
import { ClusterGraph, FindingSeverity, GraphCluster, GraphEdge, GraphMap, GraphNode, GraphSource } from './graph';

export interface GraphInput {
  workspace: Workspace;
  catalog: Catalog;
  /** The current diagnostics of a file, secrets masked. */
  diagnostics: (uri: string) => readonly Diagnostic[];
  /** Masks secret values in a text (the diagnostics' policy): applied to every text of the graph but file URIs. */
  scrub?: (text: string) => string;
}

/** The graph with `scrub` applied to each string in it except `uri`s, which must still open their files. */
function scrubbed<T>(value: T, scrub: (text: string) => string): T {
  if (typeof value === 'string') return scrub(value) as T;
  if (Array.isArray(value)) return value.map((v) => scrubbed(v, scrub)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = key === 'uri' ? v : scrubbed(v, scrub);
  return out as T;
}

const SEVERITIES: readonly FindingSeverity[] = ['error', 'warning', 'information', 'hint'];

/** The folder all the documents are below: ids are relative to it, so they do not depend on where the files are. */
function commonFolder(uris: readonly string[]): string {
  if (!uris.length) return '';
  let base = parentUri(uris[0]);
  while (!uris.every((u) => u.startsWith(`${base}/`))) {
    const up = parentUri(base);
    if (up === base) return '';
    base = up;
  }
  return base;
}

function at(doc: ConfigDocument, offset: number): GraphSource {
  return { uri: doc.uri, line: lineNumber(doc, offset) };
}

/** The most common of the values and whether they differ; ties go to the first. */
function mostCommon<T>(values: readonly T[], key: (v: T) => string): { value: T; varies: boolean } | undefined {
  const counts = new Map<string, { value: T; n: number }>();
  for (const v of values) {
    const entry = counts.get(key(v));
    if (entry) entry.n++;
    else counts.set(key(v), { value: v, n: 1 });
  }
  let best: { value: T; n: number } | undefined;
  for (const entry of counts.values()) if (!best || entry.n > best.n) best = entry;
  return best && { value: best.value, varies: counts.size > 1 };
}

/** Ids made unique by a `#2`, `#3` … suffix. */
function idMaker(): (id: string) => string {
  const used = new Set<string>();
  return (id) => {
    let unique = id;
    for (let n = 2; used.has(unique); n++) unique = `${id}#${n}`;
    used.add(unique);
    return unique;
  };
}

/** Whether an IPv4 interfaces pattern (`10.0.0.*`, `10.0.0.10-20`) covers an address. */
function covers(pattern: string, host: string): boolean {
  const parts = pattern.split('.');
  const octets = host.split('.');
  if (parts.length !== 4 || octets.length !== 4 || !octets.every((o) => /^\d{1,3}$/.test(o))) return false;
  return parts.every((p, i) => {
    const n = Number(octets[i]);
    if (p === '*') return true;
    const range = /^(\d{1,3})-(\d{1,3})$/.exec(p);
    return range ? Number(range[1]) <= n && n <= Number(range[2]) : /^\d{1,3}$/.test(p) && Number(p) === n;
  });
}

/** The group name a node sets; null when unset or filled in by a template. */
function groupNameOf(config: EffectiveConfig): string | null {
  if (config.get(GROUP_NAME).source?.setting.unknownValue) return null;
  return config.value(GROUP_NAME).trim() || null;
}

export function buildClusterGraph({ workspace, catalog, diagnostics, scrub }: GraphInput): ClusterGraph {
  const docs = [...workspace.documents()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const clusters = workspace.clusters();
  // A node is named with its parent folder (`node1/etc`), so the base is above each node's folder too.
  const nodeFolders = clusters.flatMap((c) => c.nodes.filter((n) => !n.kubernetes).map((n) => parentUri(n.uri)));
  const base = commonFolder([...docs.map((d) => d.uri), ...nodeFolders]);
  const rel = (uri: string) => (base ? relativeUri(base, uri) : uri);
  const unique = idMaker();
  const effective = (n: OxNode) => workspace.effective(n);
  const graph: ClusterGraph = { clusters: [], nodes: [], edges: [], findings: [], balancers: [], addresses: [], maps: [] };
  const targets = new FindingTargets();
  const nodeIds = new Map<OxNode, string>();
  const addressIds = new Set<string>();
  const address = (text: string, candidates: readonly OxNode[] = []) => {
    const id = `address:${text}`;
    if (!addressIds.has(id)) {
      addressIds.add(id);
      graph.addresses.push({ id, address: text, candidates: candidates.map((n) => nodeIds.get(n)!) });
    }
    return id;
  };

  for (const cluster of clusters) for (const node of cluster.nodes) nodeIds.set(node, unique(`node:${rel(node.uri)}`));
  const endpointsOf = new Map<OxCluster, readonly NodeEndpoint[]>();
  for (const cluster of clusters) if (!cluster.release) endpointsOf.set(cluster, clusterEndpoints(cluster, effective).endpoints);
  const allEndpoints = [...endpointsOf.values()].flat();
  const frontIds = new Map<object, string>();

  for (const cluster of clusters) {
    const release = cluster.release;
    const id = unique(`cluster:${cluster.name}`);
    const key = id.slice('cluster:'.length);
    const runsHazelcast = (n: OxNode) => (n.kubernetes ? n.kubernetes.type.hazelcast : isTrue(effective(n).value(HAZELCAST_ENABLED)));
    const members = cluster.nodes.filter(runsHazelcast);
    const endpoints = endpointsOf.get(cluster) ?? [];
    const hzName = release ? valueAt(release.values, ['hzGroupName']) : undefined;
    const releaseGroup =
      hzName?.kind === 'leaf' && typeof hzName.value === 'string' && hzName.value !== '' && !isFilledIn(hzName) ? hzName.value : null;
    const groupNames = members.map((n) => groupNameOf(effective(n))).filter((g): g is string => g !== null);
    const entry: GraphCluster = {
      id,
      name: release ? (releaseGroup ?? release.name) : cluster.name,
      edition: release ? 'kubernetes' : 'classic',
      groupName: release ? releaseGroup : (mostCommon(groupNames, (g) => g)?.value ?? null),
      nodes: members.map((n) => nodeIds.get(n)!),
      apart: cluster.nodes.filter((n) => !members.includes(n)).map((n) => nodeIds.get(n)!),
      fullMembers: 0,
      liteMembers: 0,
      maps: [],
      balancers: [],
      ...(release ? { release: release.name } : {}),
      source: null,
    };
    if (release) {
      const pods = hazelcastPods(cluster, effective);
      entry.fullMembers = pods.unknown ? null : pods.full;
      entry.liteMembers = pods.unknown ? null : pods.lite;
      const anchor = hzGroupNameAnchor(release);
      entry.source = anchor ? at(anchor.doc, anchor.span.start) : null;
      for (const doc of release.docs) targets.file(doc.uri, id);
    } else {
      entry.liteMembers = members.filter((n) => isTrue(effective(n).value(LITE_MEMBER))).length;
      entry.fullMembers = members.length - entry.liteMembers;
    }
    graph.clusters.push(entry);

    for (const node of cluster.nodes) {
      const graphNode = nodeOf(node, nodeIds.get(node)!, members.includes(node) ? id : null, endpoints);
      if (release) graphNode.groupName = graphNode.member ? releaseGroup : null;
      graph.nodes.push(graphNode);
      if (!node.kubernetes)
        for (const doc of node.docs) if (!doc.kind.isMapFile || !members.includes(node)) targets.file(doc.uri, graphNode.id);
    }
    entry.source ??= graph.nodes.find((n) => n.id === (entry.nodes[0] ?? entry.apart[0]))?.source ?? null;

    for (const map of release ? releaseMapsOf(cluster, key, entry) : classicMaps(members, key, entry)) {
      graph.maps.push(map);
      entry.maps.push(map.id);
    }
    if (release) placeValuesSettings(cluster, id);
    else memberEdges(members, endpoints, routeEdges(cluster, id, entry));
  }

  // Balancers in front of no cluster: drawn on their own, findings in their files go to them. A balancer
  // spread over an include tree is one, as the rules read it, not one per file that holds a part of it.
  for (const placed of workspace.balancers()) {
    const { doc, balancer } = placed;
    if (frontIds.has(balancer)) continue;
    const id = unique(`balancer:${rel(doc.uri)}#${balancer.name}`);
    graph.balancers.push({ id, name: `balancer://${balancer.name}`, cluster: null, link: null, source: at(doc, balancer.span.start) });
    placeBalancer(placed, id);
  }

  for (const doc of docs) {
    const inLineOrder = [...diagnostics(doc.uri)].sort((a, b) => a.range.start.line - b.range.start.line);
    for (const d of inLineOrder) {
      if (d.code === undefined) continue;
      const line = d.range.start.line + 1;
      const target = targets.find(doc.uri, line);
      if (!target) continue;
      graph.findings.push({
        rule: String(d.code),
        severity: SEVERITIES[(d.severity ?? 1) - 1] ?? 'error',
        target,
        message: d.message,
        source: { uri: doc.uri, line },
      });
    }
  }
  return scrub ? scrubbed(graph, scrub) : graph;

  function nodeOf(node: OxNode, id: string, clusterId: string | null, endpoints: readonly NodeEndpoint[]): GraphNode {
    const config = effective(node);
    const type = node.kubernetes?.type;
    const hazelcast = type ? type.hazelcast : isTrue(config.value(HAZELCAST_ENABLED));
    const unknown = !type && !!config.get(HAZELCAST_ENABLED).source?.setting.unknownValue;
    const endpoint = type ? undefined : endpoints.find((e) => e.node === node);
    const anchor = type ? typeAnchor(node) : nodeAnchor(node);
    if (type?.declaredAt) placeTypeEntry(type.declaredAt.doc, type.declaredAt.key, id);
    return {
      id,
      name: node.name,
      edition: type ? 'kubernetes' : 'classic',
      cluster: clusterId,
      source: anchor ? at(anchor.doc, anchor.span.start) : null,
      hazelcast: unknown ? 'unknown' : hazelcast ? 'on' : 'off',
      join: hazelcast ? (joinMode(config) ?? null) : null,
      member: hazelcast ? (isTrue(config.value(LITE_MEMBER)) ? 'lite' : 'full') : null,
      route: endpoint?.route ?? null,
      routeDefault: !!endpoint && endpoint.route !== undefined && !endpoint.routeSetting,
      groupName: groupNameOf(config),
      oxVersion: node.oxVersion ? formatOxVersion(node.oxVersion.version) : null,
      oxVersionDetail: node.oxVersion?.detail ?? null,
      packages: node.packages ? installedOxPackages(node.packages).length : null,
      ...(type ? { replicas: type.replicas ?? null } : {}),
      upgradeNode: !!node.upgradeNode,
    };
  }

  /** One map per map file name over the cluster's members, with the counts most of them set. */
  function classicMaps(members: readonly OxNode[], clusterKey: string, cluster: GraphCluster): GraphMap[] {
    const byFile = new Map<string, Array<{ node: OxNode; doc: ConfigDocument }>>();
    for (const node of members)
      for (const doc of mapFiles(node)) byFile.set(doc.kind.name, [...(byFile.get(doc.kind.name) ?? []), { node, doc }]);
    return [...byFile].map(([file, copies]) => {
      const seen = copies.map(({ node, doc }) => {
        const backup = lastSetting(doc, MAP_BACKUP_COUNT);
        const counts = mapCopies(backup?.value, lastSetting(doc, MAP_ASYNC_BACKUP_COUNT)?.value);
        return { node, doc, counts, line: backup ? lineNumber(doc, backup.range.start) : 1 };
      });
      const common = mostCommon(seen, (s) => `${s.counts.backups}/${s.counts.asyncBackups}`)!;
      const first = common.value;
      const name = lastSetting(first.doc, MAP_NAME)?.value.trim() || file.replace(/\.properties$/, '');
      const id = unique(`map:${clusterKey}/${file.replace(/\.properties$/, '')}`);
      for (const { doc } of copies) targets.file(doc.uri, id);
      return {
        id,
        cluster: cluster.id,
        name,
        file: `hazelcast/${file}`,
        backupCount: first.counts.backups,
        asyncBackupCount: first.counts.asyncBackups,
        copies: first.counts.copies,
        fullMembers: cluster.fullMembers,
        varies: common.varies,
        nodes: copies.map(({ node }) => nodeIds.get(node)!),
        source: { uri: first.doc.uri, line: first.line },
      };
    });
  }

  /** The maps a release's values configure (a `propertiesFiles` entry below `hazelcast/`), one per file and scope. */
  function releaseMapsOf(cluster: OxCluster, clusterKey: string, entry: GraphCluster): GraphMap[] {
    return releaseMaps(cluster).map(({ doc, settings }) => {
      const last = (key: string) => settings.filter((s) => s.canonicalKey === key && !s.unknownValue).pop();
      const backup = last(MAP_BACKUP_COUNT);
      const counts = mapCopies(backup?.value, last(MAP_ASYNC_BACKUP_COUNT)?.value);
      const file = baseName(settings[0].map.file ?? '');
      const stem = file.replace(/\.properties$/, '');
      const id = unique(`map:${clusterKey}/${stem}`);
      for (const s of settings) targets.lines(doc.uri, lineNumber(doc, s.range.start), lineNumber(doc, s.range.end), id);
      return {
        id,
        cluster: entry.id,
        name: last(MAP_NAME)?.value.trim() || stem,
        file: `hazelcast/${file}`,
        backupCount: counts.backups,
        asyncBackupCount: counts.asyncBackups,
        copies: counts.copies,
        fullMembers: entry.fullMembers,
        varies: false,
        nodes: [...entry.nodes],
        source: at(doc, (backup ?? settings[0]).range.start),
      };
    });
  }

  /** The lines of a type's entry under `scaling.nodes` (replicas, roles, values) concern it. */
  function placeTypeEntry(doc: ValuesDocument, key: Scalar, id: string): void {
    let end: number | undefined;
    visit(doc.yaml, {
      Pair(_, pair) {
        if (pair.key !== key) return undefined;
        end = (pair.value as Node | null)?.range?.[1];
        return visit.BREAK;
      },
    });
    if (key.range) targets.lines(doc.uri, lineNumber(doc, key.range[0]), lineNumber(doc, Math.max(key.range[0], (end ?? 1) - 1)), id);
  }

  /** A values entry of one node type (under `scaling.nodes.<type>.values`) concerns that type. */
  function placeValuesSettings(cluster: OxCluster, clusterId: string): void {
    for (const doc of cluster.release!.docs) {
      for (const s of doc.settings) {
        const type = s.map.nodeType && cluster.nodes.find((n) => n.name === s.map.nodeType);
        if (type && !s.map.file) targets.lines(doc.uri, lineNumber(doc, s.range.start), lineNumber(doc, s.range.end), nodeIds.get(type)!);
      }
      targets.file(doc.uri, clusterId);
    }
  }

  /**
   * Static member lists of nodes that join statically: an edge per listed host, to the node the host names
   * (its name, listener host or an exact interface; else the host of a balancer member that reaches it by its
   * route), or to the address.
   */
  function memberEdges(members: readonly OxNode[], endpoints: readonly NodeEndpoint[], balancerHosts: ReadonlyMap<string, OxNode>): void {
    for (const node of members) {
      const config = effective(node);
      const list = config.get(STATIC_NODES).source;
      if (joinMode(config) !== 'static' || !list) continue;
      const from = nodeIds.get(node)!;
      const seen = new Set<string>();
      for (const host of staticHosts(config.value(STATIC_NODES)).map((h) => h.toLowerCase())) {
        const named = (endpoints.find((e) => e.hosts.includes(host)) ?? allEndpoints.find((e) => e.hosts.includes(host)))?.node;
        const covering = named || balancerHosts.has(host) ? [] : members.filter((m) => interfacePatterns(m).some((p) => covers(p, host)));
        const match = named ?? balancerHosts.get(host) ?? (covering.length === 1 ? covering[0] : undefined);
        if (match === node) continue;
        const to = match ? nodeIds.get(match)! : address(host, covering);
        if (seen.has(to)) continue;
        seen.add(to);
        const matchedBy = named ? 'node' : balancerHosts.has(host) ? 'balancer' : 'interfaces';
        graph.edges.push({
          id: unique(`edge:member:${from}->${to}`),
          from,
          to,
          kind: 'member',
          dangling: !match && !covering.length,
          ...(match ? { matchedBy } : {}),
          source: at(list.doc, list.setting.range.start),
        });
      }
    }
  }

  /** The node's `network.interfaces` entries that are patterns (`10.0.0.*`, `10.0.0.10-20`). */
  function interfacePatterns(node: OxNode): string[] {
    return effective(node)
      .value(INTERFACES)
      .split(',')
      .map((e) => e.trim())
      .filter((e) => /[*-]/.test(e));
  }

  /**
   * The balancers in front of a classic cluster, as the balancer rules see them, with an edge per member.
   * Returns the hosts of members that reach a node by a route only that node has.
   */
  function routeEdges(cluster: OxCluster, clusterId: string, entry: GraphCluster): Map<string, OxNode> {
    const hosts = new Map<string, OxNode>();
    const view = frontView({ cluster, catalog, effective });
    for (const { front, members } of view?.balancers ?? []) {
      const { doc, balancer } = front;
      const id = unique(`balancer:${rel(doc.uri)}#${balancer.name}`);
      frontIds.set(balancer, id);
      graph.balancers.push({
        id,
        name: `balancer://${balancer.name}`,
        cluster: clusterId,
        link: front.link,
        source: at(doc, balancer.span.start),
      });
      entry.balancers.push(id);
      placeBalancer(front, id);
      const sticky = balancer.params.has('stickysession');
      for (const { member, endpoint } of members) {
        const route = memberRoute(member);
        const carriers = route === undefined ? [] : view!.endpoints.filter((e) => e.route === route);
        const fault: GraphEdge['fault'] = !endpoint
          ? 'no-node'
          : route !== undefined && !carriers.length
            ? 'route-unknown'
            : carriers.length > 1
              ? 'shared-route'
              : sticky && !member.params.has('route')
                ? 'no-route'
                : undefined;
        const to = endpoint
          ? nodeIds.get(endpoint.node)!
          : address(member.host ? `${member.host}${member.port ? `:${member.port}` : ''}` : member.url.text);
        // The member's line may be in a file the <Proxy> block includes.
        const memberDoc = front.docOf(member.directive);
        const edge: GraphEdge = {
          id: unique(`edge:route:${id}->${member.url.text}`),
          from: id,
          to,
          kind: 'route',
          dangling: !endpoint,
          route: route ?? null,
          inactive: !isActive(member),
          ...(fault ? { fault } : {}),
          source: { uri: memberDoc.uri, line: member.directive.line + 1 },
        };
        graph.edges.push(edge);
        targets.lines(memberDoc.uri, member.directive.line + 1, lineNumber(memberDoc, member.directive.end), edge.id);
        if (endpoint && member.host && carriers.length === 1 && carriers[0] === endpoint && !hosts.has(member.host))
          hosts.set(member.host, endpoint.node);
      }
    }
    return hosts;
  }

  /**
   * A balancer's block and the lines that set its parameters concern it, each in the file it is in; its files
   * do when nothing closer does.
   */
  function placeBalancer(placed: PlacedBalancer, id: string): void {
    const { doc, balancer: b } = placed;
    const place = (node: ApacheNode) => {
      const file = placed.docOf(node);
      targets.lines(file.uri, node.line + 1, lineNumber(file, node.end), id);
    };
    if (b.section) place(b.section);
    for (const param of b.params.values()) place(param.directive);
    for (const member of b.members) place(member.directive);
    targets.line(doc.uri, lineNumber(doc, b.span.start), id);
    for (const file of placed.docs) targets.file(file.uri, id);
  }
}
