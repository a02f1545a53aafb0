import { chartRootValues, plainEntries } from '../model/helm/chartValues';
import { isSecretMap } from '../model/helm/oxKeyMaps';
import { isValuesDocument } from '../model/helm/valuesDocument';
import { isSecret } from '../values/redact';
import { Finding, Rule } from './rule';
import { hasSecretName } from '../values/secretKeys';

/** Chart keys at a chart root that hold names and credentials people copy from examples. */
const CHART_KEYS = [
  'hzGroupName',
  'hzGroupPassword',
  'masterPassword',
  'masterAdmin',
  'basicAuthPassword',
  'jolokiaPassword',
  'globalDBID',
];

/**
 * Placeholders of examples and templates: `REPLACE_WITH_…`, `REPLACE_ME`, an upper-case token in angle brackets
 * (`<YOUR_PASSWORD>`; OX's own `<user-id>` syntax is lower-case), and values that are only `changeme` or `TODO`.
 */
const PLACEHOLDERS: readonly RegExp[] = [/\bREPLACE_(?:WITH_\w*|ME)\b/, /<[A-Z][A-Z0-9_]+>/, /^change[-_]?me$/i, /^TODO(?![\w-])/];

/** Keys whose values OX reads with its own `<name>` syntax (`com.openexchange.secret.secretSource`). */
const OWN_BRACKETS = /secretSource$/i;

function placeholderIn(value: string, key: string): string | undefined {
  for (const pattern of PLACEHOLDERS) {
    const match = pattern.exec(value);
    if (match && !(pattern.source.startsWith('<') && OWN_BRACKETS.test(key))) return match[0];
  }
  return undefined;
}

function messageFor(key: string, placeholder: string, secret: boolean): string {
  const what = secret ? 'a placeholder instead of a real secret' : `the placeholder "${placeholder}"`;
  return `"${key}" still holds ${what}: it is used as written. Put the real value in before deploying.`;
}

/** A value copied from an example or template that still holds its placeholder. */
export const placeholderValueRule: Rule = {
  id: 'placeholder-value',
  scope: 'file',
  defaultSeverity: 'warning',
  title: 'A value that still holds a placeholder of an example or template (REPLACE_WITH_…, REPLACE_ME, <YOUR_PASSWORD>, changeme, TODO).',
  fixable: false,
  check: ({ doc }) => {
    if (!isValuesDocument(doc)) return [];
    const findings: Finding[] = [];
    for (const root of chartRootValues(doc)) {
      for (const { key, value } of plainEntries(root.values)) {
        if (!CHART_KEYS.includes(key) || value?.kind !== 'scalar' || typeof value.value !== 'string' || value.filledIn) continue;
        const found = placeholderIn(value.value.trim(), key);
        if (found) findings.push({ ...value.span, message: messageFor(key, found, /Password/.test(key)) });
      }
    }
    for (const e of doc.settings) {
      if (e.unknownValue) continue;
      const found = placeholderIn(e.value, e.key);
      if (!found) continue;
      // A message about a value never quotes it when the key could name a secret.
      const secret = isSecret(e.known?.def) || isSecretMap(e.map.kind) || hasSecretName(e.key);
      findings.push({ ...e.valueRange, message: messageFor(e.key, found, secret) });
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
