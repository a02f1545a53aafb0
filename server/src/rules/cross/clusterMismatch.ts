import { CORE_MW } from '../../catalog/chartFacts';
import { ConfigDocument, firstLineRange, lastSetting, settingsOf } from '../../model/document';
import { nodeTypeConfigWithout } from '../../model/helm/nodeTypeConfig';
import { isSecretMap } from '../../model/helm/oxKeyMaps';
import { PlacedValuesSetting } from '../../model/helm/release';
import { isValuesDocument, ValuesSetting } from '../../model/helm/valuesDocument';
import { valueOrKeyRange } from '../../model/setting';
import { SECRET_IN_TEXT } from '../../values/redact';
import { EffectiveConfig } from '../../model/effective';
import { mapFiles, nodeFile, OxNode } from '../../model/node';
import { ClusterContext, CrossRule, PlacedFinding } from '../crossRule';
import { Fix, Severity } from '../rule';
import { putIntent } from './helpers';
import { isTrue } from '../../values/boolean';
import { EVENT_INVALIDATION, GROUP_NAME, HAZELCAST_ENABLED, JOIN, MAP_MAX_IDLE, SYMMETRIC_ENCRYPTION } from '../../catalog/oxKeys';
import { idleBelowLifetime, sessionLifetimeSeconds } from './sessionIdleBelowLifetime';
import { typeAnchor } from './typeAnchor';

/** Settings every node must share, with the file that holds them and how bad a difference is. */
const SHARED: Array<{ key: string; file: string; severity: Severity; ignoreCase?: boolean }> = [
  { key: GROUP_NAME, file: 'hazelcast.properties', severity: 'error' },
  { key: JOIN, file: 'hazelcast.properties', severity: 'error', ignoreCase: true },
  { key: SYMMETRIC_ENCRYPTION, file: 'hazelcast.properties', severity: 'error', ignoreCase: true },
  { key: `${SYMMETRIC_ENCRYPTION}.algorithm`, file: 'hazelcast.properties', severity: 'error' },
  { key: `${SYMMETRIC_ENCRYPTION}.salt`, file: 'hazelcast.properties', severity: 'error' },
  { key: `${SYMMETRIC_ENCRYPTION}.password`, file: 'hazelcast.properties', severity: 'error' },
  { key: `${SYMMETRIC_ENCRYPTION}.iterationCount`, file: 'hazelcast.properties', severity: 'error' },
  { key: EVENT_INVALIDATION, file: 'cache.properties', severity: 'warning', ignoreCase: true },
  // Sessions move between nodes; each node must be able to decrypt the others' session data.
  { key: 'com.openexchange.sessiond.encryptionKey', file: 'sessiond.properties', severity: 'warning' },
];

/** One node's value of a shared setting, and where a finding about it goes. */
interface Observation {
  node: OxNode;
  value: string;
  doc: ConfigDocument;
  span: { start: number; end: number };
  set: boolean;
}

/** How a message shows one node's value: a set secret never, an unset key as such, a default marked. */
function shownValue(value: string, set: boolean, secret: boolean): string {
  if (secret) return set ? SECRET_IN_TEXT : '(not set)';
  if (set) return JSON.stringify(value);
  return value === '' ? '(not set)' : `${JSON.stringify(value)} (default)`;
}

/** The most common of the normalised values and how often it occurs; undefined when they all agree. */
function mostCommon(values: readonly string[]): { value: string; count: number } | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  if (counts.size < 2) return undefined;
  const [value, count] = [...counts].sort((a, b) => b[1] - a[1])[0];
  return { value, count };
}

/** Aligns a node with the majority: copies its value, or removes the setting when most nodes leave it unset. */
function alignFixes(
  o: Observation,
  majority: Observation,
  key: string,
  secret: boolean,
  canAlign: (o: Observation, value: string) => boolean,
): Fix[] {
  if (!majority.set) {
    const settings = o.set ? settingsOf(o.doc, key) : [];
    if (!settings.length) return [];
    return [{ title: 'Remove this setting, as most nodes leave it at the default', intents: [{ kind: 'remove', doc: o.doc, settings }] }];
  }
  const target = majority.value.trim();
  // Writing an empty value would not help; there is nothing to copy.
  if (target === '' || !canAlign(o, target)) return [];
  return [
    {
      title: secret ? `Align ${key} with the other nodes` : `Align with the other nodes: ${target}`,
      intents: [putIntent(o.doc, key, target)],
    },
  ];
}

