import { valueOrKeyRange } from '../model/setting';
import { Finding, Rule } from './rule';
import { judgedEntries, valueFixes } from './valueVerdicts';

/** A value OX rejects or cannot parse. */
export const invalidValueRule: Rule = {
  id: 'invalid-value',
  defaultSeverity: 'error',
  summary: 'A value OX rejects or cannot parse (type, allowed values, range, unit, address syntax).',
  check: ({ doc }) => {
    const findings: Finding[] = [];
    for (const { e, verdict } of judgedEntries(doc)) {
      if (!verdict.error) continue;
      findings.push({ ...valueOrKeyRange(e), message: verdict.error, fixes: valueFixes(doc, e) });
    }
    return findings;
  },
};
