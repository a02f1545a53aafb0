/** Rows of the distance table, reused across calls (suggestions run on every analysis of a typo). */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Edit distance (insert, delete, substitute, swap of neighbours), bounded by `limit` for speed. A common
 * prefix and suffix add nothing, so only the differing middle is compared (keys share long prefixes).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  if (n === 0 || m === 0) return n + m;
  if (rows[0].length < m + 1) rows = [new Int32Array(m + 1), new Int32Array(m + 1), new Int32Array(m + 1)];
  let [prevPrev, prev, cur] = rows;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const ai = a.charCodeAt(start + i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(start + j - 1);
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(start + j - 2) && a.charCodeAt(start + i - 2) === bj) d = Math.min(d, prevPrev[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return prev[m];
}

/** Candidates within a few edits of `word` (about a third of its length, at least 2), the closest first. */
export function closestMatches(word: string, candidates: Iterable<string>, max: number, ignoreCase: boolean): string[] {
  const norm = (s: string) => (ignoreCase ? s.toLowerCase() : s);
  const target = norm(word);
  const limit = Math.max(2, Math.floor(Math.min(target.length, 30) / 3));
  const scored: Array<[string, number]> = [];
  for (const candidate of new Set(candidates)) {
    const d = editDistance(target, norm(candidate), limit);
    if (d <= limit) scored.push([candidate, d]);
  }
  // Ties in code-unit order: localeCompare would page in ICU's collation data (about 3 MiB of RSS) for this.
  scored.sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  // Only the closest candidates: one far-off guess beside a near one is noise.
  const best = scored.length ? scored[0][1] : 0;
  return scored
    .filter(([, d]) => d <= best + 1)
    .slice(0, max)
    .map(([c]) => c);
}
