/**
 * @module
 * Cart and checkout: the lines with quantities and totals, the `checkout` placement's slots ("complete your
 * purchase", bundles) with add buttons, and a pretend "place order" that reports the purchase with each line's
 * recommendation attribution.
 */
import { productsById } from "../api.js";
import "../chrome.js";
import { productArt } from "../category-icon.js";
import { h, replaceChildren } from "../dom.js";
import { flush, track } from "../events.js";
import { money } from "../format.js";
import { productHref } from "../product-card.js";
import { cartLines, clearCart, onCartChange, randomId, setQuantity } from "../session.js";
import { renderPlacement } from "../slots.js";

const FREE_SHIPPING_FROM = 50;
const SHIPPING = 4.99;
const host = document.querySelector("[data-cart]");
const placement = document.querySelector('[data-placement="checkout"]');

/** Fresh titles and prices from the catalogue; a line whose product is gone keeps what it stored. */
let catalogue = new Map();
let ordered = false;

function current(line) {
  const product = catalogue.get(line.id);
  return { ...line, title: product?.title ?? line.title ?? line.id, price: product?.price ?? line.price, currency: product?.currency ?? line.currency ?? "EUR", category_id: product?.category_id ?? line.category_id, kind: product?.attrs?.kind ?? line.kind };
}

function totals(lines) {
  const subtotal = lines.reduce((sum, l) => sum + (l.price ?? 0) * l.qty, 0);
  const shipping = subtotal >= FREE_SHIPPING_FROM || subtotal === 0 ? 0 : SHIPPING;
  return { subtotal, shipping, total: Math.round((subtotal + shipping) * 100) / 100 };
}

function lineItem(line) {
  const change = (qty) => {
    if (qty < line.qty) track({ type: "remove_from_cart", item_id: line.id, qty: line.qty - qty });
    setQuantity(line.id, qty);
  };
  return h(
    "li",
    { class: "line", dataset: { productId: line.id } },
    productArt({ kind: line.kind, categoryId: line.category_id, size: "s" }),
    h("div", {}, h("a", { class: "line-title", href: productHref(line.id) }, line.title), h("p", { class: "line-meta" }, `${money(line.price, line.currency)} each`)),
    h(
      "div",
      { class: "line-side" },
      h(
        "div",
        { class: "qty", role: "group", "aria-label": `Quantity of ${line.title}` },
        h("button", { type: "button", "aria-label": "One less", onclick: () => change(line.qty - 1) }, "−"),
        h("output", { "aria-live": "polite" }, String(line.qty)),
        h("button", { type: "button", "aria-label": "One more", onclick: () => change(line.qty + 1) }, "+"),
      ),
      h("span", { class: "line-total" }, money((line.price ?? 0) * line.qty, line.currency)),
      h("button", { type: "button", class: "btn btn-quiet btn-small", onclick: () => change(0) }, "Remove"),
    ),
  );
}

function showCart() {
  const lines = cartLines().map(current);
  if (lines.length === 0) {
    replaceChildren(host, h("div", { class: "empty" }, h("p", {}, "Your cart is empty."), h("p", {}, h("a", { href: "/" }, "Find something you like"))));
    return;
  }
  const { subtotal, shipping, total } = totals(lines);
  const currency = lines[0].currency;
  const place = h("button", { type: "button", class: "btn btn-large", "data-place-order": true }, "Place order");
  place.addEventListener("click", () => placeOrder(lines, subtotal, total));
  replaceChildren(
    host,
    h(
      "div",
      { class: "cart" },
      h("ul", { class: "lines", "aria-label": "Cart lines" }, lines.map(lineItem)),
      h(
        "aside",
        { class: "summary", "aria-label": "Order summary" },
        h("h2", {}, "Order summary"),
        h("dl", {}, h("dt", {}, "Subtotal"), h("dd", {}, money(subtotal, currency)), h("dt", {}, "Shipping"), h("dd", {}, shipping === 0 ? "Free" : money(shipping, currency)), h("dt", { class: "total" }, "Total"), h("dd", { class: "total", "data-total": true }, money(total, currency))),
        shipping > 0 ? h("p", { class: "hint" }, `Free shipping from ${money(FREE_SHIPPING_FROM, currency)}.`) : null,
        place,
        h("p", { class: "hint" }, "Demo store: no payment is taken and nothing ships."),
      ),
    ),
  );
}

/** Reports the purchase; its order value is the goods (the subtotal), shipping aside. */
function placeOrder(lines, subtotal, total) {
  const orderId = `ord-${randomId().slice(0, 8).toUpperCase()}`;
  track({
    type: "purchase",
    order_id: orderId,
    order_value: subtotal,
    lines: lines.map((l) => ({ id: l.id, qty: l.qty, price: l.price, rec_id: l.rec_id, slot: l.slot })).map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined))),
  });
  flush(true);
  ordered = true;
  clearTimeout(refresh);
  clearCart();
  placement.hidden = true;
  document.querySelector("[data-cart-title]").hidden = true;
  const count = lines.reduce((sum, l) => sum + l.qty, 0);
  replaceChildren(
    host,
    h(
      "section",
      { class: "confirmation", "aria-labelledby": "thanks", "data-order-id": orderId },
      h("h1", { id: "thanks", tabindex: "-1" }, "Thank you — order placed"),
      h("p", {}, `Order ${orderId}: ${count} item${count === 1 ? "" : "s"}, ${money(total, lines[0].currency)}.`),
      h("p", {}, h("a", { href: "/" }, "Continue shopping")),
    ),
  );
  document.getElementById("thanks").focus();
}

let refresh = null;
function showSuggestions() {
  clearTimeout(refresh);
  refresh = setTimeout(() => renderPlacement(placement, cartLines().length > 0 ? { placement: "checkout" } : { placement: "home" }), 250);
}

async function loadCatalogue() {
  const ids = cartLines().map((l) => l.id);
  if (ids.length === 0) return;
  try {
    catalogue = await productsById(ids);
  } catch {}
}

onCartChange(async () => {
  if (ordered) return;
  if (cartLines().some((l) => !catalogue.has(l.id))) await loadCatalogue();
  showCart();
  showSuggestions();
});

showCart();
renderPlacement(placement, cartLines().length > 0 ? { placement: "checkout" } : { placement: "home" });
await loadCatalogue();
showCart();
