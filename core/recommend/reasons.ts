/**
 * @module
 * Turns a candidate's reason (build reason table index, or a serve-time rule when negative: `rule-reasons.ts`)
 * into the text a shopper reads and the code a merchandiser filters on.
 */
import type { ReasonCode } from "../types";
import { displayName, type LoadedBuild } from "./loaded-build";
import { reasonEntry } from "./rule-reasons";

export interface RenderedReason {
  code: ReasonCode;
  text: string;
}

const FALLBACK: RenderedReason = { code: "popular", text: "Popular right now" };

export function renderReason(build: LoadedBuild, reason: number, anchor: number | undefined): RenderedReason {
  const entry = reasonEntry(build.meta.reasons, reason);
  if (entry === undefined) return FALLBACK;
  if (!entry.text.includes("{anchor}")) return entry;
  const name = anchor === undefined || anchor < 0 ? "your selection" : displayName(build, anchor);
  return { code: entry.code, text: entry.text.replaceAll("{anchor}", name) };
}

export function reasonCode(build: LoadedBuild, reason: number): ReasonCode {
  return reasonEntry(build.meta.reasons, reason)?.code ?? "popular";
}
