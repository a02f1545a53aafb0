import { DiagnosticTag } from 'vscode-languageserver-types';
import { chartRootValues, ChartValue, entriesOf } from '../model/helm/chartValues';
import { isValuesDocument } from '../model/helm/valuesDocument';
import { Finding, Rule } from './rule';

/** `hzGroupPassword` in a values file: OX 8 ignores the group password, and chart 6.0.1 dropped the key. */
export const hzGroupPasswordIgnoredRule: Rule = {
  id: 'hz-group-password-ignored',
  scope: 'file',
  defaultSeverity: 'information',
  title: 'hzGroupPassword is set in a values file, but OX 8 ignores the Hazelcast group password (chart 1.0.0 alone still requires it).',
  fixable: true,
  check: ({ doc, workspace }) => {
    if (!isValuesDocument(doc)) return [];
    const version = workspace?.releaseOf(doc.uri)?.chartVersion;
    const major = version ? Number(version.split('.')[0]) : undefined;
    // Chart 1.0.0 requires the key (base64): nothing to report there.
    if (major === 1) return [];
    const findings: Finding[] = [];
    const entries = chartRootValues(doc).flatMap((root) => entriesOf(root.values, 'hzGroupPassword'));
    for (const { keySpan, value } of entries) {
      if (!value || (value.kind === 'scalar' && (value.value === null || value.value === ''))) continue;
      const { start, end } = keySpan;
      const assumed = major === undefined ? ' (The chart version is unknown; chart 1.0.0 still required this key.)' : '';
      const removed = major !== undefined && major >= 6 ? ' Chart 6.0.1 removed the key, so nothing reads it.' : '';
      findings.push({
        start,
        end,
        message: `OX 8 no longer uses a Hazelcast group password: hzGroupPassword has no effect.${removed}${assumed}`,
        tags: [DiagnosticTag.Unnecessary],
        ...(major !== undefined
          ? {
              fixes: [
                {
                  title: 'Remove hzGroupPassword',
                  preferred: true,
                  intents: [{ kind: 'replace-text' as const, doc, ...lineOf(doc.text.getText(), start, value) }],
                },
              ],
            }
          : {}),
      });
    }
    return findings;
  },
};

/** The whole lines of a one-line chart key, as the span to delete. */
function lineOf(text: string, keyStart: number, value: ChartValue): { start: number; end: number; text: string } {
  const start = text.lastIndexOf('\n', keyStart - 1) + 1;
  const valueEnd = value.kind === 'scalar' ? value.span.end : keyStart;
  const lf = text.indexOf('\n', valueEnd);
  return { start, end: lf < 0 ? text.length : lf + 1, text: '' };
}
