/**
 * @module
 * The compatibility index the edge carries in the meta blob: per item the tokens it provides, its requirement as
 * clauses (all must hold; a clause holds when the device provides one of its tokens) and the tokens it pins for
 * the whole cart. Numeric conditions (a laptop bag's screen range, a power supply's wattage) are turned into
 * tokens at build time: a device provides `laptop_screen_in:15.6`, a bag for 15-16 inch screens requires one of
 * the screen sizes in the catalogue that fall in its range.
 *
 * An accessory made for one model (`fits_models`: a case, a drone battery) provides what that model provides, so
 * a cart holding only an iPhone case still rules out a Lightning cable for a USB-C iPhone; any other accessory
 * provides the tokens of its single-token clauses (a USB-C cable implies a USB-C device: a USB-C charger fits
 * next to it, a Lightning one does not, a case for an unknown phone does not).
 *
 *   fitsCart(x, C) <=> (x has no clauses or some d in C provides a token of every clause of x)
 *                      and no d in C pins a namespace x uses with other values
 *
 * where "x uses namespace s" means a clause of x or a token x provides is in s; it then must meet d's pins in s.
 *
 * A product without the curated vocabulary (docs/catalog-attributes.md) is indexed from the fit facts its title,
 * description and specs state (`fit-facts/`): a device provides what `fitProfileOf` says, an accessory requires
 * the exhaustive clauses of `fitRequirementOf` (a cable's list of example models is evidence for the ranker, not a
 * constraint). A curated device states every fact of the vocabulary (an absent key means "does not apply"), which
 * it declares by providing COMPLETE_FACTS; a text-read device states only the namespaces it provides tokens in.
 * That is what a *proven* misfit needs (`provenMisfit`, the check the edge runs):
 *
 *   provenMisfit(x, C) <=> (x has clauses, no d in C satisfies them all, and some d in C refutes x: it fails a
 *                           clause of x while stating facts in every namespace of that clause, or is complete)
 *                          or some d in C pins a namespace x uses with other values
 *
 * so an accessory is never held back because the cart says nothing about what it needs.
 */
import type { CatalogItem } from "./attributes";
import { attrList, attrString } from "./attributes";
import { type Condition, type FitProfile, provides, requirement, tokenNamespace } from "./compatibility";
import { curatedRole } from "./fit-facts/curated-facts";
import { fitFactsOf } from "./fit-facts/extract-fit-facts";
import { fitProfileOf, fitRequirementOf } from "./fit-facts/fit-tokens";

/** Provided by every curated device: it states every fact of the vocabulary, so any clause can be checked on it. */
export const COMPLETE_FACTS = "facts:complete";

export interface CompatIndex {
  tokens: string[];
  /** Item i provides `provideTokens[provideStart[i] .. provideStart[i + 1])`, ascending. Length n + 1. */
  provideStart: Uint32Array;
  provideTokens: Uint32Array;
  /** Item i's clauses are `clauseStart[i] .. clauseStart[i + 1]`; none = unconstrained. Length n + 1. */
  clauseStart: Uint32Array;
  /** Clause c holds `clauseTokens[clauseTokenStart[c] .. clauseTokenStart[c + 1])`, ascending. */
  clauseTokenStart: Uint32Array;
  clauseTokens: Uint32Array;
  /** Item i pins `pinTokens[pinStart[i] .. pinStart[i + 1])`. Length n + 1. */
  pinStart: Uint32Array;
  pinTokens: Uint32Array;
  /** Namespace id of each token (the text before ":"; audio and video ports apart: `factSpace`). */
  tokenNamespace: Uint16Array;
}

/** Audio and video ports a device may name without saying anything about the port it charges and syncs through. */
const AV_PORTS: ReadonlySet<string> = new Set(["conn:jack-3.5mm", "conn:hdmi"]);

/**
 * The space a token states facts in: its namespace, except that a headphone jack or HDMI port is a space of its
 * own, so a phone whose text names only its jack does not prove that a USB-C cable misfits it.
 */
function factSpace(t: string): string {
  return AV_PORTS.has(t) ? "conn-av" : tokenNamespace(t);
}

