import { Catalog } from '../catalog/catalog';
import { MAP_FILE } from '../catalog/fileKind';
import { propertiesCharsetOf } from '../catalog/propertiesCharset';
import { canonicalIndex, ConfigDocument, TextDecoding } from './document';
import { isOxDocument, OxEntry } from './properties/propertiesDocument';
import { utf8ValueOf } from './properties/utf8Reading';
import { PlacedSetting } from './setting';
import { OxNode } from './node';
import { encodingOf } from './readDocument';

export interface EffectiveValue {
  key: string;
  /** The value OX reads; when several files set the key, the first candidate (which wins is undefined). */
  value: string | null;
  /** The setting it comes from; undefined for the catalog default. */
  source?: PlacedSetting;
  /** Every file that sets the key, in path order; more than one means OX's choice is undefined. */
  candidates: PlacedSetting[];
  /** Without a source: the Helm chart (its stock values or its Hazelcast wiring) sets it, not OX's default. */
  byChart?: boolean;
  /** Without a source: a template line whose key a tag fills in may set it (see templateNodeConfig). */
  unknown?: true;
}

/**
 * Nothing can be said of the value before rendering or deployment: a template, token or script fills it in,
 * or (unset) a templated key may set it. Rules leave alone what rests on such a value.
 */
export function isUnknownValue(value: EffectiveValue): boolean {
  return value.unknown === true || value.candidates.some((c) => c.setting.unknownValue !== undefined);
}

/** Whether a file sets the key, and to a value that is not blank (a mandatory key must be both). */
export function presenceOf(value: EffectiveValue): 'unset' | 'empty' | 'set' {
  if (!value.source) return 'unset';
  return (value.value ?? '').trim() === '' ? 'empty' : 'set';
}

/**
 * The value of an enumerated key as OX compares it (trimmed, lower case; blank is the catalog default), or
 * undefined when it is none of the catalog's values.
 */
export function enumChoice(catalog: Catalog, key: string, value: string): string | undefined {
  const def = catalog.lookup(key, 'properties')?.def;
  const chosen = (value.trim() || (def?.default ?? '')).toLowerCase();
  return def?.values?.some((v) => v.toLowerCase() === chosen) ? chosen : undefined;
}

/** The OX properties a node runs with, whatever the edition: what node and cluster rules read. */
export interface EffectiveConfig {
  get(key: string): EffectiveValue;
  /** The value of an enumerated key as OX compares it (trimmed, lower case), or undefined when it is none of the catalog's values. */
  choice(key: string): string | undefined;
  /** The value, or the default; '' when neither exists. */
  value(key: string): string;
  isSet(key: string): boolean;
  /** Keys set in more than one file of the node, where OX's choice between them is undefined. */
  conflicts(): Iterable<[string, PlacedSetting[]]>;
  keys(): IterableIterator<string>;
}

/**
 * The effective configuration of a classic node: OX reads every .properties file below etc/ into one map, so
 * a key set in any of them counts; map files under hazelcast/ are read per map and are left out here.
 */
export class NodeFilesConfig implements EffectiveConfig {
  /** The node's files OX reads into its one global map. */
  private readonly docs: ConfigDocument[];
  private readonly cache = new Map<string, PlacedSetting[]>();

  /** The node runs an OX version that reads UTF-8 (8.x). */
  private readonly readsUtf8: boolean;

  /** `decodingOf` tells how each file's text was decoded; by default as read from disk (encodingOf). */
  constructor(
    readonly node: OxNode,
    private readonly catalog: Catalog,
    private readonly decodingOf: (uri: string) => TextDecoding = encodingOf,
  ) {
    // OX skips a file with a malformed \uXXXX escape altogether.
    this.docs = node.docs.filter((d) => d.kind.syntax === 'properties' && d.kind.file !== MAP_FILE && !d.unreadable);
    this.readsUtf8 = propertiesCharsetOf(node.oxVersion?.version) === 'UTF-8';
  }

  /** The value OX reads from a setting: on a node that reads UTF-8, a file read byte by byte is decoded. */
  private valueOf({ doc, setting }: PlacedSetting): string {
    // The settings of a .properties document are its entries.
    if (this.readsUtf8 && isOxDocument(doc) && this.decodingOf(doc.uri) === 'latin1')
      return utf8ValueOf(doc, setting as OxEntry) ?? setting.value;
    return setting.value;
  }

  /**
   * Every file that sets the key (its last entry there), computed on first use. Keys are canonical: they
   * differ from the written ones only for Hazelcast field keys, which these files do not configure.
   */
  private settings(key: string): PlacedSetting[] {
    let list = this.cache.get(key);
    if (!list) {
      list = [];
      for (const doc of this.docs) {
        const setting = canonicalIndex(doc).get(key);
        if (setting) list.push({ doc, setting });
      }
      this.cache.set(key, list);
    }
    return list;
  }

  get(key: string): EffectiveValue {
    const candidates = this.settings(key);
    if (candidates.length) return { key, value: this.valueOf(candidates[0]), source: candidates[0], candidates };
    const def = this.catalog.lookup(key, 'properties')?.def;
    return { key, value: def?.default ?? null, candidates };
  }

  choice(key: string): string | undefined {
    return enumChoice(this.catalog, key, this.value(key));
  }

  /** The value, or the default; '' when neither exists. */
  value(key: string): string {
    return this.get(key).value ?? '';
  }

  isSet(key: string): boolean {
    return this.docs.some((doc) => canonicalIndex(doc).has(key));
  }

  /** Keys set in more than one file of the node. */
  *conflicts(): Iterable<[string, PlacedSetting[]]> {
    const indexes = this.docs.map(canonicalIndex);
    const setIn = (key: string, from: number, to: number) => {
      for (let j = from; j < to; j++) if (indexes[j].has(key)) return true;
      return false;
    };
    for (let i = 0; i < indexes.length; i++) {
      for (const key of indexes[i].keys()) {
        // Each key once: from the first file that sets it.
        if (!setIn(key, 0, i) && setIn(key, i + 1, indexes.length)) yield [key, this.settings(key)];
      }
    }
  }

  keys(): IterableIterator<string> {
    return new Set(this.docs.flatMap((d) => [...canonicalIndex(d).keys()])).keys();
  }
}

/**
 * The effective configuration of a node template: like the node's, except that a key no file sets is unknown
 * when some template line has a key that a tag fills in (`{{ key }}={{ value }}` in a loop may set any key).
 */
export function templateNodeConfig(config: EffectiveConfig, node: OxNode): EffectiveConfig {
  if (!node.docs.some((d) => isOxDocument(d) && d.keysFromTemplate)) return config;
  const get = (key: string): EffectiveValue => {
    const got = config.get(key);
    return got.source ? got : { ...got, unknown: true };
  };
  return {
    get,
    value: (key) => config.value(key),
    choice: (key) => (get(key).unknown ? undefined : config.choice(key)),
    isSet: (key) => config.isSet(key),
    conflicts: () => config.conflicts(),
    keys: () => config.keys(),
  };
}
