import { isRetired } from '../catalog/versionFacts';
import { PropertyDef } from '../catalog/types';
import { ConfigDocument } from '../model/document';
import { Retyping, Setting, valueOrKeyRange } from '../model/setting';
import { checkValue } from '../values/checkValue';
import { isSecretSetting } from '../values/secretKeys';
import { Finding, Rule, Severity } from './rule';
import { judgedEntries, valueFixes } from './valueVerdicts';

/** A decimal integer as Java's parseInt reads it (sign and leading zeros allowed). */
function decimal(text: string): bigint | undefined {
  return /^[+-]?\d+$/.test(text) ? BigInt(text) : undefined;
}

/**
 * How bad it is that OX receives `value` where the source writes `written`: a warning when OX reads the
 * key's type differently (an error when it rejects what it receives but would take what is written),
 * information for keys the catalog does not know, nothing when the key's type reads both alike.
 */
export function retypingSeverity(written: string, value: string, def: PropertyDef | undefined): Severity | undefined {
  if (def && isRetired(def)) return undefined;
  if (def && checkValue(value, def).error && !checkValue(written, def).error) return 'error';
  // `True` as `true`: OX compares these words in any letter case.
  if (written.toLowerCase() === value) return undefined;
  if (!def) return 'information';
  switch (def.type) {
    case 'boolean':
      // `yes` and `on` mean true, and true is what OX gets.
      return undefined;
    case 'integer':
    case 'port':
    case 'timespan': {
      const w = decimal(written);
      // Text that is no decimal number was no valid value as written either: invalid-value judges what OX gets.
      return w === undefined || w === decimal(value) ? undefined : 'warning';
    }
    case 'enum':
      return def.caseSensitive || written.toLowerCase() !== value.toLowerCase() ? 'warning' : undefined;
    case 'unsupported':
      return 'information';
    default:
      return 'warning';
  }
}

/** The finding on a value Helm hands on as other text; a secret's value is not shown. */
function retypingFinding(doc: ConfigDocument, e: Setting, retyped: Retyping, severity: Severity): Finding {
  const { written, why, keep } = retyped;
  const what = isSecretSetting(e.key, e.value, e.known)
    ? 'OX receives other text here than is written'
    : `OX receives ${e.value} here, not ${written}`;
  return {
    ...valueOrKeyRange(e),
    severity,
    message: `${what}: ${why}. ${keep}.`,
    fixes: [{ title: keep, preferred: true, intents: [{ kind: 'set-value', doc, setting: e, value: written }] }],
  };
}

/** A value OX accepts but reads differently from what it says. */
export const misreadValueRule: Rule = {
  id: 'misread-value',
  scope: 'file',
  defaultSeverity: 'warning',
  title:
    'A value OX accepts but reads differently from what it says, e.g. "yes" for a boolean (read as false), a session lifetime below the minimum OX raises it to, or an unquoted value in a values file that Helm hands on as other text.',
  fixable: true,
  check: ({ doc }) => {
    const findings: Finding[] = [];
    for (const { e, verdict } of judgedEntries(doc)) {
      if (!verdict.misread || verdict.error) continue;
      findings.push({ ...valueOrKeyRange(e), message: verdict.misread, fixes: valueFixes(doc, e) });
    }
    for (const e of doc.settings) {
      if (!e.retyped || e.unknownValue || e.malformed) continue;
      const severity = retypingSeverity(e.retyped.written, e.value, e.known?.def);
      if (severity) findings.push(retypingFinding(doc, e, e.retyped, severity));
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
