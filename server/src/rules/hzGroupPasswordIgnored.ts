import { DiagnosticTag } from 'vscode-languageserver-types';
import { isScalar } from 'yaml';
import { rootEntries } from '../model/helm/chartRoots';
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
    for (const { pair } of rootEntries(doc.roots, 'hzGroupPassword')) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const value = isScalar(pair.value) ? pair.value.value : pair.value;
      if (value === null || value === '' || value === undefined) continue;
      const [start, end] = pair.key.range;
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
                  intents: [{ kind: 'replace-text' as const, doc, ...lineOf(doc.text.getText(), start, pair) }],
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
function lineOf(text: string, keyStart: number, pair: { value: unknown }): { start: number; end: number; text: string } {
  const start = text.lastIndexOf('\n', keyStart - 1) + 1;
  const valueEnd = isScalar(pair.value) && pair.value.range ? pair.value.range[1] : keyStart;
  const lf = text.indexOf('\n', valueEnd);
  return { start, end: lf < 0 ? text.length : lf + 1, text: '' };
}
