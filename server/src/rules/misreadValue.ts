import { valueOrKeyRange } from '../model/setting';
import { Finding, Rule } from './rule';
import { judgedEntries, valueFixes } from './valueVerdicts';

/** A value OX accepts but reads differently from what it says. */
export const misreadValueRule: Rule = {
  id: 'misread-value',
  scope: 'file',
  defaultSeverity: 'warning',
  title:
    'A value OX accepts but reads differently from what it says, e.g. "yes" for a boolean (read as false) or a session lifetime below the minimum OX raises it to.',
  fixable: true,
  check: ({ doc }) => {
    const findings: Finding[] = [];
    for (const { e, verdict } of judgedEntries(doc)) {
      if (!verdict.misread || verdict.error) continue;
      findings.push({ ...valueOrKeyRange(e), message: verdict.misread, fixes: valueFixes(doc, e) });
    }
    return findings;
  },
};