function compare(
  observations: Observation[],
  label: string,
  key: string,
  severity: Severity,
  secret: boolean,
  ignoreCase: boolean,
  canAlign: (o: Observation, value: string) => boolean = () => true,
): PlacedFinding[] {
  const norm = (v: string) => (ignoreCase ? v.trim().toLowerCase() : v.trim());
  const common = mostCommon(observations.map((o) => norm(o.value)));
  if (!common) return [];
  const majority = common.count * 2 > observations.length ? common.value : undefined;
  const shown = (o: Observation) => shownValue(o.value, o.set, secret);
  const inMajority = observations.filter((o) => majority !== undefined && norm(o.value) === majority);
  const majorityObservation = inMajority.find((o) => o.set) ?? inMajority[0];
  const out: PlacedFinding[] = [];
  for (const o of observations) {
    if (majority !== undefined && norm(o.value) === majority) continue;
    const others = observations.filter((x) => x !== o);
    // Secrets are never shown: two set secrets only "differ".
    const versus =
      majorityObservation && secret && o.set && majorityObservation.set
        ? `${o.node.name} has a different secret value than most nodes`
        : `${o.node.name} has ${shown(o)}, most nodes have ${majorityObservation ? shown(majorityObservation) : ''}`;
    const message = majorityObservation
      ? `${label} differs from the other nodes of the cluster: ${versus}. Nodes must agree on it${severity === 'error' ? ', or the cluster splits' : ''}.`
      : `${label} differs across the nodes of the cluster (${observations.map((x) => `${x.node.name}: ${shown(x)}`).join(', ')}); they must agree on it.`;
    const fixes = majorityObservation ? alignFixes(o, majorityObservation, key, secret, canAlign) : [];
    out.push({
      doc: o.doc,
      finding: {
        ...o.span,
        severity,
        message,
        related: others.map((x) => ({ doc: x.doc, ...x.span, message: `${x.node.name}: ${shown(x)}` })),
        fixes,
      },
    });
  }
  return out;
}

/**
 * Whether a classic node joins Hazelcast: not when it sets com.openexchange.hazelcast.enabled to a value OX
 * reads as false (a value a template fills in may be true).
 */
function joinsHazelcast(config: EffectiveConfig): boolean {
  const enabled = config.get(HAZELCAST_ENABLED);
  return !enabled.source || enabled.source.setting.unknownValue !== undefined || isTrue(enabled.value);
}

function sharedSettings({ cluster, effective, catalog }: ClusterContext): PlacedFinding[] {
  const out: PlacedFinding[] = [];
  // A node with Hazelcast off is no member: its group name, join and encryption split nothing.
  const members = cluster.nodes.filter((n) => joinsHazelcast(effective(n)));
  // Algorithm, salt, password and iteration count only matter where some node turns encryption on.
  const encrypted = members.some((n) => isTrue(effective(n).value(SYMMETRIC_ENCRYPTION)));
  for (const { key, file, severity, ignoreCase } of SHARED) {
    if (key.startsWith(`${SYMMETRIC_ENCRYPTION}.`) && !encrypted) continue;
    const observations: Observation[] = [];
    for (const node of file === 'hazelcast.properties' ? members : cluster.nodes) {
      const config: EffectiveConfig = effective(node);
      const value = config.get(key);
      const home = nodeFile(node, file);
      // A blank group name is missing-group-name's finding (or harmless with join=empty), not a difference.
      if (key === GROUP_NAME && (value.value ?? '').trim() === '') continue;
      if (value.source) {
        const { doc, setting } = value.source;
        // The value as the node reads it (an 8.x node decodes a file read byte by byte as UTF-8).
        observations.push({ node, value: value.value ?? setting.value, doc, span: valueOrKeyRange(setting), set: true });
      } else if (home) {
        observations.push({ node, value: value.value ?? '', doc: home, span: firstLineRange(home), set: false });
      }
    }
    if (observations.length < 2) continue;
    const secret = !!catalog.lookup(key, 'properties')?.def.secret;
    out.push(...compare(observations, key, key, severity, secret, !!ignoreCase));
  }
  return out;
}

