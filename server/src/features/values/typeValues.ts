import { Workspace } from '../../model/workspace';
import { redacted } from '../../values/redact';

/**
 * Hover note on an OX key of a values file: its value on each node type of the release, when they differ
 * (roles and node types override the release's values). Secret values are masked.
 */
export function nodeTypeNote(workspace: Workspace, uri: string, canonicalKey: string, secret: boolean): string | undefined {
  const release = workspace.releaseOf(uri);
  const cluster = release && workspace.clusters().find((c) => c.release === release);
  if (!cluster || cluster.nodes.length < 2) return undefined;
  const values = cluster.nodes.map((node) => ({ name: node.name, value: workspace.effective(node).get(canonicalKey).value }));
  if (new Set(values.map((v) => v.value)).size < 2) return undefined;
  const shown = (value: string | null) => {
    const text = redacted(value, secret);
    return text === null ? '*not set*' : text === '' ? '*empty*' : `\`${text.replace(/`/g, "'")}\``;
  };
  return ['On each node type of this release:', '', ...values.map((v) => `- ${v.name}: ${shown(v.value)}`)].join('\n');
}
