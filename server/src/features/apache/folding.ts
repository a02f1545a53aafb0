// Folding in an httpd configuration: sections (<VirtualHost>, <Proxy> …) down to the line before their
// closing tag, directives continued over several lines, and runs of comment lines.
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { ApacheDocument } from '../../model/apache/apacheDocument';
import { ApacheNode } from '../../parser/apache/apacheConfig';
import { commentRuns } from '../folding';

export function apacheFolding(doc: ApacheDocument): FoldingRange[] {
  const ranges = commentRuns(doc.text, doc.comments);
  const lineOf = (offset: number) => doc.text.positionAt(offset).line;
  const walk = (nodes: readonly ApacheNode[]) => {
    for (const node of nodes) {
      const startLine = lineOf(node.start);
      // An unclosed section folds to its last line; a closed one keeps its closing tag in sight.
      const endLine = node.kind === 'section' && node.close ? lineOf(node.close.start) - 1 : lineOf(node.end);
      if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Region });
      if (node.kind === 'section') walk(node.children);
    }
  };
  walk(doc.config.nodes);
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
