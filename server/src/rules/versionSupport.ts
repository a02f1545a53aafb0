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

/** `7.10.4 (open-xchange-core 7.10.4-20 in packages.txt)`: the version and where it was read. */
export function versionWords(version: NodeVersion): string {
  const where =
    version.source === 'setting'
      ? `the setting ${version.detail}`
      : `${version.detail} in ${version.file ? baseName(version.file) : '.oxclusterconfig.json'}`;
  return `${formatOxVersion(version.version)} (${where})`;
}
