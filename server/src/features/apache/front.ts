// The cluster a balancer of a document stands in front of, with its nodes' endpoints, as the workspace links them.
import type { ApacheDocument } from '../../model/apache/apacheDocument';
import { Balancer } from '../../model/apache/balancers';
import { BalancerLink, clusterEndpoints, NodeEndpoint } from '../../model/apache/frontEnd';
import { OxCluster } from '../../model/node';
import { Workspace } from '../../model/workspace';

export interface BalancerFront {
  readonly cluster: OxCluster;
  readonly link: BalancerLink;
  readonly endpoints: readonly NodeEndpoint[];
}

export function frontOf(workspace: Workspace, doc: ApacheDocument, balancer: Balancer): BalancerFront | undefined {
  for (const cluster of workspace.clusters()) {
    const front = cluster.balancers?.find((b) => b.balancer.name === balancer.name && b.docs.some((d) => d.uri === doc.uri));
    if (front) return { cluster, link: front.link, endpoints: clusterEndpoints(cluster, (n) => workspace.effective(n)).endpoints };
  }
  return undefined;
}
