import { Position, Range } from 'vscode-languageserver-types';
import { comparePositions as compare } from './positions';

/**
 * Edits chosen so far, per file, sorted and pairwise apart: whether a new edit overlaps one of them takes a
 * binary search, so thousands of fixes stay fast. Edits that merely meet are apart, except two insertions
 * at the same place: which goes first would be a guess.
 */
export class ChosenEdits {
  private readonly byUri = new Map<string, Range[]>();

  /** Index of the first chosen range that ends after `position` (ends ascend, as the ranges are apart). */
  private static firstEndingAfter(list: Range[], position: Position): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(list[mid].end, position) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private clashes(uri: string, range: Range): boolean {
    const list = this.byUri.get(uri);
    if (!list) return false;
    const i = ChosenEdits.firstEndingAfter(list, range.start);
    if (i < list.length && compare(range.end, list[i].start) > 0) return true;
    const before = list[i - 1];
    return !!before && compare(before.start, range.start) === 0 && compare(before.end, range.end) === 0;
  }

  private add(uri: string, range: Range): void {
    let list = this.byUri.get(uri);
    if (!list) this.byUri.set(uri, (list = []));
    let i = list.length;
    while (i > 0 && (compare(list[i - 1].start, range.start) || compare(list[i - 1].end, range.end)) > 0) i--;
    list.splice(i, 0, range);
  }

  /** Chooses the edits of one fix unless they clash with each other or with those chosen so far. */
  tryChoose(edits: ReadonlyArray<{ uri: string; range: Range }>): boolean {
    const own = new ChosenEdits();
    for (const e of edits) {
      if (this.clashes(e.uri, e.range) || own.clashes(e.uri, e.range)) return false;
      own.add(e.uri, e.range);
    }
    for (const e of edits) this.add(e.uri, e.range);
    return true;
  }
}
