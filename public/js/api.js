/**
 * @module
 * The storefront's calls to the edge: the catalogue (`/v1/products`, `/v1/categories`) and
 * `POST /v1/recommendations`. Recommendations never throw: no answer means no slots.
 */
import { cartLines, sessionId, viewedItems } from "./session.js";

export class ApiError extends Error {
  constructor(status, url) {
    super(`${url} answered ${status}`);
    this.status = status;
  }
}

async function getJson(url) {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) throw new ApiError(response.status, url);
  return response.json();
}

/** One product, or null when the catalogue has no such id. */
export async function getProduct(id) {
  try {
    return await getJson(`/v1/products/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** @param {{ category?: string, brand?: string, q?: string, ids?: string, limit?: number, offset?: number }} filter */
export async function listProducts(filter) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value !== undefined && value !== null && value !== "") query.set(name, String(value));
  return (await getJson(`/v1/products?${query}`)).products;
}

/**
 * A search: the products in the edge's order and how it read the query (terms, models, the categories it names,
 * price bounds and order, and whether every word matched: `match` "all" or "some").
 * @param {{ category?: string, q: string, limit?: number, offset?: number }} filter
 * @returns {Promise<{ products: object[], search?: { terms: string[], models: string[], categories: string[], price: { min?: number, max?: number, order?: "asc"|"desc" }, match: "all"|"some" } }>}
 */
export async function searchProducts(filter) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value !== undefined && value !== null && value !== "") query.set(name, String(value));
  return getJson(`/v1/products?${query}`);
}

const ID_BATCH = 150;

/** Products by id, as a Map; ids the catalogue does not know are simply absent. */
export async function productsById(ids) {
  const unique = [...new Set(ids)];
  const batches = [];
  for (let i = 0; i < unique.length; i += ID_BATCH) batches.push(unique.slice(i, i + ID_BATCH));
  const found = await Promise.all(batches.map((batch) => listProducts({ ids: batch.join(","), limit: batch.length })));
  return new Map(found.flat().map((p) => [p.id, p]));
}

let categoriesPromise;

/** The category tree, fetched once per page. */
export function getCategories() {
  categoriesPromise ??= getJson("/v1/categories").then((body) => body.categories);
  return categoriesPromise;
}

/**
 * Asks the edge for a placement's slots, adding what the session knows (session id, viewed items with dwell,
 * cart). Resolves to null if the edge cannot answer.
 * @param {{ placement: string, product_id?: string, category?: string, query?: string, k?: number, price_sort?: "asc"|"desc" }} request
 */
export async function recommend(request) {
  const cart = cartLines().map((l) => l.id);
  const viewed = viewedItems();
  /** @type {Record<string, unknown>} */
  const body = { session_id: sessionId(), k: 8, ...request };
  if (cart.length > 0) body.cart = cart.slice(0, 100);
  if (viewed.length > 0) body.viewed = viewed;
  try {
    const response = await fetch("/v1/recommendations", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (!response.ok) return null;
    const answer = await response.json();
    return Array.isArray(answer?.slots) ? answer : null;
  } catch {
    return null;
  }
}
