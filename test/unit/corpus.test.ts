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

test('the stock files renamed as templates get exactly the findings of the plain files', (t) => {
  if (!fs.existsSync(CORPUS)) {
    t.skip(NO_CORPUS);
    return;
  }
  const all = [...oxFilesBelow(path.join(CORPUS, 'ox-stock')), ...oxFilesBelow(path.join(CORPUS, 'ox-stock-legacy'))];
  const shape = (file: string, suffix: string, text: string) => {
    const d = openProperties(newService(), TextDocument.create(pathToUri(file) + suffix, 'ox-properties', 1, text));
    return validate(d).map(
      (x) => `${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character} ${x.code} ${x.message}`,
    );
  };
  let findings = 0;
  for (const file of all) {
    const text = fs.readFileSync(file).toString('latin1');
    const plain = shape(file, '', text);
    findings += plain.length;
    for (const suffix of ['.j2', '.erb', '.tmpl'])
      assert.deepEqual(shape(file, suffix, text), plain, `${path.relative(CORPUS, file)}${suffix}`);
  }
  t.diagnostic(`${all.length} stock files as .j2, .erb and .tmpl templates: ${findings} findings each, the same as the plain files`);
  // The stock files' own findings (old keys, shipped secrets, node rules on files read alone).
  assert.equal(findings, 34);
});
