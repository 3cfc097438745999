/**
 * @module
 * Fit facts in the token space of the compatibility rules (compatibility.ts, compat-index.ts): a device provides
 * `model:<slug>`, `conn:<connector>`, `card:<format>`, `mount:<mount>`, `part:<code>`, `audio:wired` (phones,
 * tablets, laptops) and the measure `laptop_screen_in`; an accessory requires clauses, each satisfied by one of its
 * tokens (or a measure range), all of which must hold. The token strings are the ones compat-index.ts interns, so a
 * curated device and a text-read accessory meet in one space.
 *
 * Per accessory kind (the first rule that has facts):
 *   case, screen-protector, keyboard, stylus, watch-band  models                      (exhaustive)
 *   battery                                               parts or models             (exhaustive)
 *   remote                                                parts or models             (a list of examples)
 *   charger, cable, power-bank, adapter, hub, usb-drive   connectors (exhaustive); else parts; else models (examples)
 *   earphones, headphones                                 connectors and audio:wired  (wired ones only)
 *   memory-card / lens                                    card format / lens mount    (exhaustive)
 *   bag                                                   laptop_screen_in within its size range (one size
 *                                                         N: N - 1 to N + 0.6, a 14-inch sleeve takes 13-14.6)
 *
 * A clause is exhaustive when the accessory's text names everything it fits: a case "for iPhone 15" fits no other
 * model, while a cable's "compatible with iPhone 13, 12, 11" lists examples of what its connector reaches.
 *
 *   decide(device, accessory) = unconstrained  when the accessory has no clause
 *                             = fits           when every clause holds on what the device provides
 *                             = no_fit         when some exhaustive clause fails and the device states facts in
 *                                              every namespace the clause uses (an iPhone 15 case vs a Galaxy S24)
 *                             = unknown        otherwise (the device states nothing the clause could check)
 */
import { type Condition, type FitProfile, type FitSlot, MEASURES, token, tokenNamespace } from "../compatibility";
import { partKey } from "./part-codes";
import type { FitFacts, SizeFact } from "./fit-facts";

interface FitClause {
  condition: Condition;
  exhaustive: boolean;
}

export interface FitRequirement {
  kind: string;
  /** The compatibility slot the accessory fills, where the kind has one. */
  slot?: FitSlot;
  clauses: FitClause[];
}

export type FitDecision = "fits" | "no_fit" | "unknown" | "unconstrained";

const SLOTS: Readonly<Record<string, FitSlot>> = {
  case: "case", "screen-protector": "screen_protector", charger: "charger", cable: "cable", "power-bank": "power_bank",
  earphones: "earbuds", "memory-card": "memory_card", lens: "lens", bag: "laptop_bag", stylus: "stylus", mouse: "mouse",
  hub: "dock", tripod: "tripod", "watch-band": "watch_band", controller: "controller", keyboard: "tablet_keyboard",
};
const AUDIO_DEVICES: ReadonlySet<string> = new Set(["smartphone", "mobile-phone", "tablet", "laptop"]);
const MODEL_SPECIFIC: ReadonlySet<string> = new Set(["case", "screen-protector", "keyboard", "stylus", "watch-band"]);
const BY_CONNECTOR: ReadonlySet<string> = new Set(["charger", "cable", "power-bank", "adapter", "hub", "usb-drive"]);
/** A bag sized for one screen takes screens down to this much smaller and up to this much larger. */
const BAG_BELOW = 1;
const BAG_ABOVE = 0.6;

const anyOf = (namespace: string, values: readonly string[]): Condition => ({ anyOf: values.map((v) => token(namespace, v)) });
const partTokens = (parts: readonly string[]) => parts.map((p) => token("part", partKey(p)));
const modelsOrParts = (facts: FitFacts): Condition => ({ anyOf: [...partTokens(facts.parts), ...facts.models.map((m) => token("model", m))] });

/** What a device offers the accessories around it. */
export function fitProfileOf(facts: FitFacts): FitProfile {
  const tokens: string[] = [];
  const measures: Record<string, number> = {};
  if (facts.role !== "device") return { tokens, measures, pins: [] };
  const add = (t: string) => (tokens.includes(t) ? undefined : tokens.push(t));
  for (const m of facts.models) add(token("model", m));
  for (const c of facts.connectors) add(token("conn", c));
  for (const c of facts.cards) add(token("card", c));
  for (const m of facts.mounts) add(token("mount", m));
  for (const p of partTokens(facts.parts)) add(p);
  if (facts.kind !== undefined && AUDIO_DEVICES.has(facts.kind)) add(token("audio", "wired"));
  const screen = facts.sizes.find((s) => s.unit === "in" && s.min === s.max);
  if (facts.kind === "laptop" && screen !== undefined) measures[MEASURES.laptopScreenIn] = screen.max;
  return { tokens, measures, pins: [] };
}

