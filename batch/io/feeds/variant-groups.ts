/**
 * @module
 * Variants of one product (a GMC `item_group_id`, a Shopify handle) merged into the one product edgerec
 * recommends, so a rail never shows six colours of one case:
 *
 *   id = the group id; title = the variants' common leading words (at least two), else the first title;
 *   price = the lowest price among variants in stock (else among all), with that variant's list_price;
 *   stock = the sum when every variant's is known, 0 when all are out of stock, else unknown;
 *   lifecycle = "eol" only when every variant is; brand, category, link, image = the first variant's that has one;
 *   attrs = what all variants agree on, and for a key they differ on the list of their distinct values (the
 *   models a case fits, the connectors of a cable range), so fit facts of every variant stay;
 *   description = the first variant's, plus the variants' own titles as bullets when they differ (the text the fit
 *   readers scan); variants = each variant's id, SKU, title, price, stock and the attrs that set it apart.
 */
import type { CatalogLineDraft, FeedItem } from "./feed-item";

/** Items without a group pass unchanged; a group becomes one item at the line of its first variant. */
export function mergeVariantGroups(items: readonly FeedItem[]): FeedItem[] {
  const groups = new Map<string, FeedItem[]>();
  const out: Array<FeedItem | FeedItem[]> = [];
  for (const item of items) {
    if (item.group === undefined) {
      out.push(item);
      continue;
    }
    let group = groups.get(item.group);
    if (group === undefined) {
      group = [];
      groups.set(item.group, group);
      out.push(group);
    }
    group.push(item);
  }
  return out.map((entry) => (Array.isArray(entry) ? mergeGroup(entry) : entry));
}

function mergeGroup(variants: FeedItem[]): FeedItem {
  const group = variants[0].group!;
  const drafts = variants.map((v) => v.draft);
  const first = (pick: (d: CatalogLineDraft) => unknown) => drafts.map(pick).find((v) => v !== undefined);
  const { attrs, differing } = mergedAttrs(drafts);
  const merged: CatalogLineDraft = { id: group, attrs };
  const title = commonTitle(drafts.map((d) => d.title ?? "").filter((t) => t.length > 0));
  if (title !== undefined) merged.title = title;
  for (const key of ["brand", "category", "currency", "link", "image_link"] as const) {
    const value = first((d) => d[key]);
    if (value !== undefined) Object.assign(merged, { [key]: value });
  }
  const inStock = drafts.filter((d) => d.stock !== 0 && d.lifecycle !== "eol");
  const priced = (inStock.length > 0 ? inStock : drafts).filter((d) => d.price !== undefined);
  if (priced.length > 0) {
    const cheapest = priced.reduce((a, b) => (b.price! < a.price! ? b : a));
    merged.price = cheapest.price;
    if (cheapest.attrs.list_price !== undefined) attrs.list_price = cheapest.attrs.list_price;
    else delete attrs.list_price;
  }
  if (drafts.every((d) => d.stock !== undefined)) merged.stock = drafts.reduce((sum, d) => sum + d.stock!, 0);
  if (drafts.every((d) => d.lifecycle === "eol")) merged.lifecycle = "eol";
  else {
    const lifecycle = first((d) => (d.lifecycle === "eol" ? undefined : d.lifecycle));
    if (lifecycle !== undefined) merged.lifecycle = lifecycle as CatalogLineDraft["lifecycle"];
  }
  const titles = [...new Set(drafts.map((d) => d.title).filter((t): t is string => t !== undefined && t !== merged.title))];
  const description = first((d) => d.attrs.description) as string | undefined;
  if (titles.length > 0) attrs.description = [description, ...titles].filter((t) => t !== undefined).join("|");
  else if (description !== undefined) attrs.description = description;
  merged.variants = variants.map((v) => {
    const own: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(v.draft.attrs)) if (differing.has(key)) own[key] = value;
    return {
      id: v.draft.id!,
      ...(v.sku !== undefined && v.sku !== v.draft.id ? { sku: v.sku } : {}),
      ...(v.draft.title !== undefined ? { title: v.draft.title } : {}),
      ...(v.draft.price !== undefined ? { price: v.draft.price } : {}),
      ...(v.draft.stock !== undefined ? { stock: v.draft.stock } : {}),
      ...(Object.keys(own).length > 0 ? { attrs: own } : {}),
    };
  });
  return { line: variants[0].line, group, draft: merged };
}

/** Keys every variant agrees on keep their value; keys they differ on become the list of distinct values. */
function mergedAttrs(drafts: readonly CatalogLineDraft[]): { attrs: Record<string, unknown>; differing: Set<string> } {
  const keys = new Set(drafts.flatMap((d) => Object.keys(d.attrs)));
  const attrs: Record<string, unknown> = {};
  const differing = new Set<string>();
  for (const key of keys) {
    if (key === "description" || key === "list_price") continue;
    const values = drafts.map((d) => d.attrs[key]).filter((v) => v !== undefined);
    if (key !== "product_details" && (values.length < drafts.length || values.some((v) => JSON.stringify(v) !== JSON.stringify(values[0])))) differing.add(key);
    const distinct = new Map<string, unknown>();
    for (const value of values.flatMap((v) => (Array.isArray(v) && key !== "product_details" ? v : [v]))) distinct.set(JSON.stringify(value), value);
    if (key === "product_details" || distinct.size === 1) attrs[key] = values[0];
    else attrs[key] = [...distinct.values()];
  }
  return { attrs, differing };
}

/** The leading words all titles share, when that is at least two words; else the first title. */
function commonTitle(titles: readonly string[]): string | undefined {
  if (titles.length === 0) return undefined;
  const words = titles.map((t) => t.split(/\s+/));
  let n = 0;
  while (words.every((w) => n < w.length && w[n] === words[0][n])) n++;
  if (n === words[0].length && titles.every((t) => t === titles[0])) return titles[0];
  const prefix = words[0].slice(0, n).join(" ").replace(/[\s,\-–—(/|:]+$/, "");
  return n >= 2 && prefix.split(/\s+/).length >= 2 ? prefix : titles[0];
}
