// The balancer member under the cursor in an httpd configuration: on its `route=` word or its URL.
import { ApacheDocument } from '../../model/apache/apacheDocument';
import { Balancer, BalancerMember } from '../../model/apache/balancers';
import { PlacedBalancer } from '../../model/apache/frontEnd';
import { Span } from '../../parser/types';

export interface MemberAtCursor {
  readonly balancer: Balancer;
  readonly member: BalancerMember;
  /** The word the cursor is on: the `route=` parameter or the member's URL. */
  readonly span: Span;
}

const inside = (span: Span, offset: number) => offset >= span.start && offset <= span.end;

/**
 * The member at `offset`: in the file's own balancers, else in those of its include tree (a member line of a
 * file that another includes inside its `<Proxy>` block).
 */
export function memberAt(doc: ApacheDocument, offset: number, placed: readonly PlacedBalancer[] = []): MemberAtCursor | undefined {
  const inTree = placed.filter((p) => p.docs.some((d) => d.uri === doc.uri));
  const sources = [
    ...doc.balancers.map((balancer) => ({ balancer, members: balancer.members })),
    ...inTree.map(({ balancer, docOf }) => ({ balancer, members: balancer.members.filter((m) => docOf(m.directive).uri === doc.uri) })),
  ];
  for (const { balancer, members } of sources) {
    for (const member of members) {
      const route = member.params.get('route');
      if (route && inside(route.span, offset)) return { balancer, member, span: route.span };
      if (inside(member.url, offset)) return { balancer, member, span: { start: member.url.start, end: member.url.end } };
    }
  }
  return undefined;
}
