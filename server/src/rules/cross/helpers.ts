import { OxDocument, OxEntry, lastEntryFor } from '../../document';
import { escapeKey, escapeValue } from '../../parser/javaText';
import { EffectiveConfig, Setting } from '../../workspace/effective';
import { nodeFile, OxNode } from '../../workspace/model';
import { lineAfter, lineAtEnd } from '../lineEdits';
import { EditSpec, Finding } from '../rule';
import { JOIN } from './oxKeys';

/** The document a finding about an unset key goes to: the file that would hold it, else hazelcast.properties. */
export function homeDoc(node: OxNode, fileName: string): OxDocument | undefined {
  return nodeFile(node, fileName) ?? nodeFile(node, 'hazelcast.properties') ?? node.docs.find((d) => !d.kind.isMapFile) ?? node.docs[0];
}

/** The span of line 1 of a document. */
export function firstLine(doc: OxDocument): { start: number; end: number } {
  const text = doc.parsed.text;
  const lf = text.search(/\r|\n/);
  return { start: 0, end: lf < 0 ? text.length : lf };
}

/** The span of a setting's value (its key when the value is empty). */
export function valueSpan(setting: { entry: OxEntry }): { start: number; end: number } {
  const e = setting.entry;
  return e.value === '' ? e.entry.keySpan : e.valueSpan;
}

export function keySpan(setting: { entry: OxEntry }): { start: number; end: number } {
  return setting.entry.entry.keySpan;
}

function lineBreak(doc: OxDocument): string {
  const m = /\r\n|\r|\n/.exec(doc.parsed.text);
  return m ? m[0] : '\n';
}

/** An edit that sets `key=value` in `doc`: replaces the value of its last entry, or adds a line. */
export function setValueEdit(doc: OxDocument, key: string, value: string, after?: OxEntry): EditSpec {
  const existing = lastEntryFor(doc, key);
  if (existing) {
    // A key alone on its line has no separator: without one the value would run into the key.
    const separator = existing.entry.separator === '' ? '=' : '';
    return { doc, start: existing.valueSpan.start, end: existing.valueSpan.end, newText: separator + escapeValue(value) };
  }
  const line = `${escapeKey(key)}=${escapeValue(value)}`;
  const eol = lineBreak(doc);
  if (after) return { doc, start: after.entry.end, end: after.entry.end, newText: lineAfter(doc.parsed, after.entry.end, line, eol) };
  const end = doc.parsed.text.length;
  return { doc, start: end, end, newText: lineAtEnd(doc.parsed, line, eol) };
}

/** A finding placed on a setting when it is set, else on line 1 of the file that would hold it. */
export function findingAt(
  setting: Setting | undefined,
  fallback: OxDocument,
  message: string,
  extra: Partial<Finding> = {},
): { doc: OxDocument; finding: Finding } {
  if (setting) return { doc: setting.doc, finding: { ...valueSpan(setting), message, ...extra } };
  return { doc: fallback, finding: { ...firstLine(fallback), message, ...extra } };
}

/** `file:line` of a setting, for messages. */
export function where(setting: Setting): string {
  return `${setting.doc.kind.isMapFile ? `hazelcast/${setting.doc.kind.name}` : setting.doc.kind.name}:${setting.doc.text.positionAt(setting.entry.entry.start).line + 1}`;
}

const JOIN_MODES = new Set(['empty', 'static', 'multicast', 'dns', 'kubernetes', 'aws']);

/** The node's join mode as OX reads it (trimmed, lower case; unset is `empty`); undefined when OX rejects it. */
export function joinMode(config: EffectiveConfig): string | undefined {
  const mode = config.value(JOIN).trim().toLowerCase() || 'empty';
  return JOIN_MODES.has(mode) ? mode : undefined;
}

export function isTrue(value: string | null | undefined): boolean {
  return (value ?? '').trim().toLowerCase() === 'true';
}
