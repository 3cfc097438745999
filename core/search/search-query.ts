/**
 * @module
 * `parseQuery(text)`: what a shop's search box query asks for, read once and used by both product search (D1,
 * `GET /v1/products?q=`) and the listing placement's slots, so the two agree:
 *
 *   price   bounds, a relative band and an order (`price-words.ts`)
 *   models  device models named, as fit-fact slugs (`modelReferences`: "galaxy s25 case" -> samsung-galaxy-s25)
 *   kind    the product kind named ("case", "charger", "headphones"; fit facts' kind words)
 *   terms   what the product's text must contain, each term a set of phrases any of which will do: the word's
 *           singular and plural spellings, or every phrase of its synonym group ("charger" ~ "power adapter").
 *           A model's brand and family words are no terms ("Spigen case for S25" names no Samsung); its
 *           designators are, with its family word when every designator is a bare number ("iphone 15").
 */
import { kindIn } from "../catalog/fit-facts/product-kind";
import { modelReferences } from "../catalog/fit-facts/model-references";
import { isOpenPrice, type PriceConstraint, readPrice } from "./price-words";
import { canPrefix, searchWords, STOPWORDS, wordForms } from "./search-words";
import { synonymAt } from "./synonyms";

export interface Phrase {
  words: readonly string[];
  /** The last word also matches longer words it starts. */
  prefix: boolean;
}

export interface QueryTerm {
  /** The query's own words for it. */
  text: string;
  phrases: readonly Phrase[];
  /** Part of a model reference (never matched against category names). */
  model: boolean;
}

export interface SearchQuery {
  text: string;
  terms: QueryTerm[];
  price: PriceConstraint;
  models: string[];
  kind?: string;
}

/** Longest query read; longer text is cut (the request schema allows 200 characters). */
const MAX_QUERY = 200;
const MAX_TERMS = 8;

/** Queries read recently, by text: shoppers type the same ones, and reading one costs up to a millisecond. */
const READ = new Map<string, SearchQuery>();
const READ_KEPT = 512;

/** The query's reading; a fresh object each call (callers may narrow its price). */
export function parseQuery(text: string): SearchQuery {
  const raw = text.slice(0, MAX_QUERY);
  let query = READ.get(raw);
  if (query === undefined) {
    query = readQuery(raw);
    if (READ.size >= READ_KEPT) READ.delete(READ.keys().next().value!);
    READ.set(raw, query);
  }
  return { ...query, terms: [...query.terms], price: { ...query.price }, models: [...query.models] };
}

function readQuery(raw: string): SearchQuery {
  const { price, rest } = readPrice(raw);
  const models = [...new Set(modelReferences(rest))];
  const kind = kindIn(rest.toLowerCase());
  const words = searchWords(rest);
  const modelWords = modelTermWords(words, models);
  const terms: QueryTerm[] = [];
  for (let i = 0; i < words.length && terms.length < MAX_TERMS; ) {
    const synonym = synonymAt(words, i);
    if (synonym !== undefined) {
      const text = words.slice(i, i + synonym.length).join(" ");
      if (!terms.some((t) => t.text === text)) terms.push({ text, phrases: synonym.phrases.map(phraseOf), model: false });
      i += synonym.length;
      continue;
    }
    const word = words[i++];
    const role = modelWords.get(word);
    if (role === "optional" || (role === undefined && STOPWORDS.has(word))) continue;
    if (terms.some((t) => t.text === word)) continue;
    terms.push({ text: word, phrases: wordForms(word).map((f) => ({ words: [f.text], prefix: f.prefix })), model: role === "required" });
  }
  const query: SearchQuery = { text: raw.trim(), terms, price, models };
  if (kind !== undefined) query.kind = kind;
  return query;
}

/** True when the query asks for nothing (no words, no price). */
export function isEmptyQuery(query: SearchQuery): boolean {
  return query.terms.length === 0 && isOpenPrice(query.price);
}

function phraseOf(words: readonly string[]): Phrase {
  return { words, prefix: canPrefix(words[words.length - 1]) };
}

/**
 * The query words that belong to a named model: designators and qualifiers are required, brand and family words
 * optional, unless all of a model's designators are bare numbers (then its family words are required too).
 */
function modelTermWords(words: readonly string[], models: readonly string[]): Map<string, "required" | "optional"> {
  const roles = new Map<string, "required" | "optional">();
  for (const model of models) {
    const parts = model.split("-");
    const named = words.filter((w) => parts.includes(w));
    const designators = named.filter((w) => /\d/.test(w));
    if (designators.length === 0) continue;
    const numeric = designators.every((w) => /^\d+$/.test(w));
    for (const [k, w] of named.entries()) {
      const isBrand = w === parts[0] && k === 0 && named.length > 1;
      const required = /\d/.test(w) || parts.indexOf(w) > parts.indexOf(designators[0]) || (numeric && !isBrand);
      if (roles.get(w) !== "required") roles.set(w, required ? "required" : "optional");
    }
  }
  return roles;
}
