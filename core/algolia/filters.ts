/**
 * @module
 * Algolia's filter syntax, the part a recommendation request needs, as a predicate over an item's facts:
 *
 *   filters         `brand:Apple AND (category:"Phone Cases" OR category:Chargers) AND NOT in_stock:false`,
 *                   `price < 100`, `price:10 TO 100`, `price >= 20` (NOT > AND > OR; parentheses group)
 *   facetFilters    `"brand:Apple"` or `[["category:Cases", "category:Chargers"], "-brand:Acme"]`: the outer list
 *                   is AND, an inner list OR, a leading `-` negates
 *   numericFilters  `["price<100", ["price:10 TO 20", "price>500"]]`, nested the same way
 *
 * Attributes: `category` (any level of the item's category path, or the whole path "A > B"; also `categories`,
 * `product_type`), `brand`, `price`, `in_stock` (true | false; also `availability`: in_stock | out_of_stock) and
 * `objectID`. Values compare case-insensitively. Anything else is a `FilterError` naming what is wrong.
 */

export interface ItemFacts {
  objectID: string;
  /** Category path, root first. */
  category: readonly string[];
  brand?: string;
  price?: number;
  inStock: boolean;
}

export type ItemPredicate = (item: ItemFacts) => boolean;

export class FilterError extends Error {
  override name = "FilterError";
}

type Facet = "category" | "brand" | "in_stock" | "objectID";
const FACETS: Record<string, Facet> = {
  category: "category", categories: "category", product_type: "category", brand: "brand", in_stock: "in_stock", availability: "in_stock", objectid: "objectID",
};
const NUMERIC = new Set(["price"]);
const KNOWN = "category, brand, price, in_stock, objectID";

const fold = (text: string) => text.trim().toLowerCase();

function facetPredicate(attribute: string, value: string): ItemPredicate {
  const facet = FACETS[attribute.toLowerCase()];
  if (facet === undefined) {
    if (NUMERIC.has(attribute.toLowerCase())) return numericPredicate(attribute, "=", Number(value));
    throw new FilterError(`unknown attribute "${attribute}" (known: ${KNOWN})`);
  }
  const wanted = fold(value);
  switch (facet) {
    case "category":
      return (item) => item.category.some((level) => fold(level) === wanted) || fold(item.category.join(" > ")) === wanted;
    case "brand":
      return (item) => item.brand !== undefined && fold(item.brand) === wanted;
    case "objectID":
      return (item) => fold(item.objectID) === wanted;
    case "in_stock": {
      const inStock = wanted === "true" || wanted === "in_stock" || wanted === "1";
      if (!inStock && !["false", "out_of_stock", "0"].includes(wanted)) throw new FilterError(`${attribute} takes true or false (in_stock or out_of_stock), got "${value}"`);
      return (item) => item.inStock === inStock;
    }
  }
}

type Operator = "<" | "<=" | "=" | "!=" | ">" | ">=";

function numericPredicate(attribute: string, operator: Operator, value: number, upper?: number): ItemPredicate {
  if (!NUMERIC.has(attribute.toLowerCase())) throw new FilterError(`"${attribute}" is not numeric (numeric: price)`);
  if (!Number.isFinite(value) || (upper !== undefined && !Number.isFinite(upper))) throw new FilterError(`"${attribute}" needs a number`);
  const test = (price: number) => {
    if (upper !== undefined) return price >= value && price <= upper;
    switch (operator) {
      case "<": return price < value;
      case "<=": return price <= value;
      case "=": return price === value;
      case "!=": return price !== value;
      case ">": return price > value;
      case ">=": return price >= value;
    }
  };
  return (item) => item.price !== undefined && test(item.price);
}

