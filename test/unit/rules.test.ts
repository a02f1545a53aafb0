import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { DiagnosticData } from '../../server/src/features/diagnostics';
import { applyEdits, brief, doc, validate } from '../support/service';

const E = DiagnosticSeverity.Error;
const W = DiagnosticSeverity.Warning;
const I = DiagnosticSeverity.Information;

function fixes(d: ReturnType<typeof validate>[number]) {
  return (d.data as DiagnosticData | undefined)?.fixes ?? [];
}

/** Applies the n-th fix of the only diagnostic with `code` and returns the new text. */
function fixed(name: string, text: string, code: string, n = 0): string {
  const diagnostics = validate(doc(name, text)).filter((d) => d.code === code);
  assert.equal(diagnostics.length, 1, `one ${code} diagnostic expected`);
  return applyEdits(text, fixes(diagnostics[0])[n].edits);
}

describe('syntax', () => {
  test('a malformed \\u escape is one error at the escape; the other lines still count', () => {
    const d = doc('sessiond.properties', 'a=\\u12G4\ncom.openexchange.sessiond.maxSession=abc\n');
    assert.deepEqual(brief(validate(d)), [
      { code: 'syntax', line: 0, from: 2, to: 7, severity: E, message: 'Malformed \\uXXXX escape: Java rejects it, and OX then skips this whole file (it logs only a warning).' },
      { code: 'invalid-value', line: 1, from: 37, to: 40, severity: E, message: '"abc" is not an integer: OX cannot parse it and silently uses the default 50000.' },
    ]);
  });
});

describe('unknown-key', () => {
  test('a typo in an owned namespace names the closest key and offers it', () => {
    const text = 'com.openexchange.hazelcast.network.interfacess=10.0.0.*\n';
    assert.deepEqual(brief(validate(doc('hazelcast.properties', text))), [
      {
        code: 'unknown-key', line: 0, from: 0, to: 46, severity: W,
        message: 'Unknown key "com.openexchange.hazelcast.network.interfacess": OX does not read it. Did you mean "com.openexchange.hazelcast.network.interfaces"?',
      },
    ]);
    assert.equal(fixed('hazelcast.properties', text, 'unknown-key'), 'com.openexchange.hazelcast.network.interfaces=10.0.0.*\n');
  });
  test('keys of namespaces the catalog does not own are never reported', () => {
    assert.deepEqual(brief(validate(doc('server.properties', 'com.openexchange.server.someFutureKey=1\nmy.own.key=2\n'))), []);
  });
  test('map fields are matched ignoring case; a misspelled field is caught', () => {
    const text = 'com.openexchange.hazelcast.configuration.map.BACKUPCOUNT=1\ncom.openexchange.hazelcast.configuration.map.maxIdleSecond=10\n';
    assert.deepEqual(brief(validate(doc('hazelcast/sessions.properties', text))), [
      {
        code: 'unknown-key', line: 1, from: 0, to: 58, severity: W,
        message: '"maxIdleSecond" is not a field of Hazelcast\'s MapConfig: OX skips this setting. Did you mean "com.openexchange.hazelcast.configuration.map.maxIdleSeconds"?',
      },
    ]);
  });
});

describe('duplicate-key', () => {
  test('every earlier occurrence is reported, pointing at the last; the fix removes the whole line', () => {
    const text = 'com.openexchange.hazelcast.jmx=false\r\ncom.openexchange.hazelcast.jmx=true\r\ncom.openexchange.hazelcast.enabled=true\r\n';
    const d = doc('hazelcast.properties', text);
    const diagnostics = validate(d);
    assert.deepEqual(brief(diagnostics), [
      { code: 'duplicate-key', line: 0, from: 0, to: 30, severity: W, message: '"com.openexchange.hazelcast.jmx" is set again on line 2; only that last value counts.' },
    ]);
    assert.deepEqual(diagnostics[0].relatedInformation, [
      { location: { uri: d.uri, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 30 } } }, message: 'The value that counts' },
    ]);
    assert.equal(fixed('hazelcast.properties', text, 'duplicate-key'), 'com.openexchange.hazelcast.jmx=true\r\ncom.openexchange.hazelcast.enabled=true\r\n');
  });
  test('removing a duplicate on the last line without a line break keeps the rest exact', () => {
    const text = 'a.b=1\nx=2\na.b=3';
    const out = fixed('server.properties', 'a.b=1\na.b=3\nx=2', 'duplicate-key');
    assert.equal(out, 'a.b=3\nx=2');
    assert.deepEqual(brief(validate(doc('server.properties', text))).map((b) => b.line), [0]);
  });
  test('two spellings of one map field are duplicates too', () => {
    const text = 'com.openexchange.hazelcast.configuration.map.backupCount=1\ncom.openexchange.hazelcast.configuration.map.BackupCount=2\n';
    assert.deepEqual(brief(validate(doc('hazelcast/sessions.properties', text))), [
      {
        code: 'duplicate-key', line: 0, from: 0, to: 56, severity: W,
        message: '"com.openexchange.hazelcast.configuration.map.backupCount" sets the same field as "com.openexchange.hazelcast.configuration.map.BackupCount" on line 2; which of the two OX applies is undefined.',
      },
    ]);
  });
});

