/**
 * @module
 * Short display names of device models for reason texts ("charges your iPhone 17 Pro Max"): the longest run of
 * title words whose slug is a prefix of the product's `device_model` slug, without the brand in front. A product
 * whose title does not spell its model keeps its title.
 */
import { attrString, type CatalogItem } from "../../core/catalog/attributes";

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");

export function modelName(item: CatalogItem & { title: string }): string {
  const model = attrString(item.attrs, "device_model");
  if (model === undefined) return item.title;
  const words = item.title.split(/\s+/);
  let taken = 0;
  let prefix = "";
  for (let w = 0; w < words.length; w++) {
    const next = slug(prefix.length === 0 ? words[w] : `${prefix} ${words[w]}`);
    if (next.length === 0 || !(model === next || model.startsWith(`${next}-`))) break;
    prefix = words.slice(0, w + 1).join(" ");
    taken = w + 1;
  }
  if (taken === 0) return item.title;
  let name = words.slice(0, taken).join(" ").replace(/[,;:]+$/, "");
  const brand = item.brand;
  const rest = brand === undefined ? "" : name.slice(brand.length + 1);
  if (brand !== undefined && name.toLowerCase().startsWith(`${brand.toLowerCase()} `) && /[a-z]/i.test(rest)) name = rest;
  return name;
}
