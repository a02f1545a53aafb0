import { ApacheDocument } from '../../model/apache/apacheDocument';
import { Balancer } from '../../model/apache/balancers';
import { PlacedBalancer } from '../../model/apache/frontEnd';
import { FixIntent } from '../../model/edits';
import { CrossRule, PlacedFinding } from '../crossRule';
import { Fix, Severity } from '../rule';
import { balancerLabel, BalancerView, isDavBalancer, JudgedBalancer, judgedView, linkAssumption } from './support';

const STICKY = 'JSESSIONID|jsessionid';
const PROXY_SET = `ProxySet stickysession=${STICKY} scolonpathdelim=On`;

/** A balancer parameter with the directive that sets it. */
type Param = NonNullable<ReturnType<Balancer['params']['get']>>;

/** OX's sessions live on the node that issued them: Apache must send each request of a session there. */
export const balancerNotStickyRule: CrossRule = {
  id: 'balancer-not-sticky',
  scope: 'cluster',
  defaultSeverity: 'error',
  title:
    'A balancer in front of OX nodes has no stickysession naming JSESSIONID (error), or lacks the jsessionid path form or scolonpathdelim=On that TokenLogin and redirects need (warning).',
  fixable: true,
  withoutNodes: true,
  check: (context) => {
    const view = judgedView(context);
    if (!view) return [];
    const out: PlacedFinding[] = [];
    for (const balancer of view.balancers) {
      const finding = stickiness(balancer, linkAssumption(balancer.front, view.cluster));
      if (finding) out.push(finding);
    }
    return out;
  },
};

function stickiness({ front, members }: BalancerView<JudgedBalancer>, assumption: string): PlacedFinding | undefined {
  const { balancer } = front;
  // One member needs no stickiness; OX routes CalDAV/CardDAV to one node without it on purpose.
  if (members.length < 2 || isDavBalancer(balancer)) return undefined;
  const sticky = balancer.params.get('stickysession');
  const colon = balancer.params.get('scolonpathdelim');
  if (sticky?.unknown || colon?.unknown) return undefined;
  const label = balancerLabel(balancer);
  // The finding goes where the parameter is written, else on the balancer's block.
  const at = (doc: ApacheDocument, span: { start: number; end: number }, severity: Severity, message: string): PlacedFinding => ({
    doc,
    finding: { ...span, ...(severity === 'error' ? {} : { severity }), message, ...fixOf(front, sticky, colon) },
  });
  if (!sticky) {
    return at(
      front.doc,
      balancer.section?.open ?? balancer.span,
      'error',
      `${label} has no stickysession, so Apache spreads the requests of one session over all members; only the node that issued a session knows it, and the others send the user back to the login${assumption}. Add ${PROXY_SET}.`,
    );
  }
  const [cookie, path = cookie] = sticky.value.split('|');
  if (cookie !== 'JSESSIONID') {
    return at(
      front.docOf(sticky.directive),
      sticky.valueSpan,
      'error',
      `${label} takes the route from the cookie "${cookie}", but OX puts it in the JSESSIONID cookie (Apache compares the name case-sensitively), so no session sticks to its node${assumption}. Use stickysession=${STICKY}.`,
    );
  }
  const colonOn = colon?.value.toLowerCase() === 'on';
  if (path === 'jsessionid' && colonOn) return undefined;
  const missing = [
    path === 'jsessionid' ? '' : 'the path name jsessionid (stickysession=JSESSIONID|jsessionid)',
    colonOn ? '' : 'scolonpathdelim=On',
  ]
    .filter(Boolean)
    .join(' and ');
  return at(
    front.docOf(sticky.directive),
    sticky.valueSpan,
    'warning',
    `${label} routes by the JSESSIONID cookie only, without ${missing}: TokenLogin and redirects pass the session id in the URL path (;jsessionid=…) because cookies do not survive them, and those requests reach a random node${assumption}.`,
  );
}

/** Completes the parameters where they are written, or adds a ProxySet line to the balancer's block. */
function fixOf(front: PlacedBalancer, sticky: Param | undefined, colon: Param | undefined): { fixes?: Fix[] } {
  const { balancer } = front;
  const intents: FixIntent[] = [];
  const replace = (doc: ApacheDocument, span: { start: number; end: number }, text: string) =>
    intents.push({ kind: 'replace-text', doc, start: span.start, end: span.end, text });
  if (sticky) {
    const doc = front.docOf(sticky.directive);
    if (sticky.value !== STICKY) replace(doc, sticky.valueSpan, STICKY);
    if (!colon) replace(doc, { start: sticky.span.end, end: sticky.span.end }, ' scolonpathdelim=On');
    else if (colon.value.toLowerCase() !== 'on') replace(front.docOf(colon.directive), colon.valueSpan, 'On');
  } else {
    const set = [...balancer.params.values()].find((p) => p.source === 'proxyset');
    if (set && set.directive.kind === 'directive') {
      const last = set.directive.args[set.directive.args.length - 1];
      replace(
        front.docOf(set.directive),
        { start: last.end, end: last.end },
        ` stickysession=${STICKY}${colon ? '' : ' scolonpathdelim=On'}`,
      );
    } else {
      const line = newProxySetLine(front, colon !== undefined);
      if (!line) return {};
      replace(front.doc, { start: line.at, end: line.at }, line.text);
    }
  }
  if (!intents.length) return {};
  return { fixes: [{ title: `Make ${balancerLabel(balancer)} sticky by JSESSIONID cookie and path`, intents, preferred: true }] };
}

/** A ProxySet line before `</Proxy>` (in the block's file), indented like the members; undefined when the block is not closed. */
function newProxySetLine(front: PlacedBalancer, hasColon: boolean): { at: number; text: string } | undefined {
  const { balancer, doc } = front;
  const section = balancer.section;
  if (!section?.close) return undefined;
  const text = doc.text.getText();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const member = balancer.members.find(
    (m) => front.docOf(m.directive) === doc && m.directive.start > section.start && m.directive.end < section.close!.start,
  );
  const indent = member ? text.slice(lineStart(member.directive.start), member.directive.start) : '    ';
  const closeLine = lineStart(section.close.start);
  // `</Proxy>` alone on its line gets the new line above it; otherwise the line goes after the block's last member.
  if (text.slice(closeLine, section.close.start).trim() === '') {
    return { at: closeLine, text: `${indent}${hasColon ? `ProxySet stickysession=${STICKY}` : PROXY_SET}${eol}` };
  }
  return undefined;
}
