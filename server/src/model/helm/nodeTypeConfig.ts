import { Scalar } from 'yaml';
import { Catalog } from '../../catalog/catalog';
import { CORE_MW } from '../../catalog/chartFacts';
import { GROUP_NAME, HAZELCAST_ENABLED, LITE_MEMBER } from '../../catalog/oxKeys';
import { EffectiveConfig, EffectiveValue, enumChoice } from '../effective';
import { PlacedSetting } from '../setting';
import { NodeType, PlacedValuesSetting, Release, TypeProperty, typeProperties, typeValuesWithout } from './release';
import { plainValue, valueAt } from './valueTree';

/**
 * The OX properties of one node type of a release: its values files' entries (later maps and files win),
 * beneath them what the chart and the image set for the Hazelcast wiring, beneath that OX's defaults.
 */
export class NodeTypeConfig implements EffectiveConfig {
  private readonly properties: Map<string, TypeProperty[]>;
  /** What the chart and image set, by key. */
  private readonly wiring = new Map<string, string>();

  constructor(
    readonly release: Release,
    readonly type: NodeType,
    private readonly catalog: Catalog,
    settingOf: (key: Scalar) => PlacedValuesSetting | undefined,
  ) {
    this.properties = typeProperties(type, settingOf);
    if (type.hazelcast) {
      for (const managed of CORE_MW.chartManagedProperties) if (managed.value !== undefined) this.wiring.set(managed.key, managed.value);
      const group = plainValue(valueAt(type.values, ['hzGroupName']));
      if (typeof group === 'string' && group !== '') this.wiring.set(GROUP_NAME, group);
      this.wiring.set(LITE_MEMBER, String(type.liteMember));
    }
    this.wiring.set(HAZELCAST_ENABLED, String(type.hazelcast));
  }

  private candidates(key: string): PlacedSetting[] {
    return (this.properties.get(key) ?? []).flatMap((p) => (p.source ? [p.source] : []));
  }

  get(key: string): EffectiveValue {
    const written = this.properties.get(key);
    const candidates = this.candidates(key);
    if (written?.length) {
      const last = written[written.length - 1];
      return { key, value: last.value, ...(last.source ? { source: last.source } : { byChart: true }), candidates };
    }
    const wired = this.wiring.get(key);
    if (wired !== undefined) return { key, value: wired, candidates, byChart: true };
    return { key, value: this.catalog.lookup(key, 'properties')?.def.default ?? null, candidates };
  }

  choice(key: string): string | undefined {
    return enumChoice(this.catalog, key, this.value(key));
  }

  value(key: string): string {
    return this.get(key).value ?? '';
  }

  isSet(key: string): boolean {
    return this.properties.has(key) || this.wiring.has(key);
  }

  /** Helm's order decides every key, so no choice is left undefined. */
  *conflicts(): Iterable<[string, PlacedSetting[]]> {}

  keys(): IterableIterator<string> {
    return new Set([...this.wiring.keys(), ...this.properties.keys()]).keys();
  }
}

/** Finds the values-file setting of a key node among a release's files. */
function releaseSettings(release: Release): (key: Scalar) => PlacedValuesSetting | undefined {
  const index = new Map<unknown, PlacedValuesSetting>();
  for (const doc of release.docs) for (const setting of doc.settings) index.set(setting.pair.key, { doc, setting });
  return (key) => index.get(key);
}

/** The configuration a node type would have if one of its values-file settings were not written: what removing it leaves. */
export function nodeTypeConfigWithout(release: Release, type: NodeType, without: PlacedValuesSetting, catalog: Catalog): NodeTypeConfig {
  const values = typeValuesWithout(type, without.setting.pair.key as Scalar);
  return new NodeTypeConfig(release, { ...type, values }, catalog, releaseSettings(release));
}
