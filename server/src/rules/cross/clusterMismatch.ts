import { ConfigDocument, firstLineRange, lastSetting, settingsOf } from '../../model/document';
import { valueOrKeyRange } from '../../model/setting';
import { SECRET_IN_TEXT } from '../../values/redact';
import { EffectiveConfig } from '../../model/effective';
import { mapFiles, nodeFile, OxNode } from '../../model/node';
import { ClusterContext, CrossRule, PlacedFinding } from '../crossRule';
import { Fix, Severity } from '../rule';
import { isTrue, putIntent } from './helpers';
import { EVENT_INVALIDATION, GROUP_NAME, JOIN, MAP_MAX_IDLE, SYMMETRIC_ENCRYPTION } from '../../catalog/oxKeys';
import { idleBelowLifetime, sessionLifetimeSeconds } from './sessionIdleBelowLifetime';

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
  const counts = new Map<string, number>();
  for (const o of observations) counts.set(norm(o.value), (counts.get(norm(o.value)) ?? 0) + 1);
  if (counts.size < 2) return [];
  const [top, topCount] = [...counts].sort((a, b) => b[1] - a[1])[0];
  const majority = topCount * 2 > observations.length ? top : undefined;
  const shown = (o: Observation) =>
    secret
      ? o.set
        ? SECRET_IN_TEXT
        : '(not set)'
      : o.set
        ? JSON.stringify(o.value)
        : o.value === ''
          ? '(not set)'
          : `${JSON.stringify(o.value)} (default)`;
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

function sharedSettings({ cluster, effective, catalog }: ClusterContext): PlacedFinding[] {
  const out: PlacedFinding[] = [];
  // Algorithm, salt, password and iteration count only matter where some node turns encryption on.
  const encrypted = cluster.nodes.some((n) => isTrue(effective(n).value(SYMMETRIC_ENCRYPTION)));
  for (const { key, file, severity, ignoreCase } of SHARED) {
    if (key.startsWith(`${SYMMETRIC_ENCRYPTION}.`) && !encrypted) continue;
    const observations: Observation[] = [];
    for (const node of cluster.nodes) {
      const config: EffectiveConfig = effective(node);
      const value = config.get(key);
      const home = nodeFile(node, file);
      // A blank group name is missing-group-name's finding (or harmless with join=empty), not a difference.
      if (key === GROUP_NAME && (value.value ?? '').trim() === '') continue;
      if (value.source) {
        const { doc, setting } = value.source;
        observations.push({ node, value: setting.value, doc, span: valueOrKeyRange(setting), set: true });
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

/** Settings OX needs equal on every node of a cluster. */
export const clusterMismatchRule: CrossRule = {
  id: 'cluster-mismatch',
  scope: 'cluster',
  defaultSeverity: 'warning',
  title:
    'A setting all nodes must share differs between them: group name, join mode or Hazelcast encryption (an error, as the cluster splits), map settings, event invalidation or the session encryption key.',
  fixable: true,
  check: (context) => [...sharedSettings(context), ...mapSettings(context)],
};
