/**
 * @module
 * Item sequences in the order a shopper met the items, for next-item lists and the next-item evaluation:
 *
 *   orders file   one sequence per line: its `sequence` array where the line has one (sessions of item views,
 *                 a user's rated items by `ts_seq`), else its `items` in the order listed (a TSV line's items);
 *                 dwell unknown; the sequence's time is the last of `ts_seq`, else the line's `ts`
 *   events file   one sequence per session: its `view` events sorted by `ts` (file order among equal times),
 *                 with each view's `dwell_ms`; the session's purchase order ids (`order_id`, else the event id)
 *                 are kept so a split can take those orders out of training with the session
 *
 * A sequence keeps repeats (a shopper returning to an item). A bad line is reported with its file and line and
 * skipped (or stops the read with policy "fail"); the orders reader reports the same lines of an orders file.
 */
import { eventLineSchema } from "../../core/events/event-schema";
import { orderLineSchema } from "../../core/input/order-line";
import { type BadLinePolicy, InputError, invalidUtf8, newReport, type ReadReport, recordProblem } from "./input-error";
import { parseJsonLine } from "./json-line";
import { readLineBatches } from "./lines";

export interface ItemSequence {
  /** The order (basket) id or the session id. */
  id: string;
  /** Item ids, oldest first, repeats kept. */
  items: string[];
  /** Dwell per item in milliseconds where the input says (events), aligned with `items`. */
  dwellMs?: Array<number | undefined>;
  /** Unix seconds of the sequence's last event, NaN when unknown. */
  time: number;
  /** Orders purchased in the session (events only). */
  orderIds?: string[];
  /** The orders file line it came from (orders only). */
  line?: number;
}

export interface SequencesRead {
  sequences: ItemSequence[];
  report: ReadReport;
}

export interface ReadSequencesOptions {
  onBadLine?: BadLinePolicy;
  /** Orders files: only the lines that carry a `sequence` (a build learns order from those alone). */
  sequenceFieldOnly?: boolean;
}

/** One sequence per orders line (JSON Lines or TSV), in file order. */
export async function readOrderSequences(path: string, options: ReadSequencesOptions = {}): Promise<SequencesRead> {
  const sequences: ItemSequence[] = [];
  const tsv = path.endsWith(".tsv");
  if ((tsv || path.endsWith(".csv")) && options.sequenceFieldOnly === true) return { sequences, report: newReport() };
  const report = await forEachLine(path, options.onBadLine, (text, line) => {
    const sequence = tsv ? { id: String(line), items: text.split("\t").filter((id) => id.length > 0), time: Number.NaN } : orderSequence(text, path, line, options.sequenceFieldOnly === true);
    if (sequence !== undefined) sequences.push({ ...sequence, line });
  });
  return { sequences, report };
}

function orderSequence(text: string, file: string, line: number, sequenceFieldOnly: boolean): ItemSequence | undefined {
  const order = parseJsonLine(orderLineSchema, text, file, line);
  const id = String(order.order_id ?? order.basket_id);
  const sequence = order.sequence ?? undefined;
  if (sequence === undefined && sequenceFieldOnly) return undefined;
  const items = sequence !== undefined ? sequence.map(String) : order.items.map((item) => (typeof item === "object" ? item.id : String(item)));
  const times = order.ts_seq ?? [];
  const time = times.length > 0 ? times[times.length - 1] : (order.ts ?? Number.NaN);
  return { id, items, time };
}

/** One sequence per session of an events file that viewed at least one item, in order of first appearance. */
export async function readViewSequences(path: string, options: ReadSequencesOptions = {}): Promise<SequencesRead> {
  const sessions = new Map<string, { views: Array<{ item: string; ts: number; dwell?: number }>; orders: string[] }>();
  const session = (id: string) => {
    let s = sessions.get(id);
    if (s === undefined) sessions.set(id, (s = { views: [], orders: [] }));
    return s;
  };
  const report = await forEachLine(path, options.onBadLine, (text, line) => {
    const event = parseJsonLine(eventLineSchema, text, path, line);
    if (event.type === "view") session(event.session_id).views.push({ item: event.item_id, ts: event.ts, dwell: event.dwell_ms });
    else if (event.type === "purchase") session(event.session_id).orders.push(event.order_id ?? event.event_id);
  });
  const sequences: ItemSequence[] = [];
  for (const [id, { views, orders }] of sessions) {
    if (views.length === 0) continue;
    // Array.prototype.sort is stable: equal times keep file order.
    views.sort((a, b) => a.ts - b.ts);
    sequences.push({ id, items: views.map((v) => v.item), dwellMs: views.map((v) => v.dwell), time: views[views.length - 1].ts, orderIds: orders });
  }
  return { sequences, report };
}

/** Calls `handle` on every non-blank line; a line it rejects with an InputError is reported as the policy says. */
async function forEachLine(path: string, policy: BadLinePolicy = "skip", handle: (text: string, line: number) => void): Promise<ReadReport> {
  const report = newReport();
  for await (const [lines, first] of readLineBatches(path, undefined, invalidUtf8(path, report, policy))) {
    for (let i = 0; i < lines.length; i++) {
      if (lines[i].trim().length === 0) continue;
      report.lines++;
      try {
        handle(lines[i], first + i);
        report.accepted++;
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        recordProblem(report, error, policy);
      }
    }
  }
  return report;
}
