// The balancer member under the cursor in an httpd configuration: on its `route=` word or its URL.
import { ApacheDocument } from '../../model/apache/apacheDocument';
import { Balancer, BalancerMember } from '../../model/apache/balancers';
import { Span } from '../../parser/types';

export interface MemberAtCursor {
  readonly balancer: Balancer;
  readonly member: BalancerMember;
  /** The word the cursor is on: the `route=` parameter or the member's URL. */
  readonly span: Span;
}

const inside = (span: Span, offset: number) => offset >= span.start && offset <= span.end;

export function memberAt(doc: ApacheDocument, offset: number): MemberAtCursor | undefined {
  for (const balancer of doc.balancers) {
    for (const member of balancer.members) {
      const route = member.params.get('route');
      if (route && inside(route.span, offset)) return { balancer, member, span: route.span };
      if (inside(member.url, offset)) return { balancer, member, span: { start: member.url.start, end: member.url.end } };
    }
  }
  return undefined;
}
