import { CatalogFile, FieldDef, FieldMatch, PropertyDef } from './types';
import { closestMatches } from './similarity';
import { isRetired } from './versionFacts';

/** A catalog entry found for a key as written in a file. */
export interface KnownProperty {
  def: PropertyDef;
  /** The OX file the key is documented for (`hazelcast.properties`, `hazelcast/*.properties`, ...). */
  file: string;
  /** The key as the catalog spells it; differs from the written key for field matches (`BACKUPCOUNT`). */
  canonicalKey: string;
  /** Set when the key was bound through a Hazelcast config class field. */
  field?: { configClass: string; field: FieldDef };
}

interface CompiledPattern {
  /** The literal text before the first placeholder: a cheap test before the regex. */
  prefix: string;
  regex: RegExp;
  def: PropertyDef;
  file: string;
}

interface IndexedFieldMatch extends FieldMatch {
  file: string;
  byLowerName: Map<string, FieldDef>;
}

/** Whether a document is a Java properties file or a JCS `.ccf` file: each only sees its own catalogs. */
export type Syntax = 'properties' | 'ccf';

export function syntaxOfCatalogFile(file: string): Syntax {
  return file.toLowerCase().endsWith('.ccf') ? 'ccf' : 'properties';
}

function compilePattern(pattern: string): RegExp {
  const parts = pattern.split(/<[^>]+>/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^.]+')}$`);
}

class SyntaxIndex {
  readonly byKey = new Map<string, KnownProperty[]>();
  readonly patterns: CompiledPattern[] = [];
  readonly fieldMatches: IndexedFieldMatch[] = [];
  readonly namespaces: string[] = [];
  readonly defsByFile = new Map<string, PropertyDef[]>();

  add(catalog: CatalogFile): void {
    const defs = this.defsByFile.get(catalog.file) ?? [];
    this.defsByFile.set(catalog.file, defs);
    for (const def of catalog.properties) {
      defs.push(def);
      if (def.key !== undefined) {
        const list = this.byKey.get(def.key) ?? [];
        list.push({ def, file: catalog.file, canonicalKey: def.key });
        this.byKey.set(def.key, list);
      } else if (def.pattern !== undefined) {
        this.patterns.push({ prefix: def.pattern.split('<')[0], regex: compilePattern(def.pattern), def, file: catalog.file });
      }
    }
    for (const match of catalog.fieldMatch ?? []) {
      const byLowerName = new Map(match.fields.map((f) => [f.name.toLowerCase(), f] as const));
      this.fieldMatches.push({ ...match, file: catalog.file, byLowerName });
    }
    this.namespaces.push(...(catalog.namespaces ?? []));
  }
}

/** The property catalog: built-in files plus user files, already validated against the schema. */
export class Catalog {
  private readonly indexes: Record<Syntax, SyntaxIndex> = { properties: new SyntaxIndex(), ccf: new SyntaxIndex() };

  constructor(readonly files: readonly CatalogFile[]) {
    for (const file of files) this.indexes[syntaxOfCatalogFile(file.file)].add(file);
  }

  /** Finds the entry for a key; `preferFile` picks among entries of the same key in several files. */
  lookup(key: string, syntax: Syntax, preferFile?: string): KnownProperty | undefined {
    const index = this.indexes[syntax];
    const exact = index.byKey.get(key);
    if (exact) return exact.find((k) => k.file === preferFile) ?? exact[0];
    const field = this.lookupField(key, index);
    if (field) return field;
    const pattern = index.patterns.find((p) => key.startsWith(p.prefix) && p.regex.test(key));
    return pattern && { def: pattern.def, file: pattern.file, canonicalKey: key };
  }

  private lookupField(key: string, index: SyntaxIndex): KnownProperty | undefined {
    const match = index.fieldMatches.find((m) => key.startsWith(m.prefix));
    if (!match) return undefined;
    const lastSegment = key.slice(key.lastIndexOf('.') + 1);
    const field = match.byLowerName.get(lastSegment.toLowerCase());
    if (!field) return undefined;
    const canonicalKey = match.prefix + field.name;
    const explicit = index.byKey.get(canonicalKey)?.[0];
    const def: PropertyDef = explicit?.def ?? {
      key: canonicalKey,
      type: field.type,
      default: null,
      description: field.description ?? `The ${field.name} field of Hazelcast's ${match.configClass}.`,
    };
    return { def, file: match.file, canonicalKey, field: { configClass: match.configClass, field } };
  }

  /** The owned namespace a key falls in, if any: there, unknown keys are reported. */
  ownerNamespace(key: string, syntax: Syntax): string | undefined {
    let best: string | undefined;
    for (const ns of this.indexes[syntax].namespaces) {
      if (key.startsWith(ns) && (!best || ns.length > best.length)) best = ns;
    }
    return best;
  }

  /** The field-binding prefix a key starts with (e.g. `...configuration.map.`), if any. */
  fieldPrefix(key: string, syntax: Syntax): FieldMatch | undefined {
    return this.indexes[syntax].fieldMatches.find((m) => key.startsWith(m.prefix));
  }

  /** Catalog entries documented for one OX file. */
  defsForFile(file: string): readonly PropertyDef[] {
    return this.indexes[syntaxOfCatalogFile(file)].defsByFile.get(file) ?? [];
  }

  /** Every exact key known for a syntax, with the file it belongs to. */
  *knownKeys(syntax: Syntax): Iterable<KnownProperty> {
    for (const list of this.indexes[syntax].byKey.values()) yield* list;
  }

  /** Every field-bound key (prefix + field name) known for a syntax. */
  *fieldKeys(syntax: Syntax): Iterable<KnownProperty> {
    for (const match of this.indexes[syntax].fieldMatches) {
      for (const field of match.fields) {
        const known = this.lookupField(match.prefix + field.name, this.indexes[syntax]);
        if (known) yield known;
      }
    }
  }

  /** Known keys closest to a misspelled one, best first. */
  suggest(key: string, syntax: Syntax, max = 3): string[] {
    const match = this.fieldPrefix(key, syntax);
    if (match) {
      const segment = key.slice(key.lastIndexOf('.') + 1);
      const prefix = key.slice(0, key.lastIndexOf('.') + 1);
      return closestMatches(
        segment,
        match.fields.map((f) => f.name),
        max,
        true,
      ).map((name) => prefix + name);
    }
    const namespace = this.ownerNamespace(key, syntax) ?? '';
    const candidates: string[] = [];
    for (const known of this.knownKeys(syntax)) {
      if (known.canonicalKey.startsWith(namespace) && !isRetired(known.def)) candidates.push(known.canonicalKey);
    }
    return closestMatches(key, candidates, max, false);
  }
}
