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
  /** OX version that introduced the key. */
  since?: string;
  /** Replacement key after a rename. */
  replacedBy?: string;
  /** OX version (or `unknown`) since which OX no longer reads the key. */
  removedIn?: string;
  /** Which OX versions read the key, when not all of 7.10.x and 8.x do. */
  versions?: string;
  secret?: boolean;
  /** Values OX has shipped as defaults of this secret. */
  secretDefault?: string[];
  /** The setting that puts this secret to use, e.g. symmetricEncryption=true; unset means always in use. */
  enabledBy?: { key: string; value: string; unless?: { key: string; value: string } };
  /** OX's sources disagree about the default: what else they say. */
  defaultNote?: string;
  description: string;
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
