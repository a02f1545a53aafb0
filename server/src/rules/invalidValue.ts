import { valueOrKeyRange } from '../model/setting';
import { Finding, Rule } from './rule';
import { checkValue } from '../values/checkValue';
import { judgedEntries, valueFixes } from './valueVerdicts';

/** A value OX rejects or cannot parse. */
export const invalidValueRule: Rule = {
  id: 'invalid-value',
  scope: 'file',
  defaultSeverity: 'error',
  title:
    'A value OX rejects or cannot parse: the wrong type, a value not allowed, out of range, a bad unit, time span, address or port, or empty where OX needs one.',
  fixable: true,
  check: ({ doc }) => {
    const findings: Finding[] = [];
    for (const { e, verdict } of judgedEntries(doc)) {
      // OX rejects what Helm hands on but would take the text as written: misread-value reports that.
      if (!verdict.error || (e.retyped && !checkValue(e.retyped.written, e.known!.def).error)) continue;
      findings.push({ ...valueOrKeyRange(e), message: verdict.error, fixes: valueFixes(doc, e) });
    }
    return findings;
  },
};
