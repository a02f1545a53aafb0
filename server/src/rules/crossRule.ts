import { Catalog } from '../catalog/catalog';
import { ConfigDocument } from '../model/document';
import { EffectiveConfig } from '../model/effective';
import { OxCluster, OxNode } from '../model/node';
import type { PlacedBalancer } from '../model/apache/frontEnd';
import { Finding, RuleMeta } from './rule';

/** A finding placed in one document of the workspace. */
export interface PlacedFinding {
  doc: ConfigDocument;
  finding: Finding;
}

export interface ClusterContext {
  cluster: OxCluster;
  catalog: Catalog;
  effective(node: OxNode): EffectiveConfig;
  /**
   * Set (with a cluster of no nodes) when the workspace has no classic cluster: its balancers, for the rules
   * that judge a balancer without nodes (`withoutNodes`).
   */
  balancers?: readonly PlacedBalancer[];
}

/** A rule over the files of a node or the nodes of a cluster; node rules simply loop over the cluster's nodes. */
export interface CrossRule extends RuleMeta {
  scope: 'node' | 'cluster';
  /** The editions whose clusters it checks (a Kubernetes cluster is one release's node types); classic when unset. */
  editions?: ReadonlyArray<'classic' | 'kubernetes'>;
  /**
   * It leaves alone, finding by finding, what rests on an unknown value (isUnknownValue), so it runs on a
   * node template unwatched; any other rule that reads an unknown value there is silent for the template.
   */
  judgesUnknownValues?: true;
  check(context: ClusterContext): PlacedFinding[];
  /** It also judges the balancers of a workspace without classic nodes (the context's `balancers`), on what needs no node. */
  withoutNodes?: boolean;
}
