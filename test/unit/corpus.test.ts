import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { pathToUri } from '../../server/src/host/nodeHost';
import { CORPUS, NO_CORPUS, oxFilesBelow } from '../support/corpus';
import { newService, openProperties, validate } from '../support/service';

test('real stock OX files produce no error diagnostics', (t) => {
  if (!fs.existsSync(CORPUS)) {
    t.skip(NO_CORPUS);
    return;
  }
  const all = [...oxFilesBelow(path.join(CORPUS, 'ox-stock')), ...oxFilesBelow(path.join(CORPUS, 'ox-stock-legacy'))];
  assert.ok(all.length >= 30, `expected the stock files, found ${all.length}`);
  const errors: string[] = [];
  let warnings = 0;
  for (const file of all) {
    const text = fs.readFileSync(file).toString('latin1');
    const doc = openProperties(newService(), TextDocument.create(pathToUri(file), 'ox-properties', 1, text));
    for (const d of validate(doc)) {
      if (d.severity === DiagnosticSeverity.Error)
        errors.push(`${path.relative(CORPUS, file)}:${d.range.start.line + 1} ${d.code} ${d.message}`);
      if (d.severity === DiagnosticSeverity.Warning) warnings++;
    }
  }
  t.diagnostic(`${all.length} stock files, ${errors.length} errors, ${warnings} warnings (old keys and shipped secrets)`);
  assert.deepEqual(errors, []);
});
