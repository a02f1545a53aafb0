import { DiagnosticTag } from 'vscode-languageserver-types';
import { isRetired, retiredIn } from '../catalog/versionFacts';
import { lastSetting } from '../model/document';
import { Finding, Fix, Rule } from './rule';

/** A renamed or removed key. */
export const deprecatedKeyRule: Rule = {
  id: 'deprecated-key',
  scope: 'file',
  defaultSeverity: 'warning',
  title: 'A key OX renamed or no longer reads, or one renamed to a key that was removed since.',
  fixable: true,
  check: ({ doc, catalog }) => {
    const findings: Finding[] = [];
    for (const e of doc.settings) {
      const def = e.known?.def;
      // Which version the node runs is not known here: removals after 7.10.3 wait for it (versionFacts.isRetired).
      if (!def || (!def.replacedBy && !isRetired(def))) continue;
      const gone = retiredIn(def);
      const since = gone ? ` in ${gone}` : '';
      const fixes: Fix[] = [];
      let message: string;
      const successor = def.replacedBy ? catalog.lookup(def.replacedBy, doc.kind.syntax)?.def : undefined;
      if (def.replacedBy && successor && isRetired(successor)) {
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
        message = `"${e.key}" was removed${since}; OX ignores it.`;
        fixes.push({ title: `Remove the "${e.key}" line`, intents: [{ kind: 'remove', doc, settings: [e] }] });
      }
      findings.push({ ...e.keyRange, message, tags: [DiagnosticTag.Deprecated], fixes });
    }
    return findings;
  },
};
