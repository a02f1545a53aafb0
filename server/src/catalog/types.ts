// The shape of a catalog file in schemas/catalog/*.json (validated by schemas/catalog.schema.json).

/** How OX parses a value. Each type has one checker in values/checkValue.ts. */
export type ValueType =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'port'
  | 'timespan'
  | 'enum'
  | 'host'
  | 'host-list'
  | 'ip-address'
  | 'interface-list'
  | 'port-list'
  | 'ip-list'
  | 'string-list'
  | 'class-name'
  | 'path'
  | 'url'
  | 'route'
  | 'unsupported';

export interface PropertyDef {
  /** Exact key. Exactly one of key and pattern is set. */
  key?: string;
  /** Key pattern: `<name>` stands for one dot-free segment, e.g. `jcs.region.<name>.cacheattributes.MaxObjects`. */
  pattern?: string;
  type: ValueType;
  /** Value OX uses when the key is not set at all; null when it has none. */
  default: string | null;
  /** What OX does with an empty value (`key=`), in a few words. */
  empty?: string;
  /** OX rejects an empty value instead of reading something else: an error, which `empty` describes. */
  emptyRejected?: boolean;
  /** Allowed values for `enum` (compared case-insensitively unless caseSensitive). */
  values?: string[];
  caseSensitive?: boolean;
  /** Extra literal values accepted beside the type, e.g. `auto`, `-1`. */
  special?: string[];
  min?: number;
  max?: number;
  /** OX raises a value below `min` to `min` instead of rejecting it. */
  raisesToMin?: boolean;
  /** Unit of a plain number, e.g. `ms`, `s`, `MB`. */
  unit?: string;
  /** Values above this are accepted but have no further effect. */
  effectiveMax?: number;
  related?: string[];
  reloadable?: boolean;
  /** First OX version that reads the key. */
  since?: SinceFact;
  /** Replacement key after a rename. */
  replacedBy?: string;
  /** First OX version that no longer reads the key (`unknown` when the removal is certain but undated). */
  removedIn?: RemovalFact;
  /** First OX version that accepts the key but ignores its value. */
  ignoredFrom?: VersionFact;
  /** Changes of the value OX's stock file ships, oldest first; `default` stays the value for an absent key. */
  stockValues?: StockValueChange[];
  /** What the version fields cannot say, e.g. which values of an enum which versions accept. */
  versionNote?: string;
  secret?: boolean;
  /** Values OX has shipped as defaults of this secret. */
  secretDefault?: string[];
  /** The setting that puts this secret to use, e.g. symmetricEncryption=true; unset means always in use. */
  enabledBy?: { key: string; value: string; unless?: { key: string; value: string } };
  /** OX's sources disagree about the default: what else they say. */
  defaultNote?: string;
  description: string;
}

/** `before-7.10`: OX's documentation gives no version for the key, which is older than 7.10. */
export const BEFORE_7_10 = 'before-7.10';
/** A removal that is certain but whose version is not. */
export const UNKNOWN_VERSION = 'unknown';

/** A version and where it is documented (e.g. "OX8 Hazelcast.yml", "SCR-1184"). */
export interface VersionFact {
  /** An OX version such as `7.10.5` or `8.12`. */
  version: string;
  evidence: string;
}

export interface SinceFact {
  /** An OX version, or `before-7.10`. */
  version: string;
  evidence?: string;
  /** What kind of source gives `version`, when another source disagrees (e.g. "documented"). */
  basis?: string;
  /** A later version another source gives (e.g. a change log). */
  disputed?: VersionFact & { basis?: string };
}

export interface RemovalFact {
  /** An OX version, or `unknown`. */
  version: string;
  evidence: string;
  /** For an undated removal: the newest version known to read the key. */
  lastReadIn?: string;
  /** For an undated removal: a version known not to read the key. */
  notReadIn?: string;
}

export interface StockValueChange {
  /** First OX version whose stock file ships `value` (an OX version, or `before-7.10`). */
  from: string;
  value: string;
  /** What the stock file shipped before. */
  previous?: string;
  evidence: string;
}

/** OX binds keys under `prefix` by matching the last segment case-insensitively against `fields`. */
export interface FieldMatch {
  prefix: string;
  /** The Hazelcast configuration class, e.g. `MapConfig`. */
  configClass: string;
  fields: FieldDef[];
}

export interface FieldDef {
  name: string;
  type: ValueType;
  /** Hazelcast versions that have the field, e.g. `3.x` (OX 7.10) or `4.x+` (OX 8). */
  hazelcast?: string;
  description?: string;
}

export interface CatalogFile {
  $schema?: string;
  /** The OX file: `hazelcast.properties`, `hazelcast/*.properties`, `cache.ccf`, ... */
  file: string;
  /** Key prefixes whose every documented key the catalog lists: unknown keys there are reported. */
  namespaces?: string[];
  fieldMatch?: FieldMatch[];
  properties: PropertyDef[];
}
