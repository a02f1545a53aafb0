import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { closestMatches, editDistance } from '../../server/src/catalog/similarity';

/** The textbook table over the whole strings (optimal string alignment), as the reference. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

test('edit distance equals the full table on strings that share prefixes and suffixes', () => {
  const word = fc.array(fc.constantFrom('a', 'b', 'c', '.'), { maxLength: 8 }).map((x) => x.join(''));
  fc.assert(
    fc.property(word, word, word, word, (prefix, a, b, suffix) => {
      const x = `${prefix}${a}${suffix}`;
      const y = `${prefix}${b}${suffix}`;
      assert.equal(editDistance(x, y), reference(x, y));
      const limit = 2;
      const bounded = editDistance(x, y, limit);
      assert.equal(bounded <= limit ? bounded : limit + 1, Math.min(reference(x, y), limit + 1));
    }),
    { seed: 0x5151, numRuns: 3000 },
  );
});

test('suggestions for a typo in a long key', () => {
  const keys = ['com.openexchange.hazelcast.network.port', 'com.openexchange.hazelcast.network.join', 'com.openexchange.hazelcast.jmx'];
  assert.deepEqual(closestMatches('com.openexchange.hazelcast.network.prot', keys, 3, false), ['com.openexchange.hazelcast.network.port']);
  assert.deepEqual(closestMatches('com.openexchange.hazelcast.netwrok.join', keys, 3, false), ['com.openexchange.hazelcast.network.join']);
});
