/**
 * @module
 * How cart cross-sell is served, as the build fitted it on its validation split (`batch/build/catalog-tuning.ts`)
 * and carried in the meta blob: which categories shoppers take one item of per order (a phone, a case: the cart's
 * own category is left out, and a slot takes no second item of it; yogurt and milk are not like that), whether the
 * cart's cross-sell slot keeps to one per category too (it costs hits where several fitting options compete), and
 * whether cart items weigh by their value (`anchor-weights.ts`). A build without a policy (or from before it) serves every
 * category as one per order, with value weights, and completes missing essentials (`essentials.ts`).
 */
import type { LoadedBuild } from "./loaded-build";

export interface CrossSellPolicy {
  /** Cart items weigh by their price against the cart's (else all weigh 1). */
  valueWeighting: boolean;
  /** The cart's cross-sell slot takes no second item of a one-per-order category (other slots always do). */
  cartDistinct: boolean;
  /** Per category index: 1 when shoppers take one item of it per order. */
  exclusive: Uint8Array;
}

/** Is category `c` one per order (never for items without a category)? */
export function isExclusiveCategory(build: LoadedBuild, c: number): boolean {
  if (c < 0) return false;
  const policy = build.meta.crossSellPolicy;
  return policy === undefined || policy.exclusive[c] === 1;
}

/** The `distinct` a slot fills with: a cart cross-sell slot's "category" only where the policy keeps it. */
export function slotDistinct<T extends string>(build: LoadedBuild, distinct: T, cartCrossSell: boolean): T | "none" {
  const policy = build.meta.crossSellPolicy;
  return cartCrossSell && distinct === "category" && policy !== undefined && !policy.cartDistinct ? "none" : distinct;
}

/** Do cart items weigh by value? */
export function weighsByValue(build: LoadedBuild): boolean {
  return build.meta.crossSellPolicy?.valueWeighting ?? true;
}
