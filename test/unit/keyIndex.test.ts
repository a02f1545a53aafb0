import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hashOfKey, hashOfText, KeyIndex } from '../../server/src/util/keyIndex';

describe('KeyIndex', () => {
  const items = ['a', 'b', 'a', 'c', 'b', 'a'].map((key, at) => ({ key, at }));
  const index = new KeyIndex(items, (i) => i.key);

  test('the last item per key, as Java keeps it', () => {
    assert.equal(index.get('a'), items[5]);
    assert.equal(index.get('b'), items[4]);
    assert.equal(index.get('c'), items[3]);
    assert.equal(index.get('d'), undefined);
    assert.equal(index.has('c'), true);
    assert.equal(index.has(''), false);
  });

  test('the empty key is a key like any other', () => {
    const empty = new KeyIndex([{ key: '' }, { key: 'x' }, { key: '' }], (i) => i.key);
    assert.deepEqual([...empty.keys()], ['', 'x']);
    assert.equal(empty.lastLike(0), empty.get(''));
    assert.equal(empty.has(''), true);
  });

  test('lastLike points every item at the last one with its key', () => {
    assert.deepEqual(
      items.map((_, i) => index.lastLike(i).at),
      [5, 4, 5, 3, 4, 5],
    );
  });

  test('keys come once each, in the order they first appear', () => {
    assert.deepEqual([...index.keys()], ['a', 'b', 'c']);
  });

  test('10,000 keys that differ only in their first characters: found and told apart', () => {
    const tail = 'x'.repeat(40);
    const many = Array.from({ length: 5000 }, (_, i) => ({ key: `${String(i).padStart(4, '0')}${tail}` }));
    const big = new KeyIndex([...many, ...many], (i) => i.key);
    assert.equal(big.get(`0042${tail}`), many[42]);
    assert.equal([...big.keys()].length, 5000);
    assert.equal(big.lastLike(42), many[42]);
    assert.equal(big.get(`5000${tail}`), undefined);
  });

  test('with hashes made beforehand, the same index; keys are made only where two hashes meet', () => {
    let made = 0;
    const hashed = new KeyIndex(
      items,
      (i) => {
        made++;
        return i.key;
      },
      (i) => hashOfKey(items[i].key),
    );
    assert.deepEqual(
      items.map((_, i) => hashed.lastLike(i).at),
      [5, 4, 5, 3, 4, 5],
    );
    assert.deepEqual([...hashed.keys()], ['a', 'b', 'c']);
    // Items 2, 4 and 5 meet an earlier item of their key: each compares both keys.
    assert.equal(made - 3, 6);
    assert.equal(hashOfText('x.abc=1', 2, 5), hashOfKey('abc'));
  });
});
