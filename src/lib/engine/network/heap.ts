// A binary max-heap of item indices keyed by a Float64Array, ties to the lower index: the lazy greedy's queue.
export class GainHeap {
  private readonly items: Int32Array;
  private length = 0;

  constructor(private readonly key: Float64Array, capacity: number) {
    this.items = new Int32Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.length;
  }

  /** a before b: larger key, then lower index. */
  private before(a: number, b: number): boolean {
    const ka = this.key[a], kb = this.key[b];
    return ka > kb || (ka === kb && a < b);
  }

  push(item: number): void {
    let i = this.length++;
    this.items[i] = item;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(this.items[i], this.items[p])) break;
      [this.items[i], this.items[p]] = [this.items[p], this.items[i]];
      i = p;
    }
  }

  top(): number {
    return this.items[0];
  }

  pop(): number {
    const top = this.items[0];
    this.items[0] = this.items[--this.length];
    this.siftDown(0);
    return top;
  }

  /** After the top's key went down. */
  topChanged(): void {
    this.siftDown(0);
  }

  private siftDown(i: number): void {
    const n = this.length, items = this.items;
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let best = i;
      if (l < n && this.before(items[l], items[best])) best = l;
      if (r < n && this.before(items[r], items[best])) best = r;
      if (best === i) return;
      [items[i], items[best]] = [items[best], items[i]];
      i = best;
    }
  }
}
