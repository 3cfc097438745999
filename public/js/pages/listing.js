/**
 * @module
 * Listing: a category (`?c=<category id>`) or a search (`?q=`), with the listing placement's slots
 * (`placement: "listing"` with the category's path and the query). Search results come in the edge's order, which
 * reads the query as the slots do (price words, models, the categories it names); the page says how it read it.
 * Sorting by price is also a signal to the edge.
 */
import { getCategories, listProducts, searchProducts } from "../api.js";
import { money } from "../format.js";
import { categoryHref } from "../chrome.js";
import { h, param, replaceChildren } from "../dom.js";
import { track } from "../events.js";
import { productCard } from "../product-card.js";
import { addToCart } from "../session.js";
import { renderPlacement } from "../slots.js";
import { toast } from "../toast.js";

const PAGE = 24;
const categoryId = param("c") ?? undefined;
const query = param("q")?.trim() || undefined;

const title = document.querySelector("[data-listing-title]");
const count = document.querySelector("[data-listing-count]");
const results = document.querySelector("[data-results]");
const more = document.querySelector("[data-more]");
const sort = document.querySelector("[data-sort]");
const placement = document.querySelector('[data-placement="listing"]');
const reading = document.querySelector("[data-search-reading]");

let products = [];
let exhausted = false;
let category;
let categories = [];
/** How the edge read the query (`search` of `GET /v1/products`), once the first page came. */
let search;

function sorted(list) {
  if (sort.value === "asc") return [...list].sort((a, b) => (a.price ?? Infinity) - (b.price ?? Infinity));
  if (sort.value === "desc") return [...list].sort((a, b) => (b.price ?? -Infinity) - (a.price ?? -Infinity));
  return list;
}

function showResults() {
  if (products.length === 0) {
    replaceChildren(results, h("li", { class: "empty", "data-no-results": true }, query ? `Nothing matches “${query}”. Try a shorter word or browse the categories above.` : "No products here yet."));
  } else {
    replaceChildren(results, sorted(products).map((p) => productCard(p, { onAdd: () => add(p) })));
  }
  count.textContent = products.length === 0 ? "" : `${products.length}${exhausted ? "" : "+"} product${products.length === 1 ? "" : "s"}`;
  more.hidden = exhausted;
}

function add(product) {
  addToCart(product);
  track({ type: "add_to_cart", item_id: product.id });
  toast(`Added “${product.title}” to your cart`);
}

async function loadMore() {
  more.disabled = true;
  try {
    let page;
    if (query) {
      const answer = await searchProducts({ category: categoryId, q: query, limit: PAGE, offset: products.length });
      page = answer.products;
      if (search === undefined) showReading((search = answer.search), page[0]?.currency ?? "EUR");
    } else page = await listProducts({ category: categoryId, limit: PAGE, offset: products.length });
    products = products.concat(page);
    exhausted = page.length < PAGE;
  } catch {
    exhausted = true;
  }
  more.disabled = false;
  showResults();
}

/** What the edge understood: the categories the query names, its price bounds and order, a partial match. */
function showReading(read, currency) {
  if (!reading || !read) return;
  const parts = [];
  const named = read.categories.map((id) => categories.find((c) => c.id === id)?.name).filter(Boolean);
  if (named.length > 0) parts.push(`In ${[...new Set(named)].join(", ")}`);
  if (read.price.min !== undefined && read.price.max !== undefined) parts.push(`${money(read.price.min, currency)} to ${money(read.price.max, currency)}`);
  else if (read.price.max !== undefined) parts.push(`Up to ${money(read.price.max, currency)}`);
  else if (read.price.min !== undefined) parts.push(`From ${money(read.price.min, currency)}`);
  if (read.price.order === "asc") parts.push("cheapest first");
  if (read.price.order === "desc") parts.push("dearest first");
  const note = read.match === "some" ? `No product matches every word of “${query}”: these match some of them.` : "";
  replaceChildren(reading, [parts.join(" · "), note ? h("span", { class: "partial" }, note) : null]);
  reading.hidden = parts.length === 0 && !note;
}

function showSuggestions() {
  const request = { placement: "listing" };
  if (category) request.category = category.path;
  if (query) request.query = query;
  if (sort.value) request.price_sort = sort.value;
  renderPlacement(placement, request);
}

async function showHeading(categories) {
  category = categoryId ? categories.find((c) => c.id === categoryId) : undefined;
  if (categoryId && !category) {
    title.textContent = "Category not found";
    document.title = "Category not found — Volt & Pixel";
    return;
  }
  const heading = query ? (category ? `“${query}” in ${category.name}` : `Results for “${query}”`) : (category?.name ?? "All products");
  title.textContent = heading;
  document.title = `${heading} — Volt & Pixel`;
  const trail = category ? category.path.split(" > ").map((_, depth) => categories.find((c) => c.path === category.path.split(" > ").slice(0, depth + 1).join(" > "))).filter(Boolean) : [];
  replaceChildren(
    document.querySelector("[data-crumbs]"),
    h("ol", {}, h("li", {}, h("a", { href: "/" }, "Home")), trail.map((c, i) => h("li", {}, i === trail.length - 1 && !query ? h("span", { "aria-current": "page" }, c.name) : h("a", { href: categoryHref(c.id) }, c.name)))),
  );
  const children = category ? categories.filter((c) => c.parent_id === category.id) : [];
  replaceChildren(document.querySelector("[data-subcategories]"), children.map((c) => h("li", {}, h("a", { href: categoryHref(c.id) }, c.name))));
}

more.addEventListener("click", loadMore);
sort.addEventListener("change", () => {
  showResults();
  showSuggestions();
});

if (query) track({ type: "search", query });
try {
  categories = await getCategories();
} catch {}
await showHeading(categories);
if (!categoryId || category) {
  showSuggestions();
  await loadMore();
} else {
  placement.hidden = true;
  replaceChildren(results, h("li", { class: "empty" }, "We could not find that category. ", h("a", { href: "/" }, "Back to the shop")));
  count.textContent = "";
}
