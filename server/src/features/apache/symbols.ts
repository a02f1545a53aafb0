// The outline of an httpd configuration: its balancers, each with its members.
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { ApacheDocument } from '../../model/apache/apacheDocument';
import { Balancer, BalancerMember } from '../../model/apache/balancers';
import { Span } from '../../parser/types';

function range(doc: ApacheDocument, span: Span) {
  return { start: doc.text.positionAt(span.start), end: doc.text.positionAt(span.end) };
}

/** A word as the source writes it: a template's tags shown, not the masked text the reader parsed. */
const written = (doc: ApacheDocument, span: Span) => doc.text.getText().slice(span.start, span.end);

/** `route=OX1` (or `no route`), then the status it starts with. */
function memberDetail(doc: ApacheDocument, member: BalancerMember): string {
  const param = (key: string) => {
    const p = member.params.get(key);
    return p && (p.unknown ? written(doc, p.span) : `${key}=${p.value}`);
  };
  const status = param('status');
  return [param('route') ?? 'no route', ...(status ? [status] : [])].join(' · ');
}

function memberSymbol(doc: ApacheDocument, member: BalancerMember): DocumentSymbol {
  return {
    name: (member.url.unknown ? written(doc, member.url) : member.url.text) || '(empty URL)',
    detail: memberDetail(doc, member),
    kind: SymbolKind.Field,
    range: range(doc, member.directive),
    selectionRange: range(doc, member.url),
  };
}

function balancerSymbol(doc: ApacheDocument, balancer: Balancer): DocumentSymbol {
  const section = balancer.section;
  // The section's URL argument names it; without a <Proxy> block, the place it is first named.
  const selection = section?.args[0] ?? balancer.span;
  return {
    name: `balancer://${balancer.name}`,
    kind: SymbolKind.Module,
    range: range(doc, section ?? balancer.span),
    selectionRange: range(doc, selection),
    children: balancer.members.map((m) => memberSymbol(doc, m)),
  };
}

export function apacheSymbols(doc: ApacheDocument): DocumentSymbol[] {
  return doc.balancers.map((b) => balancerSymbol(doc, b));
}
