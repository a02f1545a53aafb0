import { Catalog } from '../catalog/catalog';
import { MAP_FILE } from '../catalog/fileKind';
import { OxDocument, OxEntry } from '../document';
import { OxNode } from './model';

/** Where a node's value of a key comes from. */
export interface Setting {
  doc: OxDocument;
  entry: OxEntry;
  value: string;
}

export interface EffectiveValue {
  key: string;
  /** The value OX reads; when several files set the key, the first candidate (which wins is undefined). */
  value: string | null;
  /** The setting it comes from; undefined for the catalog default. */
  source?: Setting;
  /** Every file that sets the key, in path order; more than one means OX's choice is undefined. */
  candidates: Setting[];
}

/**
 * The effective configuration of a node: OX reads every .properties file below etc/ into one map, so a key
 * set in any of them counts; map files under hazelcast/ are read per map and are left out here.
 */
export class EffectiveConfig {
  private readonly settings = new Map<string, Setting[]>();

  constructor(readonly node: OxNode, private readonly catalog: Catalog) {
    for (const doc of node.docs) {
      // OX skips a file with a malformed \uXXXX escape altogether.
      if (doc.kind.syntax !== 'properties' || doc.kind.file === MAP_FILE || doc.parsed.problems.length) continue;
      const lastInFile = new Map<string, OxEntry>();
      for (const entry of doc.entries) if (!entry.entry.malformed) lastInFile.set(entry.key, entry);
      for (const [key, entry] of lastInFile) {
        const list = this.settings.get(key);
        const setting = { doc, entry, value: entry.value };
        if (list) list.push(setting);
        else this.settings.set(key, [setting]);
      }
    }
  }

  get(key: string): EffectiveValue {
    const candidates = this.settings.get(key) ?? [];
    if (candidates.length) return { key, value: candidates[0].value, source: candidates[0], candidates };
    const def = this.catalog.lookup(key, 'properties')?.def;
    return { key, value: def?.default ?? null, candidates };
  }

  /** The value, or the default; '' when neither exists. */
  value(key: string): string {
    return this.get(key).value ?? '';
  }

  isSet(key: string): boolean {
    return this.settings.has(key);
  }

  /** Keys set in more than one file of the node. */
  *conflicts(): Iterable<[string, Setting[]]> {
    for (const [key, list] of this.settings) if (list.length > 1) yield [key, list];
  }

  keys(): IterableIterator<string> {
    return this.settings.keys();
  }
}