/**
 * An index filled item by item, in order: push an item's provided tokens, end each clause after pushing its tokens,
 * push its pins, end the item. Provided and clause tokens are sorted as they end (the checks search them).
 */
export class CompatIndexBuilder {
  readonly provides: number[] = [];
  readonly clauseTokens: number[] = [];
  readonly pins: number[] = [];
  private readonly provideStart: Uint32Array;
  private readonly clauseStart: Uint32Array;
  private readonly pinStart: Uint32Array;
  private readonly clauseTokenStart: number[] = [0];
  /** Items ended so far. */
  items = 0;

  constructor(private readonly n: number) {
    this.provideStart = new Uint32Array(n + 1);
    this.clauseStart = new Uint32Array(n + 1);
    this.pinStart = new Uint32Array(n + 1);
  }

  endClause(): void {
    sortSpan(this.clauseTokens, this.clauseTokenStart[this.clauseTokenStart.length - 1], this.clauseTokens.length);
    this.clauseTokenStart.push(this.clauseTokens.length);
  }

  endItem(): void {
    const i = this.items++;
    sortSpan(this.provides, this.provideStart[i], this.provides.length);
    this.provideStart[i + 1] = this.provides.length;
    this.clauseStart[i + 1] = this.clauseTokenStart.length - 1;
    this.pinStart[i + 1] = this.pins.length;
  }

  /** The index over `tokens`; items not ended yet have no entry. */
  finish(tokens: string[]): CompatIndex {
    while (this.items < this.n) this.endItem();
    return {
      tokens,
      provideStart: this.provideStart,
      provideTokens: Uint32Array.from(this.provides),
      clauseStart: this.clauseStart,
      clauseTokenStart: Uint32Array.from(this.clauseTokenStart),
      clauseTokens: Uint32Array.from(this.clauseTokens),
      pinStart: this.pinStart,
      pinTokens: Uint32Array.from(this.pins),
      tokenNamespace: tokenNamespaces(tokens),
    };
  }
}

/** Each token's namespace id (`factSpace`), numbered in the order of first use. */
function tokenNamespaces(tokens: readonly string[]): Uint16Array {
  const namespaces = new Map<string, number>();
  const ids = new Uint16Array(tokens.length);
  tokens.forEach((t, id) => {
    const ns = factSpace(t);
    let nsId = namespaces.get(ns);
    if (nsId === undefined) namespaces.set(ns, (nsId = namespaces.size));
    ids[id] = nsId;
  });
  return ids;
}

/** Per item: tokens provided, clauses (token ids), pins. The codec's and the compiler's common shape. */
export interface CompatEntry {
  provides: number[];
  clauses: number[][];
  pins: number[];
}

export function compatIndexFromEntries(tokens: string[], entries: ReadonlyMap<number, CompatEntry>, n: number): CompatIndex {
  const builder = new CompatIndexBuilder(n);
  for (let i = 0; i < n; i++) {
    const entry = entries.get(i);
    if (entry !== undefined) {
      builder.provides.push(...entry.provides);
      for (const clause of entry.clauses) {
        builder.clauseTokens.push(...clause);
        builder.endClause();
      }
      builder.pins.push(...entry.pins);
    }
    builder.endItem();
  }
  return builder.finish(tokens);
}

/** The entries of an index, item by item (for the codec). */
export function compatEntries(index: CompatIndex): Map<number, CompatEntry> {
  const entries = new Map<number, CompatEntry>();
  for (let i = 0; i + 1 < index.provideStart.length; i++) {
    const entry = compatEntryOf(index, i);
    if (entry !== undefined) entries.set(i, entry);
  }
  return entries;
}

