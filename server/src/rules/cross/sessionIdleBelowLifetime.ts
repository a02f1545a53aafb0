import { ConfigDocument, lastSetting } from '../../model/document';
import { describeDuration, parseTimespan } from '../../values/timespan';
import { EffectiveConfig } from '../../model/effective';
import { mapFiles, nodeFile } from '../../model/node';
import { fileKindOf } from '../../catalog/fileKind';
import { CrossRule, PlacedFinding } from '../crossRule';
import { ValuesSetting } from '../../model/helm/valuesDocument';
import { OxCluster, OxNode } from '../../model/node';
import { keySpan, where } from './helpers';
import { MAP_MAX_IDLE, MAP_NAME, SESSION_LIFETIME } from '../../catalog/oxKeys';

const MARGIN_SECONDS = 86_400;

/** A node's session lifetime in seconds as this rule reads it (sessionLongLifeTime, default 1W); undefined when unparsable. */
export function sessionLifetimeSeconds(config: EffectiveConfig): number | undefined {
  const parsed = parseTimespan(config.get(SESSION_LIFETIME).value ?? '1W');
  return parsed.ok ? Math.floor(parsed.ms / 1000) : undefined;
}

/** Whether this rule reports a maxIdleSeconds value (with its raise fix) in a map file of a node with that lifetime. */
export function idleBelowLifetime(doc: ConfigDocument, idle: string, lifetimeSeconds: number | undefined): boolean {
  const name = lastSetting(doc, MAP_NAME)?.value ?? '';
  return (
    name.startsWith('sessions-') &&
    lifetimeSeconds !== undefined &&
    /^\d+$/.test(idle) &&
    Number(idle) > 0 &&
    Number(idle) <= lifetimeSeconds
  );
}

/** The sessions map must keep idle entries longer than a session may live, or Hazelcast drops live sessions. */
export const sessionIdleBelowLifetimeRule: CrossRule = {
  id: 'session-idle-below-lifetime',
  scope: 'node',
  defaultSeverity: 'warning',
  title: "The sessions map's maxIdleSeconds is not above sessionLongLifeTime, so idle sessions vanish from the cluster before they expire.",
  fixable: true,
  editions: ['classic', 'kubernetes'],
  check: ({ cluster, effective }) => {
    if (cluster.release) return releaseFindings(cluster, effective);
    const out: PlacedFinding[] = [];
    for (const node of cluster.nodes) {
      const lifetime = effective(node).get(SESSION_LIFETIME);
      const lifetimeText = lifetime.value ?? '1W';
      const parsed = parseTimespan(lifetimeText);
      if (!parsed.ok) continue;
      const lifetimeSeconds = Math.floor(parsed.ms / 1000);
      for (const doc of mapFiles(node)) {
        const name = lastSetting(doc, MAP_NAME)?.value ?? '';
        if (!name.startsWith('sessions-')) continue;
        const idle = lastSetting(doc, MAP_MAX_IDLE);
        if (!idle || !/^\d+$/.test(idle.value)) continue;
        const seconds = Number(idle.value);
        const span = { ...idle.valueRange };
        if (seconds === 0) {
          out.push({
            doc,
            finding: {
              ...span,
              severity: 'information',
              message:
                'maxIdleSeconds=0: Hazelcast never evicts idle sessions from this map; OX removes them only when they end, so a session whose node goes down can linger.',
            },
          });
          continue;
        }
        if (seconds > lifetimeSeconds) continue;
        const source = lifetime.source;
        const sessiond = nodeFile(node, 'sessiond.properties');
        const lifetimeWords = `${lifetimeText} = ${describeDuration(parsed.ms)} = ${lifetimeSeconds} s`;
        const target = lifetimeSeconds + MARGIN_SECONDS;
        out.push({
          doc,
          finding: {
            ...span,
            message: `maxIdleSeconds ${seconds} (${describeDuration(seconds * 1000)}) is not above the session lifetime (${lifetimeWords}${source ? ` from ${where(source)}` : ', the default'}): Hazelcast evicts sessions OX still considers alive.`,
            // Unset: point at sessiond.properties, where the key belongs, if the node has one.
            related: source
              ? [{ doc: source.doc, ...keySpan(source), message: `Session lifetime ${lifetimeText}` }]
              : sessiond
                ? [{ doc: sessiond, start: 0, end: 0, message: `${SESSION_LIFETIME} is not set: default 1W` }]
                : [],
            fixes: [
              {
                title: `Raise maxIdleSeconds to ${target} (lifetime ${lifetimeText} = ${lifetimeSeconds} s + 1 day)`,
                preferred: true,
                intents: [{ kind: 'set-value', doc, setting: idle, value: String(target) }],
              },
            ],
          },
        });
      }
    }
    return out;
  },
};

/** Whether a values map applies to a node type: set at the chart root, by one of its roles, or for the type itself. */
function appliesTo(s: ValuesSetting, node: OxNode): boolean {
  const type = node.kubernetes!.type;
  return s.map.role ? type.roles.includes(s.map.role) : s.map.nodeType ? s.map.nodeType === type.name : true;
}

/** A release: each sessions map its values configure (propertiesFiles for hazelcast/sessions.properties) against the lifetime of the types it applies to. */
function releaseFindings(cluster: OxCluster, effective: (node: OxNode) => EffectiveConfig): PlacedFinding[] {
  const out: PlacedFinding[] = [];
  for (const doc of cluster.release!.docs) {
    for (const idle of doc.settings) {
      if (idle.canonicalKey !== MAP_MAX_IDLE || idle.unknownValue || !idle.map.file || !fileKindOf(idle.map.file).isMapFile) continue;
      const named = doc.settings.filter((s) => s.scope === idle.scope && s.canonicalKey === MAP_NAME).pop()?.value;
      const name = named ?? (idle.map.file.endsWith('/sessions.properties') ? 'sessions-' : '');
      if (!name.startsWith('sessions-') || !/^\d+$/.test(idle.value) || Number(idle.value) === 0) continue;
      const seconds = Number(idle.value);
      const short = cluster.nodes
        .filter((n) => n.kubernetes?.type.hazelcast && appliesTo(idle, n))
        .map((n) => ({ node: n, lifetime: sessionLifetimeSeconds(effective(n)) }))
        .filter((t) => t.lifetime !== undefined && seconds <= t.lifetime);
      if (!short.length) continue;
      const longest = Math.max(...short.map((t) => t.lifetime!));
      const target = longest + MARGIN_SECONDS;
      out.push({
        doc,
        finding: {
          ...idle.valueRange,
          message: `maxIdleSeconds ${seconds} (${describeDuration(seconds * 1000)}) is not above the session lifetime of node type${short.length === 1 ? '' : 's'} ${short.map((t) => `"${t.node.name}" (${t.lifetime} s)`).join(', ')}: Hazelcast evicts sessions OX still considers alive.`,
          fixes: [
            {
              title: `Raise maxIdleSeconds to ${target} (lifetime ${longest} s + 1 day)`,
              preferred: true,
              intents: [{ kind: 'set-value', doc, setting: idle, value: String(target) }],
            },
          ],
        },
      });
    }
  }
  return out;
}
