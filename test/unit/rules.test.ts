import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver-types';
import { DiagnosticData } from '../../server/src/analysis/engine';
import { applyEdits } from '../support/edits';
import { brief, doc, validate } from '../support/service';

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
      {
        code: 'syntax',
        line: 0,
        from: 2,
        to: 7,
        severity: E,
        message: 'Malformed \\uXXXX escape: Java rejects it, and OX then skips this whole file (it logs only a warning).',
      },
      {
        code: 'invalid-value',
        line: 1,
        from: 37,
        to: 40,
        severity: E,
        message: '"abc" is not an integer: OX cannot parse it and silently uses the default 50000.',
      },
    ]);
  });
});

describe('unknown-key', () => {
  test('a typo in an owned namespace names the closest key and offers it', () => {
    const text = 'com.openexchange.hazelcast.network.interfacess=10.0.0.*\n';
    assert.deepEqual(brief(validate(doc('hazelcast.properties', text))), [
      {
        code: 'unknown-key',
        line: 0,
        from: 0,
        to: 46,
        severity: W,
        message:
          'Unknown key "com.openexchange.hazelcast.network.interfacess": OX does not read it. Did you mean "com.openexchange.hazelcast.network.interfaces"?',
      },
    ]);
    assert.equal(fixed('hazelcast.properties', text, 'unknown-key'), 'com.openexchange.hazelcast.network.interfaces=10.0.0.*\n');
  });
  test('keys of namespaces the catalog does not own are never reported', () => {
    assert.deepEqual(brief(validate(doc('server.properties', 'com.openexchange.server.someFutureKey=1\nmy.own.key=2\n'))), []);
  });
  test('map fields are matched ignoring case; a misspelled field is caught', () => {
    const text =
      'com.openexchange.hazelcast.configuration.map.BACKUPCOUNT=1\ncom.openexchange.hazelcast.configuration.map.maxIdleSecond=10\n';
    assert.deepEqual(brief(validate(doc('hazelcast/sessions.properties', text))), [
      {
        code: 'unknown-key',
        line: 1,
        from: 0,
        to: 58,
        severity: W,
        message:
          '"maxIdleSecond" is not a field of Hazelcast\'s MapConfig: OX skips this setting. Did you mean "com.openexchange.hazelcast.configuration.map.maxIdleSeconds"?',
      },
    ]);
  });
});

describe('duplicate-key', () => {
  test('every earlier occurrence is reported, pointing at the last; the fix removes the whole line', () => {
    const text =
      'com.openexchange.hazelcast.jmx=false\r\ncom.openexchange.hazelcast.jmx=true\r\ncom.openexchange.hazelcast.enabled=true\r\n';
    const d = doc('hazelcast.properties', text);
    const diagnostics = validate(d);
    assert.deepEqual(brief(diagnostics), [
      {
        code: 'duplicate-key',
        line: 0,
        from: 0,
        to: 30,
        severity: W,
        message: '"com.openexchange.hazelcast.jmx" is set again on line 2; only that last value counts.',
      },
    ]);
    assert.deepEqual(diagnostics[0].relatedInformation, [
      {
        location: { uri: d.uri, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 30 } } },
        message: 'The value that counts',
      },
    ]);
    assert.equal(
      fixed('hazelcast.properties', text, 'duplicate-key'),
      'com.openexchange.hazelcast.jmx=true\r\ncom.openexchange.hazelcast.enabled=true\r\n',
    );
  });
  test('removing a duplicate on the last line without a line break keeps the rest exact', () => {
    const text = 'a.b=1\nx=2\na.b=3';
    const out = fixed('server.properties', 'a.b=1\na.b=3\nx=2', 'duplicate-key');
    assert.equal(out, 'a.b=3\nx=2');
    assert.deepEqual(
      brief(validate(doc('server.properties', text))).map((b) => b.line),
      [0],
    );
  });
  test('two spellings of one map field are duplicates too', () => {
    const text = 'com.openexchange.hazelcast.configuration.map.backupCount=1\ncom.openexchange.hazelcast.configuration.map.BackupCount=2\n';
    assert.deepEqual(brief(validate(doc('hazelcast/sessions.properties', text))), [
      {
        code: 'duplicate-key',
        line: 0,
        from: 0,
        to: 56,
        severity: W,
        message:
          '"com.openexchange.hazelcast.configuration.map.backupCount" sets the same field as "com.openexchange.hazelcast.configuration.map.BackupCount" on line 2; which of the two OX applies is undefined.',
      },
    ]);
  });
});