/** Item i's entry (token ids of `index.tokens`), or undefined when it provides, requires and pins nothing. */
function compatEntryOf(index: CompatIndex, i: number): CompatEntry | undefined {
  if (i + 1 >= index.provideStart.length) return undefined;
  const p0 = index.provideStart[i];
  const p1 = index.provideStart[i + 1];
  const c0 = index.clauseStart[i];
  const c1 = index.clauseStart[i + 1];
  const q0 = index.pinStart[i];
  const q1 = index.pinStart[i + 1];
  if (p0 === p1 && c0 === c1 && q0 === q1) return undefined;
  const clauses: number[][] = [];
  for (let c = c0; c < c1; c++) clauses.push(Array.from(index.clauseTokens.subarray(index.clauseTokenStart[c], index.clauseTokenStart[c + 1])));
  return { provides: Array.from(index.provideTokens.subarray(p0, p1)), clauses, pins: Array.from(index.pinTokens.subarray(q0, q1)) };
}

/** Per source index, a scratch table from its token ids to a subset's (-1: not yet in the subset), left all -1 between calls. */
const subsetScratch = new WeakMap<CompatIndex, Int32Array>();

/**
 * The entries of `items` (indices of `index`), re-indexed 0..m-1, with a token table of only the tokens they use in
 * the order they first appear (each item's provides, clauses, pins): what `compatIndexFromEntries` makes of their
 * `compatEntryOf`, without an object per item.
 */
export function compatSubset(index: CompatIndex, items: ArrayLike<number>): CompatIndex {
  const m = items.length;
  let local = subsetScratch.get(index);
  if (local === undefined) subsetScratch.set(index, (local = new Int32Array(index.tokens.length).fill(-1)));
  const tokens: string[] = [];
  const used: number[] = [];
  const localOf = (t: number) => {
    let id = local[t];
    if (id < 0) {
      local[t] = id = tokens.length;
      tokens.push(index.tokens[t]);
      used.push(t);
    }
    return id;
  };
  const builder = new CompatIndexBuilder(m);
  const n = index.provideStart.length - 1;
  for (let k = 0; k < m; k++) {
    const i = items[k];
    if (i < n) {
      for (let q = index.provideStart[i]; q < index.provideStart[i + 1]; q++) builder.provides.push(localOf(index.provideTokens[q]));
      for (let c = index.clauseStart[i]; c < index.clauseStart[i + 1]; c++) {
        for (let q = index.clauseTokenStart[c]; q < index.clauseTokenStart[c + 1]; q++) builder.clauseTokens.push(localOf(index.clauseTokens[q]));
        builder.endClause();
      }
      for (let q = index.pinStart[i]; q < index.pinStart[i + 1]; q++) builder.pins.push(localOf(index.pinTokens[q]));
    }
    builder.endItem();
  }
  for (const t of used) local[t] = -1;
  return builder.finish(tokens);
}

/** Sorts values[from .. to) ascending in place (a handful of tokens: insertion sort, no view or call per span). */
function sortSpan(values: number[] | Uint32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const v = values[i];
    let j = i - 1;
    while (j >= from && values[j] > v) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = v;
  }
}

/** The part of another index one appended item takes its entry from: item `item` of `index`. */
export interface CompatSource {
  index: CompatIndex;
  item: number;
}

interface TokenTables {
  tokenIds: Map<string, number>;
  namespaceIds: Map<string, number>;
}

const tokenTables = new WeakMap<CompatIndex, TokenTables>();
/** Per source index, per base index: each source token's id in the base table, -1 where the base lacks it. */
const translations = new WeakMap<CompatIndex, WeakMap<CompatIndex, Int32Array>>();

function tablesOf(base: CompatIndex): TokenTables {
  let tables = tokenTables.get(base);
  if (tables === undefined) {
    const namespaceIds = new Map<string, number>();
    base.tokens.forEach((t, id) => {
      if (!namespaceIds.has(factSpace(t))) namespaceIds.set(factSpace(t), base.tokenNamespace[id]);
    });
    tables = { tokenIds: new Map(base.tokens.map((t, id) => [t, id])), namespaceIds };
    tokenTables.set(base, tables);
  }
  return tables;
}

function translationOf(source: CompatIndex, base: CompatIndex, tables: TokenTables): Int32Array {
  let perBase = translations.get(source);
  if (perBase === undefined) translations.set(source, (perBase = new WeakMap()));
  let translation = perBase.get(base);
  if (translation === undefined) {
    translation = Int32Array.from(source.tokens, (t) => tables.tokenIds.get(t) ?? -1);
    perBase.set(base, translation);
  }
  return translation;
}

