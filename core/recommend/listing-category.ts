/**
 * @module
 * The category a listing is about: the request's `category` (a full path, the leaf name or the catalogue's slug
 * id, case-insensitive), else the category the search `query` names best (query words found in a category's leaf
 * name), else the most common category among items whose titles hold every query word.
 */
import { buildIndex } from "./build-index";
import type { LoadedBuild } from "./loaded-build";
import type { RecommendationRequest } from "../request-schema";

const TITLE_MATCHES = 200;

export function listingCategory(build: LoadedBuild, request: RecommendationRequest): number | undefined {
  if (request.category !== undefined && request.category.trim().length > 0) return namedCategory(build, request.category.trim());
  if (request.query !== undefined) return queriedCategory(build, request.query);
  return undefined;
}

function namedCategory(build: LoadedBuild, name: string): number | undefined {
  const wanted = name.toLowerCase();
  const { categories } = build.meta;
  const { categoryLeaf, categorySlug } = buildIndex(build);
  for (let c = 0; c < categories.length; c++) {
    const path = categories[c].toLowerCase();
    if (path === wanted || path.endsWith(` > ${wanted}`) || categorySlug[c] === wanted || categoryLeaf[c] === wanted) return c;
  }
  return undefined;
}

function queriedCategory(build: LoadedBuild, query: string): number | undefined {
  const words = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2).map(stem);
  if (words.length === 0) return undefined;
  const { categoryLeaf, searchTitles } = buildIndex(build);
  let best: number | undefined;
  let bestHits = 0;
  for (let c = 0; c < categoryLeaf.length; c++) {
    let hits = 0;
    for (const word of words) if (categoryLeaf[c].includes(word)) hits++;
    if (hits > bestHits) {
      best = c;
      bestHits = hits;
    }
  }
  if (best !== undefined) return best;

  const titles = searchTitles();
  const votes = new Map<number, number>();
  let matches = 0;
  for (let i = 0; i < titles.length && matches < TITLE_MATCHES; i++) {
    if (!words.every((w) => titles[i].includes(w))) continue;
    matches++;
    const c = build.meta.itemCategory[i];
    if (c >= 0) votes.set(c, (votes.get(c) ?? 0) + 1);
  }
  let top: number | undefined;
  for (const [c, count] of votes) if (top === undefined || count > votes.get(top)! || (count === votes.get(top)! && c < top)) top = c;
  return top;
}

/** "monitors" -> "monitor": enough stemming to match a query word against a plural category name. */
function stem(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

/** A listing's anchors: the category's best sellers. */
export function listingAnchorItems(build: LoadedBuild, category: number, count: number): number[] {
  const list = build.meta.popularByCategory.get(category);
  if (list === undefined) return [];
  return Array.from(list.items.subarray(0, count));
}