interface Token {
  kind: "word" | "quoted" | "op" | "(" | ")" | ":";
  text: string;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) i++;
    else if (c === "(" || c === ")" || c === ":") {
      tokens.push({ kind: c, text: c });
      i++;
    } else if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) throw new FilterError(`unclosed quote at ${i}`);
      tokens.push({ kind: "quoted", text: text.slice(i + 1, end) });
      i = end + 1;
    } else if ("<>=!".includes(c)) {
      const op = /^(<=|>=|!=|<|>|=)/.exec(text.slice(i))?.[0];
      if (op === undefined) throw new FilterError(`unexpected "${c}" at ${i}`);
      tokens.push({ kind: "op", text: op });
      i += op.length;
    } else {
      const word = /^[^\s()"':<>=!]+/.exec(text.slice(i))![0];
      tokens.push({ kind: "word", text: word });
      i += word.length;
    }
  }
  return tokens;
}

/** Parses a `filters` string; an empty one accepts everything. */
export function parseFilters(text: string): ItemPredicate {
  const tokens = tokenize(text);
  if (tokens.length === 0) return () => true;
  let at = 0;
  const peek = () => tokens[at];
  const keyword = (word: string) => peek()?.kind === "word" && peek().text === word;
  const value = (): string => {
    const token = tokens[at++];
    if (token === undefined || (token.kind !== "word" && token.kind !== "quoted")) throw new FilterError(`expected a value${token ? `, got "${token.text}"` : " at the end"}`);
    return token.text;
  };
  const atom = (): ItemPredicate => {
    if (peek()?.kind === "(") {
      at++;
      const inner = or();
      if (peek()?.kind !== ")") throw new FilterError("missing )");
      at++;
      return inner;
    }
    const attribute = value();
    const next = tokens[at++];
    if (next?.kind === ":") {
      const first = value();
      if (keyword("TO")) {
        at++;
        return numericPredicate(attribute, ">=", Number(first), Number(value()));
      }
      return facetPredicate(attribute, first);
    }
    if (next?.kind === "op") return numericPredicate(attribute, next.text as Operator, Number(value()));
    throw new FilterError(`expected ":" or a comparison after "${attribute}"`);
  };
  const unary = (): ItemPredicate => {
    if (keyword("NOT")) {
      at++;
      const inner = unary();
      return (item) => !inner(item);
    }
    return atom();
  };
  /** `operand (word operand)*`: true when every operand holds (AND) or some operand holds (OR). */
  const chain = (word: "AND" | "OR", operand: () => ItemPredicate): ItemPredicate => {
    const parts = [operand()];
    while (keyword(word)) {
      at++;
      parts.push(operand());
    }
    if (parts.length === 1) return parts[0];
    return word === "AND" ? (item) => parts.every((p) => p(item)) : (item) => parts.some((p) => p(item));
  };
  const and = (): ItemPredicate => chain("AND", unary);
  const or = (): ItemPredicate => chain("OR", and);
  const predicate = or();
  if (at < tokens.length) throw new FilterError(`unexpected "${tokens[at].text}"`);
  return predicate;
}

export type FilterList = string | ReadonlyArray<string | readonly string[]>;

/** facetFilters: `attr:value`, `-attr:value`; outer list AND, inner list OR. */
export function parseFacetFilters(list: FilterList): ItemPredicate {
  return nested(list, (entry) => {
    const negated = entry.startsWith("-");
    const body = negated ? entry.slice(1) : entry;
    const colon = body.indexOf(":");
    if (colon <= 0) throw new FilterError(`"${entry}" is not attribute:value`);
    const predicate = facetPredicate(body.slice(0, colon).trim(), body.slice(colon + 1).replace(/^\s*"(.*)"\s*$/, "$1"));
    return negated ? (item) => !predicate(item) : predicate;
  });
}

/** numericFilters: `price<100`, `price:10 TO 20`; outer list AND, inner list OR. */
export function parseNumericFilters(list: FilterList): ItemPredicate {
  return nested(list, (entry) => {
    if (!/^\s*[\w.]+\s*(?:<=|>=|!=|<|>|=|:)/.test(entry)) throw new FilterError(`"${entry}" is not a numeric filter (price<100, price:10 TO 20)`);
    return parseFilters(entry);
  });
}

function nested(list: FilterList, one: (entry: string) => ItemPredicate): ItemPredicate {
  const groups = (typeof list === "string" ? [list] : list).map((group) => (typeof group === "string" ? [group] : group).map(one));
  return (item) => groups.every((group) => group.some((p) => p(item)));
}
