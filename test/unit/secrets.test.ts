// Secret values (catalog `secret: true`: passwords, salts, keys) must not show up anywhere the tool writes
// text: diagnostics and their related information, fix titles, hover, symbols, inlay hints, completion,
// the effective configuration (unless asked for) and the CLI's text, JSON and SARIF output. `dump` is the
// one place that prints them, on purpose.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupContent } from 'vscode-languageserver-types';
import { buildCatalog } from '../../server/src/catalog/loadCatalog';
import { main } from '../../server/src/cli/main';
import { effectiveConfigurations } from '../../server/src/features/effectiveConfiguration';
import { renderEffectiveConfiguration } from '../../server/src/features/effectiveConfigurationText';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { analyze, catalog, serviceOver, uriOf } from '../support/memoryHost';
import { newService, openProperties, validate } from '../support/service';
import { assertClean, ENC, FILES, KEY, lines, MARKER, shown } from '../support/secrets';

describe('secret values never show', () => {
  test('diagnostics: messages, related information and fix titles of every rule', async () => {
    const { byFile } = await analyze(FILES);
    const all = Object.entries(byFile).flatMap(([file, list]) => list.map((d) => ({ file, d })));
    for (const { file, d } of all) assertClean(`${file}:${d.range.start.line + 1} ${String(d.code)}`, shown(d));
    // The workspace exercises every rule that may mention a value.
    const codes = new Set(all.map(({ d }) => String(d.code)));
    for (const code of ['cluster-mismatch', 'duplicate-across-files', 'default-secret', 'deprecated-key', 'wrong-file', 'encoding']) {
      assert.ok(codes.has(code), `${code} fires in the test workspace`);
    }
    const mismatches = all.filter(({ d }) => d.code === 'cluster-mismatch');
    assert.ok(
      mismatches.some(({ d }) => d.message.includes(`${ENC}.password`)),
      'the passwords differ',
    );
    assert.ok(
      mismatches.some(({ d }) => d.message.includes(KEY)),
      'the session encryption keys differ',
    );
    assert.ok(
      mismatches.every(({ d }) => d.relatedInformation?.length),
      'cluster-mismatch points at the other nodes',
    );
  });

  test('hover on every key and value, with what other nodes set', async () => {
    const { workspace } = await analyze(FILES);
    const service = await serviceOver(FILES);
    let notes = 0;
    for (const doc of workspace.documents()) {
      for (const e of doc.settings) {
        for (const offset of [e.keyRange.start, e.valueRange.start]) {
          const hover = service.hover(doc.text, doc.text.positionAt(offset));
          if (!hover) continue;
          const text = (hover.contents as MarkupContent).value;
          if (text.includes('Other nodes of cluster')) notes++;
          assertClean(`hover in ${doc.uri} at ${offset}`, text);
        }
      }
    }
    assert.ok(notes > 0, 'some hover names the values of other nodes');
  });

  test('effective configuration: masked unless asked for', async () => {
    const { workspace } = await analyze(FILES);
    const masked = effectiveConfigurations(workspace, catalog, { maskSecrets: true });
    assertClean('the masked effective configuration (JSON)', JSON.stringify(masked));
    assertClean('the masked effective configuration (document)', renderEffectiveConfiguration(masked));
    // Asked for, they are there: the check above would have seen them.
    assert.ok(
      renderEffectiveConfiguration(effectiveConfigurations(workspace, catalog, { maskSecrets: false })).includes(`${MARKER}-pass-1234-xyz`),
    );
  });

  test('document and workspace symbols, inlay hints, completion', async () => {
    const { workspace } = await analyze(FILES);
    const service = await serviceOver(FILES);
    assertClean('workspace symbols', JSON.stringify(service.workspaceSymbols('')));
    for (const doc of workspace.documents()) {
      assertClean(`symbols of ${doc.uri}`, JSON.stringify(service.symbols(doc.text)));
      const whole = { start: { line: 0, character: 0 }, end: doc.text.positionAt(doc.text.getText().length) };
      assertClean(`inlay hints of ${doc.uri}`, JSON.stringify(service.inlayHints(doc.text, whole, DEFAULT_SETTINGS)));
      for (const e of doc.settings)
        assertClean(`completion in ${doc.uri}`, JSON.stringify(service.complete(doc.text, doc.text.positionAt(e.valueRange.end))));
    }
  });

  test('the service masks every secret value of the workspace in its diagnostics, for the server and the CLI alike', async () => {
    // The port is no secret, so its finding quotes the value: node1's password, set in another file.
    const extra = 'c/node1/etc/extra.properties';
    const files = { ...FILES, [extra]: `com.openexchange.hazelcast.network.port=${MARKER}-pass-1234-xyz\n` };
    const { byFile } = await analyze(files);
    const quoted = byFile[extra].filter((d) => d.code === 'invalid-value').map((d) => d.message);
    assert.deepEqual(quoted, [`"${MARKER}-pass-1234-xyz" is not a port number (1-65535).`], 'the rule itself quotes the value');
    const service = await serviceOver(files);
    const masked = ['"********" is not a port number (1-65535).'];
    const uri = uriOf(extra);
    assert.deepEqual(
      service
        .diagnostics(uri)
        .filter((d) => d.code === 'invalid-value')
        .map((d) => d.message),
      masked,
    );
    const problems = service.report().problems.filter((p) => p.uri === uri && p.diagnostic.code === 'invalid-value');
    assert.deepEqual(
      problems.map((p) => p.diagnostic.message),
      masked,
    );
  });

  test('secrets of a user catalog with a checked type: value findings and hover do not quote them', () => {
    const custom = buildCatalog([
      {
        source: 'secrets.json',
        data: {
          file: 'custom.properties',
          namespaces: ['com.example.'],
          properties: [
            { key: 'com.example.db.url', type: 'url', default: null, secret: true, description: 'A URL with credentials.' },
            { key: 'com.example.pin', type: 'integer', default: '0', secret: true, description: 'A PIN.' },
            { key: 'com.example.flag', type: 'boolean', default: 'false', secret: true, description: 'A secret switch.' },
            { key: 'com.example.rotate', type: 'timespan', default: '1d', secret: true, description: 'A secret interval.' },
          ],
        },
      },
    ]);
    assert.deepEqual(custom.problems, []);
    const text = lines(
      `com.example.db.url=${MARKER}-db-xyz`,
      `com.example.pin=${MARKER}12`,
      `com.example.flag=${MARKER}-yes`,
      `com.example.rotate=${MARKER}`,
      'com.example.rotate=5000',
    );
    const service = newService(custom.catalog);
    const doc = openProperties(service, TextDocument.create('file:///c/node1/etc/custom.properties', 'ox-properties', 1, text));
    service.update([doc.uri], DEFAULT_SETTINGS);
    const diagnostics = service.diagnostics(doc.uri);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.message]),
      [
        ['duplicate-key', 3, '"com.example.rotate" is set again on line 5; only that last value counts.'],
        ['invalid-value', 0, 'This secret value is not a URL.'],
        ['invalid-value', 1, 'This secret value is not an integer: OX cannot parse it and silently uses the default 0.'],
        ['invalid-value', 3, 'This secret value is not a time span: it has no number before it.'],
        // "false" is the catalog's default of this secret: every front end masks it wherever a message has it.
        ['misread-value', 2, 'OX reads this secret value as ********: only "true" (in any letter case) is true.'],
      ],
    );
    for (const d of diagnostics) assertClean(`${String(d.code)} on line ${d.range.start.line + 1}`, shown(d));
    const hover = service.hover(doc.text, { line: 4, character: 20 });
    assert.ok(hover);
    assert.ok(!(hover.contents as MarkupContent).value.includes('5000'), 'hover does not explain a secret time span');
    // A piece of the value quoted on its own (a time span's unit) goes too: only the first clause is left.
    const unit = openProperties(
      newService(custom.catalog),
      TextDocument.create('file:///c/node1/etc/custom.properties', 'ox-properties', 1, `com.example.rotate=5${MARKER}\n`),
    );
    assert.deepEqual(
      validate(unit, DEFAULT_SETTINGS, custom.catalog).map((d) => d.message),
      ['This secret value is not a time span.'],
    );
  });

  test('secrets of a user catalog: no number read from the value, no list entry, no letters of a unit', () => {
    const custom = buildCatalog([
      {
        source: 'short.json',
        data: {
          file: 'custom.properties',
          namespaces: ['com.example.'],
          properties: [
            { key: 'com.example.level', type: 'integer', default: '50', min: 10, max: 99, secret: true, description: 'A level.' },
            { key: 'com.example.peers', type: 'host-list', default: null, secret: true, description: 'Peers.' },
            { key: 'com.example.wait', type: 'timespan', default: '1h', secret: true, description: 'A wait.' },
          ],
        },
      },
    ]);
    assert.deepEqual(custom.problems, []);
    const messages = (text: string) =>
      validate(
        openProperties(newService(custom.catalog), TextDocument.create('file:///c/node1/etc/custom.properties', 'ox-properties', 1, text)),
        DEFAULT_SETTINGS,
        custom.catalog,
      ).map((d) => d.message);
    // The search for the value in the message these replace let "5", "!" and "qz" (of "q-z") through.
    assert.deepEqual(messages('com.example.level=5\n'), ['OX rejects this secret value or cannot parse it.']);
    assert.deepEqual(messages('com.example.level=100\n'), ['OX rejects this secret value or cannot parse it.']);
    assert.deepEqual(messages('com.example.peers=!,10.0.0.1\n'), ['OX rejects this secret value or cannot parse it.']);
    assert.deepEqual(messages('com.example.peers=a!b\n'), ['This secret value is not a host name or IP address (optionally with :port).']);
    assert.deepEqual(messages('com.example.wait=q-z\n'), ['This secret value is not a time span.']);
    assert.deepEqual(messages('com.example.wait=qz\n'), ['This secret value is not a time span: it has no number before it.']);
  });
});