/**
 * `base` with items appended (item base.n + k takes the entry of `added[k]`, none where undefined): base's arrays are
 * copied whole, the added items' tokens mapped by name onto base's table (names it lacks appended). Costs what
 * base's arrays weigh plus the added entries, with no allocation per entry; each source index's token translation is
 * made once per base.
 */
export function appendCompat(base: CompatIndex, added: ReadonlyArray<CompatSource | undefined>): CompatIndex {
  const tables = tablesOf(base);
  const n = base.provideStart.length - 1;
  const m = added.length;
  const tokens = base.tokens.slice();
  const newTokens = new Map<string, number>();
  const maps: Array<Int32Array | undefined> = new Array(m);
  let extraProvides = 0;
  let extraClauses = 0;
  let extraClauseTokens = 0;
  let extraPins = 0;
  for (let k = 0; k < m; k++) {
    const source = added[k];
    if (source === undefined) continue;
    const { index, item } = source;
    if (item + 1 >= index.provideStart.length) continue;
    maps[k] = translationOf(index, base, tables);
    extraProvides += index.provideStart[item + 1] - index.provideStart[item];
    extraPins += index.pinStart[item + 1] - index.pinStart[item];
    const c0 = index.clauseStart[item];
    const c1 = index.clauseStart[item + 1];
    extraClauses += c1 - c0;
    extraClauseTokens += index.clauseTokenStart[c1] - index.clauseTokenStart[c0];
  }
  const tokenId = (names: readonly string[], map: Int32Array, t: number): number => {
    const known = map[t];
    if (known >= 0) return known;
    const name = names[t];
    let id = newTokens.get(name);
    if (id === undefined) {
      newTokens.set(name, (id = tokens.length));
      tokens.push(name);
    }
    return id;
  };
  const grown = (array: Uint32Array, extra: number) => {
    const out = new Uint32Array(array.length + extra);
    out.set(array);
    return out;
  };
  const provideStart = grown(base.provideStart, m);
  const clauseStart = grown(base.clauseStart, m);
  const pinStart = grown(base.pinStart, m);
  const provideTokens = grown(base.provideTokens, extraProvides);
  const clauseTokenStart = grown(base.clauseTokenStart, extraClauses);
  const clauseTokens = grown(base.clauseTokens, extraClauseTokens);
  const pinTokens = grown(base.pinTokens, extraPins);
  let provided = base.provideTokens.length;
  let clauses = base.clauseStart[n];
  let clauseTokenCount = base.clauseTokens.length;
  let pinned = base.pinTokens.length;
  for (let k = 0; k < m; k++) {
    const map = maps[k];
    if (map !== undefined) {
      const { index, item } = added[k]!;
      const names = index.tokens;
      const from = provided;
      for (let i = index.provideStart[item]; i < index.provideStart[item + 1]; i++) provideTokens[provided++] = tokenId(names, map, index.provideTokens[i]);
      sortSpan(provideTokens, from, provided);
      for (let c = index.clauseStart[item]; c < index.clauseStart[item + 1]; c++) {
        const start = clauseTokenCount;
        for (let i = index.clauseTokenStart[c]; i < index.clauseTokenStart[c + 1]; i++) clauseTokens[clauseTokenCount++] = tokenId(names, map, index.clauseTokens[i]);
        sortSpan(clauseTokens, start, clauseTokenCount);
        clauseTokenStart[++clauses] = clauseTokenCount;
      }
      for (let i = index.pinStart[item]; i < index.pinStart[item + 1]; i++) pinTokens[pinned++] = tokenId(names, map, index.pinTokens[i]);
    }
    provideStart[n + k + 1] = provided;
    clauseStart[n + k + 1] = clauses;
    pinStart[n + k + 1] = pinned;
  }
  const tokenNamespace = new Uint16Array(tokens.length);
  tokenNamespace.set(base.tokenNamespace);
  const namespaceIds = new Map(tables.namespaceIds);
  for (let id = base.tokens.length; id < tokens.length; id++) {
    const ns = factSpace(tokens[id]);
    let nsId = namespaceIds.get(ns);
    if (nsId === undefined) namespaceIds.set(ns, (nsId = namespaceIds.size));
    tokenNamespace[id] = nsId;
  }
  return { tokens, provideStart, provideTokens, clauseStart, clauseTokenStart, clauseTokens, pinStart, pinTokens, tokenNamespace };
}

