// A workspace whose secret values (catalog `secret: true`) are easy to find in any output, for the secrets tests.
import assert from 'node:assert/strict';
import { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticData } from '../../server/src/analysis/engine';
import { Files } from './memoryHost';

/** Every secret value below holds this marker; nothing else does, so any part of a secret that leaks is found. */
export const MARKER = 'SeCrEt';
/** A secret too short for the CLI's message scrubber (it skips values under 4 characters). */
export const SHORT = 'Q7z';
/** A salt OX has shipped: public, but a secret value all the same. */
export const SHIPPED = '2mw67LqNDEb3';

const H = 'com.openexchange.hazelcast.';
export const ENC = `${H}network.symmetricEncryption`;
export const KEY = 'com.openexchange.sessiond.encryptionKey';
export const lines = (...l: string[]) => l.map((x) => `${x}\n`).join('');
const cluster = (...l: string[]) =>
  lines(
    `${H}group.name=prod`,
    `${H}network.join=static`,
    `${H}network.join.static.nodes=10.0.0.1,10.0.0.2,10.0.0.3`,
    `${H}network.interfaces=10.0.0.*`,
    ...l,
  );

/**
 * Three nodes whose secrets differ (cluster-mismatch), a secret set in two files (duplicate-across-files) and
 * in the wrong file (wrong-file), a shipped salt (default-secret), a removed secret key (deprecated-key), a
 * secret with a character beyond ISO-8859-1 (encoding) and a short secret.
 */
export const FILES: Files = {
  'c/node1/etc/hazelcast.properties': cluster(
    `${ENC}=true`,
    `${ENC}.salt=${MARKER}-salt-1111-xyz`,
    `${ENC}.password=${MARKER}-pass-1234-xyz`,
    `${H}network.join.aws.secretKey=${MARKER}-aws-7777-xyz`,
    `${H}group.password=${MARKER}-grp-3333-xyz`,
  ),
  'c/node1/etc/sessiond.properties': lines(`${KEY}=${MARKER}-enc-aaaa-xyz`),
  'c/node2/etc/hazelcast.properties': cluster(
    `${ENC}=true`,
    `${ENC}.salt=${MARKER}-salt-2222-xyz`,
    `${ENC}.password=${MARKER}-pass-5678-xyz`,
    `${H}network.ssl.keyStorePassword=${SHORT}`,
  ),
  'c/node2/etc/server.properties': lines(`${ENC}.password=${MARKER}-pass-9999-xyz`),
  'c/node2/etc/sessiond.properties': lines(`${KEY}=${MARKER}-enc-bbbb-xyz`),
  'c/node3/etc/hazelcast.properties': cluster(`${ENC}=true`, `${ENC}.salt=${SHIPPED}`),
  'c/node3/etc/sessiond.properties': lines(`${KEY}=${MARKER}-enc-€-xyz`),
};

export function assertClean(where: string, text: string): void {
  // The messages name where, never what: a failing test must not print the secret either.
  assert.ok(!text.includes(MARKER), `${where} shows a secret value`);
  assert.ok(!text.includes(SHORT), `${where} shows the short secret`);
  assert.ok(!text.includes(SHIPPED), `${where} shows the shipped salt`);
}

/** What an editor shows of a diagnostic: message, related information and the titles of its fixes. */
export function shown(d: Diagnostic): string {
  const fixes = (d.data as DiagnosticData | undefined)?.fixes ?? [];
  return [d.message, ...(d.relatedInformation ?? []).map((r) => r.message), ...fixes.map((f) => f.title)].join('\n');
}
