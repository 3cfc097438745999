import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { candidatesOf } from "../../core/candidates";
import { decodeItemBlob } from "../../core/blob/item-blob";
import type { ItemSequence } from "../io/read-sequences";
import { ArtifactStore } from "../recommend/artifact-store";
import { buildFromFiles } from "./build";
import { nextItemCandidates } from "./next-item-lists";
import { DEFAULT_NEXT_ITEM, POPULARITY_TIE_BREAK } from "./next-item-scorer";
import { ReasonTable } from "./reason-table";

const index = new Map([["a", 0], ["b", 1], ["c", 2], ["d", 3]]);
const sessions: ItemSequence[] = [
  { id: "0", items: ["a", "b", "c"], time: Number.NaN },
  { id: "1", items: ["b", "c"], time: Number.NaN },
  { id: "2", items: ["a", "c", "a"], time: Number.NaN },
];
const work = mkdtempSync(path.join(tmpdir(), "edgerec-next-item-lists-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const tie = (n: number) => 1 + POPULARITY_TIE_BREAK * Math.log1p(n);

describe("next-item lists", () => {
  it("score (w_c C_p + w_t T) / n(a)^alpha, best first, with the reason of the larger term", () => {
    const reasons = new ReasonTable();
    const built = nextItemCandidates(sessions, index, 4, reasons, () => true, { tuning: false, parameters: DEFAULT_NEXT_ITEM })!;
    const a = candidatesOf(built.lists, 0);
    // C_1(a, c) = 1/3 + 1/2, T(a, c) = 1/2 + 1; C_1(a, b) = 1/3, T(a, b) = 1; n(c) = 3, n(b) = 2
    expect([...a.items]).toEqual([2, 1]);
    expect(a.scores[0]).toBeCloseTo((5 / 6 + 3 / 2) * tie(3), 5);
    expect(a.scores[1]).toBeCloseTo((1 / 3 + 1) * tie(2), 5);
    expect(reasons.toArray()[a.reasons[0]]).toEqual({ code: "co_view", text: "Often viewed after {anchor}" });
    expect(built.tuning).toBeUndefined();
  });

  it("uses only the sources allowed, never an item that must not be sold, and nothing without sources", () => {
    const reasons = new ReasonTable();
    const together = nextItemCandidates(sessions, index, 4, reasons, (item) => item !== 1, { sources: ["cooccurrence"], tuning: false })!;
    expect(together.parameters.transitions).toBe(0);
    const a = candidatesOf(together.lists, 0);
    expect([...a.items]).toEqual([2]);
    expect(a.scores[0]).toBeCloseTo((5 / 6) * tie(3), 5);
    expect(reasons.toArray()[a.reasons[0]].text).toBe("Shoppers who viewed {anchor} also viewed this");
    expect(nextItemCandidates(sessions, index, 4, new ReasonTable(), () => true, { sources: [] })).toBeUndefined();
  });

  it("keeps the defaults when the sessions are too few to validate on, and reports a tuning otherwise", () => {
    expect(nextItemCandidates(sessions, index, 4, new ReasonTable(), () => true)!.tuning).toBeUndefined();
    const ids = Array.from({ length: 60 }, (_, i) => `i${i}`);
    const many: ItemSequence[] = Array.from({ length: 600 }, (_, s) => ({ id: String(s), items: [ids[s % 60], ids[(s * 7 + 1) % 60], ids[(s * 7 + 2) % 60]], time: Number.NaN }));
    const big = new Map(ids.map((id, i) => [id, i]));
    const built = nextItemCandidates(many, big, 60, new ReasonTable(), () => true)!;
    expect(built.tuning!.requests).toBeGreaterThanOrEqual(30);
    expect(built.tuning!.folds).toBeGreaterThanOrEqual(1);
    expect(built.tuning!.evaluated).toBe(27);
    expect(Number.isFinite(built.tuning!.gainZ)).toBe(true);

    // Following a previous build, its parameters stand where the defaults stood: kept unless beaten by 2 standard errors.
    const previous = { ...DEFAULT_NEXT_ITEM, anchorPower: DEFAULT_NEXT_ITEM.anchorPower === 1 ? 0 : 1 };
    const following = nextItemCandidates(many, big, 60, new ReasonTable(), () => true, { previous })!;
    if (following.tuning!.gainZ < 2) expect(following.parameters).toEqual(previous);
    else expect(following.parameters).not.toEqual(previous);
    // and with tuning off, they are served as they are
    expect(nextItemCandidates(many, big, 60, new ReasonTable(), () => true, { previous, tuning: false })!.parameters).toEqual(previous);
  });

  it("are learned by edgerec build from order lines with a sequence and from view sessions, and lead home", async () => {
    const orders = path.join(work, "orders.jsonl");
    const events = path.join(work, "events.jsonl");
    writeFileSync(
      orders,
      [
        '{"order_id":"1","items":["p","q"],"sequence":["p","q","r"]}',
        '{"order_id":"2","items":["p","q"],"sequence":["p","q"]}',
        '{"order_id":"3","items":["x","y"]}',
      ].join("\n"),
    );
    writeFileSync(
      events,
      [1, 2, 3].map((n) => JSON.stringify({ event_id: `e${n}`, type: "view", session_id: "s", ts: 1_800_000_000 + n, item_id: ["q", "v", "r"][n - 1], dwell_ms: 1000 })).join("\n"),
    );
    const artifacts = await buildFromFiles({ orders, events }, { now: new Date(0), buildId: "t" });
    const store = new ArtifactStore(artifacts);
    const next = (id: string) => {
      const blob = artifacts.itemBlobs[store.build.index.get(id)!];
      return blob === undefined ? undefined : decodeItemBlob(blob).next_item;
    };
    expect(next("p")!.items.length).toBeGreaterThan(0);
    // "v" was only ever viewed: it joined the dictionary and has a list
    expect(store.build.index.has("v")).toBe(true);
    expect(next("v")).toBeDefined();
    // a plain order is not a sequence
    expect(next("x")).toBeUndefined();
    expect(artifacts.manifest.parameters.next_item).toEqual(DEFAULT_NEXT_ITEM);
    const answer = store.recommend({ placement: "home", viewed: [{ id: "p", dwell_ms: 2000 }], k: 3 }, "t");
    expect(answer.slots[0].kind).toBe("similar");
    expect(answer.slots[0].items[0].id).toBe("q");
    expect(answer.slots[0].items[0].reason).toBe("Often viewed after p");
  });
});
