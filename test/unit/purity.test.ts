import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const SRC = path.resolve(__dirname, '../../../server/src');
/** The only impure code: the LSP layer, the CLI (cli.ts, cli/) and the host layer (file access). */
const IMPURE = new Set(['server.ts', 'cli.ts']);
const IMPURE_DIRS = ['host', 'cli'];
const ALLOWED_PACKAGES = new Set(['vscode-languageserver-types', 'vscode-languageserver-textdocument', 'ajv']);

function coreFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    const relName = rel ? `${rel}/${name}` : name;
    if (fs.statSync(full).isDirectory()) {
      if (!IMPURE_DIRS.includes(relName)) out.push(...coreFiles(full, relName));
    } else if (name.endsWith('.ts') && !IMPURE.has(relName)) {
      out.push(relName);
    }
  }
  return out;
}

test('the core imports no Connection, no fs, no host layer', () => {
  const files = coreFiles(SRC);
  assert.ok(files.length > 20, `expected the core files, found ${files.length}`);
  const offenders: string[] = [];
  for (const rel of files) {
    const text = fs.readFileSync(path.join(SRC, rel), 'utf8');
    for (const match of text.matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)) {
      const spec = match[1];
      if (spec.startsWith('.')) {
        const target = path.normalize(path.join(path.dirname(rel), spec));
        if (IMPURE_DIRS.some((d) => target === d || target.startsWith(`${d}/`)) || IMPURE.has(`${target}.ts`)) {
          offenders.push(`${rel} imports ${spec}`);
        }
      } else if (!spec.endsWith('.json') && !ALLOWED_PACKAGES.has(spec.split('/')[0])) {
        offenders.push(`${rel} imports ${spec}`);
      }
    }
    if (/\bprocess\.(env|argv|exit|stdout|stderr)\b/.test(text)) offenders.push(`${rel} touches process`);
  }
  assert.deepEqual(offenders, []);
});
