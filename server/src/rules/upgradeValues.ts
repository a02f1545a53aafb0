import { isMap, isScalar, Node, Pair, Scalar, YAMLMap } from 'yaml';
import { keyText, mapAt } from '../model/helm/chartRoots';
import { isValuesDocument, ValuesDocument } from '../model/helm/valuesDocument';
import { baseName } from '../util/uris';
import { Finding, RelatedSpec, Rule } from './rule';
import { filledIn, spanOf, valuesRelease } from './valuesSupport';

const RELEASE_WORDS = 'This update-task release (update.enabled: true)';

function pairAt(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => keyText(p) === key);
}

/** Helm's `if` on a scalar: true, or a string that reads "true". */
function isTrue(node: unknown): boolean {
  return isScalar(node) && (node.value === true || node.value === 'true');
}

/** A value that is there: not null, not an empty string or map. */
function isSet(doc: ValuesDocument, node: unknown): boolean {
  if (filledIn(doc, node as Node)) return true;
  if (isMap(node)) return node.items.length > 0;
  return isScalar(node) && node.value !== null && node.value !== '';
}

interface Placed {
  doc: ValuesDocument;
  pair: Pair;
}

/** The entry of `key` at the chart roots of the release's files that counts (the last one). */
function lastEntry(docs: readonly ValuesDocument[], key: string): Placed | undefined {
  let last: Placed | undefined;
  for (const doc of docs) {
    for (const root of doc.roots) {
      const pair = pairAt(root.map, key);
      if (pair) last = { doc, pair };
    }
  }
  return last;
}

/** Whether a file sets `global.mysql.existingSecret`, at its document root or at a chart root. */
function hasExistingSecret(doc: ValuesDocument): boolean {
  const top = isMap(doc.yaml.contents) ? [doc.yaml.contents as YAMLMap] : [];
  for (const map of [...top, ...doc.roots.map((r) => r.map)]) {
    const mysql = mapAt(map, 'global') && mapAt(mapAt(map, 'global')!, 'mysql');
    const secret = mysql && pairAt(mysql, 'existingSecret');
    if (secret && isSet(doc, secret.value)) return true;
  }
  return false;
}

const keySpan = (pair: Pair) => spanOf(pair.key as Scalar)!;

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
    let anchor: Scalar | undefined;
    for (const root of doc.roots) {
      const update = mapAt(root.map, 'update');
      const enabled = update && pairAt(update, 'enabled');
      if (enabled && !filledIn(doc, enabled.value as Node) && isTrue(enabled.value)) anchor ??= enabled.key as Scalar;
    }
    if (!anchor) return [];
    const at = spanOf(anchor)!;
    const { docs } = valuesRelease(doc, workspace);
    const findings: Finding[] = [];
    const elsewhere = (placed: Placed, message: string): RelatedSpec => ({ doc: placed.doc, ...keySpan(placed.pair), message });

    const init = lastEntry(docs, 'enableInitialization');
    if (init && !filledIn(init.doc, init.pair.value as Node) && isTrue(init.pair.value)) {
      const why = `its init container would run the config database initialisation and server registration again. OX's update guide sets it to false for this release`;
      if (init.doc === doc) {
        const value = spanOf(init.pair.value as Node)!;
        findings.push({
          ...keySpan(init.pair),
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
        for (const root of d.roots) {
          const mysql = pairAt(root.map, 'mysql');
          if (mysql && isSet(d, mysql.value)) local.push({ doc: d, pair: mysql });
        }
      }
      const own = local.filter((p) => p.doc === doc);
      for (const placed of own) {
        findings.push({
          ...keySpan(placed.pair),
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
    if (!dbid || !isSet(dbid.doc, dbid.pair.value)) {
      findings.push({
        ...at,
        message: `${RELEASE_WORDS} sets no globalDBID: OX's update guide sets it to the deployment's global database id, which the chart hands to the image as GLOBAL_DB_ID for globaldb.yml.`,
      });
    }
    return findings;
  },
};
