import { describe, expect, it } from "vitest";
import { decodeBase64Url, encodeBase64Url } from "./base64url";
import { newSessionState, recordAnswer, SESSION_LIMITS, suggestionHash, timesShown, withSessionSignals } from "./session-state";
import { decodeSessionPayload, openSessionToken, sealSessionToken, sessionKey } from "./session-token";
import type { RecommendationResponse } from "../recommendation-response";

const NOW = 1_790_000_000;

function answer(...slots: string[][]): RecommendationResponse {
  return { rec_id: "r", slots: slots.map((ids) => ({ kind: "cross_sell", title: "t", items: ids.map((id) => ({ id, score: 1, reason: "", reason_code: "association" })) })) };
}

describe("session token", () => {
  it("opens what it sealed: views with dwell in whole seconds, shown counts, pages, start", async () => {
    const key = await sessionKey("secret-1");
    let state = newSessionState(NOW);
    state = recordAnswer(state, { placement: "product", viewed: [{ id: "sku-1", dwell_ms: 41_400 }, { id: "sku-2" }] }, answer(["a", "b"], ["b", "c"]));
    const token = await sealSessionToken(state, key, NOW);
    const opened = await openSessionToken(token, key, NOW + 60);
    expect(opened).not.toBeNull();
    expect(opened!.viewed).toEqual([{ id: "sku-1", dwell_ms: 41_000 }, { id: "sku-2" }]);
    expect(opened!.pages).toBe(1);
    expect(opened!.started).toBe(NOW);
    expect(timesShown(opened!, "b")).toBe(1);
    expect(timesShown(opened!, "zzz")).toBe(0);
  });

  it("refuses a token signed with another secret, a flipped payload or tag byte, and garbage", async () => {
    const key = await sessionKey("secret-1");
    const token = await sealSessionToken(newSessionState(NOW), key, NOW);
    expect(await openSessionToken(token, await sessionKey("secret-2"), NOW)).toBeNull();
    const [payload, tag] = token.split(".");
    const flip = (part: string) => {
      const bytes = decodeBase64Url(part);
      bytes[0] ^= 1;
      return encodeBase64Url(bytes);
    };
    expect(await openSessionToken(`${flip(payload)}.${tag}`, key, NOW)).toBeNull();
    expect(await openSessionToken(`${payload}.${flip(tag)}`, key, NOW)).toBeNull();
    for (const junk of ["", ".", "abc", "a.b.c", "!!!.???", `${payload}.`]) expect(await openSessionToken(junk, key, NOW)).toBeNull();
  });

  it("expires after its time to live", async () => {
    const key = await sessionKey("s");
    const token = await sealSessionToken(newSessionState(NOW), key, NOW, 1800);
    expect(await openSessionToken(token, key, NOW + 1799)).not.toBeNull();
    expect(await openSessionToken(token, key, NOW + 1800)).toBeNull();
  });

  it("stays compact when full: 12 views and 48 remembered suggestions in under 700 characters", async () => {
    const key = await sessionKey("s");
    let state = newSessionState(NOW);
    for (let page = 0; page < 30; page++) {
      state = recordAnswer(state, { placement: "product", viewed: [{ id: `sku-phone-${String(page).padStart(4, "0")}`, dwell_ms: 12_000 }] }, answer([`s-${page}`, `s-${page + 1}`]));
    }
    expect(state.viewed).toHaveLength(SESSION_LIMITS.viewed);
    const token = await sealSessionToken(state, key, NOW);
    const { state: decoded } = decodeSessionPayload(decodeBase64Url(token.split(".")[0]));
    expect(decoded.viewed.at(-1)!.id).toBe("sku-phone-0029");
    expect(decoded.shown.size).toBe(31);
    expect(token.length).toBeLessThan(700);
  });
});

describe("session state", () => {
  it("counts a suggestion once per answer however many slots show it, and remembers the most recent ones", () => {
    let state = newSessionState(NOW);
    state = recordAnswer(state, { placement: "home" }, answer(["a", "b"], ["a"]));
    state = recordAnswer(state, { placement: "home" }, answer(["a"]));
    expect(state.shown.get(suggestionHash("a"))).toBe(2);
    expect(state.shown.get(suggestionHash("b"))).toBe(1);
    for (let i = 0; i < SESSION_LIMITS.shown; i++) state = recordAnswer(state, { placement: "home" }, answer([`x${i}`]));
    expect(state.shown.has(suggestionHash("a"))).toBe(false);
    expect(state.shown.size).toBe(SESSION_LIMITS.shown);
  });

  it("feeds remembered views into the request: older first, the request's own last, longest dwell kept", () => {
    let state = newSessionState(NOW);
    state = recordAnswer(state, { placement: "product", viewed: [{ id: "tv", dwell_ms: 50_000 }, { id: "cable" }] }, answer([]));
    const merged = withSessionSignals({ placement: "product", product_id: "soundbar", viewed: [{ id: "tv", dwell_ms: 3_000 }, { id: "soundbar", dwell_ms: 9_000 }] }, state);
    expect(merged.viewed).toEqual([{ id: "cable" }, { id: "tv", dwell_ms: 50_000 }, { id: "soundbar", dwell_ms: 9_000 }]);
    expect(withSessionSignals({ placement: "home" }, null)).toEqual({ placement: "home" });
  });
});

describe("suggestionHash", () => {
  it("is FNV-1a over UTF-16 code units: the UTF-8 FNV-1a of ASCII ids with a zero byte after each", () => {
    // For ASCII, feeding (low byte, 0) per unit equals FNV-1a over the bytes "s\0k\0u\0".
    const bytes = [...new TextEncoder().encode("sku-1")].flatMap((b) => [b, 0]);
    let hash = 0x811c9dc5;
    for (const b of bytes) hash = Math.imul(hash ^ b, 0x01000193);
    expect(suggestionHash("sku-1")).toBe(hash >>> 0);
    expect(suggestionHash("ünïcode-3")).not.toBe(suggestionHash("unicode-3"));
  });
});