/** What an accessory needs from a device; undefined for devices, `other` and accessories that fit anything. */
export function fitRequirementOf(facts: FitFacts): FitRequirement | undefined {
  if (facts.role !== "accessory" || facts.kind === undefined) return undefined;
  const kind = facts.kind;
  const clauses: FitClause[] = [];
  const models = facts.models.length > 0;
  const parts = facts.parts.length > 0;
  if (MODEL_SPECIFIC.has(kind) && models) clauses.push({ condition: anyOf("model", facts.models), exhaustive: true });
  else if (kind === "battery" && (models || parts)) clauses.push({ condition: modelsOrParts(facts), exhaustive: true });
  else if (kind === "remote" && (models || parts)) clauses.push({ condition: modelsOrParts(facts), exhaustive: false });
  else if (BY_CONNECTOR.has(kind)) {
    if (facts.connectors.length > 0) clauses.push({ condition: anyOf("conn", facts.connectors), exhaustive: true });
    else if (parts) clauses.push({ condition: { anyOf: partTokens(facts.parts) }, exhaustive: true });
    else if (models) clauses.push({ condition: anyOf("model", facts.models), exhaustive: false });
  } else if ((kind === "earphones" || kind === "headphones") && facts.connectors.length > 0) {
    clauses.push({ condition: anyOf("conn", facts.connectors), exhaustive: true }, { condition: anyOf("audio", ["wired"]), exhaustive: true });
  } else if (kind === "memory-card" && facts.cards.length > 0) clauses.push({ condition: anyOf("card", facts.cards), exhaustive: true });
  else if (kind === "lens" && facts.mounts.length > 0) clauses.push({ condition: anyOf("mount", facts.mounts), exhaustive: true });
  else if (kind === "bag") {
    const size = facts.sizes.find((s) => s.unit === "in");
    if (size !== undefined) clauses.push({ condition: { measure: MEASURES.laptopScreenIn, ...bagRange(size) }, exhaustive: true });
  }
  if (clauses.length === 0) return undefined;
  const slot = SLOTS[kind];
  return { kind, ...(slot === undefined ? {} : { slot }), clauses };
}

/** A bag's screen range: as stated, or around one size ("14-inch sleeve": 13 to 14.6 inches). */
function bagRange(size: SizeFact): { min?: number; max: number } {
  if (size.min === undefined) return { max: size.max };
  if (size.min < size.max) return { min: size.min, max: size.max };
  return { min: size.max - BAG_BELOW, max: Math.round((size.max + BAG_ABOVE) * 10) / 10 };
}

function holds(condition: Condition, profile: FitProfile): boolean {
  if ("anyOf" in condition) return condition.anyOf.some((t) => profile.tokens.includes(t));
  const value = profile.measures[condition.measure];
  return value !== undefined && (condition.min === undefined || value >= condition.min) && (condition.max === undefined || value <= condition.max);
}

/** The device states something in every namespace the condition checks. */
function checkable(condition: Condition, profile: FitProfile): boolean {
  if (!("anyOf" in condition)) return profile.measures[condition.measure] !== undefined;
  const namespaces = new Set(condition.anyOf.map(tokenNamespace));
  const stated = new Set(profile.tokens.map(tokenNamespace));
  return namespaces.size > 0 && [...namespaces].every((ns) => stated.has(ns));
}

export function decideFit(device: FitProfile, requirement: FitRequirement | undefined): FitDecision {
  if (requirement === undefined) return "unconstrained";
  let proven = false;
  let failed = false;
  for (const clause of requirement.clauses) {
    if (holds(clause.condition, device)) continue;
    failed = true;
    if (clause.exhaustive && checkable(clause.condition, device)) proven = true;
  }
  return !failed ? "fits" : proven ? "no_fit" : "unknown";
}

/** `decideFit` on two products' facts. */
export function decideFitOf(device: FitFacts, accessory: FitFacts): FitDecision {
  return decideFit(fitProfileOf(device), fitRequirementOf(accessory));
}