describe('invalid-value', () => {
  test('enum values, with the closest value as a fix', () => {
    const text = 'com.openexchange.hazelcast.network.join = Statik  \n';
    assert.deepEqual(brief(validate(doc('hazelcast.properties', text))), [
      { code: 'invalid-value', line: 0, from: 42, to: 48, severity: E, message: '"Statik" is not one of empty, static, multicast, dns, kubernetes, aws.' },
    ]);
    assert.equal(fixed('hazelcast.properties', text, 'invalid-value'), 'com.openexchange.hazelcast.network.join = static  \n');
  });
  test('ports, time spans, routes, integers with units', () => {
    const text = [
      'com.openexchange.hazelcast.network.port=0',
      'com.openexchange.hazelcast.merge.runDelay=2min',
      'com.openexchange.hazelcast.network.interfaces=10.0.0',
      'com.openexchange.hazelcast.network.join.static.nodes=10.0.0.1,node-2.example.com:5701',
    ].join('\n');
    assert.deepEqual(brief(validate(doc('hazelcast.properties', text))).map((b) => [b.code, b.line, b.message]), [
      ['invalid-value', 0, '"0" is not a port number (1-65535).'],
      ['invalid-value', 1, '"2min" is not a time span: unknown unit "min" (use ms, s, m, h, d or w).'],
      ['invalid-value', 2, '"10.0.0" is not an interface address (wildcards * and ranges such as 10.0.0.1-9 are allowed).'],
    ]);
  });
  test('the stock values are valid', () => {
    const text = 'com.openexchange.hazelcast.network.portOffset=AUTO\ncom.openexchange.hazelcast.network.join.dns.resolverPort=-1\n';
    assert.deepEqual(brief(validate(doc('hazelcast.properties', text))), []);
  });
});

describe('misread-value', () => {
  test('a boolean "yes" is false to OX; the fix writes true', () => {
    const text = 'com.openexchange.hazelcast.jmx=yes\n';
    assert.deepEqual(brief(validate(doc('hazelcast.properties', text))), [
      { code: 'misread-value', line: 0, from: 31, to: 34, severity: W, message: 'OX reads "yes" as false: only "true" (in any letter case) is true.' },
    ]);
    assert.equal(fixed('hazelcast.properties', text, 'misread-value'), 'com.openexchange.hazelcast.jmx=true\n');
  });
  test('a backup count above 6 has no effect', () => {
    const text = 'com.openexchange.hazelcast.configuration.map.asyncBackupCount=7\n';
    assert.deepEqual(brief(validate(doc('hazelcast/sessions.properties', text))), [
      { code: 'misread-value', line: 0, from: 62, to: 63, severity: W, message: 'Values above 6 have no further effect: OX works as if it were 6.' },
    ]);
  });
});

describe('deprecated-key', () => {
  test('a renamed key is tagged deprecated and renamed by its fix, keeping the value', () => {
    const text = 'com.openexchange.hazelcast.mergeRunDelay=90s\n';
    const diagnostics = validate(doc('hazelcast.properties', text));
    assert.deepEqual(brief(diagnostics), [
      { code: 'deprecated-key', line: 0, from: 0, to: 40, severity: W, message: '"com.openexchange.hazelcast.mergeRunDelay" was renamed to "com.openexchange.hazelcast.merge.runDelay"; OX no longer reads the old name.' },
    ]);
    assert.deepEqual(diagnostics[0].tags, [DiagnosticTag.Deprecated]);
    assert.equal(fixed('hazelcast.properties', text, 'deprecated-key'), 'com.openexchange.hazelcast.merge.runDelay=90s\n');
  });
  test('a removed key gets deprecated-key only, never default-secret', () => {
    const text = 'com.openexchange.hazelcast.group.password=wtV6$VQk8#+3ds!a\n';
    assert.deepEqual(brief(validate(doc('hazelcast.properties', text))).map((b) => [b.code, b.message]), [
      ['deprecated-key', '"com.openexchange.hazelcast.group.password" was removed in 7.10.3; OX ignores it.'],
    ]);
  });
});