describe('secret values never show in the CLI (dump aside)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ox-secrets-'));
    for (const [rel, text] of Object.entries(FILES)) {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // As an editor would save them: UTF-8 (the "€" file then reaches OX, and the CLI, as other characters).
      fs.writeFileSync(file, text, 'utf8');
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(...args: string[]): Promise<{ code: number; out: string }> {
    let out = '';
    const io = { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (out += t) }, cwd: dir };
    const code = await main(args, io);
    return { code, out };
  }

  for (const args of [
    ['check', 'c'],
    ['check', '--format', 'json', 'c'],
    ['check', '--format', 'sarif', 'c'],
    ['check', '--effective', 'c'],
  ]) {
    test(args.join(' '), async () => {
      const { out } = await run(...args);
      assert.ok(out.length > 100, 'some output');
      assertClean(args.join(' '), out);
    });
  }

  test('the text output reports the findings about the secrets', async () => {
    const { code, out } = await run('check', 'c');
    assert.equal(code, 1);
    for (const rule of ['cluster-mismatch', 'duplicate-across-files', 'default-secret', 'encoding'])
      assert.match(out, new RegExp(` ${rule} `));
  });

  test('dump is the exception: it prints the file as OX reads it', async () => {
    const { code, out } = await run('dump', path.join(dir, 'c/node1/etc/hazelcast.properties'));
    assert.equal(code, 0);
    assert.ok(out.includes(`${MARKER}-pass-1234-xyz`));
  });
});
