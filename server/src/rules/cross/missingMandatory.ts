import { MANDATORY_KEYS, MandatoryKey, mandatoryKeysAt } from '../../catalog/mandatoryKeys';
import { firstLineRange } from '../../model/document';
import { EffectiveConfig, presenceOf } from '../../model/effective';
import { Release } from '../../model/helm/release';
import { isFilledIn, isTruthy, plainValue, valueAt, ValueTree } from '../../model/helm/valueTree';
import { nodeFile, OxCluster, OxNode } from '../../model/node';
import { Setting } from '../../model/setting';
import { formatOxVersion, parseOxVersion } from '../../util/versions';
import { CrossRule, PlacedFinding } from '../crossRule';
import { Severity } from '../rule';
import { versionWords } from '../versionSupport';
import { nodeAnchor } from './helpers';

/** The `global.appsuite` values the chart puts into its `<release>-common-env` Secret, by OX key (k8s.md §9). */
const COMMON_ENV: Readonly<Record<string, string>> = {
  'com.openexchange.cookie.hash.salt': 'cookieHashSalt',
  'com.openexchange.share.cryptKey': 'shareCryptKey',
  'com.openexchange.sessiond.encryptionKey': 'sessiondEncryptionKey',
};

/** Values that hand OX environment variables or properties this checker cannot read: whatever they hold may set a key. */
const UNREADABLE = [
  'env',
  'extraEnv',
  'existingEnvSecret',
  'existingPropertiesSecret',
  'existingETCFilesSecret',
  'existingYAMLFilesSecret',
];
/** Values whose files (name → content) may hold a key; one counts when its content mentions the key or a template fills it. */
const FILE_MAPS = ['etcFiles', 'secretETCFiles', 'yamlFiles', 'secretYAMLFiles'];

/** Whether something a node type's values hand OX, beyond its property maps, may set `key`. */
function elsewhere(values: ValueTree, key: string): boolean {
  if (UNREADABLE.some((name) => isTruthy(valueAt(values, [name])))) return true;
  return FILE_MAPS.some((name) => {
    const files = valueAt(values, [name]);
    if (files?.kind !== 'map') return isFilledIn(files);
    return [...files.entries.values()].some((content) => isFilledIn(content) || JSON.stringify(plainValue(content) ?? '').includes(key));
  });
}

/** A `global.appsuite` value that is there: filled in, or not empty. */
const isGiven = (tree: ValueTree | undefined) => isFilledIn(tree) || isTruthy(tree);

/** An entry written with an empty value (not a template, token or YAML null: those are unknown or unset). */
const isEmpty = (setting: Setting) => !setting.unknownValue && setting.value.trim() === '';

/** `8.3` for `8.3.0`. */
const shortVersion = (text: string) => formatOxVersion(parseOxVersion(text)!).replace(/\.0$/, '');

/** What the release's version means for the keys: the keys it needs and the words and severity of a finding, or nothing. */
function releaseStanding(
  node: OxNode,
  keys: readonly MandatoryKey[],
): { keys: MandatoryKey[]; severity?: Severity; runs: (needs: string) => string } | undefined {
  const version = node.oxVersion;
  if (version) {
    const needed = mandatoryKeysAt(version.version, keys);
    return needed.length ? { keys: needed, runs: (needs) => `the release runs ${versionWords(version)}, which ${needs}` } : undefined;
  }
  const from = shortVersion(keys.map((k) => k.from).sort()[0]);
  return {
    keys: [...keys],
    severity: 'information',
    runs: (needs) =>
      `the release's OX version is unknown (no explicit image.tag in the values); this assumes OX ${from} or later, which ${needs}`,
  };
}

/**
 * A release of the Kubernetes edition (errata 10): the chart's common-env Secret provides the keys, so an unset
 * key is normal. Reported are a key written with an empty value, and `createCommonEnv: false` in a core-mw
 * release whose values provide a key nowhere. The stack chart creates the Secret itself.
 */
