import { effectiveClusterName } from '../catalog/hazelcastVersions';
import { GROUP_NAME, LICENSE_KEY } from '../catalog/oxKeys';
import { ConfigDocument } from '../model/document';
import { OxNode } from '../model/node';
import { isTrue } from '../values/boolean';
import { redacted } from '../values/redact';
import { Workspace } from '../model/workspace';
import { formatOxVersion } from '../util/versions';

/** The name the node joins its cluster with, when its OX version is known: OX appends its Hazelcast line from 7.10.3. */
function joinedAs(workspace: Workspace, node: OxNode, groupName: string): string | undefined {
  const version = node.oxVersion?.version;
  if (!version || groupName === '') return undefined;
  const config = workspace.effective(node);
  const licenseKey = (config.value(LICENSE_KEY) ?? '').trim() !== '';
  const appendVersion = isTrue(config.value(`${GROUP_NAME}.appendVersion`));
  const name = effectiveClusterName(groupName, version, { licenseKey, appendVersion });
  const on = `OX ${formatOxVersion(version)}`;
  if (name === undefined) {
    const why = appendVersion ? 'the suffix that group.name.appendVersion adds' : 'its Hazelcast line';
    return `Joins as: not known for ${on} (${why} is not documented in the facts we hold)`;
  }
  return name === groupName
    ? `Joins as: \`${name}\` (${on} appends no version)`
    : `Joins as: \`${name}\` (${on} appends its Hazelcast line)`;
}

function where(doc: ConfigDocument, offset: number): string {
  return `${doc.kind.isMapFile ? `hazelcast/${doc.kind.name}` : doc.kind.name}:${doc.text.positionAt(offset).line + 1}`;
}

/** Markdown about the key on this node and its cluster: effective value, where it comes from, other nodes. */
export function effectiveNote(workspace: Workspace, doc: ConfigDocument, key: string, secret: boolean): string | undefined {
  if (doc.kind.isMapFile || doc.kind.syntax !== 'properties') return undefined;
  const node = workspace.nodeOf(doc.uri);
  if (!node) return undefined;
  const shown = (value: string | null) => (value === null ? 'no value' : `\`${redacted(value, secret)}\``);
  const value = workspace.effective(node).get(key);
  const lines: string[] = [];
  if (value.source) {
    lines.push(`On **${node.name}**: ${shown(value.value)} from ${where(value.source.doc, value.source.setting.range.start)}`);
  } else {
    lines.push(`On **${node.name}**: ${shown(value.value)} (default)`);
  }
  if (key === GROUP_NAME && value.value !== null) {
    const joined = joinedAs(workspace, node, value.value.trim());
    if (joined) lines.push(joined);
  }
  if (value.candidates.length > 1) {
    lines.push(
      `Set in ${value.candidates.length} files: ${value.candidates.map((c) => `${where(c.doc, c.setting.range.start)} = ${shown(c.setting.value)}`).join(', ')}. Which one OX reads last is undefined.`,
    );
  }
  const cluster = workspace.clusterOf(node);
  const others = (cluster?.nodes ?? []).filter((n) => n !== node).map((n) => ({ node: n, value: workspace.effective(n).get(key) }));
  const differing = others.filter((o) => o.value.value !== value.value);
  if (differing.length) {
    lines.push(
      `Other nodes of cluster "${cluster!.name}": ${differing.map((o) => `${o.node.name} ${shown(o.value.value)}${o.value.source ? '' : ' (default)'}`).join(', ')}`,
    );
  }
  return lines.join('  \n');
}
