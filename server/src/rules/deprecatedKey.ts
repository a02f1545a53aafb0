import { DiagnosticTag } from 'vscode-languageserver-types';
import { isRetired, readStatus, retiredIn } from '../catalog/versionFacts';
import { PropertyDef } from '../catalog/types';
import { lastSetting } from '../model/document';
import { Finding, Fix, Rule } from './rule';
import { nodeVersionOf, versionWords } from './versionSupport';

/** A renamed or removed key. */
export const deprecatedKeyRule: Rule = {
  id: 'deprecated-key',
  scope: 'file',
  defaultSeverity: 'warning',
  title: 'A key OX renamed or no longer reads, or one renamed to a key that was removed since.',
  fixable: true,
  readsNode: true,
  check: ({ doc, catalog, workspace }) => {
    const findings: Finding[] = [];
    const version = nodeVersionOf(doc, workspace);
    /** Whether the node's version no longer reads a key: by its version when known, else as of 7.10.3 (isRetired). */
    const gone = (def: PropertyDef): boolean => {
      const verdict = version ? readStatus(def, version.version) : undefined;
      if (verdict?.status === 'removed' || verdict?.status === 'ignored') return true;
      return verdict?.status === 'unknown' || !verdict ? isRetired(def) : false;
    };
    for (const e of doc.settings) {
      const def = e.known?.def;
      if (!def || (!def.replacedBy && !gone(def))) continue;
      const verdict = version && !def.replacedBy ? readStatus(def, version.version) : undefined;
      const dated = verdict?.fact && verdict.fact.version !== 'unknown' ? verdict.fact.version : retiredIn(def);
      const since = dated ? ` in ${dated}` : '';
      const fixes: Fix[] = [];
      let message: string;
      const successor = def.replacedBy ? catalog.lookup(def.replacedBy, doc.kind.syntax)?.def : undefined;
      if (def.replacedBy && successor && gone(successor)) {
        const successorGone = retiredIn(successor);
        message = `"${e.key}" was renamed to "${def.replacedBy}", which was itself removed${successorGone ? ` in ${successorGone}` : ''}; OX ignores both.`;
        fixes.push({ title: `Remove the "${e.key}" line`, intents: [{ kind: 'remove', doc, settings: [e] }] });
      } else if (def.replacedBy) {
        message = `"${e.key}" was renamed${since} to "${def.replacedBy}"; OX no longer reads the old name.`;
        if (lastSetting(doc, def.replacedBy)) {
          message += ` "${def.replacedBy}" is already set in this file.`;
          fixes.push({ title: `Remove the old "${e.key}" line`, intents: [{ kind: 'remove', doc, settings: [e] }] });
        } else {
          const rename = { kind: 'rename-key' as const, doc, setting: e, key: def.replacedBy };
          fixes.push({ title: `Rename to ${def.replacedBy}`, preferred: true, intents: [rename] });
        }
      } else {
        const ignored = verdict?.status === 'ignored';
        const node = version && (verdict?.status === 'removed' || ignored) ? `; this node runs ${versionWords(version)}` : '';
        message = ignored
          ? `OX ignores "${e.key}" from ${dated}${node}.`
          : `"${e.key}" was removed${since}${node ? `${node}, which` : '; OX'} ignores it.`;
        fixes.push({ title: `Remove the "${e.key}" line`, intents: [{ kind: 'remove', doc, settings: [e] }] });
      }
      findings.push({ ...e.keyRange, message, tags: [DiagnosticTag.Deprecated], fixes });
    }
    return findings;
  },
};
