/**
 * The index of the item whose span holds `offset` (ends included), in items sorted by position and not
 * overlapping; -1 when none does. `startOf`/`endOf` read an item's offsets.
 */
export function indexContaining(count: number, startOf: (i: number) => number, endOf: (i: number) => number, offset: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < startOf(mid)) hi = mid - 1;
    else if (offset > endOf(mid)) lo = mid + 1;
    else return mid;
  }
  return -1;
}
