// The cluster map as data: what the renderers draw and the webview reads, JSON as it is.

/** Where an element is set: a file URI and a 1-based line. */
export interface GraphSource {
  uri: string;
  line: number;
}

export type Edition = 'classic' | 'kubernetes';

/** A Hazelcast cluster: classic, the nodes the cluster rules group together; Kubernetes, a release's Hazelcast node types. */
export interface GraphCluster {
  id: string;
  /** Classic: the cluster's name as `check` reports it; Kubernetes: hzGroupName, else the release's name. */
  name: string;
  edition: Edition;
  /** The Hazelcast group name the members share (the most common one when they differ); null when unset. */
  groupName: string | null;
  /** Ids of the nodes that are Hazelcast members of it. */
  nodes: string[];
  /** Ids of nodes grouped with it that run no Hazelcast (switched off, or a node type without the documents role). */
  apart: string[];
  /** Full members: nodes (classic) or pods (Kubernetes); null when a template sets a replica count. */
  fullMembers: number | null;
  liteMembers: number | null;
  maps: string[];
  balancers: string[];
  /** Kubernetes: the release's name. */
  release?: string;
  source: GraphSource | null;
}

export interface GraphNode {
  id: string;
  name: string;
  edition: Edition;
  /** The region it is drawn in; null for a node of no Hazelcast cluster. */
  cluster: string | null;
  source: GraphSource | null;
  /** The join mode as OX reads it (`static`, `multicast`, `empty` …); null when OX rejects the value. */
  join: string | null;
  /**
   * Whether the node runs Hazelcast: `unknown` when a template (or a deployment variable) fills in
   * `com.openexchange.hazelcast.enabled`, so the files do not say; such a node is drawn apart, not as a member.
   */
  hazelcast: 'on' | 'off' | 'unknown';
  /** Hazelcast member kind; null when the node runs no Hazelcast or that is unknown. */
  member: 'full' | 'lite' | null;
  /** `com.openexchange.server.backendRoute` (OX's default `OX0` when unset); null when a template fills it in or for a node type. */
  route: string | null;
  /** True when the route is OX's default, not set in the files. */
  routeDefault: boolean;
  groupName: string | null;
  /** `7.10.6`, `8.19`; null when unknown. */
  oxVersion: string | null;
  /** What the version is read from: `open-xchange-core 7.10.6-35`, `image.tag 8.49.108` … */
  oxVersionDetail: string | null;
  /** Installed open-xchange packages of the node's package list; null without one. */
  packages: number | null;
  /** Kubernetes: pods of the node type; null when a template sets the count. */
  replicas?: number | null;
  /** Declared as the upgrade node of a rolling upgrade. */
  upgradeNode: boolean;
}

export interface GraphBalancer {
  id: string;
  /** `balancer://oxcluster`. */
  name: string;
  /** The cluster it stands in front of; null when none. */
  cluster: string | null;
  /** Why it is taken to be in front of the cluster (see model/apache/frontEnd.ts). */
  link: 'declared' | 'routes' | 'hosts' | 'only-cluster' | null;
  source: GraphSource;
}

/** A host that a member list or a balancer member names and that no node of the workspace is known to be. */
export interface GraphAddress {
  id: string;
  address: string;
  /**
   * Nodes whose `network.interfaces` pattern (`10.0.0.*`) covers it: it may be any of them (two or more;
   * one such node is a match). Empty: it is no node of the workspace.
   */
  candidates: string[];
}

export interface GraphMap {
  id: string;
  cluster: string;
  /** The Hazelcast map name (`map.name`), else the file's name without `.properties`. */
  name: string;
  file: string;
  /** The most common values over the nodes that configure it. */
  backupCount: number;
  asyncBackupCount: number;
  /** Copies of each entry: backups (at most 6 each) + 1. */
  copies: number;
  /** The cluster's full members it has to spread them over; null when unknown. */
  fullMembers: number | null;
  /** True when the nodes do not agree on the counts. */
  varies: boolean;
  /** Ids of the nodes that configure it (Kubernetes: the cluster's Hazelcast node types). */
  nodes: string[];
  source: GraphSource;
}

/**
 * `member`: a Hazelcast static member list names a node or an address. `route`: a balancer member sends
 * requests to a node (or an address). A fault is drawn as such.
 */
export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  kind: 'member' | 'route';
  /** The target is an address that matches no node (not even a node's interfaces pattern). */
  dangling: boolean;
  /**
   * `member`: how the listed host was matched to the node: `node`, by its own settings (folder name, listener
   * host, an exact interface); `balancer`, by a balancer member on that host that reaches the node by its route;
   * `interfaces`, by the one node of the cluster whose interfaces pattern covers it.
   */
  matchedBy?: 'node' | 'balancer' | 'interfaces';
  /** `route`: the member's route=, null when it has none. */
  route?: string | null;
  /** `route`: the member is disabled, stopped or draining (`status=+D`). */
  inactive?: boolean;
  /**
   * `no-node`: the member reaches no node; `route-unknown`: no node of the cluster has its route;
   * `shared-route`: two or more nodes have its route; `no-route`: it has no route=.
   */
  fault?: 'no-node' | 'route-unknown' | 'shared-route' | 'no-route';
  source: GraphSource;
}

export type FindingSeverity = 'error' | 'warning' | 'information' | 'hint';

export interface GraphFinding {
  rule: string;
  severity: FindingSeverity;
  /** The id of the node, edge, map, balancer or cluster it concerns. */
  target: string;
  /** As the diagnostic says it, secrets masked. */
  message: string;
  source: GraphSource;
}

export interface ClusterGraph {
  clusters: GraphCluster[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  findings: GraphFinding[];
  balancers: GraphBalancer[];
  addresses: GraphAddress[];
  maps: GraphMap[];
}
