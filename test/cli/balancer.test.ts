// `check` on the Apache httpd configuration in front of the nodes: found below folders, taken as a file,
// declared in .oxclusterconfig.json, and reported in every output format.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RULES } from '../../server/src/rules/registry';
import { cli, removeScratch, scratch } from './harness';

let dir: string;
let fixtures: string;
before(() => {
  dir = scratch();
  fixtures = path.join(dir, 'fixtures');
});
after(() => removeScratch(dir));

const PROXY = 'balancer/apache2/proxy_http.conf';
const NOT_STICKY =
  'balancer://oxcluster has no stickysession, so Apache spreads the requests of one session over all members; only the node that issued a session knows it, and the others send the user back to the login. Add ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On.';

const NOT_STICKY_NO_NODE = NOT_STICKY.replace(
  'back to the login.',
  "back to the login (the workspace holds no OX node: balancer://oxcluster is taken to be in front of OX nodes, as its members are on OX's listener port, 8009 or 8010 with TLS).",
);

describe('check: the load balancer', () => {
  test('human: the proxy_http.conf found below the folder is checked against the nodes', () => {
    const run = cli(fixtures, 'check', 'balancer');
    assert.equal(
      run.stdout,
      `${PROXY}:2:4 error balancer-not-sticky ${NOT_STICKY}\n` +
        '1 error, 0 warnings, 0 infos in 3 files (1 cluster, 2 nodes)\n' +
        '1 problem can be fixed with --fix.\n',
    );
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
  });

  test('json and sarif carry the same finding', () => {
    const json = cli(fixtures, 'check', '--format', 'json', 'balancer');
    assert.deepEqual(JSON.parse(json.stdout), [
      {
        file: PROXY,
        line: 2,
        column: 4,
        endLine: 2,
        endColumn: 32,
        severity: 'error',
        rule: 'balancer-not-sticky',
        message: NOT_STICKY,
      },
    ]);
    const sarif = cli(fixtures, 'check', '--format', 'sarif', 'balancer');
    assert.equal(sarif.stderr, '');
    const results = (JSON.parse(sarif.stdout) as { runs: Array<{ results: unknown[] }> }).runs[0].results;
    assert.deepEqual(results, [
      {
        ruleId: 'balancer-not-sticky',
        ruleIndex: RULES.findIndex((r) => r.id === 'balancer-not-sticky'),
        level: 'error',
        message: { text: NOT_STICKY },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: PROXY, uriBaseId: 'SRCROOT' },
              region: { startLine: 2, startColumn: 4, endLine: 2, endColumn: 32 },
            },
          },
        ],
      },
    ]);
  });

  test('a .conf given as a file is read as httpd configuration: on its own, and beside the nodes', () => {
    // Without nodes, the findings that need none (see the next test).
    const alone = cli(fixtures, 'check', PROXY);
    assert.equal(
      alone.stdout,
      `${PROXY}:2:4 error balancer-not-sticky ${NOT_STICKY_NO_NODE}\n` +
        '1 error, 0 warnings, 0 infos in 1 file (0 clusters, 0 nodes)\n' +
        '1 problem can be fixed with --fix.\n',
    );
    assert.equal(alone.stderr, '');
    assert.equal(alone.status, 1);
    const beside = cli(fixtures, 'check', 'balancer/ox', PROXY);
    assert.equal(beside.stdout.split('\n')[0], `${PROXY}:2:4 error balancer-not-sticky ${NOT_STICKY}`);
    assert.equal(beside.status, 1);
  });

  test('a folder with only web server files: the balancer findings that need no node, and no "no OX files" warning', () => {
    const run = cli(fixtures, 'check', 'balancer/apache2');
    assert.equal(
      run.stdout,
      `${PROXY}:2:4 error balancer-not-sticky ${NOT_STICKY_NO_NODE}\n` +
        '1 error, 0 warnings, 0 infos in 1 file (0 clusters, 0 nodes)\n' +
        '1 problem can be fixed with --fix.\n',
    );
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    const json = JSON.parse(cli(fixtures, 'check', '--format', 'json', 'balancer/apache2').stdout) as Array<{ rule: string; line: number }>;
    assert.deepEqual(
      json.map((f) => [f.rule, f.line]),
      [['balancer-not-sticky', 2]],
    );
  });

  test('a balancer declared in .oxclusterconfig.json says so; a declared cluster that does not exist is a warning', () => {
    const run = cli(fixtures, 'check', 'balancer-declared');
    assert.equal(
      run.stdout,
      'balancer-declared/lb/proxy_http.conf:1:1 error balancer-not-sticky balancer://oxcluster has no stickysession, so Apache spreads the requests of one session over all members; only the node that issued a session knows it, and the others send the user back to the login (balancer://oxcluster is in front of cluster "ox" as declared in .oxclusterconfig.json). Add ProxySet stickysession=JSESSIONID|jsessionid scolonpathdelim=On.\n' +
        '1 error, 0 warnings, 0 infos in 3 files (1 cluster, 2 nodes)\n' +
        '1 problem can be fixed with --fix.\n',
    );
    assert.equal(
      run.stderr,
      `ox-cluster-config: ${path.join(fixtures, 'balancer-declared', '.oxclusterconfig.json')}: balancers[1]: no cluster is named "prod" (the clusters are "ox"); ignored.\n`,
    );
    assert.equal(run.status, 1);
  });

  test('the files an Include names are checked too; an Include that finds nothing in the workspace is an info', () => {
    const run = cli(fixtures, 'check', 'balancer-include');
    assert.equal(
      run.stdout,
      'balancer-include/web/apache2/apache2.conf:2:1 info syntax Nothing in the workspace matches "sites-enabled/ox.conf": httpd refuses to start when an Include finds no file (IncludeOptional would skip it), unless the server holds files this copy lacks.\n' +
        `balancer-include/web/balancer/oxcluster.conf:1:1 error balancer-not-sticky ${NOT_STICKY}\n` +
        '1 error, 0 warnings, 1 info in 4 files (1 cluster, 2 nodes)\n' +
        '1 problem can be fixed with --fix.\n',
    );
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
  });
});
