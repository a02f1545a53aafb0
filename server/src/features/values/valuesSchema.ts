// A JSON Schema (draft-07) of core-mw values files, generated from the catalog and the chart facts, for the YAML
// extension and Helm's own schema validation. It describes what we know and allows everything else.
import { Catalog } from '../../catalog/catalog';
import { CORE_MW, CORE_MW_CHART } from '../../catalog/chartFacts';
import { MAP_FILE } from '../../catalog/fileKind';
import { PropertyDef } from '../../catalog/types';
import { isRetired, retiredIn } from '../../catalog/versionFacts';
import { shortDetail } from '../propertyDocs';
import { chartKey } from './chartKeys';

type Schema = Record<string, unknown>;

const STATUSES = ['enabled', 'disabled'];

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A pattern matching any of `values` in any letter case (JSON Schema regexes have no flags). */
function anyCase(values: readonly string[]): string {
  const letters = (v: string) =>
    [...v].map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escapeRegex(c))).join('');
  return `^(?:${values.map(letters).join('|')})$`;
}

function description(def: PropertyDef): string {
  const notes: string[] = [`(${shortDetail(def)}${def.unit ? `, in ${def.unit}` : ''})`];
  if (def.replacedBy) notes.push(`Renamed to ${def.replacedBy}.`);
  if (isRetired(def)) notes.push(`OX no longer reads it${retiredIn(def) ? ` since ${retiredIn(def)}` : ''}.`);
  if (def.secret) notes.push('A secret: put it under secretProperties.');
  return `${def.description} ${notes.join(' ')}`;
}

/**
 * One OX key's value. Helm hands every scalar on to OX as text, so a number or `true` is as good as a string:
 * booleans and integers may be written either way, and `null` removes a key the chart sets.
 */
function valueSchema(def: PropertyDef): Schema {
  const schema: Schema = { description: description(def) };
  const special = def.special ?? [];
  switch (def.type) {
    case 'boolean':
      schema.type = ['boolean', 'string', 'null'];
      break;
    case 'integer':
    case 'port':
      schema.type = ['integer', 'string', 'null'];
      if (!special.length) {
        const [min, max] = def.type === 'port' ? [def.min ?? 1, def.max ?? 65535] : [def.min, def.max];
        // A value OX raises to the minimum is still accepted.
        if (min !== undefined && !def.raisesToMin) schema.minimum = min;
        if (max !== undefined) schema.maximum = max;
      }
      break;
    case 'enum': {
      const values = [...(def.values ?? []), ...special];
      if (def.caseSensitive) schema.enum = [...values, null];
      else {
        schema.type = ['string', 'null'];
        schema.pattern = anyCase(values);
        schema.examples = values;
      }
      break;
    }
    default:
      schema.type = ['string', 'number', 'boolean', 'null'];
  }
  if (def.default !== null && def.default !== '' && !def.secret && def.type !== 'enum') schema.default = def.default;
  return schema;
}

/** `<name>` of a catalog pattern stands for one dot-free segment. */
function keyPattern(pattern: string): string {
  return `^${pattern
    .split(/<[^>]+>/)
    .map(escapeRegex)
    .join('[^.]+')}$`;
}

/** The OX keys of `.properties` files outside hazelcast/<map>.properties, with their value schemas. */
function oxProperties(catalog: Catalog): Schema {
  const properties: Record<string, Schema> = {};
  for (const known of catalog.knownKeys('properties')) {
    if (known.file === MAP_FILE || properties[known.canonicalKey]) continue;
    properties[known.canonicalKey] = valueSchema(known.def);
  }
  const patternProperties: Record<string, Schema> = {};
  for (const file of catalog.files) {
    if (file.file === MAP_FILE || !file.file.endsWith('.properties')) continue;
    for (const def of file.properties) if (def.pattern) patternProperties[keyPattern(def.pattern)] ??= valueSchema(def);
  }
  const sorted = Object.fromEntries(Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    type: ['object', 'null'],
    description: 'OX properties: each key is one OX key with dots (com.openexchange.…), each value what OX reads.',
    properties: sorted,
    ...(Object.keys(patternProperties).length ? { patternProperties } : {}),
    // OX has many more keys than the catalog knows.
    additionalProperties: true,
  };
}

