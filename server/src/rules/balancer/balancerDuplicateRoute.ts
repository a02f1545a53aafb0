import { lineNumber } from '../../model/document';
import { ApacheDocument } from '../../model/apache/apacheDocument';
import { memberRoute } from '../../model/apache/frontEnd';
import { exclusiveBranches } from '../../template/scan';
import { CrossRule, PlacedFinding } from '../crossRule';
import { balancerLabel, judgedView } from './support';

/** Two members with one route: Apache sends every session of that route to the first usable one. */
export const balancerDuplicateRouteRule: CrossRule = {
  id: 'balancer-duplicate-route',
  scope: 'cluster',
  defaultSeverity: 'error',
  title: 'Two members of one balancer carry the same route=, so Apache sends the sessions of both nodes to one of them.',
  fixable: false,
  withoutNodes: true,
  check: (context) => {
    const view = judgedView(context);
    if (!view) return [];
    const out: PlacedFinding[] = [];
    for (const { front, members } of view.balancers) {
      const seen: Array<{ route: string; line: number; branch: string; doc: ApacheDocument }> = [];
      for (const { member } of members) {
        const route = memberRoute(member);
        const param = member.params.get('route');
        if (route === undefined || !param) continue;
        const branch = member.directive.branch;
        const doc = front.docOf(member.directive);
        // Members in the if and else arms of a template never stand in one file together.
        const first = seen.find((s) => s.route === route && !(s.doc === doc && exclusiveBranches(s.branch, branch)));
        const line = lineNumber(doc, member.directive.start);
        if (!first) {
          seen.push({ route, line, branch, doc });
          continue;
        }
        const where = first.doc === doc ? '' : ` of ${first.doc.kind.name} (in ${balancerLabel(front.balancer)})`;
        out.push({
          doc,
          finding: {
            ...param.valueSpan,
            message: `The member on line ${first.line}${where || ` of ${balancerLabel(front.balancer)}`} already carries route "${route}": Apache sends every session with this route to the first of them, so the node behind this member gets none back. Give each member the backendRoute of the node it points to.`,
          },
        });
      }
    }
    return out;
  },
};
