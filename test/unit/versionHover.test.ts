// Hover on group.name names the cluster a node joins with, once its OX version is known.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Files, serviceOver, uriOf } from '../support/memoryHost';

const GROUP = 'com.openexchange.hazelcast.group.name=mail-next\n';

async function joinsAs(files: Files, path: string): Promise<string | undefined> {
  const service = await serviceOver(files);
  const text = TextDocument.create(uriOf(path), 'ox-properties', 1, files[path]);
  const hover = service.hover(text, { line: 0, character: 10 });
  const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  return value.split('\n').find((l) => l.startsWith('Joins as'));
}

test('the name a node joins with: the Hazelcast line appended from 7.10.3, not with a license key up to 7.10.6', async () => {
  assert.equal(
    await joinsAs(
      { 'a/packages.txt': 'ii  open-xchange-core 7.10.5-3\n', 'a/etc/hazelcast.properties': GROUP },
      'a/etc/hazelcast.properties',
    ),
    'Joins as: `mail-next-4.1` (OX 7.10.5 appends its Hazelcast line)',
  );
  assert.equal(
    await joinsAs(
      {
        'b/packages.txt': 'ii  open-xchange-core 7.10.6-3\n',
        'b/etc/hazelcast.properties': `${GROUP}com.openexchange.hazelcast.licenseKey=K-1\n`,
      },
      'b/etc/hazelcast.properties',
    ),
    'Joins as: `mail-next` (OX 7.10.6 appends no version)',
  );
  assert.equal(
    await joinsAs(
      { 'c/packages.txt': 'ii  open-xchange-core 8.4.0-3\n', 'c/etc/hazelcast.properties': GROUP },
      'c/etc/hazelcast.properties',
    ),
    'Joins as: not known for OX 8.4.0 (its Hazelcast line is not documented in the facts we hold)',
  );
  assert.equal(await joinsAs({ 'd/etc/hazelcast.properties': GROUP }, 'd/etc/hazelcast.properties'), undefined);
});
