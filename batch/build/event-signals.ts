/**
 * @module
 * What the next build learns from the events the edge logged (`edgerec build --events F`, the closed loop):
 *
 * - recent purchases: purchase events that carry their lines and whose order id the orders file does not have
 *   (orders that reached the shop only through `/v1/events`) become baskets like any order;
 * - what sessions viewed and then bought (their purchases' order ids and lines), for checking down-sell against
 *   shoppers who looked at a pricier item and bought a cheaper one (`catalog/ladder-fit.ts`);
 * - co-view: items viewed in the same session. For items a and b viewed in s(a, b) sessions,
 *     cosine(a, b) = s(a, b) / √(s(a) s(b)),
 *   kept when s(a, b) >= minSessions, the best topN per item, served as the item's `similar` list ("Shoppers
 *   who viewed {anchor} also viewed") where the catalogue gave it none, appended after the catalogue's otherwise.
 *
 * Every line is validated by core's `eventLineSchema`, the event contract `POST /v1/events` takes (purchases may
 * leave out their lines: the orders file has them); a bad line is reported with its line number and field and
 * skipped (or stops the build with --strict).
 */
import { type CandidateList, type CandidateLists, CandidateListsBuilder, candidatesOf } from "../../core/candidates";
import type { ItemLists } from "../../core/blob/item-blob";
import { eventLineSchema } from "../../core/events/event-schema";
import type { Baskets, BasketsBuilder } from "../io/baskets";
import { type BadLinePolicy, InputError, invalidUtf8, newReport, type ReadReport, recordProblem } from "../io/input-error";
import { parseJsonLine } from "../io/json-line";
import { readLineBatches } from "../io/lines";
import type { ReasonTable } from "./reason-table";

export interface EventSignals {
  report: ReadReport;
  /** Purchase baskets added to the builder. */
  purchasesAdded: number;
  /** Item ids viewed per session, sessions with at least two distinct items only. */
  viewSessions: string[][];
  /** Sessions that viewed items and then bought: the viewed ids (longest look first), the order ids and line ids bought. */
  purchaseSessions: Array<{ viewed: string[]; orders: string[]; bought: string[] }>;
}

/** Reads an events file, adding its unseen purchases to `builder`; `knownOrders` are the orders file's ids. */
export async function readEventSignals(path: string, builder: BasketsBuilder, knownOrders: ReadonlySet<string>, options: { onBadLine?: BadLinePolicy } = {}): Promise<EventSignals> {
  const policy = options.onBadLine ?? "skip";
  const report = newReport();
  const sessions = new Map<string, Set<string>>();
  const dwell = new Map<string, Map<string, number>>();
  const purchases = new Map<string, { orders: string[]; bought: string[] }>();
  const added = new Set<string>();
  for await (const [lines, first] of readLineBatches(path, undefined, invalidUtf8(path, report, policy))) {
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i];
      if (text.trim().length === 0) continue;
      report.lines++;
      try {
        const event = parseJsonLine(eventLineSchema, text, path, first + i);
        if (event.type === "view") {
          let viewed = sessions.get(event.session_id);
          if (viewed === undefined) sessions.set(event.session_id, (viewed = new Set()));
          viewed.add(event.item_id);
          let looks = dwell.get(event.session_id);
          if (looks === undefined) dwell.set(event.session_id, (looks = new Map()));
          looks.set(event.item_id, Math.max(looks.get(event.item_id) ?? 0, event.dwell_ms ?? 0));
        } else if (event.type === "purchase") {
          let bought = purchases.get(event.session_id);
          if (bought === undefined) purchases.set(event.session_id, (bought = { orders: [], bought: [] }));
          if (event.order_id !== undefined) bought.orders.push(event.order_id);
          for (const line of event.lines ?? []) bought.bought.push(line.id);
          const orderId = event.order_id ?? event.event_id;
          if (event.lines !== undefined && !knownOrders.has(orderId) && !added.has(orderId)) {
            added.add(orderId);
            builder.add(orderId, event.lines, event.user_id, event.ts);
          }
        }
        report.accepted++;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        recordProblem(report, error, policy);
      }
    }
  }
  const viewSessions: string[][] = [];
  for (const viewed of sessions.values()) if (viewed.size >= 2) viewSessions.push([...viewed]);
  const purchaseSessions: EventSignals["purchaseSessions"] = [];
  for (const [session, bought] of purchases) {
    const looks = dwell.get(session);
    if (looks !== undefined) purchaseSessions.push({ viewed: [...looks].sort((a, b) => b[1] - a[1]).map(([id]) => id), ...bought });
  }
  return { report, purchasesAdded: added.size, viewSessions, purchaseSessions };
}

export interface CoViewOptions {
  topN?: number;
  minSessions?: number;
}

/** Co-view lists over the build's dictionary (ids the build does not know are ignored). */
export function coViewCandidates(sessions: readonly string[][], baskets: Pick<Baskets, "itemIds" | "itemIndex">, reasons: ReasonTable, options: CoViewOptions = {}): CandidateLists {
  const topN = options.topN ?? 20;
  const minSessions = options.minSessions ?? 2;
  const n = baskets.itemIds.length;
  const single = new Uint32Array(n);
  const pairs = new Map<number, Map<number, number>>();
  for (const session of sessions) {
    const items: number[] = [];
    for (const id of session) {
      const index = baskets.itemIndex.get(id);
      if (index !== undefined) items.push(index);
    }
    for (const a of items) {
      single[a]++;
      let row = pairs.get(a);
      if (row === undefined) pairs.set(a, (row = new Map()));
      for (const b of items) if (b !== a) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  const reason = reasons.intern("co_view", "Shoppers who viewed {anchor} also viewed this");
  const builder = new CandidateListsBuilder(n, 4);
  for (let a = 0; a < n; a++) {
    const row = pairs.get(a);
    if (row === undefined) continue;
    const scored: Array<[number, number]> = [];
    for (const [b, together] of row) if (together >= minSessions) scored.push([b, together / Math.sqrt(single[a] * single[b])]);
    if (scored.length === 0) continue;
    scored.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const top = scored.slice(0, topN);
    builder.set(a, top.map((s) => s[0]), top.map((s) => s[1]), top.map(() => reason));
  }
  return builder.build();
}

/** The item's lists with its co-view candidates as (or after) its `similar` list. */
export function withCoView(lists: ItemLists, coView: CandidateLists | undefined, item: number, limit = 30): ItemLists {
  if (coView === undefined) return lists;
  const viewed = candidatesOf(coView, item);
  if (viewed.items.length === 0) return lists;
  const similar = lists.similar;
  if (similar === undefined || similar.items.length === 0) return { ...lists, similar: viewed };
  const merged: CandidateList = appendNew(similar, viewed, limit);
  return { ...lists, similar: merged };
}

function appendNew(first: CandidateList, second: CandidateList, limit: number): CandidateList {
  const seen = new Set(first.items);
  const items = [...first.items];
  const scores = [...first.scores];
  const reasons = [...first.reasons];
  const floor = first.scores.length > 0 ? Math.min(...first.scores) : 1;
  for (let i = 0; i < second.items.length && items.length < limit; i++) {
    if (seen.has(second.items[i])) continue;
    items.push(second.items[i]);
    // Below every catalogue candidate, in co-view order.
    scores.push(floor * second.scores[i] * 0.99);
    reasons.push(second.reasons[i]);
  }
  return { items: Uint32Array.from(items), scores: Float32Array.from(scores), reasons: Uint32Array.from(reasons) };
}
