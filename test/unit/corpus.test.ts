import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { pathToUri } from '../../server/src/host/nodeHost';
import { service, validate } from '../support/service';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return files(full);
    return /\.(properties|ccf)$/.test(d.name) ? [full] : [];
  });
}

test('real stock OX files produce no error diagnostics', (t) => {
  if (!fs.existsSync(CORPUS)) {
    t.skip(`../shared/corpus not found next to the repository: the stock OX files are not available here`);
    return;
  }
  const all = [...files(path.join(CORPUS, 'ox-stock')), ...files(path.join(CORPUS, 'ox-stock-legacy'))];
  assert.ok(all.length >= 30, `expected the stock files, found ${all.length}`);
  const errors: string[] = [];
  let warnings = 0;
  for (const file of all) {
    const text = fs.readFileSync(file).toString('latin1');
    const doc = service.parse(TextDocument.create(pathToUri(file), 'ox-properties', 1, text));
    for (const d of validate(doc)) {
      if (d.severity === DiagnosticSeverity.Error) errors.push(`${path.relative(CORPUS, file)}:${d.range.start.line + 1} ${d.code} ${d.message}`);
      if (d.severity === DiagnosticSeverity.Warning) warnings++;
    }
  }
  t.diagnostic(`${all.length} stock files, ${errors.length} errors, ${warnings} warnings (old keys and shipped secrets)`);
  assert.deepEqual(errors, []);
});
