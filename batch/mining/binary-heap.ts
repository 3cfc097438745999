/**
 * @module
 * A binary heap over any values, ordered by a `before(a, b)` predicate: `peek()` is the value that comes before
 * all others. For lazy k-way merges whose inputs are few and short-lived.
 */

export class BinaryHeap<T> {
  private readonly values: T[] = [];

  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.values.length;
  }

  peek(): T | undefined {
    return this.values[0];
  }

  push(value: T): void {
    const values = this.values;
    let i = values.length;
    values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(value, values[parent])) break;
      values[i] = values[parent];
      i = parent;
    }
    values[i] = value;
  }

  pop(): T | undefined {
    const values = this.values;
    const top = values[0];
    const last = values.pop();
    if (values.length === 0 || last === undefined) return top;
    let i = 0;
    const n = values.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && this.before(values[right], values[left]) ? right : left;
      if (!this.before(values[child], last)) break;
      values[i] = values[child];
      i = child;
    }
    values[i] = last;
    return top;
  }
}
