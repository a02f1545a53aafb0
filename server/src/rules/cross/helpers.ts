import { ConfigDocument, firstLineRange, lastSetting, lineNumber } from '../../model/document';
import { FixIntent } from '../../model/edits';
import { PlacedSetting, Setting, valueOrKeyRange } from '../../model/setting';
import { EffectiveConfig, EffectiveValue, isUnknownValue } from '../../model/effective';
import { exclusiveBranches } from '../../template/scan';
import { nodeFile, OxNode } from '../../model/node';
import { Finding } from '../rule';
import { GROUP_NAME, JOIN } from '../../catalog/oxKeys';

/** The document a finding about an unset key goes to: the file that would hold it, else hazelcast.properties. */
export function homeDoc(node: OxNode, fileName: string): ConfigDocument | undefined {
  return nodeFile(node, fileName) ?? nodeFile(node, 'hazelcast.properties') ?? node.docs.find((d) => !d.kind.isMapFile) ?? node.docs[0];
}

/** The span of a setting's value (its key when the value is empty). */
export function valueSpan(placed: PlacedSetting): { start: number; end: number } {
  return valueOrKeyRange(placed.setting);
}

export function keySpan(placed: PlacedSetting): { start: number; end: number } {
  return placed.setting.keyRange;
}

/** The intent that sets `key=value` in `doc`: its last setting gets the value, or a new one follows `after` (else the end). */
export function putIntent(doc: ConfigDocument, key: string, value: string, after?: Setting): FixIntent {
  return { kind: 'put', doc, key, value, after };
}

/** A finding placed on a setting when it is set, else on line 1 of the file that would hold it. */
export function findingAt(
  placed: PlacedSetting | undefined,
  fallback: ConfigDocument,
  message: string,
  extra: Partial<Finding> = {},
): { doc: ConfigDocument; finding: Finding } {
  if (placed) return { doc: placed.doc, finding: { ...valueSpan(placed), message, ...extra } };
  return { doc: fallback, finding: { ...firstLineRange(fallback), message, ...extra } };
}

/** `file:line` of a setting, for messages. */
export function where(placed: PlacedSetting): string {
  const doc = placed.doc;
  return `${doc.kind.isMapFile ? `hazelcast/${doc.kind.name}` : doc.kind.name}:${lineNumber(doc, placed.setting.range.start)}`;
}

/** The node's join mode as OX reads it (trimmed, lower case; unset is `empty`); undefined when OX rejects it or it is unknown. */
export function joinMode(config: EffectiveConfig): string | undefined {
  return isUnknownValue(config.get(JOIN)) ? undefined : config.choice(JOIN);
}

/** Where a finding about a node as a whole goes: its group.name line, else line 1 of its hazelcast.properties or first file. */
export function nodeAnchor(node: OxNode): { doc: ConfigDocument; span: { start: number; end: number } } | undefined {
  const doc = nodeFile(node, 'hazelcast.properties') ?? node.docs[0];
  if (!doc) return undefined;
  const group = lastSetting(doc, GROUP_NAME);
  return { doc, span: group ? group.keyRange : firstLineRange(doc) };
}

/** The value OX reads (the default when unset; '' when there is none), or undefined when it is unknown (see isUnknownValue). */
export function knownValue(value: EffectiveValue): string | undefined {
  return isUnknownValue(value) ? undefined : (value.value ?? '');
}

/** Settings a finding combines can render together: no two in one template lie in different arms of one if/else. */
export function renderTogether(...placed: ReadonlyArray<PlacedSetting | undefined>): boolean {
  const set = placed.filter((p): p is PlacedSetting => p !== undefined && p.setting.branch !== undefined);
  return !set.some((a, i) => set.slice(i + 1).some((b) => a.doc === b.doc && exclusiveBranches(a.setting.branch!, b.setting.branch!)));
}