describe('wrong-file and map-key-outside-map-file', () => {
  test('a key documented for another file is information only', () => {
    assert.deepEqual(brief(validate(doc('server.properties', 'com.openexchange.hazelcast.group.name=prod\n'))), [
      { code: 'wrong-file', line: 0, from: 0, to: 37, severity: I, message: '"com.openexchange.hazelcast.group.name" is documented for hazelcast.properties. OX reads every .properties file below etc/ (since 7.8.3), so it still takes effect here.' },
    ]);
  });
  test('a map setting outside hazelcast/ has no effect', () => {
    assert.deepEqual(brief(validate(doc('hazelcast.properties', 'com.openexchange.hazelcast.configuration.map.backupCount=2\n'))), [
      { code: 'map-key-outside-map-file', line: 0, from: 0, to: 56, severity: W, message: 'OX reads "com.openexchange.hazelcast.configuration.map.backupCount" only from a data-structure file in etc/hazelcast/ (one file per map, e.g. hazelcast/sessions.properties); here it has no effect.' },
    ]);
  });
});

describe('default-secret', () => {
  const ENC = 'com.openexchange.hazelcast.network.symmetricEncryption';
  test('the shipped encryption password is reported only while encryption is on', () => {
    const on = `${ENC}=true\n${ENC}.salt=our-own-salt\n${ENC}.password=D2xhL8mPkjsF\n`;
    assert.deepEqual(brief(validate(doc('hazelcast.properties', on))).map((b) => [b.code, b.line, b.from, b.to]), [['default-secret', 2, 64, 76]]);
    const off = on.replace('=true', '=false');
    assert.deepEqual(brief(validate(doc('hazelcast.properties', off))), []);
  });
  test('TLS replaces symmetric encryption: its secrets are then unused', () => {
    const text = `${ENC}=true\n${ENC}.password=D2xhL8mPkjsF\ncom.openexchange.hazelcast.network.ssl=true\n`;
    assert.deepEqual(brief(validate(doc('hazelcast.properties', text))), []);
  });
  test('an unset salt while encryption is on means the built-in public default, reported on the switch', () => {
    const text = `${ENC}=true\n${ENC}.password=s3cr3t-of-our-own\n`;
    assert.deepEqual(brief(validate(doc('hazelcast.properties', text))), [
      {
        code: 'default-secret', line: 0, from: 55, to: 59, severity: W,
        message: `"${ENC}.salt" is not set, so OX uses its built-in default, which is publicly known. Set a secret of your own.`,
      },
    ]);
  });
  test('own secrets are fine', () => {
    const text = `${ENC}=true\n${ENC}.salt=our-own-salt\n${ENC}.password=s3cr3t-of-our-own\n`;
    assert.deepEqual(brief(validate(doc('hazelcast.properties', text))), []);
  });
});

describe('severity settings and suppression comments', () => {
  const text = 'com.openexchange.hazelcast.jmx=yes\n';
  test('a rule can be raised or switched off', () => {
    assert.equal(validate(doc('hazelcast.properties', text), { rules: { 'misread-value': 'error' }, inlayHints: true })[0].severity, E);
    assert.deepEqual(validate(doc('hazelcast.properties', text), { rules: { 'misread-value': 'off' }, inlayHints: true }), []);
  });
  test('disable-next-line and disable comments', () => {
    assert.deepEqual(validate(doc('hazelcast.properties', `# ox-cluster-config-disable-next-line misread-value\n${text}`)), []);
    assert.deepEqual(validate(doc('hazelcast.properties', `# ox-cluster-config-disable misread-value\n\n${text}`)), []);
    assert.equal(validate(doc('hazelcast.properties', `# ox-cluster-config-disable-next-line unknown-key\n${text}`)).length, 1);
  });
  test('every diagnostic names its rule, its source and its documentation', () => {
    const [d] = validate(doc('hazelcast.properties', text));
    assert.equal(d.source, 'ox-cluster-config');
    assert.deepEqual(d.codeDescription, { href: 'https://github.com/ox-cluster-tools/ox-cluster-config/blob/main/docs/rules/misread-value.md' });
  });
});
