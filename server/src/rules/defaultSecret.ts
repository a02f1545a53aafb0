import { Catalog } from '../catalog/catalog';
import { PropertyDef } from '../catalog/types';
import { isRetired } from '../catalog/versionFacts';
import { ConfigDocument, lastSetting } from '../model/document';
import { Workspace } from '../model/workspace';
import { Finding, Rule } from './rule';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The value a key has for this document: the node's effective value when the workspace is known. OX builds
 * that without a file it cannot read; such a file's own findings read its own values first.
 */
function valueReader(doc: ConfigDocument, catalog: Catalog, workspace?: Workspace): (key: string) => string {
  const own = (key: string) => lastSetting(doc, key)?.value;
  const node = workspace?.nodeOf(doc.uri);
  const effective = node && workspace!.effective(node);
  if (effective) return doc.unreadable ? (key) => own(key) ?? effective.value(key) : (key) => effective.value(key);
  return (key) => own(key) ?? catalog.lookup(key, doc.kind.syntax)?.def.default ?? '';
}

function inUse(def: PropertyDef, valueOf: (key: string) => string): boolean {
  const by = def.enabledBy;
  if (!by) return true;
  return same(valueOf(by.key), by.value) && !(by.unless && same(valueOf(by.unless.key), by.unless.value));
}

/** A secret that still holds a value OX has shipped as its default while the feature that uses it is on. */
export const defaultSecretRule: Rule = {
  id: 'default-secret',
  scope: 'file',
  defaultSeverity: 'warning',
  title:
    'A password, salt or key still set to a value OX ships publicly, or a salt or password left unset (so OX uses its public default) while symmetric encryption is on and TLS is off.',
  fixable: false,
  readsNode: true,
  check: ({ doc, catalog, workspace }) => {
    const findings: Finding[] = [];
    const valueOf = valueReader(doc, catalog, workspace);
    for (const e of doc.settings) {
      const def = e.known?.def;
      if (!def?.secret || isRetired(def) || e.unknownValue || !def.secretDefault?.includes(e.value) || !inUse(def, valueOf)) continue;
      findings.push({
        ...e.valueRange,
        message: `"${e.key}" still holds a default that OX ships publicly, so anyone can know it. Set a secret of your own${def.enabledBy ? ` (it is in use because ${def.enabledBy.key}=${def.enabledBy.value})` : ''}.`,
      });
    }
    // A secret left unset while its feature is on: OX falls back to its built-in (public) default.
    const node = workspace?.nodeOf(doc.uri);
    const isSet = (key: string) => !!lastSetting(doc, key) || (!!node && workspace!.effective(node).isSet(key));
    for (const known of catalog.knownKeys(doc.kind.syntax)) {
      const def = known.def;
      if (!def.secret || !def.enabledBy || isRetired(def) || def.default === null || !def.secretDefault?.includes(def.default)) continue;
      const switchEntry = lastSetting(doc, def.enabledBy.key);
      if (!switchEntry || !inUse(def, valueOf) || isSet(known.canonicalKey)) continue;
      findings.push({
        ...switchEntry.valueRange,
        message: `"${known.canonicalKey}" is not set, so OX uses its built-in default, which is publicly known. Set a secret of your own.`,
      });
    }
    return findings;
  },
};
