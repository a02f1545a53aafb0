// What the status bar says about the node of the active file: its OX version and where it is read, or that
// it is unknown, since the version-aware rules rest on it.
import { isOxDocument } from '../model/properties/propertiesDocument';
import { isValuesDocument } from '../model/helm/valuesDocument';
import { Workspace } from '../model/workspace';
import { versionWords } from '../rules/versionSupport';
import { formatOxVersion } from '../util/versions';
import { PropertiesCharset, propertiesCharsetOf } from '../catalog/propertiesCharset';

export interface NodeVersionStatus {
  /** The node (a classic node folder, or a release for a values file). */
  node: string;
  /** The version as shown (`8.19.0`); undefined when unknown. */
  version?: string;
  /** One sentence for the tooltip. */
  detail: string;
  /**
   * The character set the file's text is read in: a classic node's of a known version for its `.properties`
   * files; UTF-8 for a template, which configuration management reads and renders as UTF-8.
   */
  charset?: PropertiesCharset;
}

const HOW_TO_DECLARE =
  'Rules that depend on the version stay silent or say what they assume. Add a package list (packages.txt), or declare oxVersion in .oxclusterconfig.json or the oxClusterConfig.oxVersion setting.';

/** The status of the node a file belongs to; undefined for a file of no node (a web server file, an unread file). */
export function nodeVersionStatus(workspace: Workspace, uri: string): NodeVersionStatus | undefined {
  const doc = workspace.get(uri);
  if (doc && isValuesDocument(doc)) {
    const release = workspace.releaseOf(uri);
    const node = release && workspace.nodes().find((n) => n.kubernetes?.release === release);
    if (!release || !node) return undefined;
    return node.oxVersion
      ? {
          node: release.name,
          version: formatOxVersion(node.oxVersion.version),
          detail: `Release ${release.name} runs OX ${versionWords(node.oxVersion)}.`,
        }
      : {
          node: release.name,
          detail: `The OX version of release ${release.name} is unknown: its values set no explicit image.tag. ${HOW_TO_DECLARE}`,
        };
  }
  const node = workspace.nodeOf(uri);
  if (!node) return undefined;
  const template = !!doc && isOxDocument(doc) && doc.template !== undefined;
  const charset = template ? 'UTF-8' : node.oxVersion && propertiesCharsetOf(node.oxVersion.version);
  return {
    node: node.name,
    ...(node.oxVersion
      ? { version: formatOxVersion(node.oxVersion.version), detail: `Node ${node.name} runs OX ${versionWords(node.oxVersion)}.` }
      : { detail: `The OX version of node ${node.name} is unknown. ${HOW_TO_DECLARE}` }),
    ...(charset ? { charset } : {}),
  };
}
