/**
 * @module
 * Orders as compact columns: every basket is a run of distinct item indices in one shared array, so mining,
 * counting and evaluation loop over typed arrays instead of objects.
 */

export interface Baskets {
  /** Dictionary: item index -> external item id. */
  itemIds: string[];
  /** External item id -> item index (a variant's id or SKU maps to its product's index, see `alias`). */
  itemIndex: Map<string, number>;
  /** Basket b holds items[offsets[b] .. offsets[b+1]). Length = basket count + 1. */
  offsets: Uint32Array;
  /** Distinct item indices of every basket, in first-seen order within the basket. */
  items: Uint32Array;
  orderIds: string[];
  /** User index per basket, -1 when unknown. */
  users: Int32Array;
  userIds: string[];
  /** Unix seconds per basket, NaN when unknown. */
  times: Float64Array;
  /** Unit price of each line aligned with `items`, NaN when unknown. */
  linePrices: Float32Array;
  /** Quantity of each line aligned with `items` (summed when an item repeats in one order). */
  lineQuantities: Uint16Array;
}

export function basketCount(baskets: Baskets): number {
  return baskets.offsets.length - 1;
}

/** Items of basket b as a subarray view (no copy). */
export function basketItems(baskets: Baskets, b: number): Uint32Array {
  return baskets.items.subarray(baskets.offsets[b], baskets.offsets[b + 1]);
}

/** Number of baskets each item occurs in. */
export function itemFrequencies(baskets: Baskets): Uint32Array {
  const counts = new Uint32Array(baskets.itemIds.length);
  for (let i = 0; i < baskets.items.length; i++) counts[baskets.items[i]]++;
  return counts;
}

/** One line of a basket; a null or missing price is unknown. */
export interface BasketLine {
  id: string;
  qty?: number;
  price?: number | null;
}

/** Grows typed columns while baskets are appended one by one. */
export class BasketsBuilder {
  private readonly itemIds: string[] = [];
  private readonly itemIndex = new Map<string, number>();
  private readonly userIds: string[] = [];
  private readonly userIndex = new Map<string, number>();
  private readonly orderIds: string[] = [];
  private offsets = new Uint32Array(1024);
  private items = new Uint32Array(4096);
  private prices = new Float32Array(4096);
  private quantities = new Uint16Array(4096);
  private users = new Int32Array(1024);
  private times = new Float64Array(1024);
  private basketTotal = 0;
  private lineTotal = 0;
  /** stamp[item] = 1 + the basket that last added the item; linePosition[item] = where (dedupes a basket's lines). */
  private stamp = new Uint32Array(1024);
  private linePosition = new Uint32Array(1024);
  /** Alias -> the id it names, for ids not interned yet (see `alias`). */
  private readonly pending = new Map<string, string>();

  /** Interns an item id, giving it the next index if it is new. */
  intern(id: string): number {
    let index = this.itemIndex.get(id);
    if (index === undefined) {
      const target = this.pending.get(id);
      if (target !== undefined) {
        index = this.intern(target);
        this.itemIndex.set(id, index);
        return index;
      }
      index = this.itemIds.length;
      this.itemIds.push(id);
      this.itemIndex.set(id, index);
      if (index >= this.stamp.length) {
        this.stamp = grow(this.stamp, this.stamp.length * 2);
        this.linePosition = grow(this.linePosition, this.linePosition.length * 2);
      }
    }
    return index;
  }

  /**
   * Makes `alias` (a variant's id or SKU) name the same item as `id`; an id already known keeps its own item. `id`
   * is not interned here: it takes its index when it or an alias is first seen, as it would without aliases.
   */
  alias(alias: string, id: string): void {
    if (alias === id || this.itemIndex.has(alias)) return;
    const known = this.itemIndex.get(id);
    if (known !== undefined) this.itemIndex.set(alias, known);
    else this.pending.set(alias, id);
  }

  add(orderId: string, lines: ReadonlyArray<BasketLine>, userId?: string, unixSeconds?: number): void {
    this.ensureLineCapacity(this.lineTotal + lines.length);
    for (const line of lines) this.addLine(this.intern(line.id), line.qty ?? 1, line.price ?? Number.NaN);
    this.closeBasket(orderId, userId, unixSeconds);
  }

  /** A basket of bare item ids (empty strings ignored), as TSV files give them. */
  addIds(orderId: string, ids: readonly string[]): void {
    this.ensureLineCapacity(this.lineTotal + ids.length);
    for (const id of ids) if (id.length > 0) this.addLine(this.intern(id), 1, Number.NaN);
    this.closeBasket(orderId, undefined, undefined);
  }

  private addLine(index: number, qty: number, price: number): void {
    const basketStamp = this.basketTotal + 1;
    if (this.stamp[index] === basketStamp) {
      const existing = this.linePosition[index];
      this.quantities[existing] = Math.min(65535, this.quantities[existing] + qty);
      return;
    }
    this.stamp[index] = basketStamp;
    this.linePosition[index] = this.lineTotal;
    this.items[this.lineTotal] = index;
    this.prices[this.lineTotal] = price;
    this.quantities[this.lineTotal] = Math.min(65535, qty);
    this.lineTotal++;
  }

  private closeBasket(orderId: string, userId: string | undefined, unixSeconds: number | undefined): void {
    this.ensureBasketCapacity(this.basketTotal + 2);
    this.orderIds.push(orderId);
    this.users[this.basketTotal] = userId === undefined ? -1 : this.internUser(userId);
    this.times[this.basketTotal] = unixSeconds ?? Number.NaN;
    this.basketTotal++;
    this.offsets[this.basketTotal] = this.lineTotal;
  }

  build(): Baskets {
    return {
      itemIds: this.itemIds,
      itemIndex: this.itemIndex,
      offsets: this.offsets.slice(0, this.basketTotal + 1),
      items: this.items.slice(0, this.lineTotal),
      orderIds: this.orderIds,
      users: this.users.slice(0, this.basketTotal),
      userIds: this.userIds,
      times: this.times.slice(0, this.basketTotal),
      linePrices: this.prices.slice(0, this.lineTotal),
      lineQuantities: this.quantities.slice(0, this.lineTotal),
    };
  }

  private internUser(id: string): number {
    let index = this.userIndex.get(id);
    if (index === undefined) {
      index = this.userIds.length;
      this.userIds.push(id);
      this.userIndex.set(id, index);
    }
    return index;
  }

  private ensureBasketCapacity(n: number): void {
    if (n <= this.offsets.length) return;
    const size = Math.max(n, this.offsets.length * 2);
    this.offsets = grow(this.offsets, size);
    this.users = grow(this.users, size);
    this.times = grow(this.times, size);
  }

  private ensureLineCapacity(n: number): void {
    if (n <= this.items.length) return;
    const size = Math.max(n, this.items.length * 2);
    this.items = grow(this.items, size);
    this.prices = grow(this.prices, size);
    this.quantities = grow(this.quantities, size);
  }
}

function grow<T extends Uint32Array | Int32Array | Float64Array | Float32Array | Uint16Array>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}
