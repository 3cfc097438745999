/**
 * @module
 * A product as a card (listing grids and recommendation rails), and the stock/lifecycle badges shown on cards
 * and on the product page.
 */
import { imageOf, productArt } from "./category-icon.js";
import { h } from "./dom.js";
import { money } from "./format.js";

export const LOW_STOCK = 5;

export function isOutOfStock(product) {
  return product.stock === 0 || product.lifecycle === "eol";
}

/** Badges for a product: new, clearance, out of stock, low stock. */
export function badges(product) {
  const list = [];
  if (product.lifecycle === "new") list.push(h("span", { class: "badge badge-new" }, "New"));
  if (product.lifecycle === "clearance") list.push(h("span", { class: "badge badge-clearance" }, "Clearance"));
  if (isOutOfStock(product)) list.push(h("span", { class: "badge badge-out" }, "Out of stock"));
  else if (typeof product.stock === "number" && product.stock <= LOW_STOCK) list.push(h("span", { class: "badge badge-low" }, `Only ${product.stock} left`));
  return list.length > 0 ? h("p", { class: "badges" }, list) : null;
}

export function productHref(id, from) {
  const query = new URLSearchParams({ id });
  if (from?.rec_id) query.set("rec", from.rec_id);
  if (from?.slot) query.set("slot", from.slot);
  return `/product?${query}`;
}

/**
 * @param {object} product a catalogue product
 * @param {{ reason?: string, note?: Node | null, from?: { rec_id?: string, slot?: string }, onAdd?: (button: HTMLButtonElement) => void, onOpen?: () => void, tag?: string }} [options]
 */
export function productCard(product, options = {}) {
  const add = options.onAdd
    ? h("button", { type: "button", class: "btn btn-small", disabled: isOutOfStock(product), "aria-label": `Add ${product.title} to cart` }, isOutOfStock(product) ? "Sold out" : "Add to cart")
    : null;
  if (add !== null) add.addEventListener("click", () => options.onAdd(add));
  const link = h(
    "a",
    { class: "card-link", href: productHref(product.id, options.from) },
    productArt({ kind: product.attrs?.kind, categoryId: product.category_id, image: imageOf(product) }),
    h("span", { class: "card-title" }, product.title),
  );
  if (options.onOpen) link.addEventListener("click", options.onOpen);
  return h(
    options.tag ?? "li",
    { class: "card", dataset: { productId: product.id } },
    link,
    product.brand ? h("p", { class: "card-brand" }, product.brand) : null,
    h("p", { class: "card-price" }, h("span", { class: "price" }, money(product.price, product.currency)), options.note ?? null),
    badges(product),
    options.reason ? h("p", { class: "reason" }, options.reason) : null,
    add,
  );
}
