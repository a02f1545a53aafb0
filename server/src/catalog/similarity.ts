/** Edit distance (insert, delete, substitute, swap of neighbours), bounded by `limit` for speed. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[b.length];
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
  scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
  // Only the closest candidates: one far-off guess beside a near one is noise.
  const best = scored.length ? scored[0][1] : 0;
  return scored.filter(([, d]) => d <= best + 1).slice(0, max).map(([c]) => c);
}
