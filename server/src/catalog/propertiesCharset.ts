// The character set OX reads .properties files in, per OX version (schemas/versions/charset.json). Pure.
import data from '../../../schemas/versions/charset.json';
import { isAtLeast, OxVersion } from '../util/versions';

export type PropertiesCharset = 'ISO-8859-1' | 'UTF-8';

export interface CharsetReading {
  oxFrom: string;
  charset: PropertiesCharset;
  certainty: 'verified' | 'inferred';
  verifiedIn?: string[];
  evidence: string;
}

// Validated against schemas/versions/charset.schema.json by a unit test.
export const CHARSET_READINGS: readonly CharsetReading[] = (data as unknown as { readings: CharsetReading[] }).readings;

/** The character set OX `version` reads .properties files in; undefined for an unknown version or one before the facts. */
export function propertiesCharsetOf(
  version: OxVersion | undefined,
  readings: readonly CharsetReading[] = CHARSET_READINGS,
): PropertiesCharset | undefined {
  if (!version) return undefined;
  let found: CharsetReading | undefined;
  for (const r of readings) if (isAtLeast(version, r.oxFrom)) found = r;
  return found?.charset;
}
