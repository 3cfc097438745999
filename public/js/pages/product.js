/**
 * @module
 * Product page: title, brand, price, key specs, stock and lifecycle badges, add to cart, and the `product`
 * placement's slots (accessories, value pick, similar items...). Measures how long the page is visible and
 * keeps it as the item's dwell in the session, sent as `viewed` on later requests.
 */
import { getCategories, getProduct } from "../api.js";
import { imageOf, productArt } from "../category-icon.js";
import { categoryHref } from "../chrome.js";
import { h, param, replaceChildren } from "../dom.js";
import { measureDwell } from "../dwell.js";
import { flush, track } from "../events.js";
import { money } from "../format.js";
import { badges, isOutOfStock, LOW_STOCK } from "../product-card.js";
import { addToCart, cartLines, recordView } from "../session.js";
import { renderPlacement } from "../slots.js";
import { specifications } from "../specs.js";
import { toast } from "../toast.js";

const HIGHLIGHTS = 5;
const id = param("id");
const from = { rec_id: param("rec") ?? undefined, slot: param("slot") ?? undefined };
const article = document.querySelector("[data-product]");
const placement = document.querySelector('[data-placement="product"]');

function stockLine(product) {
  if (isOutOfStock(product)) return h("p", { class: "stock stock-out" }, product.lifecycle === "eol" ? "No longer sold" : "Out of stock");
  if (typeof product.stock === "number" && product.stock <= LOW_STOCK) return h("p", { class: "stock stock-low" }, `Only ${product.stock} left in stock`);
  return h("p", { class: "stock" }, "In stock — ships within one working day");
}

function buyBox(product) {
  const inCart = () => cartLines().find((l) => l.id === product.id)?.qty ?? 0;
  const status = h("span", { class: "in-cart", "aria-live": "polite" });
  const showStatus = () => {
    const qty = inCart();
    replaceChildren(status, qty > 0 ? [`${qty} in your cart · `, h("a", { href: "/cart" }, "View cart")] : []);
  };
  const button = h("button", { type: "button", class: "btn btn-large", disabled: isOutOfStock(product), "data-add-to-cart": true }, isOutOfStock(product) ? "Out of stock" : "Add to cart");
  button.addEventListener("click", () => {
    addToCart(product, from);
    track({ type: "add_to_cart", item_id: product.id, ...from });
    toast(`Added “${product.title}” to your cart`);
    showStatus();
  });
  showStatus();
  return h("div", { class: "buy" }, button, status);
}

function specsBlock(product) {
  const rows = specifications(product.attrs ?? {});
  if (rows.length === 0) return null;
  return [
    h("ul", { class: "highlights", "aria-label": "Key specs" }, rows.slice(0, HIGHLIGHTS).map((r) => h("li", {}, h("span", {}, `${r.label}: `, h("strong", {}, r.value))))),
    h("details", { class: "specs" }, h("summary", {}, "All specifications"), h("dl", {}, rows.map((r) => [h("dt", {}, r.label), h("dd", {}, r.value)]))),
  ];
}

async function showCrumbs(product) {
  try {
    const categories = await getCategories();
    const trail = categories.filter((c) => product.category_id === c.id || product.category_id?.startsWith(`${c.id}/`)).sort((a, b) => a.depth - b.depth);
    replaceChildren(document.querySelector("[data-crumbs]"), h("ol", {}, h("li", {}, h("a", { href: "/" }, "Home")), trail.map((c) => h("li", {}, h("a", { href: categoryHref(c.id) }, c.name)))));
  } catch {}
}

function notFound(message) {
  document.title = "Product not found — Volt & Pixel";
  article.removeAttribute("aria-busy");
  replaceChildren(article, h("div", { class: "empty", "data-not-found": true }, h("h1", {}, message), h("p", {}, h("a", { href: "/" }, "Back to the shop"))));
  placement.hidden = true;
  placement.removeAttribute("aria-busy");
}

function show(product) {
  document.title = `${product.title} — Volt & Pixel`;
  replaceChildren(
    article,
    productArt({ kind: product.attrs?.kind, categoryId: product.category_id, size: "l", image: imageOf(product) }),
    h(
      "div",
      { class: "product-info" },
      product.brand ? h("p", { class: "brand" }, product.brand) : null,
      h("h1", {}, product.title),
      badges(product),
      h("p", { class: "product-price" }, money(product.price, product.currency)),
      stockLine(product),
      buyBox(product),
      specsBlock(product),
    ),
  );
  article.removeAttribute("aria-busy");
  article.dataset.productId = product.id;
}

function measure(product) {
  recordView(product.id);
  let dwellMs = 0;
  const dwell = measureDwell((ms) => {
    dwellMs += ms;
    recordView(product.id, ms);
  });
  window.addEventListener("pagehide", () => {
    dwell.flush();
    track({ type: "view", item_id: product.id, dwell_ms: Math.round(dwellMs) });
    flush(true);
  });
}

if (id === null || id === "") {
  notFound("Which product? This link has no product id.");
} else {
  let product = null;
  try {
    product = await getProduct(id);
  } catch {}
  if (product === null) {
    notFound("We could not find that product.");
  } else {
    show(product);
    showCrumbs(product);
    renderPlacement(placement, { placement: "product", product_id: product.id }, { anchor: product });
    measure(product);
  }
}
