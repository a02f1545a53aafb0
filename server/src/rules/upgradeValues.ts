import { chartRootValues, ChartEntry, documentValues, entryOf, isSet, isTrue, mapAt } from '../model/helm/chartValues';
import { isValuesDocument, ValuesDocument } from '../model/helm/valuesDocument';
import { baseName } from '../util/uris';
import { Finding, RelatedSpec, Rule } from './rule';
import { valuesRelease } from './valuesSupport';

const RELEASE_WORDS = 'This update-task release (update.enabled: true)';

interface Placed {
  doc: ValuesDocument;
  entry: ChartEntry;
}

/** The entry of `key` at the chart roots of the release's files that counts (the last one). */
function lastEntry(docs: readonly ValuesDocument[], key: string): Placed | undefined {
  let last: Placed | undefined;
  for (const doc of docs) {
    for (const root of chartRootValues(doc)) {
      const entry = entryOf(root.values, key);
      if (entry) last = { doc, entry };
    }
  }
  return last;
}

/** Whether a file sets `global.mysql.existingSecret`, at its document root or at a chart root. */
function hasExistingSecret(doc: ValuesDocument): boolean {
  const top = documentValues(doc);
  const maps = [...(top?.kind === 'map' ? [top] : []), ...chartRootValues(doc).map((r) => r.values)];
  return maps.some((map) => isSet(entryOf(mapAt(map, 'global', 'mysql'), 'existingSecret')?.value));
}

/** A value a template fills in counts as unknown, not as true. */
const knownTrue = (entry: ChartEntry | undefined) => !!entry && !entry.value?.filledIn && isTrue(entry.value);

/** The values of a pre-update release (S002) that would make its update job do harm or fail. */
export const upgradeValuesRule: Rule = {
  id: 'upgrade-values',
  scope: 'file',
  defaultSeverity: 'warning',
  title:
    'An update-task release (update.enabled: true) with enableInitialization: true, a local mysql section instead of global.mysql.existingSecret, or no globalDBID.',
  fixable: true,
  readsNode: true,
  check: ({ doc, workspace }) => {
    if (!isValuesDocument(doc)) return [];
    const at = chartRootValues(doc)
      .map((root) => entryOf(mapAt(root.values, 'update'), 'enabled'))
      .find(knownTrue)?.keySpan;
    if (!at) return [];
    const { docs } = valuesRelease(doc, workspace);
    const findings: Finding[] = [];
    const elsewhere = (placed: Placed, message: string): RelatedSpec => ({ doc: placed.doc, ...placed.entry.keySpan, message });

    const init = lastEntry(docs, 'enableInitialization');
    if (init && knownTrue(init.entry)) {
      const why = `its init container would run the config database initialisation and server registration again. OX's update guide sets it to false for this release`;
      if (init.doc === doc) {
        const value = init.entry.value!.span;
        findings.push({
          ...init.entry.keySpan,
          message: `enableInitialization is true in an update-task release (update.enabled: true): ${why}.`,
          fixes: [
            {
              title: 'Set enableInitialization to false',
              preferred: true,
              intents: [{ kind: 'replace-text', doc, ...value, text: 'false' }],
            },
          ],
        });
      } else {
        findings.push({
          ...at,
          message: `${RELEASE_WORDS} runs with enableInitialization: true from ${baseName(init.doc.uri)}: ${why}.`,
          related: [elsewhere(init, 'enableInitialization: true is set here')],
        });
      }
    }

    if (!docs.some(hasExistingSecret)) {
      const why = `OX's update guide points global.mysql.existingSecret at the main release's MySQL secret (e.g. "<release>-core-mw-mysql") instead.`;
      const local: Placed[] = [];
      for (const d of docs) {
        for (const root of chartRootValues(d)) {
          const mysql = entryOf(root.values, 'mysql');
          if (mysql && isSet(mysql.value)) local.push({ doc: d, entry: mysql });
        }
      }
      const own = local.filter((p) => p.doc === doc);
      for (const placed of own) {
        findings.push({
          ...placed.entry.keySpan,
          message: `${RELEASE_WORDS} has a local mysql: section and no global.mysql.existingSecret: ${why}`,
        });
      }
      if (!own.length && local.length) {
        findings.push({
          ...at,
          message: `${RELEASE_WORDS} reads a local mysql: section from ${baseName(local[0].doc.uri)} and sets no global.mysql.existingSecret: ${why}`,
          related: local.map((p) => elsewhere(p, 'The local mysql: section')),
        });
      }
    }

    const dbid = lastEntry(docs, 'globalDBID');
    if (!dbid || !isSet(dbid.entry.value)) {
      findings.push({
        ...at,
        message: `${RELEASE_WORDS} sets no globalDBID: OX's update guide sets it to the deployment's global database id, which the chart hands to the image as GLOBAL_DB_ID for globaldb.yml.`,
      });
    }
    return findings;
  },
};
