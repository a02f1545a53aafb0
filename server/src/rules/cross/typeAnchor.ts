import { Span } from '../../parser/types';
import { chartRootValues } from '../../model/helm/chartValues';
import { Release } from '../../model/helm/release';
import { ValuesDocument } from '../../model/helm/valuesDocument';
import { OxNode } from '../../model/node';
import { PlacedFinding } from '../crossRule';
import { Finding } from '../rule';

type Anchor = { doc: ValuesDocument; span: Span };

/** The first key of the first chart root in a release's files: where a finding about the release as a whole goes. */
export function releaseAnchor(release: Release): Anchor | undefined {
  for (const doc of release.docs) {
    const first = chartRootValues(doc)[0]?.values.entries[0];
    if (first) return { doc, span: first.keySpan };
  }
  return undefined;
}

/** Where a finding about a node type goes: its name under `scaling.nodes` (or `defaultScaling.nodes`), else the release. */
export function typeAnchor(node: OxNode): Anchor | undefined {
  const k8s = node.kubernetes;
  if (!k8s) return undefined;
  const declared = k8s.type.declaredAt;
  if (declared?.key.range) {
    const [start, end] = declared.key.range;
    return { doc: declared.doc, span: { start, end } };
  }
  return releaseAnchor(k8s.release);
}

/** A finding placed at a node type; undefined when the type has no place in the files. */
export function atType(node: OxNode, finding: Omit<Finding, 'start' | 'end'>): PlacedFinding | undefined {
  const at = typeAnchor(node);
  return at && { doc: at.doc, finding: { ...at.span, ...finding } };
}
