/**
 * @module
 * What every page shares: the category navigation (from `/v1/categories`), the search box and the cart count
 * in the header. Each page's module imports it first.
 */
import { getCategories } from "./api.js";
import { h, param, replaceChildren } from "./dom.js";
import { cartCount, onCartChange } from "./session.js";

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

const search = document.querySelector("[data-search] input[name=q]");
if (search && param("q")) search.value = param("q");

showCartCount();
onCartChange(showCartCount);
fillCategoryNav();
