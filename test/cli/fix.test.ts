import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { applyFixes } from '../../server/src/features/applyFixes';
import { FixData } from '../../server/src/analysis/engine';
import { cli, removeScratch, scratch, snapshot } from './harness';

let dir: string;
before(() => {
  dir = scratch();
});
after(() => removeScratch(dir));

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('check --fix', () => {
  test('fixes in place, byte for byte outside the edits: CRLF, ISO-8859-1 bytes, no final line break', () => {
    const etc = path.join(dir, 'fixme', 'node1', 'etc');
    fs.mkdirSync(etc, { recursive: true });
    const hazelcast = path.join(etc, 'hazelcast.properties');
    const sessiond = path.join(etc, 'sessiond.properties');
    fs.writeFileSync(
      hazelcast,
      latin1(
        '# Gr\xf6\xdfe und \xc4rger: ein Kommentar\r\n' +
          'com.openexchange.hazelcast.jmx = yes   \r\n' +
          'com.openexchange.hazelcast.network.port=5701\r\n' +
          '\t! a bang comment \xa7\r\n' +
          'com.openexchange.hazelcast.mergeRunDelay=120s\r\n' +
          'com.openexchange.hazelcast.merge.firstRunDelay=2 minutes\r\n' +
          'com.openexchange.hazelcast.network.port=5702',
      ),
    );
    const sessiondBytes = latin1('# caf\xe9\ncom.openexchange.sessiond.maxSession=100\n');
    fs.writeFileSync(sessiond, sessiondBytes);

    const before = cli(dir, 'check', 'fixme');
    assert.match(before.stdout, /^3 problems can be fixed with --fix\.$/m);

    const run = cli(dir, 'check', '--fix', 'fixme');
    assert.equal(
      run.stdout,
      'Fixed 3 problems in 1 file.\n' +
        'fixme/node1/etc/hazelcast.properties:5:48 error invalid-value "2 minutes" is not a time span: unknown unit "minutes" (use ms, s, m, h, d or w).\n' +
        '1 error, 0 warnings, 0 infos in 2 files (1 cluster, 1 node)\n',
    );
    assert.equal(run.status, 1);
    assert.deepEqual(
      fs.readFileSync(hazelcast),
      latin1(
        '# Gr\xf6\xdfe und \xc4rger: ein Kommentar\r\n' +
          'com.openexchange.hazelcast.jmx = true   \r\n' +
          '\t! a bang comment \xa7\r\n' +
          'com.openexchange.hazelcast.merge.runDelay=120s\r\n' +
          'com.openexchange.hazelcast.merge.firstRunDelay=2 minutes\r\n' +
          'com.openexchange.hazelcast.network.port=5702',
      ),
    );
    assert.deepEqual(fs.readFileSync(sessiond), sessiondBytes);

    const again = cli(dir, 'check', '--fix', 'fixme');
    assert.match(again.stdout, /^Fixed 0 problems in 0 files\.\n/);
  });

  test('the examples: fixable problems go, a second --fix changes nothing, untouched lines stay', () => {
    const root = path.join(dir, 'examples');
    const original = snapshot(root);
    const beforeJson = JSON.parse(cli(dir, 'check', '--format', 'json', 'examples').stdout) as Array<{
      file: string;
      line: number;
      rule: string;
    }>;
    const beforeHuman = cli(dir, 'check', 'examples').stdout;
    const fixable = Number(/^(\d+) problems? can be fixed with --fix\.$/m.exec(beforeHuman)?.[1] ?? 0);
    assert.ok(fixable > 0, 'the broken example has fixable problems');

    const run = cli(dir, 'check', '--fix', 'examples');
    const match = /^Fixed (\d+) problems? in (\d+) files?\.\n/.exec(run.stdout);
    assert.ok(match, run.stdout);
    const fixed = Number(match[1]);
    assert.ok(fixed >= fixable, `fixed ${fixed}, announced ${fixable}`);
    assert.doesNotMatch(run.stdout, /can be fixed with --fix/);
    for (const rule of ['unknown-key', 'duplicate-key', 'deprecated-key'])
      assert.doesNotMatch(run.stdout, new RegExp(` ${rule} `), `${rule} is fixed`);
    // The Ansible role's finding of this kind rests on a role default: information without a fix, so it stays.
    assert.doesNotMatch(run.stdout.replace(/^examples\/ansible-role\/.*\n/gm, ''), /reads "yes" as false/);

    const fixedFiles = snapshot(root);
    const changed = [...original.keys()].filter((f) => !original.get(f)!.equals(fixedFiles.get(f)!));
    assert.equal(changed.length, Number(match[2]));
    assert.deepEqual([...fixedFiles.keys()].sort(), [...original.keys()].sort(), 'no file created or deleted');
    assert.ok(
      changed.every(
        (f) => f.startsWith('broken-cluster/') || f.startsWith('kubernetes/') || f === 'upgrade-in-progress/node3/etc/mail-push.properties',
      ),
      changed.join(', '),
    );
    for (const file of changed) {
      // Lines without any diagnostic are kept, in order.
      const marked = new Set(beforeJson.filter((p) => p.file === `examples/${file}`).map((p) => p.line - 1));
      const oldLines = original.get(file)!.toString('latin1').split('\n');
      const newLines = fixedFiles.get(file)!.toString('latin1').split('\n');
      let at = 0;
      for (const [i, line] of oldLines.entries()) {
        if (marked.has(i)) continue;
        while (at < newLines.length && newLines[at] !== line) at++;
        assert.ok(at < newLines.length, `${file}: line ${i + 1} "${line}" kept`);
        at++;
      }
    }

    const again = cli(dir, 'check', '--fix', 'examples');
    assert.match(again.stdout, /^Fixed 0 problems in 0 files\.\n/);
    assert.equal(again.stdout.slice(again.stdout.indexOf('\n') + 1), run.stdout.slice(run.stdout.indexOf('\n') + 1));
    const twice = snapshot(root);
    for (const [file, bytes] of fixedFiles) assert.ok(bytes.equals(twice.get(file)!), `${file} unchanged by the second --fix`);
  });

  test('with --format json the count goes to stderr and stdout stays JSON', () => {
    const etc = path.join(dir, 'fixjson', 'node1', 'etc');
    fs.mkdirSync(etc, { recursive: true });
    fs.writeFileSync(path.join(etc, 'hazelcast.properties'), 'com.openexchange.hazelcast.jmx=yes\n');
    const run = cli(dir, 'check', '--fix', '--format', 'json', 'fixjson');
    assert.equal(run.stderr, 'Fixed 1 problem in 1 file.\n');
    assert.deepEqual(JSON.parse(run.stdout), []);
    assert.equal(run.status, 0);
    assert.equal(fs.readFileSync(path.join(etc, 'hazelcast.properties'), 'latin1'), 'com.openexchange.hazelcast.jmx=true\n');
  });
});