/** True when item x has a fit requirement at all. */
export function isConstrained(index: CompatIndex, x: number): boolean {
  return x + 1 < index.clauseStart.length && index.clauseStart[x + 1] > index.clauseStart[x];
}

function hasToken(sorted: Uint32Array, from: number, to: number, t: number): boolean {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid];
    if (v === t) return true;
    if (v < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Every clause of x holds on what d provides. */
export function satisfiesAll(index: CompatIndex, x: number, d: number): boolean {
  const { clauseStart, clauseTokenStart, clauseTokens, provideStart, provideTokens } = index;
  if (d + 1 >= provideStart.length) return false;
  const p0 = provideStart[d];
  const p1 = provideStart[d + 1];
  for (let c = clauseStart[x]; c < clauseStart[x + 1]; c++) {
    let holds = false;
    for (let k = clauseTokenStart[c]; k < clauseTokenStart[c + 1] && !holds; k++) holds = hasToken(provideTokens, p0, p1, clauseTokens[k]);
    if (!holds) return false;
  }
  return true;
}

/** Does accessory x fit some item of `cart` (and clash with no pin)? Items outside the index count as providing nothing. */
export function fitsCart(index: CompatIndex, x: number, cart: ArrayLike<number>): boolean {
  const n = index.clauseStart.length - 1;
  if (x >= n) return true;
  if (index.clauseStart[x + 1] > index.clauseStart[x]) {
    let found = false;
    for (let i = 0; i < cart.length && !found; i++) found = satisfiesAll(index, x, cart[i]);
    if (!found) return false;
  }
  return !clashesWithCartPins(index, x, cart);
}

/**
 * Is accessory x proven not to fit the cart? Some cart item refutes it (fails a clause of x while stating facts in
 * every namespace of that clause, or stating all facts) and none satisfies it; or x clashes with a cart item's pins.
 * Where the cart states nothing x needs, x is not held back: that is for the ranker to weigh.
 */
export function provenMisfit(index: CompatIndex, x: number, cart: ArrayLike<number>): boolean {
  const n = index.clauseStart.length - 1;
  if (x >= n) return false;
  if (index.clauseStart[x + 1] > index.clauseStart[x]) {
    let refuted = false;
    let fits = false;
    for (let i = 0; i < cart.length && !fits; i++) {
      const d = cart[i];
      if (d >= n || d === x) continue;
      if (satisfiesAll(index, x, d)) fits = true;
      else if (!refuted && refutes(index, x, d)) refuted = true;
    }
    if (refuted && !fits) return true;
  }
  return clashesWithCartPins(index, x, cart);
}

/** Both ways: accessory j proven not to fit item a, or accessory a proven not to fit item j. */
export function provenConflict(index: CompatIndex, a: number, j: number): boolean {
  const single = PAIR;
  single[0] = a;
  if (provenMisfit(index, j, single)) return true;
  single[0] = j;
  return provenMisfit(index, a, single);
}
const PAIR = new Uint32Array(1);

/** d fails some clause of x and states facts in every namespace of that clause (or states every fact). */
function refutes(index: CompatIndex, x: number, d: number): boolean {
  const { clauseStart, clauseTokenStart, clauseTokens, provideStart, provideTokens, tokenNamespace: space } = index;
  const p0 = provideStart[d];
  const p1 = provideStart[d + 1];
  if (p0 === p1) return false;
  const complete = completeToken(index);
  const isComplete = complete >= 0 && hasToken(provideTokens, p0, p1, complete);
  for (let c = clauseStart[x]; c < clauseStart[x + 1]; c++) {
    const from = clauseTokenStart[c];
    const to = clauseTokenStart[c + 1];
    let holds = false;
    for (let k = from; k < to && !holds; k++) holds = hasToken(provideTokens, p0, p1, clauseTokens[k]);
    if (holds) continue;
    if (isComplete) return true;
    if (from === to) continue;
    let stated = true;
    for (let k = from; k < to && stated; k++) {
      const ns = space[clauseTokens[k]];
      let found = false;
      for (let p = p0; p < p1 && !found; p++) found = space[provideTokens[p]] === ns;
      stated = found;
    }
    if (stated) return true;
  }
  return false;
}

const completeIds = new WeakMap<CompatIndex, number>();

function completeToken(index: CompatIndex): number {
  let id = completeIds.get(index);
  if (id === undefined) completeIds.set(index, (id = index.tokens.indexOf(COMPLETE_FACTS)));
  return id;
}

/** x clashes with the pins of some other cart item in the index. */
function clashesWithCartPins(index: CompatIndex, x: number, cart: ArrayLike<number>): boolean {
  const n = index.clauseStart.length - 1;
  for (let i = 0; i < cart.length; i++) {
    const d = cart[i];
    if (d >= n || d === x || index.pinStart[d + 1] === index.pinStart[d]) continue;
    if (clashesWithPins(index, x, d)) return true;
  }
  return false;
}

/** x uses a namespace d pins, and none of x's tokens there is one of d's pins. */
function clashesWithPins(index: CompatIndex, x: number, d: number): boolean {
  const { pinStart, pinTokens, tokenNamespace: space, clauseStart, clauseTokenStart, clauseTokens, provideStart, provideTokens } = index;
  for (let q = pinStart[d]; q < pinStart[d + 1]; q++) {
    const ns = space[pinTokens[q]];
    const pinned = (t: number) => {
      for (let r = pinStart[d]; r < pinStart[d + 1]; r++) if (pinTokens[r] === t) return true;
      return false;
    };
    for (let c = clauseStart[x]; c < clauseStart[x + 1]; c++) {
      let uses = false;
      let meets = false;
      for (let k = clauseTokenStart[c]; k < clauseTokenStart[c + 1]; k++) {
        const t = clauseTokens[k];
        if (space[t] !== ns) continue;
        uses = true;
        if (pinned(t)) meets = true;
      }
      if (uses && !meets) return true;
    }
    let uses = false;
    let meets = false;
    for (let k = provideStart[x]; k < provideStart[x + 1]; k++) {
      const t = provideTokens[k];
      if (space[t] !== ns) continue;
      uses = true;
      if (pinned(t)) meets = true;
    }
    if (uses && !meets) return true;
  }
  return false;
}

/** What the index takes of one product: what it provides, the clauses it requires, the models it is or is made for. */
interface FitEntry {
  profile: FitProfile;
  conditions: readonly Condition[];
  /** Device models the item is (its tokens are what accessories made for these models stand for). */
  models: readonly string[];
  /** Models a model-specific accessory is made for (it then stands for them in a cart); undefined otherwise. */
  madeFor: readonly string[] | undefined;
}

/**
 * The curated vocabulary's rules where the record speaks it (a documented device or accessory `kind`), else the
 * fit facts its text states. A curated device also provides COMPLETE_FACTS.
 */
function fitEntryOf(item: CatalogItem): FitEntry {
  const kind = attrString(item.attrs, "kind");
  if (kind !== undefined && curatedRole(kind) !== undefined) {
    const profile = provides(item);
    const model = attrString(item.attrs, "device_model");
    const tokens = model === undefined ? profile.tokens : [...profile.tokens, COMPLETE_FACTS];
    return {
      profile: { ...profile, tokens },
      conditions: requirement(item)?.conditions ?? [],
      models: model === undefined ? [] : [model],
      madeFor: attrList(item.attrs, "fits_models"),
    };
  }
  const facts = fitFactsOf(item);
  const required = fitRequirementOf(facts);
  const exhaustive = required?.clauses.filter((c) => c.exhaustive) ?? [];
  const madeFor = exhaustive.some((c) => "anyOf" in c.condition && c.condition.anyOf.some((t) => tokenNamespace(t) === "model"));
  return {
    profile: fitProfileOf(facts),
    conditions: exhaustive.map((c) => c.condition),
    models: facts.role === "device" ? facts.models : [],
    madeFor: madeFor ? facts.models : undefined,
  };
}

/**
 * Builds the index for a build's dictionary (`items[i]` undefined for items without a catalogue row). Measures
 * become tokens over the values the catalogue's items provide (a range no item falls in keeps a token of its
 * namespace, so a device stating the measure still refutes it).
 */
export function compileCompatIndex(items: ReadonlyArray<CatalogItem | undefined>): CompatIndex {
  const n = items.length;
  const entriesOf: Array<FitEntry | undefined> = new Array(n);
  const byModel = new Map<string, { tokens: Set<string>; measures: Map<string, number> }>();
  const measureValues = new Map<string, Set<number>>();
  for (let i = 0; i < n; i++) {
    const item = items[i];
    if (item === undefined) continue;
    const entry = fitEntryOf(item);
    entriesOf[i] = entry;
    const profile = entry.profile;
    for (const [measure, value] of Object.entries(profile.measures)) {
      let values = measureValues.get(measure);
      if (values === undefined) measureValues.set(measure, (values = new Set()));
      values.add(value);
    }
    for (const model of entry.models) {
      let implied = byModel.get(model);
      if (implied === undefined) byModel.set(model, (implied = { tokens: new Set(), measures: new Map() }));
      for (const t of profile.tokens) implied.tokens.add(t);
      for (const [m, v] of Object.entries(profile.measures)) implied.measures.set(m, v);
    }
  }

  const tokenIds = new Map<string, number>();
  const tokens: string[] = [];
  const intern = (t: string) => {
    let id = tokenIds.get(t);
    if (id === undefined) {
      id = tokens.length;
      tokens.push(t);
      tokenIds.set(t, id);
    }
    return id;
  };
  const measureToken = (measure: string, value: number) => `${measure}:${value}`;
  const provided = (profile: { tokens: Iterable<string>; measures: Iterable<[string, number]> }) => {
    const ids = new Set<number>();
    for (const t of profile.tokens) ids.add(intern(t));
    for (const [m, v] of profile.measures) ids.add(intern(measureToken(m, v)));
    return [...ids];
  };

  const entries = new Map<number, CompatEntry>();
  const providedBy: Array<number[] | undefined> = new Array(n);
  for (let i = 0; i < n; i++) {
    const entry = entriesOf[i];
    if (entry === undefined) continue;
    let own = provided({ tokens: entry.profile.tokens, measures: Object.entries(entry.profile.measures) });
    if (own.length === 0 && entry.models.length === 0) {
      const implied = new Set<number>();
      for (const model of entry.madeFor ?? []) {
        const device = byModel.get(model);
        if (device !== undefined) for (const id of provided({ tokens: device.tokens, measures: device.measures })) implied.add(id);
      }
      if (entry.madeFor === undefined) {
        for (const condition of entry.conditions) if ("anyOf" in condition && condition.anyOf.length === 1) implied.add(intern(condition.anyOf[0]));
      }
      own = [...implied];
    }
    providedBy[i] = own;
  }
  for (let i = 0; i < n; i++) {
    const entry = entriesOf[i];
    if (entry === undefined) continue;
    const clauses: number[][] = [];
    for (const condition of entry.conditions) {
      const clause: number[] = [];
      if ("anyOf" in condition) {
        for (const t of condition.anyOf) clause.push(intern(t));
      } else {
        for (const value of measureValues.get(condition.measure) ?? []) {
          if ((condition.min === undefined || value >= condition.min) && (condition.max === undefined || value <= condition.max)) {
            clause.push(intern(measureToken(condition.measure, value)));
          }
        }
        // An empty range still names its namespace, so a device stating the measure can refute it.
        if (clause.length === 0) clause.push(intern(measureToken(condition.measure, Number.NaN)));
      }
      clauses.push(clause);
    }
    const pins = entry.profile.pins.map(intern);
    const own = providedBy[i] ?? [];
    if (own.length > 0 || clauses.length > 0 || pins.length > 0) entries.set(i, { provides: own, clauses, pins });
  }
  return compatIndexFromEntries(tokens, entries, n);
}
