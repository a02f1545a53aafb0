// `ox-cluster-config schema core-mw`: the JSON Schema of core-mw values, checked with Ajv on real values files.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import Ajv, { ErrorObject } from 'ajv';
import { parse } from 'yaml';
import { cli, REPO } from './harness';

const STOCK = path.join(REPO, '../shared/corpus/k8s-stock');
const STOCK_FILES = [
  'appsuite-middleware-core-mw-1.0.0/helm/core-mw/values.yaml',
  'aravindb26-middleware-core-mw-4.8.1/helm/core-mw/values.yaml',
  'cosa-systems-core-mw-6.20.2/helm/appsuite-public-sector/charts/appsuite-public-sector-base/charts/core-mw/values.yaml',
];

const run = cli(REPO, 'schema', 'core-mw');
// Read as plain JSON: the tests walk into it by name.
const schema = JSON.parse(run.stdout);
// Strict mode stays on (unknown keywords fail); union types such as ["boolean", "string"] are meant.
const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(schema);

/** Helm reads values as YAML 1.1. */
const values = (text: string): unknown => parse(text, { version: '1.1' });
const errors = (data: unknown): string[] =>
  validate(data) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message}`);

describe('schema core-mw', () => {
  test('prints a draft-07 schema and nothing else', () => {
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.additionalProperties, true);
  });

  test("the catalog's OX keys with type, enum and description; any other key allowed", () => {
    const ox = schema.definitions.oxProperties;
    assert.equal(ox.additionalProperties, true);
    assert.deepEqual(ox.properties['com.openexchange.hazelcast.enabled'].type, ['boolean', 'string', 'null']);
    assert.equal(ox.properties['com.openexchange.hazelcast.enabled'].default, 'true');
    assert.match(
      ox.properties['com.openexchange.hazelcast.enabled'].description,
      /^Starts Hazelcast on this node\. .* \(boolean · default true\)$/,
    );
    const port = ox.properties['com.openexchange.hazelcast.network.port'];
    assert.deepEqual([port.type, port.minimum, port.maximum], [['integer', 'string', 'null'], 1, 65535]);
    assert.deepEqual(ox.properties['com.openexchange.hazelcast.network.join'].examples, [
      'empty',
      'static',
      'multicast',
      'dns',
      'kubernetes',
      'aws',
    ]);
    assert.equal(ox.properties['com.openexchange.hazelcast.configuration.map.backupCount'], undefined, 'map file keys stay out');
    assert.deepEqual(schema.properties.packages.properties.status.additionalProperties, { enum: ['enabled', 'disabled'] });
  });

  test("OX's stock values files are valid", { skip: !fs.existsSync(STOCK) && 'no ../shared' }, () => {
    for (const file of STOCK_FILES) assert.deepEqual(errors(values(fs.readFileSync(path.join(STOCK, file), 'utf8'))), [], file);
  });

  test('the chart root of the healthy Kubernetes example is valid', () => {
    const data = values(fs.readFileSync(path.join(REPO, 'examples/kubernetes/healthy/values.yaml'), 'utf8')) as Record<string, unknown>;
    assert.ok(data['core-mw']);
    assert.deepEqual(errors(data['core-mw']), []);
  });

  test('wrong values are found at every level: root maps, file maps, role and node type values, statuses', () => {
    const data = values(`
replicas: -1
properties:
  com.openexchange.hazelcast.enabled: {on: 1}
  com.openexchange.sessiond.maxSessionPerUser: 50
  com.example.custom: anything
propertiesFiles:
  /opt/open-xchange/etc/hazelcast.properties:
    com.openexchange.hazelcast.network.port: 70000
roles:
  documents:
    values:
      secretProperties:
        com.openexchange.hazelcast.network.join: Kubernetes
      properties:
        com.openexchange.hazelcast.network.join: carrier-pigeon
scaling:
  nodes:
    api:
      roles: http-api
      values:
        secretPropertiesFiles:
          /opt/open-xchange/etc/hazelcast.properties:
            com.openexchange.hazelcast.enabled: [true]
packages:
  status:
    open-xchange-admin: on
features:
  status:
    admin: enabled
`);
    assert.deepEqual(errors(data).sort(), [
      '/packages/status/open-xchange-admin must be equal to one of the allowed values',
      '/properties/com.openexchange.hazelcast.enabled must be boolean,string,null',
      '/propertiesFiles/~1opt~1open-xchange~1etc~1hazelcast.properties/com.openexchange.hazelcast.network.port must be <= 65535',
      '/replicas must be >= 0',
      '/roles/documents/values/properties/com.openexchange.hazelcast.network.join must match pattern "^(?:[eE][mM][pP][tT][yY]|[sS][tT][aA][tT][iI][cC]|[mM][uU][lL][tT][iI][cC][aA][sS][tT]|[dD][nN][sS]|[kK][uU][bB][eE][rR][nN][eE][tT][eE][sS]|[aA][wW][sS])$"',
      '/scaling/nodes/api/roles must be array,null',
      '/scaling/nodes/api/values/secretPropertiesFiles/~1opt~1open-xchange~1etc~1hazelcast.properties/com.openexchange.hazelcast.enabled must be boolean,string,null',
    ]);
  });

  test('usage: the chart name is required', () => {
    for (const args of [[], ['core-mw', 'extra'], ['stack']]) {
      const wrong = cli(REPO, 'schema', ...args);
      assert.equal(wrong.status, 2);
      assert.ok(wrong.stderr.startsWith('ox-cluster-config: schema takes the chart name: core-mw.\n\nUsage:'), wrong.stderr);
    }
  });
});