function range(line: number, from: number, to: number, toLine = line) {
  return { start: { line, character: from }, end: { line: toLine, character: to } };
}

function diag(fixes: FixData[]): Diagnostic {
  return { range: range(0, 0, 1), message: 'm', source: 'ox-cluster-config', data: { fixes } };
}

function fix(...edits: Array<[string, ReturnType<typeof range>, string]>): FixData {
  return { title: 't', edits: edits.map(([uri, r, newText]) => ({ uri, range: r, newText })) };
}

describe('applyFixes', () => {
  const a = 'file:///n/etc/a.properties';
  const b = 'file:///n/etc/b.properties';
  const docs = new Map([
    [a, TextDocument.create(a, 'ox-properties', 1, 'k1=v1\r\nk2=v2\r\nk3=v3')],
    [b, TextDocument.create(b, 'ox-properties', 1, 'x=1\n')],
  ]);

  test('applies single fixes, across files, leaving every other character alone', () => {
    const result = applyFixes(
      [diag([fix([a, range(0, 3, 5), 'V1'])]), diag([fix([a, range(2, 0, 2), 'K3'], [b, range(1, 0, 0), 'y=2\n'])])],
      docs,
    );
    assert.deepEqual(
      [...result.texts],
      [
        [a, 'k1=V1\r\nk2=v2\r\nK3=v3'],
        [b, 'x=1\ny=2\n'],
      ],
    );
    assert.equal(result.applied, 2);
    assert.equal(result.skipped, 0);
  });

  test('skips a choice of fixes, file creation, unknown files, overlaps and clashing insertions', () => {
    const create: FixData = { ...fix([`${a}.new`, range(0, 0, 0), 'n=1\n']), create: [`${a}.new`] };
    const result = applyFixes(
      [
        diag([fix([a, range(0, 0, 2), 'K1']), fix([a, range(0, 0, 2), 'KEY1'])]),
        diag([create]),
        diag([fix(['file:///elsewhere.properties', range(0, 0, 0), 'z'])]),
        diag([fix([a, range(1, 0, 5), 'k2=new'])]),
        diag([fix([a, range(1, 3, 5), 'other'])]),
        diag([fix([a, range(2, 0, 0), '# a\r\n'])]),
        diag([fix([a, range(2, 0, 0), '# b\r\n'])]),
        diag([fix([a, range(1, 5, 1, 2), ''])]),
        diag([fix([a, range(9, 0, 0), 'beyond'])]),
        { range: range(0, 0, 0), message: 'no fixes', source: 'ox-cluster-config' },
      ],
      docs,
    );
    assert.deepEqual([...result.texts], [[a, 'k1=v1\r\nk2=new\r\n# a\r\nk3=v3']]);
    assert.equal(result.applied, 2);
    assert.equal(result.skipped, 7);
  });

  test('nothing to fix: no text', () => {
    assert.equal(applyFixes([], docs).texts.size, 0);
  });
});
