import { Finding, Rule } from './rule';

const CONFIGURATION_PREFIX = 'com.openexchange.hazelcast.configuration.';

/** A key in a namespace the catalog fully covers that the catalog does not know. */
export const unknownKeyRule: Rule = {
  id: 'unknown-key',
  scope: 'file',
  defaultSeverity: 'warning',
  title: 'A key the catalog does not know in a namespace it fully covers: most likely a typo, which OX silently ignores.',
  fixable: true,
  check: ({ doc, catalog }) => {
    const findings: Finding[] = [];
    const syntax = doc.kind.syntax;
    for (const e of doc.settings) {
      if (e.known || e.malformed) continue;
      const namespace = catalog.ownerNamespace(e.key, syntax);
      if (!namespace) continue;
      const suggestions = catalog.suggest(e.key, syntax);
      const field = catalog.fieldPrefix(e.key, syntax);
      let message: string;
      if (field) {
        const segment = e.key.slice(e.key.lastIndexOf('.') + 1);
        message = `"${segment}" is not a field of Hazelcast's ${field.configClass}: OX skips this setting.`;
      } else if (e.key.startsWith(CONFIGURATION_PREFIX)) {
        message = `Unknown key "${e.key}": OX reads only map, topic, queue, multimap and semaphore settings here and rejects it as an illegal property.`;
      } else {
        message = `Unknown key "${e.key}": OX does not read it.`;
      }
      if (suggestions.length) message += ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?`;
      findings.push({
        ...e.keyRange,
        message,
        fixes: suggestions.map((s, i) => ({
          title: `Change to ${s}`,
          preferred: i === 0 && suggestions.length === 1,
          intents: [{ kind: 'rename-key', doc, setting: e, key: s }],
        })),
      });
    }
    return findings;
  },
};
