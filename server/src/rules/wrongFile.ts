import { KnownProperty } from '../catalog/catalog';
import { MAP_FILE } from '../catalog/fileKind';
import { isRetired } from '../catalog/versionFacts';
import { ConfigDocument, lastSetting } from '../model/document';
import { Setting } from '../model/setting';
import { nodeFolderOf } from '../model/node';
import { baseName, joinUri } from '../util/uris';
import { renderedName } from '../template/syntax';
import { Workspace } from '../model/workspace';
import { Fix, Finding, Rule } from './rule';

/** Moves the setting to the node's documented file, creating it if needed; none when that file sets the key too. */
function moveFix(doc: ConfigDocument, setting: Setting, known: KnownProperty, workspace: Workspace): Fix | undefined {
  // A template's setting moves to the template of that file (`custom.properties.j2` to `hazelcast.properties.j2`).
  const name = baseName(doc.uri);
  const file = known.file + name.slice(renderedName(name).length);
  const target = joinUri(nodeFolderOf(doc.uri), file);
  const existing = workspace.get(target);
  if (existing && lastSetting(existing, known.canonicalKey)) return undefined;
  return {
    title: existing ? `Move to ${file}` : `Move to ${file} (new file)`,
    intents: [{ kind: 'move', doc, setting, to: existing ?? { createUri: target } }],
  };
}

/** A known key documented for another OX file than this one. */
export const wrongFileRule: Rule = {
  id: 'wrong-file',
  scope: 'file',
  defaultSeverity: 'information',
  title: 'A key documented for another file; OX still reads it from any .properties file below etc/.',
  fixable: true,
  readsNode: true,
  check: ({ doc, workspace }) => {
    const findings: Finding[] = [];
    if (doc.language !== 'ox-properties') return findings;
    for (const e of doc.settings) {
      const known = e.known;
      if (!known || known.file === doc.kind.file || known.file === MAP_FILE || isRetired(known.def)) continue;
      const message = doc.kind.isMapFile
        ? `"${e.key}" belongs in ${known.file}. OX's map loader skips it here as an illegal property, though the global configuration still reads it.`
        : `"${e.key}" is documented for ${known.file}. OX reads every .properties file below etc/ (since 7.8.3), so it still takes effect here.`;
      const fix = workspace && !doc.kind.isMapFile && doc.uri.startsWith('file:') ? moveFix(doc, e, known, workspace) : undefined;
      findings.push({ ...e.keyRange, message, fixes: fix ? [fix] : undefined });
    }
    return findings;
  },
};
