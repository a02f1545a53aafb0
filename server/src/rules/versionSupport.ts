// What the version-aware rules share: the OX version a document's node runs, and how messages name it.
import { NodeVersion } from '../model/packages/nodeVersion';
import { ConfigDocument } from '../model/document';
import { Workspace } from '../model/workspace';
import { baseName } from '../util/uris';
import { formatOxVersion } from '../util/versions';

/** The OX version of the node a document belongs to, when the workspace knows it. */
export function nodeVersionOf(doc: ConfigDocument, workspace: Workspace | undefined): NodeVersion | undefined {
  return workspace?.nodeOf(doc.uri)?.oxVersion;
}

/**
 * The version and where it was read: `7.10.4 (open-xchange-core 7.10.4-20 in packages.txt)`,
 * `8.49.108 (image.tag in values.yaml)`, `8.19 (oxVersion in .oxclusterconfig.json)`, `8.19 (the setting …)`.
 */
export function versionWords(version: NodeVersion): string {
  const shown = formatOxVersion(version.version);
  // An image tag that reads as the version itself is not repeated; one with more (`8.26.45-1`) is.
  const detail =
    version.source === 'image' && version.detail.endsWith(` ${shown}`) ? version.detail.slice(0, -shown.length - 1) : version.detail;
  const where =
    version.source === 'setting'
      ? `the setting ${detail}`
      : `${detail} in ${version.file ? baseName(version.file) : '.oxclusterconfig.json'}`;
  return `${shown} (${where})`;
}
