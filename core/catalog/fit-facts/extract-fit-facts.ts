/**
 * @module
 * `fitFactsOf(product)`: the one call a catalogue build makes per product. Curated `attrs` in the documented
 * vocabulary win, fact type by fact type: where they state models, connectors, watts, ... nothing is read from
 * text for that type. Otherwise specification attributes and text add up (a GSMArena record's `battery_mah`
 * and a listing's "5000 mAh"). Role and kind come from a curated device or accessory `kind`, else from the title,
 * the category path and the title's device family.
 */
import { curatedFacts, curatedRole, kindName } from "./curated-facts";
import { emptyFacts, type FactType, type FitFacts, type FitProduct } from "./fit-facts";
import { productKind } from "./product-kind";
import { productText } from "./product-text";
import { specFacts } from "./spec-facts";
import { textFacts } from "./text-facts";

const LIST_TYPES = ["connectors", "models", "parts", "cards", "watts", "mah", "gb", "sizes", "mounts"] as const satisfies readonly FactType[];

export function fitFactsOf(product: FitProduct): FitFacts {
  const attrs = product.attrs ?? {};
  const text = productText(product);
  const curatedKind = typeof attrs.kind === "string" ? attrs.kind : undefined;
  const curatedSays = curatedKind === undefined ? undefined : curatedRole(curatedKind);
  // The title is read for a kind only where no curated kind gives the role.
  const { role, kind } = curatedKind !== undefined && curatedSays !== undefined ? { role: curatedSays, kind: kindName(curatedKind) } : productKind(text.title, text.category);
  const facts = emptyFacts(role, role === "other" ? undefined : kind);
  facts.source.role = curatedSays !== undefined ? "attrs" : "text";
  if (role === "other") return facts;

  const curated = emptyFacts(role, kind);
  curatedFacts(attrs, curated);
  const specs = emptyFacts(role, kind);
  specFacts(attrs, specs);
  const read = emptyFacts(role, kind);
  textFacts(text, read, product.brand);

  for (const type of LIST_TYPES) {
    const take = <T>(from: T[], to: T[]) => from.forEach((v) => (to.includes(v) ? undefined : to.push(v)));
    const target = facts[type] as unknown[];
    if ((curated[type] as unknown[]).length > 0) {
      take(curated[type] as unknown[], target);
      facts.source[type] = "attrs";
      continue;
    }
    take(specs[type] as unknown[], target);
    if (type === "sizes") take((read.sizes as unknown[]).filter((s) => !target.some((t) => JSON.stringify(t) === JSON.stringify(s))), target);
    else take(read[type] as unknown[], target);
    if (target.length > 0) facts.source[type] = (specs[type] as unknown[]).length > 0 ? "specs" : "text";
  }
  return facts;
}
