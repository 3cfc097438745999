/**
 * @module
 * What a session remembers between answers, so a storefront need not resend its history: the items viewed
 * (with dwell) and how many answers showed each suggestion (for frequency capping). Pure functions; the
 * signed token that carries it is `session-token.ts`.
 */
import type { RecommendationRequest, ViewedItem } from "../request-schema";
import type { RecommendationResponse } from "../recommendation-response";

export interface SessionState {
  /** Unix seconds of the session's first answer. */
  started: number;
  /** Answers served in this session so far. */
  pages: number;
  /** Viewed items, most recent last, one entry per item. */
  viewed: ViewedItem[];
  /** Suggestion id hash (see `suggestionHash`) -> number of answers that showed it. */
  shown: Map<number, number>;
}

export const SESSION_LIMITS = {
  /** Viewed items kept, most recent. */
  viewed: 12,
  /** Distinct suggestions remembered for capping, most recently shown. */
  shown: 48,
  /** Per-suggestion counter ceiling (stored in one byte). */
  count: 255,
} as const;

/**
 * A 32-bit FNV-1a hash of an item id over its UTF-16 code units (low byte, then high byte): suggestions are
 * remembered by hash to keep the token small, and hashing without encoding keeps the hot path allocation-free.
 */
export function suggestionHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    const unit = id.charCodeAt(i);
    hash = Math.imul(hash ^ (unit & 0xff), 0x01000193);
    hash = Math.imul(hash ^ (unit >>> 8), 0x01000193);
  }
  return hash >>> 0;
}

export function newSessionState(nowSeconds: number): SessionState {
  return { started: nowSeconds, pages: 0, viewed: [], shown: new Map() };
}

/**
 * The request as the recommender should see it: the session's remembered views, then the request's own (which
 * win on recency and keep the longest dwell), the most recent kept (at least everything the request sent).
 */
export function withSessionSignals<R extends RecommendationRequest>(request: R, session: SessionState | null): R {
  if (session === null || session.viewed.length === 0) return request;
  const merged = mergeViewed(session.viewed, request.viewed ?? [], Math.max(SESSION_LIMITS.viewed, request.viewed?.length ?? 0));
  return { ...request, viewed: merged };
}

/** The state after serving `response` for `request`: its views remembered, its suggestions counted once each. */
export function recordAnswer(session: SessionState, request: RecommendationRequest, response: RecommendationResponse): SessionState {
  const viewed = mergeViewed(session.viewed, request.viewed ?? [], SESSION_LIMITS.viewed);
  const shown = new Map(session.shown);
  const counted = new Set<number>();
  for (const slot of response.slots) {
    for (const item of slot.items) {
      const hash = suggestionHash(item.id);
      if (counted.has(hash)) continue;
      counted.add(hash);
      const count = Math.min(SESSION_LIMITS.count, (shown.get(hash) ?? 0) + 1);
      shown.delete(hash);
      shown.set(hash, count);
    }
  }
  while (shown.size > SESSION_LIMITS.shown) shown.delete(shown.keys().next().value as number);
  return { started: session.started, pages: Math.min(SESSION_LIMITS.count * 256, session.pages + 1), viewed, shown };
}

/** How many earlier answers of the session showed `id`. */
export function timesShown(session: SessionState | undefined, id: string): number {
  return session === undefined ? 0 : (session.shown.get(suggestionHash(id)) ?? 0);
}

/** Older views, then newer ones; an item seen twice keeps its later position and its longest dwell. */
function mergeViewed(older: readonly ViewedItem[], newer: readonly ViewedItem[], limit: number): ViewedItem[] {
  const byId = new Map<string, ViewedItem>();
  for (const view of [...older, ...newer]) {
    const previous = byId.get(view.id);
    byId.delete(view.id);
    const dwell = Math.max(previous?.dwell_ms ?? 0, view.dwell_ms ?? 0);
    byId.set(view.id, dwell > 0 ? { id: view.id, dwell_ms: dwell } : { id: view.id });
  }
  const all = [...byId.values()];
  return all.length > limit ? all.slice(all.length - limit) : all;
}
