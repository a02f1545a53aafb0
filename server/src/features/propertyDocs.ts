import { KnownProperty } from '../catalog/catalog';
import { BEFORE_7_10, PropertyDef, RemovalFact, UNKNOWN_VERSION } from '../catalog/types';
import { isRetired, retiredIn } from '../catalog/versionFacts';
import { emptyMeaning } from '../values/checkValue';
import { explainTimespan } from '../values/timespan';

const TYPE_NAMES: Record<string, string> = {
  'host-list': 'list of hosts',
  'interface-list': 'list of interface addresses',
  'port-list': 'list of ports and port ranges',
  'ip-list': 'list of IP addresses, CIDR blocks or ranges',
  'string-list': 'list',
  'ip-address': 'IP address',
  'class-name': 'Java class name',
  timespan: 'time span',
  route: 'route identifier',
  unsupported: 'not settable from a property',
};

export function typeName(def: PropertyDef): string {
  return TYPE_NAMES[def.type] ?? def.type;
}

/** The default as shown to a user: secrets are not repeated. */
export function shownDefault(def: PropertyDef): string {
  if (def.default === null) return 'none';
  if (def.secret && def.default !== '') return '(a publicly known secret: set your own)';
  if (def.default === '') return '(empty)';
  return `\`${def.default}\``;
}

function allowed(def: PropertyDef): string | undefined {
  const parts: string[] = [];
  if (def.values?.length) parts.push(def.values.map((v) => `\`${v}\``).join(', '));
  if (def.special?.length) parts.push(def.special.map((v) => `\`${v}\``).join(', '));
  if (def.min !== undefined || def.max !== undefined) {
    const unit = def.unit ? ` ${def.unit}` : '';
    if (def.min !== undefined && def.max !== undefined) parts.push(`${def.min} to ${def.max}${unit}`);
    else if (def.min !== undefined) parts.push(`at least ${def.min}${unit}`);
    else parts.push(`at most ${def.max}${unit}`);
  } else if (def.unit) {
    parts.push(`in ${def.unit}`);
  }
  if (def.effectiveMax !== undefined) parts.push(`no effect above ${def.effectiveMax}`);
  return parts.length ? parts.join('; ') : undefined;
}

function shippedSecretsNote(def: PropertyDef): string | undefined {
  const count = def.secretDefault?.length ?? 0;
  return count ? `OX's sources have shipped ${count} publicly known value${count === 1 ? '' : 's'} for this secret.` : undefined;
}

/** A one-line summary for completion items: type and default. */
export function shortDetail(def: PropertyDef): string {
  return `${typeName(def)} · default ${def.secret ? 'hidden' : def.default === null ? 'none' : def.default === '' ? '(empty)' : def.default}`;
}

function removalSentence(removed: RemovalFact): string {
  if (removed.version !== UNKNOWN_VERSION) return `Removed in ${removed.version}.`;
  const { lastReadIn: last, notReadIn: gone } = removed;
  if (last && gone) return `Removed between ${last} and ${gone} (exact version unknown).`;
  if (last || gone) return `Removed ${last ? `after ${last}` : `by ${gone}`} (exact version unknown).`;
  return 'Removed (version unknown).';
}

/**
 * A key's version facts in one line ("Since 7.10.5."), or undefined. An old key (before 7.10) says nothing, and
 * a retired key's removal is left to the warning above the description.
 */
export function versionLine(def: PropertyDef): string | undefined {
  const parts: string[] = [];
  const since = def.since;
  if (since?.disputed) {
    parts.push(
      `Since ${since.version} (${since.basis ?? 'one source'}) / ${since.disputed.version} (${since.disputed.basis ?? 'another source'}).`,
    );
  } else if (since && since.version !== BEFORE_7_10) {
    parts.push(`Since ${since.version}.`);
  }
  if (def.stockValues && !def.secret) {
    const changes = def.stockValues.map(
      (c) => `Stock value \`${c.value}\` since ${c.from}${c.previous !== undefined ? ` (\`${c.previous}\` before)` : ''}`,
    );
    // The value for an absent key, unless it is the current stock value anyway.
    const absent = def.default !== null && def.default !== def.stockValues[def.stockValues.length - 1].value;
    parts.push(`${changes.join('; ')}${absent ? `; \`${def.default}\` when the key is absent` : ''}.`);
  }
  if (!isRetired(def)) {
    if (def.ignoredFrom) parts.push(`OX ignores it from ${def.ignoredFrom.version}.`);
    if (def.removedIn) parts.push(removalSentence(def.removedIn));
  }
  return parts.length ? parts.join(' ') : undefined;
}

/** The warning above the description of a renamed key or one the checks treat as no longer read. */
function retiredWarning(def: PropertyDef): string | undefined {
  const gone = retiredIn(def);
  if (def.replacedBy)
    return `⚠️ Renamed${def.removedIn && def.removedIn.version !== UNKNOWN_VERSION ? ` in ${def.removedIn.version}` : ''}: use \`${def.replacedBy}\`.`;
  if (!isRetired(def)) return undefined;
  if (def.ignoredFrom && !isRetired({ ...def, ignoredFrom: undefined })) return `⚠️ OX ignores it from ${def.ignoredFrom.version}.`;
  return `⚠️ Removed${gone ? ` in ${gone}` : ''}: OX ignores it.`;
}

/** Markdown documentation of a catalog entry, for hover and completion. */
export function propertyMarkdown(known: KnownProperty, writtenKey: string): string {
  const def = known.def;
  const lines: string[] = [`**${known.canonicalKey}**`, ''];
  if (known.field && writtenKey !== known.canonicalKey) {
    lines.push(
      `OX binds \`${writtenKey}\` to the field \`${known.field.field.name}\` of Hazelcast's ${known.field.configClass} (the last segment is matched ignoring case).`,
      '',
    );
  }
  const warning = retiredWarning(def);
  if (warning) lines.push(warning, '');
  lines.push(def.description, '');
  const versions = versionLine(def);
  if (versions) lines.push(versions, '');
  const rows: Array<[string, string | undefined]> = [
    ['Type', typeName(def)],
    ['Default', shownDefault(def)],
    ['Empty value', emptyMeaning(def)],
    ['Allowed', allowed(def)],
    ['File', known.file],
    ['Applies', def.reloadable === true ? 'on reload (reloadable)' : def.reloadable === false ? 'after a restart' : undefined],
    ['Versions', def.versionNote],
    [
      'Field',
      known.field
        ? `${known.field.configClass}.${known.field.field.name}${known.field.field.hazelcast ? ` (Hazelcast ${known.field.field.hazelcast})` : ''}`
        : undefined,
    ],
    // A secret's note names the shipped values; say how many there are instead.
    ['Note', def.secret ? shippedSecretsNote(def) : def.defaultNote],
  ];
  lines.push('| | |', '|---|---|');
  for (const [label, value] of rows) if (value) lines.push(`| ${label} | ${value.replace(/\|/g, '\\|')} |`);
  if (def.related?.length) lines.push('', `Related: ${def.related.map((r) => `\`${r}\``).join(', ')}`);
  return lines.join('\n');
}

/** Hover text for a value: what a time span means, what an empty value means. */
export function valueMarkdown(def: PropertyDef, value: string): string | undefined {
  if (value === '') {
    const meaning = emptyMeaning(def);
    return meaning ? `Empty value: OX reads it as **${meaning}**.` : undefined;
  }
  // A secret's value is not repeated, not even explained.
  if (def.type === 'timespan' && !def.secret) {
    const explained = explainTimespan(value);
    return explained ? `\`${explained}\`` : undefined;
  }
  return undefined;
}