function mapSettings({ cluster, catalog, effective }: ClusterContext): PlacedFinding[] {
  const out: PlacedFinding[] = [];
  const byFile = new Map<string, Array<{ node: OxNode; doc: ConfigDocument }>>();
  for (const node of cluster.nodes) {
    if (!joinsHazelcast(effective(node))) continue;
    for (const doc of mapFiles(node)) {
      const list = byFile.get(doc.kind.name) ?? [];
      list.push({ node, doc });
      byFile.set(doc.kind.name, list);
    }
  }
  for (const [fileName, copies] of byFile) {
    if (copies.length < 2) continue;
    const keys = new Set<string>();
    for (const { doc } of copies) for (const e of doc.settings) keys.add(e.canonicalKey);
    for (const key of keys) {
      // Unknown fields are skipped by OX (unknown-key reports them); comparing them says nothing.
      const def = catalog.lookup(key, 'properties')?.def;
      if (!def) continue;
      const observations: Observation[] = copies.map(({ node, doc }) => {
        const e = lastSetting(doc, key);
        if (e) return { node, value: e.value, doc, span: valueOrKeyRange(e), set: true };
        return { node, value: def?.default ?? '', doc, span: firstLineRange(doc), set: false };
      });
      // No fix that takes a sessions map's maxIdleSeconds below the node's own session lifetime: the raise fix of
      // session-idle-below-lifetime would undo it, and check --fix would go back and forth between the two.
      const canAlign = (o: Observation, value: string) =>
        key !== MAP_MAX_IDLE || !idleBelowLifetime(o.doc, value, sessionLifetimeSeconds(effective(o.node)));
      out.push(
        ...compare(observations, `${key} in hazelcast/${fileName}`, key, 'warning', !!def?.secret, def?.type === 'boolean', canAlign),
      );
    }
  }
  return out;
}

/** The chart sets these for every Hazelcast pod alike (group name, join); chart-managed-key reports overrides. */
const CHART_MANAGED = new Set(CORE_MW.chartManagedProperties.map((p) => p.key));

/** One Hazelcast node type's value of a shared setting, and the values-file entry it comes from. */
interface TypeObservation {
  node: OxNode;
  value: string;
  source?: PlacedValuesSetting;
}

/** An entry under `roles.<role>.values` or `scaling.nodes.<type>.values`: it overrides the release's value for some types. */
function isOverride(setting: ValuesSetting): boolean {
  return !!(setting.map.role || setting.map.nodeType);
}

/** Where a type's value is written, else where the type is declared. */
function observedAt(o: TypeObservation): { doc: ConfigDocument; span: { start: number; end: number } } | undefined {
  return o.source ? { doc: o.source.doc, span: valueOrKeyRange(o.source.setting) } : typeAnchor(o.node);
}

/** `"api", "sync" have "true", "docs" has "false"`: types grouped by the value they show. */
function byValue(observations: readonly TypeObservation[], shown: (o: TypeObservation) => string): string {
  const groups = new Map<string, OxNode[]>();
  for (const o of observations) groups.set(shown(o), [...(groups.get(shown(o)) ?? []), o.node]);
  return [...groups]
    .map(([value, nodes]) => `${nodes.map((n) => `"${n.name}"`).join(', ')} ${nodes.length === 1 ? 'has' : 'have'} ${value}`)
    .join(', ');
}

function typeNames(nodes: readonly OxNode[]): string {
  return `node type${nodes.length === 1 ? '' : 's'} ${nodes.map((n) => `"${n.name}"`).join(', ')}`;
}

/**
 * The shared settings of one release's Hazelcast node types: a role's or a type's own values that give some
 * types another value than the others get. The chart-managed keys are chart-managed-key's to report.
 */
