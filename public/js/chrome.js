/**
 * @module
 * What every page shares: the header (logo, search box, cart count, the category navigation from
 * `/v1/categories`) and the footer, drawn into each page's empty `<header class="site-header">` and
 * `<footer class="site-footer">`. Each page's module imports it first.
 */
import { getCategories } from "./api.js";
import { fromMarkup, h, param, replaceChildren } from "./dom.js";
import { cartCount, onCartChange } from "./session.js";

const SHOP = "Volt & Pixel";
const LOGO_ICON = '<svg viewBox="0 0 24 24" fill="#fff"><path d="M13 2.5L5 13.5h6l-1 8 8-11h-6z"/></svg>';
const CART_ICON =
  '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M3 4h2.2l2.2 11.2a1.5 1.5 0 0 0 1.5 1.2h8.6a1.5 1.5 0 0 0 1.5-1.1L21 8H6.1"/><circle cx="9.5" cy="20" r="1.2"/><circle cx="17" cy="20" r="1.2"/></svg>';

function drawHeader(header) {
  replaceChildren(
    header,
    h(
      "div",
      { class: "bar" },
      h("a", { class: "logo", href: "/" }, h("span", { class: "logo-mark", "aria-hidden": "true" }, fromMarkup(LOGO_ICON)), SHOP),
      h(
        "form",
        { class: "search", "data-search": true, action: "/category", method: "get", role: "search" },
        h("label", { class: "visually-hidden", for: "q" }, "Search products"),
        h("input", { id: "q", name: "q", type: "search", placeholder: "Search phones, laptops, cables…", autocomplete: "off", maxlength: 100, required: true }),
        h("button", { class: "btn", type: "submit" }, "Search"),
      ),
      h("a", { class: "cart-link", href: "/cart", "aria-label": "Cart" }, fromMarkup(CART_ICON), h("span", {}, "Cart"), h("span", { class: "count", "data-cart-count": true, hidden: true }, "0")),
    ),
    h("nav", { "aria-label": "Categories" }, h("ul", { class: "cat-nav", "data-category-nav": true })),
  );
}

function drawFooter(footer) {
  replaceChildren(
    footer,
    h(
      "div",
      { class: "inner" },
      h("p", {}, `${SHOP} is the edgerec demo store: every suggestion is answered live by the edge, with the reason it was picked.`),
      h("p", {}, h("a", { href: "/dashboard.html" }, "Metrics dashboard"), " · ", h("a", { href: "/openapi.json" }, "API")),
    ),
  );
}

export function categoryHref(id) {
  return `/category?c=${encodeURIComponent(id)}`;
}

function showCartCount() {
  const badge = document.querySelector("[data-cart-count]");
  if (badge === null) return;
  const count = cartCount();
  badge.textContent = String(count);
  badge.hidden = count === 0;
  badge.closest("a")?.setAttribute("aria-label", count === 0 ? "Cart, empty" : `Cart, ${count} item${count === 1 ? "" : "s"}`);
}

async function fillCategoryNav() {
  const nav = document.querySelector("[data-category-nav]");
  if (nav === null) return;
  try {
    const roots = (await getCategories()).filter((c) => c.depth === 0);
    const current = param("c")?.split("/")[0];
    replaceChildren(
      nav,
      roots.map((c) => h("li", {}, h("a", { href: categoryHref(c.id), "aria-current": c.id === current ? "page" : undefined }, c.name))),
    );
  } catch {
    nav.replaceChildren();
  }
}

const header = document.querySelector("header.site-header");
if (header !== null) drawHeader(header);
const footer = document.querySelector("footer.site-footer");
if (footer !== null) drawFooter(footer);

const search = document.querySelector("[data-search] input[name=q]");
if (search && param("q")) search.value = param("q");

showCartCount();
onCartChange(showCartCount);
fillCategoryNav();