describe('invalid-value', () => {
  test('enum values, with the closest value as a fix', () => {
    const text = 'com.openexchange.hazelcast.network.join = Statik  \n';
    assert.deepEqual(brief(validate(doc('hazelcast.properties', text))), [
      {
        code: 'invalid-value',
        line: 0,
        from: 42,
        to: 48,
        severity: E,
        message: '"Statik" is not one of empty, static, multicast, dns, kubernetes, aws.',
      },
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
    assert.deepEqual(
      brief(validate(doc('hazelcast.properties', text))).map((b) => [b.code, b.line, b.message]),
      [
        ['invalid-value', 0, '"0" is not a port number (1-65535).'],
        ['invalid-value', 1, '"2min" is not a time span: unknown unit "min" (use ms, s, m, h, d or w).'],
        ['invalid-value', 2, '"10.0.0" is not an interface address (wildcards * and ranges such as 10.0.0.1-9 are allowed).'],
      ],
    );
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
      {
        code: 'misread-value',
        line: 0,
        from: 31,
        to: 34,
        severity: W,
        message: 'OX reads "yes" as false: only "true" (in any letter case) is true.',
      },
    ]);
    assert.equal(fixed('hazelcast.properties', text, 'misread-value'), 'com.openexchange.hazelcast.jmx=true\n');
  });
  test('a backup count above 6 has no effect', () => {
    const text = 'com.openexchange.hazelcast.configuration.map.asyncBackupCount=7\n';
    assert.deepEqual(brief(validate(doc('hazelcast/sessions.properties', text))), [
      {
        code: 'misread-value',
        line: 0,
        from: 62,
        to: 63,
        severity: W,
        message: 'Values above 6 have no further effect: OX works as if it were 6.',
      },
    ]);
  });
});

describe('deprecated-key', () => {
  test('a renamed key is tagged deprecated and renamed by its fix, keeping the value', () => {
    const text = 'com.openexchange.hazelcast.mergeRunDelay=90s\n';
    const diagnostics = validate(doc('hazelcast.properties', text));
    assert.deepEqual(brief(diagnostics), [
      {
        code: 'deprecated-key',
        line: 0,
        from: 0,
        to: 40,
        severity: W,
        message:
          '"com.openexchange.hazelcast.mergeRunDelay" was renamed to "com.openexchange.hazelcast.merge.runDelay"; OX no longer reads the old name.',
      },
    ]);
    assert.deepEqual(diagnostics[0].tags, [DiagnosticTag.Deprecated]);
    assert.equal(fixed('hazelcast.properties', text, 'deprecated-key'), 'com.openexchange.hazelcast.merge.runDelay=90s\n');
  });
  test('a removed key gets deprecated-key only, never default-secret', () => {
    const text = 'com.openexchange.hazelcast.group.password=wtV6$VQk8#+3ds!a\n';
    assert.deepEqual(
      brief(validate(doc('hazelcast.properties', text))).map((b) => [b.code, b.message]),
      [['deprecated-key', '"com.openexchange.hazelcast.group.password" was removed in 7.10.3; OX ignores it.']],
    );
  });
});

describe('wrong-file and map-key-outside-map-file', () => {
  test('a key documented for another file is information only', () => {
    assert.deepEqual(brief(validate(doc('server.properties', 'com.openexchange.hazelcast.group.name=prod\n'))), [
      {
        code: 'wrong-file',
        line: 0,
        from: 0,
        to: 37,
        severity: I,
        message:
          '"com.openexchange.hazelcast.group.name" is documented for hazelcast.properties. OX reads every .properties file below etc/ (since 7.8.3), so it still takes effect here.',
      },
    ]);
  });
  test('a map setting outside hazelcast/ has no effect', () => {
    assert.deepEqual(brief(validate(doc('hazelcast.properties', 'com.openexchange.hazelcast.configuration.map.backupCount=2\n'))), [
      {
        code: 'map-key-outside-map-file',
        line: 0,
        from: 0,
        to: 56,
        severity: W,
        message:
          'OX reads "com.openexchange.hazelcast.configuration.map.backupCount" only from a data-structure file in etc/hazelcast/ (one file per map, e.g. hazelcast/sessions.properties); here it has no effect.',
      },
    ]);
  });
});