function releaseSettings({ cluster, effective, catalog }: ClusterContext): PlacedFinding[] {
  const release = cluster.release!;
  const members = cluster.nodes.filter((n) => n.kubernetes?.type.hazelcast && n.kubernetes.type.replicas !== 0);
  if (members.length < 2) return [];
  const out: PlacedFinding[] = [];
  const encrypted = members.some((n) => isTrue(effective(n).value(SYMMETRIC_ENCRYPTION)));
  for (const { key, severity, ignoreCase } of SHARED) {
    if (CHART_MANAGED.has(key) || (key.startsWith(`${SYMMETRIC_ENCRYPTION}.`) && !encrypted)) continue;
    const observations: TypeObservation[] = members.map((node) => {
      const got = effective(node).get(key);
      const source = got.source && isValuesDocument(got.source.doc) ? (got.source as PlacedValuesSetting) : undefined;
      return { node, value: got.value ?? '', ...(source ? { source } : {}) };
    });
    // A value a template or script fills in may well be equal: nothing can be said.
    if (observations.some((o) => o.source?.setting.unknownValue)) continue;
    const norm = (v: string) => (ignoreCase ? v.trim().toLowerCase() : v.trim());
    const common = mostCommon(observations.map((o) => norm(o.value)));
    if (!common) continue;
    const majority = common.count * 2 > observations.length ? observations.find((o) => norm(o.value) === common.value) : undefined;
    const secret = !!catalog.lookup(key, 'properties')?.def.secret;
    const shown = (o: TypeObservation) => shownValue(o.value, !!o.source, secret);
    const entries = [...new Set(observations.flatMap((o) => (o.source && isOverride(o.source.setting) ? [o.source.setting] : [])))];
    for (const setting of entries) {
      const own = observations.filter((o) => o.source?.setting === setting);
      const placed = own[0].source!;
      const value = norm(own[0].value);
      // What each of its types gets once the entry is gone: when that is the same, the entry changes nothing.
      const fallbacks = own.map((o) => {
        return norm(nodeTypeConfigWithout(release, o.node.kubernetes!.type, placed, catalog).value(key));
      });
      if (fallbacks.every((f) => f === value)) continue;
      const others = observations.filter((o) => !own.includes(o) && norm(o.value) !== value);
      if (!others.length) continue;
      const origin = setting.map.role ? `role "${setting.map.role}"` : 'its own values';
      const versus = secret
        ? `${typeNames(own.map((o) => o.node))} ${own.length === 1 ? 'gets' : 'get'} a different secret value from ${origin} than ${others.map((o) => `"${o.node.name}"`).join(', ')}`
        : `${typeNames(own.map((o) => o.node))} ${own.length === 1 ? 'gets' : 'get'} ${shown(own[0])} from ${origin}, while ${byValue(others, shown)}`;
      const fixes: Fix[] = [];
      if (majority && norm(majority.value) !== value) {
        const target = majority.value.trim();
        // Another entry at the same level (an earlier values file) would take over on removal: its value is not known here.
        const shadowed = release.docs.some((d) =>
          d.settings.some(
            (s) =>
              s !== setting &&
              s.canonicalKey === setting.canonicalKey &&
              s.map.kind === setting.map.kind &&
              s.map.file === setting.map.file &&
              s.map.role === setting.map.role &&
              s.map.nodeType === setting.map.nodeType,
          ),
        );
        if (!shadowed && fallbacks.every((f) => f === norm(target))) {
          fixes.push({
            title: `Remove this override, so that ${typeNames(own.map((o) => o.node))} ${own.length === 1 ? 'gets' : 'get'} ${secret ? 'the value of the other types' : `${JSON.stringify(target)} like the other types`}`,
            intents: [{ kind: 'remove', doc: placed.doc, settings: [setting] }],
          });
        } else if (target !== '' && (!secret || isSecretMap(setting.map.kind))) {
          // A secret is only copied into a Secret's map, never into a ConfigMap.
          fixes.push({
            title: secret ? `Align ${key} with the other node types` : `Align with the other node types: ${target}`,
            intents: [putIntent(placed.doc, setting.key, target, setting)],
          });
        }
      }
      out.push({
        doc: placed.doc,
        finding: {
          ...valueOrKeyRange(setting),
          severity,
          message: `${key} differs between the node types of one Hazelcast cluster: ${versus}. They must agree on it${severity === 'error' ? ', or the cluster splits' : ''}.`,
          related: observations
            .filter((o) => !own.includes(o))
            .flatMap((o) => {
              const at = observedAt(o);
              return at ? [{ doc: at.doc, ...at.span, message: `${o.node.name}: ${shown(o)}` }] : [];
            }),
          fixes,
        },
      });
    }
  }
  return out;
}

/** Settings OX needs equal on every node of a cluster. */
export const clusterMismatchRule: CrossRule = {
  id: 'cluster-mismatch',
  scope: 'cluster',
  editions: ['classic', 'kubernetes'],
  defaultSeverity: 'warning',
  title:
    'A setting all nodes must share differs between them: group name, join mode or Hazelcast encryption (an error, as the cluster splits), map settings, event invalidation or the session encryption key.',
  fixable: true,
  check: (context) => (context.cluster.release ? releaseSettings(context) : [...sharedSettings(context), ...mapSettings(context)]),
};
