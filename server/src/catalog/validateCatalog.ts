// Validates one catalog file (parsed JSON) against schemas/catalog.schema.json. Pure: no fs, no vscode.

import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from '../../../schemas/catalog.schema.json';
import type { CatalogFile } from './types';
import { versionFactProblems } from './versionFacts';

export type CatalogValidation = { ok: true; catalog: CatalogFile } | { ok: false; errors: string[] };

let validator: ValidateFunction | undefined;

function getValidator(): ValidateFunction {
  if (!validator) {
    // Loaded on first use: most sessions have no user catalog, and ajv costs start-up time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv = (require('ajv') as typeof import('ajv')).default;
    const ajv = new Ajv({ allErrors: true, verbose: true });
    validator = ajv.compile(schema);
  }
  return validator;
}

/** What a version pattern of the schema stands for, in words. */
const PATTERN_WORDS = new Map<string, string>([
  [schema.definitions.OxVersion.pattern, 'an OX version such as "7.10.5" or "8.12"'],
  [schema.definitions.SinceVersion.pattern, 'an OX version such as "7.10.5", or "before-7.10"'],
  [schema.definitions.RemovalVersion.pattern, 'an OX version such as "7.10.5", or "unknown"'],
]);

/** One readable line per ajv error: the JSON pointer of the offending value, then what is wrong. */
function formatError(e: ErrorObject): string {
  const where = e.instancePath === '' ? '/' : e.instancePath;
  const params = e.params as Record<string, unknown>;
  let detail = '';
  if (typeof params.additionalProperty === 'string') {
    detail = `: "${params.additionalProperty}"`;
  } else if (e.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    detail = `: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (e.keyword === 'pattern' && typeof params.pattern === 'string' && PATTERN_WORDS.has(params.pattern)) {
    return `${where} must be ${PATTERN_WORDS.get(params.pattern)}, not ${JSON.stringify(e.data)}`;
  } else if (e.keyword === 'oneOf') {
    detail = ' (set exactly one of "key" and "pattern")';
  }
  return `${where} ${e.message ?? 'is invalid'}${detail}`;
}

export function validateCatalogFile(data: unknown): CatalogValidation {
  const validate = getValidator();
  if (validate(data)) {
    const catalog = data as CatalogFile;
    // Version contradictions the schema cannot express (removedIn before since, ...).
    const errors = catalog.properties.flatMap((def, i) => versionFactProblems(def).map((p) => `/properties/${i} ${p}`));
    return errors.length ? { ok: false, errors } : { ok: true, catalog };
  }
  // Errors inside a oneOf branch only repeat what the oneOf error itself says.
  const errors = (validate.errors ?? []).filter((e) => !e.schemaPath.includes('/oneOf/')).map(formatError);
  return { ok: false, errors: [...new Set(errors)] };
}
