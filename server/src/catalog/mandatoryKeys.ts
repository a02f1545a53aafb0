// Keys without which an OX version refuses to start (schemas/versions/mandatory.json). Pure.
import data from '../../../schemas/versions/mandatory.json';
import { isAtLeast, OxVersion } from '../util/versions';

export interface MandatoryKey {
  key: string;
  /** The stock file that holds it, e.g. `server.properties`. */
  file: string;
  /** First OX version that needs a non-empty value. */
  from: string;
  evidence: string;
  /** What the value must be like. */
  note?: string;
  /** The length OX's documentation asks for. */
  minLength?: number;
}

// Validated against schemas/versions/mandatory.schema.json by a unit test.
export const MANDATORY_KEYS: readonly MandatoryKey[] = (data as unknown as { mandatory: MandatoryKey[] }).mandatory;

/** The keys OX `version` refuses to start without. */
export function mandatoryKeysAt(version: OxVersion, keys: readonly MandatoryKey[] = MANDATORY_KEYS): MandatoryKey[] {
  return keys.filter((k) => isAtLeast(version, k.from));
}
