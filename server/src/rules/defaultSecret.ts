import { lastEntryFor } from '../document';
import { Finding, Rule } from './rule';

/** A secret that still holds a value OX has shipped as its default while the feature using it is on. */
export const defaultSecretRule: Rule = {
  id: 'default-secret',
  defaultSeverity: 'warning',
  summary: 'A password, salt or key that still holds a value OX has shipped publicly.',
  check: ({ doc, catalog }) => {
    const findings: Finding[] = [];
    for (const e of doc.entries) {
      const def = e.known?.def;
      if (!def?.secret || def.removedIn || !def.secretDefault?.includes(e.value)) continue;
      if (def.enabledBy) {
        const switchEntry = lastEntryFor(doc, def.enabledBy.key);
        const switchValue = switchEntry ? switchEntry.value : catalog.lookup(def.enabledBy.key, doc.kind.syntax)?.def.default;
        if ((switchValue ?? '').toLowerCase() !== def.enabledBy.value.toLowerCase()) continue;
      }
      findings.push({
        start: e.valueSpan.start,
        end: e.valueSpan.end,
        message: `"${e.key}" still holds a default that OX ships publicly, so anyone can know it. Set a secret of your own${def.enabledBy ? ` (it is in use because ${def.enabledBy.key}=${def.enabledBy.value})` : ''}.`,
      });
    }
    return findings;
  },
};
