/**
 * @module
 * Spec classes: products whose specs are identical for every purpose of `spec-distance.ts` (the distance and the
 * shared-spec labels) share one class, so a distance is computed once per pair of classes instead of once per
 * pair of products. Accessory categories are mostly variants (colours, pack designs, the same line for many
 * phones), so a category of tens of thousands of products holds a few dozen classes.
 */
import type { Specs } from "./spec-distance";

/** Each specs object's key, once: a build groups the same items into classes for every ladder it builds. */
const keys = new WeakMap<Specs, string>();

/** Equal keys <=> equal distances to every other item and equal shared-spec labels. */
function specKey(specs: Specs): string {
  let key = keys.get(specs);
  if (key === undefined) {
    key = JSON.stringify([Array.from(specs.raw), specs.categorical, specs.cpu.text, specs.cpuName, specs.gpu?.text, specs.gpu?.short, specs.scenarios]);
    keys.set(specs, key);
  }
  return key;
}

export interface SpecClasses {
  /** Class of each member, aligned with the members given. */
  classOf: Uint32Array;
  /** One member's specs per class. */
  specs: Specs[];
}

/** Groups members (indices into `specsOf`) into classes, numbered in order of first appearance. */
export function specClasses(members: ArrayLike<number>, specsOf: (item: number) => Specs): SpecClasses {
  const index = new Map<string, number>();
  const classOf = new Uint32Array(members.length);
  const specs: Specs[] = [];
  for (let m = 0; m < members.length; m++) {
    const s = specsOf(members[m]);
    const key = specKey(s);
    let c = index.get(key);
    if (c === undefined) {
      index.set(key, (c = specs.length));
      specs.push(s);
    }
    classOf[m] = c;
  }
  return { classOf, specs };
}
