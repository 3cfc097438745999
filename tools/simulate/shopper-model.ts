/**
 * @module
 * The simulated shopper: who they are (a favourite device category, a budget, a chance to hesitate on something
 * dearer) and how they react to recommendations. The one planted effect: an answer of the treated variant is
 * clicked with probability p (1 + lift) instead of p, so the true relative CTR lift of that variant is exactly
 * `lift` (each answer shown gets one click draw, whatever it shows). Everything downstream (carts, purchases,
 * revenue) follows from clicks, so their lifts are real but not planted.
 */
import type { Rng } from "../../core/random/rng";
import type { SimCatalog, SimProduct } from "./sim-catalog";

export interface ShopperParameters {
  /** P(click) for an answer shown to a shopper of any variant but the treated one. */
  clickProbability: number;
  /** Relative lift of P(click) for the treated variant. */
  plantedLift: number;
  treatedVariant: string;
  cartAfterClick: number;
  buyDevice: number;
  /** P(buying what the recommendations put in the cart when no device is bought). */
  buyCartWithoutDevice: number;
  /** Share of recommended purchase lines on which the storefront echoes rec_id (the rest is attributed by click). */
  echoRecId: number;
  /** Share of shoppers who linger on a dearer device and may take a down-sell instead. */
  hesitationShare: number;
  /** P(a device buyer also takes, unprompted, something past buyers of that device took along). */
  organicAttach: number;
  loggedInShare: number;
}

export const DEFAULT_SHOPPER: ShopperParameters = {
  clickProbability: 0.12,
  plantedLift: 0.2,
  treatedVariant: "treatment",
  cartAfterClick: 0.45,
  buyDevice: 0.14,
  buyCartWithoutDevice: 0.5,
  echoRecId: 0.7,
  hesitationShare: 0.15,
  organicAttach: 0.35,
  loggedInShare: 0.4,
};

export interface Shopper {
  userId?: string;
  leaf: SimCatalog["deviceLeaves"][number];
  budget: number;
  hesitant: boolean;
  /** Number of device pages the shopper will open. */
  views: number;
}

export function drawShopper(catalog: SimCatalog, rng: Rng, index: number, p: ShopperParameters): Shopper {
  const leaf = catalog.deviceLeaves[rng.weighted(catalog.deviceLeaves.map((l) => Math.sqrt(l.devices.length)))];
  return {
    userId: rng.chance(p.loggedInShare) ? `sim-user-${index % 5000}` : undefined,
    leaf,
    budget: leaf.medianPrice * Math.exp(0.35 * rng.normal()),
    hesitant: rng.chance(p.hesitationShare),
    views: Math.min(5, 1 + Math.floor(-Math.log(1 - rng.float()) * 1.3)),
  };
}

/** A device near the budget (the best of three draws); a hesitant shopper's first look is at a dearer one. */
export function pickDevice(shopper: Shopper, rng: Rng, dearer: boolean): SimProduct {
  const devices = shopper.leaf.devices;
  const target = dearer ? shopper.budget * 1.6 : shopper.budget;
  let best = rng.pick(devices);
  for (let i = 0; i < 2; i++) {
    const candidate = rng.pick(devices);
    if (Math.abs(Math.log(candidate.price / target)) < Math.abs(Math.log(best.price / target))) best = candidate;
  }
  return best;
}

export function dwellMs(rng: Rng, long: boolean): number {
  return Math.round(long ? Math.min(600_000, rng.logNormal(75_000, 0.4)) : Math.min(120_000, Math.max(1500, rng.logNormal(11_000, 0.8))));
}

export function clickProbability(variant: string | undefined, p: ShopperParameters): number {
  const name = variant?.split("/").pop();
  return name === p.treatedVariant ? Math.min(1, p.clickProbability * (1 + p.plantedLift)) : p.clickProbability;
}

export interface ShownSlot {
  kind: string;
  items: Array<{ id: string }>;
}

/** Which item a click lands on: a hesitant shopper goes for the down-sell pick; others mostly the first slot's top items. */
export function pickClick(slots: readonly ShownSlot[], hesitant: boolean, rng: Rng): { slot: string; item: string; position: number } | undefined {
  const usable = slots.filter((s) => s.items.length > 0);
  if (usable.length === 0) return undefined;
  const downSell = usable.find((s) => s.kind === "down_sell");
  if (hesitant && downSell !== undefined && rng.chance(0.7)) return { slot: downSell.kind, item: downSell.items[0].id, position: 0 };
  const slot = usable[rng.weighted(usable.map((_, i) => 1 / (i + 1) ** 1.5))];
  const position = Math.min(slot.items.length - 1, Math.floor(-Math.log(1 - rng.float()) * 1.2));
  return { slot: slot.kind, item: slot.items[position].id, position };
}
