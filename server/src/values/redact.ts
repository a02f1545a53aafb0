// How secret values (catalog `secret: true`: passwords, salts, keys) are kept out of everything the tool
// shows: one policy for diagnostics, hover, outlines, the effective configuration and every CLI format.
import type { Catalog } from '../catalog/catalog';
import type { PropertyDef } from '../catalog/types';
import type { ValueWords } from './checkValue';

/** What a masked secret shows instead of its value (effective configuration, hover, CLI messages). */
export const SECRET_MASK = '********';
/** The mask of an outline entry (document symbols): shorter, as the outline is narrow. */
export const SECRET_OUTLINE_MASK = '••••••';
/** A set secret where a message lists values (cluster-mismatch). */
export const SECRET_IN_TEXT = '(a secret value)';
/** Secret values shorter than this are not searched for in free text (they would mask ordinary words). */
export const MIN_SCRUBBED_LENGTH = 4;

export function isSecret(def: PropertyDef | undefined): boolean {
  return !!def?.secret;
}

/** A value as shown: the mask for a secret's value (an empty one too), null (no value) as it is. */
export function redacted(value: string | null, secret: boolean, mask: string = SECRET_MASK): string | null {
  return value !== null && secret ? mask : value;
}

/** How a verdict on a secret names its value: never a character of it, nor a piece (a unit, a list entry). */
export const SECRET_VALUE_WORDS: ValueWords = {
  value: (start) => (start ? 'This secret value' : 'this secret value'),
  again: 'it',
  piece: () => undefined,
};

/** Documents as far as this needs them: their settings with what the catalog knows. */
type WithSettings = { settings: ReadonlyArray<{ value: string; known?: { def: PropertyDef } }> };

/** Every secret value one document holds, in document order. */
export function documentSecrets(doc: WithSettings): string[] {
  const secrets: string[] = [];
  for (const e of doc.settings) if (isSecret(e.known?.def)) secrets.push(e.value);
  return secrets;
}

/** Every secret default the catalog ships. */
export function catalogSecrets(catalog: Catalog): string[] {
  const secrets: string[] = [];
  for (const file of catalog.files) {
    for (const def of file.properties) if (def.secret) secrets.push(def.default ?? '', ...(def.secretDefault ?? []));
  }
  return secrets;
}

/** Every secret value the documents hold, and every secret default the catalog ships. */
export function secretValues(docs: Iterable<WithSettings>, catalog: Catalog): Set<string> {
  const secrets = new Set<string>();
  for (const doc of docs) for (const value of documentSecrets(doc)) secrets.add(value);
  for (const value of catalogSecrets(catalog)) secrets.add(value);
  return secrets;
}

/** Replaces each of `secrets` (the longest first) with the mask wherever it appears in a text. */
export function secretScrubber(secrets: Iterable<string>): (text: string) => string {
  const list = [...secrets].filter((s) => s.length >= MIN_SCRUBBED_LENGTH).sort((a, b) => b.length - a.length);
  if (!list.length) return (text) => text;
  return (text) => list.reduce((t, secret) => (t.includes(secret) ? t.split(secret).join(SECRET_MASK) : t), text);
}
