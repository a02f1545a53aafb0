import { isScalar } from 'yaml';
import { Span } from '../../parser/types';
import { ValuesDocument } from '../../model/helm/valuesDocument';
import { OxNode } from '../../model/node';

/** Where a finding about a node type goes: its `roles` entry, else its name under `scaling.nodes`, else the chart root. */
export function typeAnchor(node: OxNode): { doc: ValuesDocument; span: Span } | undefined {
  const k8s = node.kubernetes;
  if (!k8s) return undefined;
  const declared = k8s.type.declaredAt;
  if (declared?.key.range) {
    const [start, end] = declared.key.range;
    return { doc: declared.doc, span: { start, end } };
  }
  for (const doc of k8s.release.docs) {
    const first = doc.roots[0]?.map.items[0]?.key;
    if (isScalar(first) && first.range) return { doc, span: { start: first.range[0], end: first.range[1] } };
  }
  return undefined;
}