function described(key: string, schema: Schema): Schema {
  const known = chartKey(key);
  return known ? { description: known.description, ...schema } : schema;
}

/** A definition with a description of its own (draft-07 ignores keywords beside `$ref`). */
const ref = (key: string, definition: string): Schema => described(key, { allOf: [{ $ref: `#/definitions/${definition}` }] });

const PROPERTY_MAPS: Schema = {
  properties: ref('properties', 'oxProperties'),
  secretProperties: ref('secretProperties', 'oxProperties'),
  propertiesFiles: ref('propertiesFiles', 'oxPropertiesFiles'),
  secretPropertiesFiles: ref('secretPropertiesFiles', 'oxPropertiesFiles'),
};

const scaling = (key: string): Schema =>
  described(key, {
    type: ['object', 'null'],
    properties: { nodes: { type: ['object', 'null'], additionalProperties: { $ref: '#/definitions/nodeType' } } },
    additionalProperties: true,
  });

const statusMap = (what: string): Schema => ({
  type: ['object', 'null'],
  description: `Whether each ${what} is enabled or disabled.`,
  additionalProperties: { enum: STATUSES },
});

/** The JSON Schema of a values file of the core-mw chart (its values at the document root). */
export function coreMwValuesSchema(catalog: Catalog): Schema {
  const versions = CORE_MW.versions.map((v) => v.version).join(', ');
  const roles = [...new Set(CORE_MW.versions.flatMap((v) => Object.keys(v.roles)))].sort();
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: `Values of the ${CORE_MW_CHART} Helm chart (OX App Suite 8)`,
    description: `OX keys from the OX Cluster Config catalog and the chart keys that shape the cluster (facts of chart ${versions}); every other key is allowed.`,
    type: 'object',
    properties: {
      hzGroupName: described('hzGroupName', { type: ['string', 'null'] }),
      replicas: described('replicas', { type: ['integer', 'string'], minimum: 0 }),
      scaling: scaling('scaling'),
      defaultScaling: scaling('defaultScaling'),
      roles: described('roles', {
        type: ['object', 'null'],
        additionalProperties: {
          type: ['object', 'null'],
          properties: { values: { $ref: '#/definitions/values' } },
          additionalProperties: true,
        },
      }),
      packages: described('packages', {
        type: ['object', 'null'],
        properties: { status: statusMap('OX package') },
        additionalProperties: true,
      }),
      features: described('features', {
        type: ['object', 'null'],
        properties: {
          status: statusMap('feature'),
          definitions: { type: ['object', 'null'], description: 'Features as lists of OX packages.' },
        },
        additionalProperties: true,
      }),
      update: described('update', {
        type: ['object', 'null'],
        properties: {
          enabled: { type: 'boolean', description: 'Render the update job only, no middleware pods.' },
          types: { type: ['array', 'null'], items: { type: 'string' }, description: 'The node types whose packages the update job runs.' },
        },
        additionalProperties: true,
      }),
      enableInitialization: described('enableInitialization', { type: ['boolean', 'string'] }),
      globalDBID: described('globalDBID', { type: ['integer', 'string'] }),
      ...PROPERTY_MAPS,
    },
    additionalProperties: true,
    definitions: {
      oxProperties: oxProperties(catalog),
      oxPropertiesFiles: {
        type: ['object', 'null'],
        description: 'OX properties per file: the absolute path of the file in the container, then its keys.',
        additionalProperties: { $ref: '#/definitions/oxProperties' },
      },
      values: {
        type: ['object', 'null'],
        description: 'Values merged into each node type that has this role (or into this node type).',
        properties: PROPERTY_MAPS,
        additionalProperties: true,
      },
      nodeType: {
        type: ['object', 'null'],
        properties: {
          replicas: { type: ['integer', 'string'], minimum: 0, description: 'Pods of this node type.' },
          roles: {
            type: ['array', 'null'],
            items: { type: 'string', examples: roles },
            description: `The roles of this node type; their values are merged in list order. Built into the chart: ${roles.join(', ')}.`,
          },
          values: { $ref: '#/definitions/values' },
        },
        additionalProperties: true,
      },
    },
  };
}