describe('default-secret', () => {
  const ENC = 'com.openexchange.hazelcast.network.symmetricEncryption';
  test('the shipped encryption password is reported only while encryption is on', () => {
    const on = `${ENC}=true\n${ENC}.salt=our-own-salt\n${ENC}.password=D2xhL8mPkjsF\n`;
    assert.deepEqual(
      brief(validate(doc('hazelcast.properties', on))).map((b) => [b.code, b.line, b.from, b.to]),
      [['default-secret', 2, 64, 76]],
    );
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
        code: 'default-secret',
        line: 0,
        from: 55,
        to: 59,
        severity: W,
        message: `"${ENC}.salt" is not set, so OX uses its built-in default, which is publicly known. Set a secret of your own.`,
      },
    ]);
  });
  test('own secrets are fine', () => {
    const text = `${ENC}=true\n${ENC}.salt=our-own-salt\n${ENC}.password=s3cr3t-of-our-own\n`;
    assert.deepEqual(brief(validate(doc('hazelcast.properties', text))), []);
  });
});

describe('encoding', () => {
  // Without a workspace the node's version is unknown: both readings are said.
  const BOM_START =
    'The file starts with a UTF-8 byte-order mark. The node\'s OX version is unknown: OX 7.x reads the file as ISO-8859-1 and takes the mark for the characters "ï»¿", OX 8 reads UTF-8 and keeps it as the character U+FEFF; either way it stands in front of line 1: ';
  const UNKNOWN = ' This holds if the node runs OX 7.x; its OX version is unknown, and OX 8 reads the file as UTF-8, as written.';
  const STRAY = 'the line becomes a stray key. That is harmless only as long as no setting moves to line 1.';
  const UTF8 = 'the file seems to be saved as UTF-8, but OX reads ISO-8859-1 and gets';
  /** Every encoding finding with its fixes: [line, from, to, severity, message, [title, newText, edit start, edit end][]]. */
  function findings(name: string, text: string) {
    return validate(doc(name, text))
      .filter((d) => d.code === 'encoding')
      .map((d) => [
        d.range.start.line,
        d.range.start.character,
        d.range.end.character,
        d.severity,
        d.message,
        fixes(d).map((f) => [f.title, f.preferred, ...f.edits.map((e) => [e.newText, e.range.start.character, e.range.end.character])]),
      ]);
  }
  /** Applies the first fix of the n-th encoding finding. */
  function fixedAt(name: string, text: string, n: number): string {
    return applyEdits(text, fixes(validate(doc(name, text)).filter((d) => d.code === 'encoding')[n])[0].edits);
  }

  test('a byte-order mark as the editor decodes it (U+FEFF) hides the first key; the fix deletes it', () => {
    const text = '\uFEFFcom.openexchange.hazelcast.group.name=prod\n';
    assert.deepEqual(brief(validate(doc('hazelcast.properties', text))), [
      {
        code: 'encoding',
        line: 0,
        from: 0,
        to: 1,
        severity: W,
        message: `${BOM_START}OX does not see the setting "com.openexchange.hazelcast.group.name".`,
      },
    ]);
    assert.deepEqual(findings('hazelcast.properties', text)[0][5], [['Remove the byte-order mark', true, ['', 0, 1]]]);
    assert.equal(fixed('hazelcast.properties', text, 'encoding'), 'com.openexchange.hazelcast.group.name=prod\n');
  });

  test('the byte-order mark as read from disk (ISO-8859-1 "ï»¿"): before a comment, a blank line, or indented key', () => {
    const comment = 'ï»¿# Hazelcast\ncom.openexchange.hazelcast.jmx=true\n';
    assert.deepEqual(findings('hazelcast.properties', comment), [
      [0, 0, 3, W, `${BOM_START}${STRAY}`, [['Remove the byte-order mark', true, ['', 0, 3]]]],
    ]);
    assert.equal(fixed('hazelcast.properties', comment, 'encoding'), '# Hazelcast\ncom.openexchange.hazelcast.jmx=true\n');
    assert.deepEqual(validate(doc('hazelcast.properties', '# Hazelcast\ncom.openexchange.hazelcast.jmx=true\n')), []);
    assert.deepEqual(
      findings('hazelcast.properties', 'ï»¿\r\ncom.openexchange.hazelcast.jmx=true\r\n').map((f) => f.slice(0, 5)),
      [[0, 0, 3, W, `${BOM_START}${STRAY}`]],
    );
    // OX reads the key "ï»¿" with the value "com.openexchange.hazelcast.jmx=true": the setting is lost all the same.
    assert.deepEqual(
      findings('hazelcast.properties', 'ï»¿  com.openexchange.hazelcast.jmx = true\n').map((f) => f.slice(0, 5)),
      [[0, 0, 3, W, `${BOM_START}OX does not see the setting "com.openexchange.hazelcast.jmx".`]],
    );
    // Only at the start of the file: elsewhere these are ordinary characters.
    assert.deepEqual(findings('server.properties', 'a=1\n'), []);
  });

  test('characters above U+00FF in keys and values: one finding per run, fixed with \\u escapes; comments are not reported', () => {
    const text = '# Grüße, 10 € ✓\nmy.price=10 € or 12™™\nmy.smile😀=yes\n';
    const message = (run: string, points: string, bytes: string, count: number, escaped: string) => {
      const many = points.includes(' ');
      return (
        `"${run}" (${points}) ${many ? 'are' : 'is'} not in ISO-8859-1, the character set OX reads this file in: ` +
        `saved as UTF-8, OX reads ${many ? 'their' : 'its'} bytes ${bytes} as ${count} other characters. Write ${many ? 'them' : 'it'} as ${escaped}.${UNKNOWN}`
      );
    };
    assert.deepEqual(findings('server.properties', text), [
      [1, 12, 13, I, message('€', 'U+20AC', 'E2 82 AC', 3, '\\u20AC'), [['Replace with \\u20AC', true, ['\\u20AC', 12, 13]]]],
      [
        1,
        19,
        21,
        I,
        message('™™', 'U+2122 U+2122', 'E2 84 A2 E2 84 A2', 6, '\\u2122\\u2122'),
        [['Replace with \\u2122\\u2122', true, ['\\u2122\\u2122', 19, 21]]],
      ],
      [
        2,
        8,
        10,
        I,
        message('😀', 'U+1F600', 'F0 9F 98 80', 4, '\\uD83D\\uDE00'),
        [['Replace with \\uD83D\\uDE00', true, ['\\uD83D\\uDE00', 8, 10]]],
      ],
    ]);
    assert.equal(fixedAt('server.properties', text, 0), '# Grüße, 10 € ✓\nmy.price=10 \\u20AC or 12™™\nmy.smile😀=yes\n');
    assert.equal(fixedAt('server.properties', text, 2), '# Grüße, 10 € ✓\nmy.price=10 € or 12™™\nmy.smile\\uD83D\\uDE00=yes\n');
    // The escapes read back as the same characters.
    const escaped = doc('server.properties', 'my.price=10 \\u20AC or 12\\u2122\\u2122\nmy.smile\\uD83D\\uDE00=yes\n');
    assert.deepEqual(
      escaped.entries.map((e) => [e.key, e.value]),
      [
        ['my.price', '10 € or 12™™'],
        ['my.smile😀', 'yes'],
      ],
    );
    assert.deepEqual(findings('server.properties', 'my.price=10 \\u20AC\n'), []);
  });

  test('a character after an escaping backslash: the fix replaces the backslash too', () => {
    const text = 'my.k\\€y=1\n';
    assert.deepEqual(findings('server.properties', text)[0].slice(0, 3), [0, 5, 6]);
    assert.equal(fixed('server.properties', text, 'encoding'), 'my.k\\u20ACy=1\n');
    assert.equal(doc('server.properties', 'my.k\\u20ACy=1\n').entries[0].key, 'my.k€y');
  });

  test('UTF-8 read as ISO-8859-1 ("Ã¤", "Ã¶", "Ã¼", "ÃŸ", "â€"): information with the escape of the intended character', () => {
    const text = 'my.city=MÃ¼nchen, KÃ¶ln, GrÃ¤fe, StraÃŸe\n';
    const seen = (chars: string, intended: string, escaped: string) =>
      `"${chars}" looks like UTF-8 for "${intended}": ${UTF8} "${chars}" here. Write "${intended}" as ${escaped}.${UNKNOWN}`;
    assert.deepEqual(findings('server.properties', text), [
      [0, 9, 11, I, seen('Ã¼', 'ü', '\\u00FC'), [['Replace with \\u00FC (ü)', true, ['\\u00FC', 9, 11]]]],
      [0, 19, 21, I, seen('Ã¶', 'ö', '\\u00F6'), [['Replace with \\u00F6 (ö)', true, ['\\u00F6', 19, 21]]]],
      [0, 27, 29, I, seen('Ã¤', 'ä', '\\u00E4'), [['Replace with \\u00E4 (ä)', true, ['\\u00E4', 27, 29]]]],
      [0, 37, 39, I, seen('ÃŸ', 'ß', '\\u00DF'), [['Replace with \\u00DF (ß)', true, ['\\u00DF', 37, 39]]]],
    ]);
    assert.equal(fixedAt('server.properties', text, 0), 'my.city=M\\u00FCnchen, KÃ¶ln, GrÃ¤fe, StraÃŸe\n');
    // As the server reads a UTF-8 file from disk (ISO-8859-1): "ß" is "Ã" and the control character U+009F.
    assert.deepEqual(findings('server.properties', 'my.street=Stra\u00C3\u009Fe\n'), [
      [0, 14, 16, I, seen('Ã\\u009F', 'ß', '\\u00DF'), [['Replace with \\u00DF (ß)', true, ['\\u00DF', 14, 16]]]],
    ]);
    // Three-byte punctuation: "â€œ" is “; "â€" whose last character got lost has no fix.
    assert.deepEqual(findings('server.properties', 'my.quote=â€œhiâ€\n'), [
      [0, 9, 12, I, seen('â€œ', '“', '\\u201C'), [['Replace with \\u201C (“)', true, ['\\u201C', 9, 12]]]],
      [
        0,
        14,
        16,
        I,
        `"â€" looks like the start of a UTF-8 punctuation mark (a dash, quote or ellipsis, U+2000 to U+203F): ${UTF8} "â€" here. Write the intended character as a \\uXXXX escape.${UNKNOWN}`,
        [],
      ],
    ]);
    // In keys too; never in comments. ISO-8859-1 text as such is fine for OX 7.x; with the version unknown, its
    // bytes are information, since OX 8 reads them as UTF-8 (test/unit/versionRules.test.ts has the messages).
    assert.deepEqual(
      findings('server.properties', 'my.grÃ¶ÃŸe=1\n').map((f) => f.slice(0, 3)),
      [
        [0, 5, 7],
        [0, 7, 9],
      ],
    );
    assert.deepEqual(
      findings('server.properties', '# MÃ¼nchen\nmy.city=Zürich, Köln, Straße\n').map((f) => f.slice(0, 4)),
      [
        [1, 9, 10, I],
        [1, 17, 18, I],
        [1, 26, 27, I],
      ],
    );
  });

  test('secret values: the message names no character of the value', () => {
    const key = 'com.openexchange.sessiond.encryptionKey';
    const text = `${key}=ab€cdÃ¤\n`;
    assert.deepEqual(findings('sessiond.properties', text), [
      [
        0,
        42,
        43,
        I,
        `This secret value holds a character outside ISO-8859-1, the character set OX reads this file in: saved as UTF-8, OX reads other characters here. Write it as a \\uXXXX escape.${UNKNOWN}`,
        [['Replace with \\uXXXX escapes', true, ['\\u20AC', 42, 43]]],
      ],
      [
        0,
        45,
        47,
        I,
        `This secret value seems to hold UTF-8 text: ${UTF8} other characters here. Write the intended character as a \\uXXXX escape.${UNKNOWN}`,
        [['Replace with the \\uXXXX escape of the intended character', true, ['\\u00E4', 45, 47]]],
      ],
    ]);
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
    assert.deepEqual(d.codeDescription, {
      href: 'https://github.com/ox-cluster-tools/ox-cluster-config/blob/main/docs/rules/misread-value.md',
    });
  });
});
