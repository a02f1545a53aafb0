/**
 * The last item per key of a list (Java keeps the last of duplicate keys), as an open-addressing hash table
 * over item indexes in typed arrays: a Map of a million strings takes about a second to fill and twice the
 * memory.
 */
export class KeyIndex<T> {
  /** Per slot, side by side (one cache line for a probe): index + 1 of the last item with that key (0 when free), and the key's hash. */
  private readonly slots: Int32Array;
  /** Per item: its slot. */
  private readonly slotOf: Int32Array;
  /** Per item: 1 when it is the first item with its key. */
  private readonly first: Uint8Array;
  private readonly mask: number;

  /**
   * `hashAt(i)`, where given, is `hashOfKey(keyOf(items[i]))` computed beforehand (a reader hashes a key while
   * it scans it): the keys are then made only to tell apart two items whose hashes meet.
   */
  constructor(
    private readonly items: readonly T[],
    private readonly keyOf: (item: T) => string,
    hashAt?: (index: number) => number,
  ) {
    // At most two thirds full: linear probing then takes about two probes to find a key.
    let size = 16;
    while (size * 2 < items.length * 3) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2);
    this.slotOf = new Int32Array(items.length);
    this.first = new Uint8Array(items.length);
    const slots = this.slots;
    for (let i = 0; i < items.length; i++) {
      let key = hashAt ? undefined : keyOf(items[i]);
      const hash = hashAt ? hashAt(i) : hashOfKey(key!);
      let slot = hash & this.mask;
      for (;;) {
        const at = slots[slot * 2];
        if (at === 0 || (slots[slot * 2 + 1] === hash && keyOf(items[at - 1]) === (key ??= keyOf(items[i])))) break;
        slot = (slot + 1) & this.mask;
      }
      if (slots[slot * 2] === 0) {
        this.first[i] = 1;
        slots[slot * 2 + 1] = hash;
      }
      slots[slot * 2] = i + 1;
      this.slotOf[i] = slot;
    }
  }

  /** The slot holding `key`, or the free slot where it would go. */
  private find(key: string, hash: number): number {
    let slot = hash & this.mask;
    for (;;) {
      const at = this.slots[slot * 2];
      if (at === 0 || (this.slots[slot * 2 + 1] === hash && this.keyOf(this.items[at - 1]) === key)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  get(key: string): T | undefined {
    const at = this.slots[this.find(key, hashOfKey(key)) * 2];
    return at === 0 ? undefined : this.items[at - 1];
  }

  has(key: string): boolean {
    return this.slots[this.find(key, hashOfKey(key)) * 2] !== 0;
  }

  /** The last item with the same key as item `i` (itself when it is the last). */
  lastLike(i: number): T {
    return this.items[this.slots[this.slotOf[i] * 2] - 1];
  }

  /** Each key once, in the order of first appearance. */
  *keys(): IterableIterator<string> {
    for (let i = 0; i < this.items.length; i++) if (this.first[i]) yield this.keyOf(this.items[i]);
  }
}

/** FNV-1a over every UTF-16 code unit (a partial hash would let crafted keys make lookups quadratic). */
/** The hash KeyIndex keeps of a key (32-bit FNV-1a over its UTF-16 code units). */
export function hashOfKey(key: string): number {
  return hashOfText(key, 0, key.length);
}

/** hashOfKey(text.slice(start, end)), without making the slice. */
export function hashOfText(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  // As a signed 32-bit number, as the slots hold it (the empty key never passes through Math.imul).
  return hash | 0;
}
