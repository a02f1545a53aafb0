import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareOxVersions, compareVersions, formatOxVersion, isAtLeast, parseOxVersion } from '../../server/src/util/versions';

test('OX versions as packages, images and admins write them', () => {
  const read = (text: string) => {
    const v = parseOxVersion(text);
    return v && formatOxVersion(v);
  };
  assert.equal(read('7.10.6'), '7.10.6');
  assert.equal(read(' 8.19 '), '8.19');
  assert.equal(read('7.10.6-35'), '7.10.6');
  assert.equal(read('7.10.6-35_1.1'), '7.10.6');
  assert.equal(read('v7.10.6-rev35'), '7.10.6');
  assert.equal(read('8.46.71@sha256:2a5a'), '8.46.71');
  assert.equal(read('7.8.3+dfsg'), '7.8.3');
  for (const text of ['latest', '8', '>=8.0', '', '7.10.6.1', '7.10x', 'main-8.19']) assert.equal(read(text), undefined, text);
});

test('OX versions order numerically; a missing patch is 0', () => {
  const v = (text: string) => parseOxVersion(text)!;
  assert.ok(compareOxVersions(v('7.10.5'), v('7.10.10')) < 0);
  assert.ok(compareOxVersions(v('7.10.6'), v('8.0.0')) < 0);
  assert.equal(compareOxVersions(v('8.19'), v('8.19.0')), 0);
  assert.equal(isAtLeast(v('7.10.5'), '7.10.5'), true);
  assert.equal(isAtLeast(v('7.10.4'), '7.10.5'), false);
  assert.throws(() => isAtLeast(v('8.0'), 'soon'), /not an OX version: soon/);
  assert.ok(compareVersions('6.0.1', '6.20.2') < 0);
  assert.equal(compareVersions('6.20', '6.20.0'), 0);
});
