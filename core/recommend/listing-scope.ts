/**
 * @module
 * What a listing is about: the categories it covers and the search query it honours, read the way product
 * search reads them (`core/search`), so the listing's slots agree with the results under them.
 *
 *   categories  the request's `category` (a full path, a slug id or a name, at any depth of the tree: a parent
 *               covers every category under it), else the categories the query names (`matchCategories`), else
 *               the categories of the devices a query's model names; none named or found: the whole shop. A
 *               `category` the build does not know covers nothing.
 *   query       `parseQuery(query)`, with the request's `price_max` as a further bound.
 */
import { CategoryNode, matchCategories, underPath } from "../search/category-match";
import { isEmptyQuery, parseQuery, type SearchQuery } from "../search/search-query";
import type { RecommendationRequest } from "../request-schema";
import { slugOfPath } from "./build-index";
import { itemReading } from "./item-reading";
import type { LoadedBuild } from "./loaded-build";

export interface ListingScope {
  /** Categories (build indexes) the listing covers; undefined: the whole shop. */
  categories?: ReadonlySet<number>;
  /** What a slot title's `{category}` says: the category's name, else the query in quotes. */
  name?: string;
  /** The listing is a parent category: it spans categories of devices and of their accessories. */
  parent?: boolean;
  query?: SearchQuery;
}

interface CategoryTree {
  nodes: CategoryNode[];
  /** Build category indexes at or under each node path. */
  under: Map<string, number[]>;
}

const trees = new WeakMap<LoadedBuild, CategoryTree>();
const scopes = new WeakMap<RecommendationRequest, { build: LoadedBuild; scope: ListingScope }>();

export function listingScope(build: LoadedBuild, request: RecommendationRequest): ListingScope {
  const cached = scopes.get(request);
  if (cached !== undefined && cached.build === build) return cached.scope;
  const scope = readScope(build, request);
  scopes.set(request, { build, scope });
  return scope;
}

function readScope(build: LoadedBuild, request: RecommendationRequest): ListingScope {
  const scope: ListingScope = {};
  const text = request.query?.trim() ?? "";
  if (text.length > 0 || request.price_max !== undefined) {
    const query = parseQuery(text);
    if (request.price_max !== undefined) query.price.max = Math.min(query.price.max ?? Number.POSITIVE_INFINITY, request.price_max);
    if (!isEmptyQuery(query)) scope.query = query;
  }
  const tree = categoryTree(build);
  const named = request.category?.trim() ?? "";
  if (named.length > 0) {
    const node = namedNode(tree, named);
    scope.categories = new Set(node === undefined ? [] : tree.under.get(node.path));
    if (node !== undefined) scope.name = nameOf(node.path);
    if ((tree.under.get(node?.path ?? "")?.length ?? 0) > 1) scope.parent = true;
    return scope;
  }
  const query = scope.query;
  if (query === undefined) return scope;
  scope.name = `results for “${query.text}”`;
  const matches = matchCategories(query, tree.nodes);
  if (matches.length > 0) {
    scope.categories = new Set(matches.flatMap((m) => tree.under.get(m.path) ?? []));
    scope.name = nameOf(matches[0].path);
    if (matches.some((m) => (tree.under.get(m.path)?.length ?? 0) > 1)) scope.parent = true;
    return scope;
  }
  const found = modelCategories(build, query);
  if (found !== undefined) {
    scope.categories = found;
    scope.name = nameOf(build.meta.categories[[...found][0]]);
  }
  return scope;
}

function categoryTree(build: LoadedBuild): CategoryTree {
  let tree = trees.get(build);
  if (tree === undefined) {
    const under = new Map<string, number[]>();
    build.meta.categories.forEach((path, c) => {
      const levels = path.split(" > ");
      for (let depth = 1; depth <= levels.length; depth++) {
        const prefix = levels.slice(0, depth).join(" > ");
        let list = under.get(prefix);
        if (list === undefined) under.set(prefix, (list = []));
        list.push(c);
      }
    });
    tree = { nodes: [...under.keys()].map((p) => new CategoryNode(p)), under };
    trees.set(build, tree);
  }
  return tree;
}

/** The node a request's `category` names: its path, its slug id, or its name (the shallowest node so named). */
function namedNode(tree: CategoryTree, name: string): CategoryNode | undefined {
  const wanted = name.toLowerCase();
  let byName: CategoryNode | undefined;
  for (const node of tree.nodes) {
    const path = node.path.toLowerCase();
    if (path === wanted || slugOfPath(node.path) === wanted) return node;
    if (node.key === wanted && (byName === undefined || depth(node.path) < depth(byName.path))) byName = node;
  }
  if (byName !== undefined) return byName;
  return tree.nodes.find((node) => node.path.toLowerCase().endsWith(` > ${wanted}`) || underPath(node.path.toLowerCase(), wanted));
}

/** The categories of the devices a query's models name ("galaxy s25" -> the category of the Galaxy S25). */
function modelCategories(build: LoadedBuild, query: SearchQuery): Set<number> | undefined {
  if (query.models.length === 0) return undefined;
  const reading = itemReading(build);
  const out = new Set<number>();
  for (const model of query.models) for (const device of reading.devicesOf(model)) if (build.meta.itemCategory[device] >= 0) out.add(build.meta.itemCategory[device]);
  return out.size > 0 ? out : undefined;
}

function nameOf(path: string): string {
  return path.split(" > ").at(-1)!;
}

function depth(path: string): number {
  return path.split(" > ").length;
}
