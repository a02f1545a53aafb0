import { Finding, Rule } from './rule';
import { judgedEntries, valueFixes } from './valueVerdicts';

/** A value OX accepts but reads differently from what it says. */
export const misreadValueRule: Rule = {
  id: 'misread-value',
  defaultSeverity: 'warning',
  summary: 'A value OX accepts but reads differently from what it says (e.g. a boolean "yes" read as false).',
  check: ({ doc }) => {
    const findings: Finding[] = [];
    for (const { e, verdict } of judgedEntries(doc)) {
      if (!verdict.misread || verdict.error) continue;
      const span = e.value === '' ? { start: e.entry.keySpan.start, end: e.entry.keySpan.end } : e.valueSpan;
      findings.push({ ...span, message: verdict.misread, fixes: valueFixes(e) });
    }
    return findings;
  },
};