function releaseFindings(cluster: OxCluster & { release: Release }, effective: (node: OxNode) => EffectiveConfig): PlacedFinding[] {
  const release = cluster.release;
  const out: PlacedFinding[] = [];
  const reported = new Set<Setting>();
  const missing = new Set<MandatoryKey>();
  const first = cluster.nodes[0];
  const standing = first && releaseStanding(first, MANDATORY_KEYS);
  if (!standing) return [];
  for (const node of cluster.nodes) {
    const type = node.kubernetes!.type;
    for (const mandatory of standing.keys) {
      const got = effective(node).get(mandatory.key).source;
      if (got && isEmpty(got.setting) && !reported.has(got.setting)) {
        reported.add(got.setting);
        const what = mandatory.note ? ` (${mandatory.note})` : '';
        out.push({
          doc: got.doc,
          finding: {
            ...got.setting.keyRange,
            ...(standing.severity ? { severity: standing.severity } : {}),
            message: `${mandatory.key} is set to an empty value, and ${standing.runs('refuses to start without a value')}${what}. Set a value, or remove the entry and leave the key to the chart's common-env Secret.`,
          },
        });
      }
      const commonEnv = COMMON_ENV[mandatory.key];
      const provided = got || !commonEnv || isGiven(valueAt(release.userValues, ['global', 'appsuite', commonEnv]));
      if (!provided && !elsewhere(type.values, mandatory.key)) missing.add(mandatory);
    }
  }
  const off = commonEnvOff(release);
  if (off && missing.size) {
    const keys = standing.keys.filter((k) => missing.has(k));
    const names = keys.map((k) => k.key).join(', ');
    const globals = keys.map((k) => `global.appsuite.${COMMON_ENV[k.key]}`).join(', ');
    out.push({
      doc: off.doc,
      finding: {
        ...off.span,
        ...(standing.severity ? { severity: standing.severity } : {}),
        message: `createCommonEnv is false, so the chart creates no common-env Secret, and nothing in the values provides ${names} (no ${globals}, no entry under properties or secretProperties); ${standing.runs(`refuses to start without ${keys.length > 1 ? 'them' : 'it'}`)}. Set ${keys.length > 1 ? 'them' : 'it'} under secretProperties, or let the chart create the Secret.`,
      },
    });
  }
  return out;
}

/**
 * `createCommonEnv` written as off in a release of the core-mw chart alone, and where: off only for a value
 * Helm reads as false (a template-filled one is unknown). A release with a stack chart's `core-mw:` root is
 * left alone: the stack chart creates the Secret.
 */
function commonEnvOff(release: Release): { doc: PlacedFinding['doc']; span: { start: number; end: number } } | undefined {
  if (release.docs.some((d) => d.roots.some((r) => r.path.length > 0))) return undefined;
  const written = valueAt(release.userValues, ['createCommonEnv']);
  const key = written?.source?.key;
  if (written?.kind !== 'leaf' || !key?.range || written.value === null || isFilledIn(written) || isTruthy(written)) return undefined;
  return { doc: written.source!.doc, span: { start: key.range[0], end: key.range[1] } };
}

/**
 * A key the node's OX version refuses to start without (from 8.3), unset or empty; a salt shorter than OX asks
 * for. A release is checked as `releaseFindings` says.
 */
export const missingMandatoryRule: CrossRule = {
  id: 'missing-mandatory',
  scope: 'node',
  defaultSeverity: 'error',
  title:
    "A key the node's OX version refuses to start without (cookie.hash.salt, share.cryptKey, sessiond.encryptionKey from 8.3) is unset or empty, or the cookie salt is shorter than the 16 characters OX asks for; in a values file, set empty, or provided nowhere with createCommonEnv false.",
  fixable: false,
  editions: ['classic', 'kubernetes'],
  check: ({ cluster, effective }) => {
    if (cluster.release) return releaseFindings({ ...cluster, release: cluster.release }, effective);
    const out: PlacedFinding[] = [];
    for (const node of cluster.nodes) {
      const version = node.oxVersion;
      if (!version) continue;
      for (const mandatory of mandatoryKeysAt(version.version)) {
        const got = effective(node).get(mandatory.key);
        const value = (got.value ?? '').trim();
        const presence = presenceOf(got);
        const runs = `this node runs ${versionWords(version)}`;
        const what = mandatory.note ? ` (${mandatory.note})` : '';
        if (got.source && presence === 'set') {
          if (mandatory.minLength && value.length < mandatory.minLength) {
            out.push({
              doc: got.source.doc,
              finding: {
                ...got.source.setting.keyRange,
                severity: 'warning',
                message: `${mandatory.key} has ${value.length} characters; OX's documentation asks for a random string of at least ${mandatory.minLength}.`,
              },
            });
          }
          continue;
        }
        if (got.source && presence === 'empty') {
          out.push({
            doc: got.source.doc,
            finding: {
              ...got.source.setting.keyRange,
              message: `${mandatory.key} is empty, and ${runs}, which refuses to start without a value${what}.`,
            },
          });
          continue;
        }
        const file = nodeFile(node, mandatory.file);
        const where = file ? { doc: file, span: firstLineRange(file) } : nodeAnchor(node);
        if (!where) continue;
        out.push({
          doc: where.doc,
          finding: {
            ...where.span,
            message: `${mandatory.key} is not set on this node (it belongs in ${mandatory.file}), and ${runs}, which refuses to start without it${what}.`,
          },
        });
      }
    }
    return out;
  },
};
