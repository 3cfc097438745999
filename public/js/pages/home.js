/**
 * @module
 * Home: the personal mix (`placement: "home"` with the session's viewed items and cart) and the top-level
 * categories as tiles.
 */
import { getCategories } from "../api.js";
import { categoryArt } from "../category-icon.js";
import { categoryHref } from "../chrome.js";
import { h, replaceChildren } from "../dom.js";
import { renderPlacement } from "../slots.js";

async function fillTiles() {
  const tiles = document.querySelector("[data-category-tiles]");
  try {
    const categories = await getCategories();
    const leaves = (root) => categories.filter((c) => c.id.startsWith(`${root.id}/`) && !categories.some((d) => d.parent_id === c.id)).length;
    replaceChildren(
      tiles,
      categories
        .filter((c) => c.depth === 0)
        .map((root) => h("li", { class: "tile" }, h("a", { href: categoryHref(root.id) }, categoryArt(root.id), h("span", {}, root.name), h("small", {}, `${leaves(root)} departments`)))),
    );
  } catch {
    tiles.closest("section").hidden = true;
  }
}

fillTiles();
renderPlacement(document.querySelector('[data-placement="home"]'), { placement: "home" });
