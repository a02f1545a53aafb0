import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FixIntent, listSeparator } from '../../server/src/model/edits';
import { lastSetting } from '../../server/src/model/document';
import { createOxDocument, OxDocument } from '../../server/src/model/properties/propertiesDocument';
import { applyEdits } from '../support/edits';
import { catalog } from '../support/service';

function parsed(text: string, name = 'hazelcast.properties'): OxDocument {
  return createOxDocument(TextDocument.create(`file:///c/n1/etc/${name}`, 'ox-properties', 1, text), catalog);
}

/** The text after the edits the document's editor makes for one intent (all in that document). */
function applied(doc: OxDocument, intent: FixIntent): string {
  const edits = doc.editor.edits(intent);
  assert.ok(
    edits.every((e) => e.doc === doc),
    'edits stay in the document',
  );
  return applyEdits(doc.text.getText(), edits);
}

const only = (doc: OxDocument, key: string) => lastSetting(doc, key)!;

describe('the .properties editor', () => {
  test('set-value replaces the trimmed value and escapes it; a key without separator gets "="', () => {
    const doc = parsed('a = old  \nb\n');
    assert.equal(applied(doc, { kind: 'set-value', doc, setting: only(doc, 'a'), value: ' x\\y' }), 'a = \\ x\\\\y  \nb\n');
    assert.equal(applied(doc, { kind: 'set-value', doc, setting: only(doc, 'b'), value: 'v' }), 'a = old  \nb=v\n');
  });

  test('rename-key replaces the key only, escaped', () => {
    const doc = parsed('old.key: v\n');
    assert.equal(applied(doc, { kind: 'rename-key', doc, setting: only(doc, 'old.key'), key: 'new key' }), 'new\\ key: v\n');
  });

  test('remove takes whole lines, with continuation lines, and merges neighbours', () => {
    const doc = parsed('a=1\nb=2 \\\n  still b\nc=3\nd=4\n');
    const settings = [only(doc, 'b'), only(doc, 'c')];
    assert.equal(applied(doc, { kind: 'remove', doc, settings }), 'a=1\nd=4\n');
    assert.deepEqual(
      doc.editor.edits({ kind: 'remove', doc, settings }).map((e) => [e.start, e.end]),
      [[4, 24]],
    );
  });

  test("put changes the setting that counts, or adds a line after another setting or at the end in the file's line breaks", () => {
    const doc = parsed('x=1\r\ny=2\r\nx=3\r\n');
    assert.equal(applied(doc, { kind: 'put', doc, key: 'x', value: '9' }), 'x=1\r\ny=2\r\nx=9\r\n');
    assert.equal(applied(doc, { kind: 'put', doc, key: 'z', value: '0', after: only(doc, 'y') }), 'x=1\r\ny=2\r\nz=0\r\nx=3\r\n');
    assert.equal(applied(doc, { kind: 'put', doc, key: 'z', value: '0' }), 'x=1\r\ny=2\r\nx=3\r\nz=0\r\n');
  });

  test('put at the end after a stray continuation backslash leaves a blank line, so the new line stays its own', () => {
    const doc = parsed('a=1\\\n');
    assert.equal(applied(doc, { kind: 'put', doc, key: 'b', value: '2' }), 'a=1\\\n\nb=2\n');
  });

  test('append-item follows the list style', () => {
    assert.deepEqual(['', 'a', 'a,', 'a, b'].map(listSeparator), ['', ',', '', ', ']);
    const doc = parsed('nodes=10.0.0.1, 10.0.0.2\n');
    assert.equal(
      applied(doc, { kind: 'append-item', doc, setting: only(doc, 'nodes'), item: '10.0.0.3' }),
      'nodes=10.0.0.1, 10.0.0.2, 10.0.0.3\n',
    );
    const bare = parsed('nodes\n');
    assert.equal(applied(bare, { kind: 'append-item', doc: bare, setting: only(bare, 'nodes'), item: '10.0.0.3' }), 'nodes=10.0.0.3\n');
  });

  test('move removes the line here and adds it to the target, or creates the target file', () => {
    const doc = parsed('k=v\nother=1\n');
    const target = parsed('first=1', 'sessiond.properties');
    const edits = doc.editor.edits({ kind: 'move', doc, setting: only(doc, 'k'), to: target });
    assert.deepEqual(
      edits.map((e) => [e.doc?.uri, e.start, e.end, e.newText]),
      [
        [doc.uri, 0, 4, ''],
        [target.uri, 7, 7, '\nk=v\n'],
      ],
    );
    const created = doc.editor.edits({ kind: 'move', doc, setting: only(doc, 'k'), to: { createUri: 'file:///c/n1/etc/new.properties' } });
    assert.deepEqual(created[1], { createUri: 'file:///c/n1/etc/new.properties', start: 0, end: 0, newText: 'k=v\n' });
  });

  test('replace-text is taken as it is', () => {
    const doc = parsed('\uFEFFa=1\n');
    assert.equal(applied(doc, { kind: 'replace-text', doc, start: 0, end: 1, text: '' }), 'a=1\n');
  });

  test('a setting of another document is refused, not edited at a wrong place', () => {
    const doc = parsed('a=1\n');
    const other = parsed('a=2\n', 'cache.properties');
    assert.throws(() => doc.editor.edits({ kind: 'set-value', doc, setting: only(other, 'a'), value: 'x' }), /Not a setting of/);
  });
});
