// The keys at the root of the core-mw chart's values that shape the cluster, described for completion and hover.

export interface ChartKey {
  key: string;
  /** One line of our own words. */
  description: string;
  /** Its value is a map (completion opens it on the next line). */
  map: boolean;
}

export const CHART_KEYS: readonly ChartKey[] = [
  {
    key: 'hzGroupName',
    description: 'Name of the Hazelcast cluster the pods join; left empty, the chart draws a random name on every render.',
    map: false,
  },
  { key: 'replicas', description: "Pods of the chart's `default` node type; ignored once `scaling` is set.", map: false },
  {
    key: 'scaling',
    description: 'The node types (`scaling.nodes.<type>`: replicas, roles, values); when set, `defaultScaling` and `replicas` are ignored.',
    map: true,
  },
  { key: 'defaultScaling', description: "The node types used while `scaling` is not set (the chart's `default` type).", map: true },
  {
    key: 'roles',
    description: 'Role definitions: a node type gets the `values` of each role it lists, merged in the order of its list.',
    map: true,
  },
  {
    key: 'packages',
    description: 'Single OX packages switched on or off (`packages.status.<package>: enabled|disabled`); beats the status of a feature.',
    map: true,
  },
  {
    key: 'features',
    description: 'Features as package lists (`features.definitions`) and their status (`features.status.<feature>: enabled|disabled`).',
    map: true,
  },
  {
    key: 'update',
    description: 'The database update job of an upgrade (`update.enabled: true` renders only the job, no middleware pods).',
    map: true,
  },
  {
    key: 'enableInitialization',
    description: 'Whether the init container sets up the configuration database on start; `false` for an update release.',
    map: false,
  },
  { key: 'globalDBID', description: 'The id of the global database, written into `globaldb.yml` of every pod.', map: false },
  {
    key: 'properties',
    description: "OX properties (`com.openexchange.…: value`) for every node type, put into the chart's ConfigMap.",
    map: true,
  },
  {
    key: 'secretProperties',
    description: "OX properties put into the chart's Secret instead of its ConfigMap: passwords, keys, salts, tokens.",
    map: true,
  },
  {
    key: 'propertiesFiles',
    description: "OX properties per file: `<absolute path in the container>: {key: value}`, put into the chart's ConfigMap.",
    map: true,
  },
  {
    key: 'secretPropertiesFiles',
    description: "OX properties per file, like `propertiesFiles`, put into the chart's Secret.",
    map: true,
  },
];

/** The keys of a `values` map of a role or a node type that hold OX properties. */
export const VALUES_KEYS: readonly ChartKey[] = CHART_KEYS.filter((k) => /^(secret)?[pP]roperties(Files)?$/.test(k.key));

const BY_KEY = new Map(CHART_KEYS.map((k) => [k.key, k]));

export function chartKey(key: string): ChartKey | undefined {
  return BY_KEY.get(key);
}
