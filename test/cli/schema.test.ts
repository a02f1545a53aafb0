import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import Ajv from 'ajv';
import { parseWorkspaceConfig } from '../../server/src/config/configFile';
import { REPO } from './harness';

const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas/oxclusterconfig.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

function errors(): string {
  return JSON.stringify(validate.errors);
}

describe('schemas/oxclusterconfig.schema.json', () => {
  // Its rules part is generated (npm run gen); test/unit/generated.test.ts checks that it is current.
  test('is draft-07', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  });

  const valid: Array<[string, unknown]> = [
    ['empty', {}],
    [
      'everything',
      {
        $schema: './node_modules/ox-cluster-config/schemas/oxclusterconfig.schema.json',
        rules: {
          'unknown-key': 'error',
          'wrong-file': 'off',
          'ltcp-ignored': 'information',
          'cluster-mismatch': 'hint',
          'duplicate-key': 'warning',
        },
        clusters: [
          { name: 'prod', nodes: ['prod/node1', 'prod/node2'] },
          { name: 'staging', nodes: ['staging/*'] },
        ],
        releases: [
          { name: 'prod', chartVersion: '6.20.2', values: ['k8s/values.yaml', 'k8s/values-prod.yaml.gotmpl'] },
          { name: 'staging', values: ['/srv/staging.yml'] },
        ],
        catalogs: ['site.ox-catalog.json', '/etc/ox/catalogs/extra.json'],
        include: ['**/custom-etc/*.properties'],
        exclude: ['backup', '**/old/**'],
      },
    ],
    [
      'OX versions and the package list name',
      {
        oxVersion: '7.10.6',
        nodes: { 'prod/node3': { oxVersion: '8.19' }, 'staging/*': {} },
        clusters: [{ name: 'prod', nodes: ['prod/*'], oxVersion: 'v7.10.6-rev35' }],
        packageList: 'installed-packages.txt',
      },
    ],
    [
      'balancers in front of clusters',
      {
        balancers: [
          { file: 'lb/proxy_http.conf', cluster: 'prod' },
          { file: 'lb/*.conf', cluster: 'staging', balancer: 'balancer://StagingCluster' },
          { file: '**/dav.conf', cluster: 'prod', balancer: 'oxserver-sync' },
        ],
      },
    ],
    ['the CLI test fixture', JSON.parse(fs.readFileSync(path.join(REPO, 'test/fixtures/cli/with-config/.oxclusterconfig.json'), 'utf8'))],
  ];
  for (const [name, data] of valid) {
    test(`accepts: ${name}`, () => {
      assert.ok(validate(data), errors());
      const problems: string[] = [];
      parseWorkspaceConfig(data, 'file:///w', problems);
      assert.deepEqual(problems, [], 'the settings reader agrees');
    });
  }

  const invalid: Array<[string, unknown, boolean]> = [
    // [name, data, whether the settings reader also reports it]
    ['not an object', ['rules'], true],
    ['an unknown setting', { rule: {} }, true],
    ['an unknown severity', { rules: { 'unknown-key': 'fatal' } }, true],
    ['an unknown rule', { rules: { 'no-such-rule': 'off' } }, false],
    ['a cluster without nodes', { clusters: [{ name: 'prod' }] }, true],
    ['a cluster without name', { clusters: [{ nodes: ['a'] }] }, true],
    ['a node that is not a string', { clusters: [{ name: 'prod', nodes: [1] }] }, true],
    ['clusters not a list', { clusters: { prod: ['a'] } }, true],
    ['a release without values', { releases: [{ name: 'prod' }] }, true],
    ['a release with no values file', { releases: [{ name: 'prod', values: [] }] }, true],
    ['a release chart version that is not one', { releases: [{ name: 'prod', chartVersion: 'latest', values: ['v.yaml'] }] }, true],
    ['a release with an unknown setting', { releases: [{ name: 'prod', values: ['v.yaml'], namespace: 'ox' }] }, true],
    // Which files exist and which are YAML, the resolver checks (test/unit/config.test.ts).
    ['a release values file that is not YAML', { releases: [{ name: 'prod', values: ['v.json'] }] }, false],
    ['releases not a list', { releases: { prod: ['v.yaml'] } }, true],
    ['catalogs not a list', { catalogs: 'a.json' }, true],
    ['include with a number', { include: [1] }, true],
    ['exclude not a list', { exclude: 'backup' }, true],
    ['an oxVersion that is not one', { oxVersion: 'latest' }, true],
    ['a cluster oxVersion that is not one', { clusters: [{ name: 'prod', nodes: ['a'], oxVersion: '8' }] }, true],
    ['a node entry that is not an object', { nodes: { node1: '7.10.6' } }, true],
    ['a node entry with an unknown setting', { nodes: { node1: { version: '7.10.6' } } }, true],
    ['nodes as a list', { nodes: ['node1'] }, true],
    ['a package list name with a folder', { packageList: 'etc/packages.txt' }, true],
    ['a package list name with a glob', { packageList: '*.txt' }, true],
    ['balancers not a list', { balancers: { file: 'proxy_http.conf', cluster: 'prod' } }, true],
    ['a balancer without a cluster', { balancers: [{ file: 'proxy_http.conf' }] }, true],
    ['a balancer without a file', { balancers: [{ cluster: 'prod' }] }, true],
    ['a balancer name with a path', { balancers: [{ file: 'proxy_http.conf', cluster: 'prod', balancer: 'balancer://ox/ajax' }] }, true],
    ['a balancer entry with an unknown setting', { balancers: [{ file: 'proxy_http.conf', cluster: 'prod', weight: 1 }] }, true],
  ];
  for (const [name, data, readerToo] of invalid) {
    test(`rejects: ${name}`, () => {
      assert.equal(validate(data), false);
      if (readerToo) {
        const problems: string[] = [];
        parseWorkspaceConfig(data, 'file:///w', problems);
        assert.ok(problems.length > 0, 'the settings reader reports it too');
      }
    });
  }
});
