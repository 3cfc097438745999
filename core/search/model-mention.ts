/**
 * @module
 * How closely a product's title names a queried device model, read with the fit-fact reader's own tokens
 * (`prepare`, `expand`: "S25+" -> s25 +, "XsMax" -> xs max) and qualifier words, at a few microseconds a title:
 *
 *   2  the model's designator, after one of its brand or family words (right before it, or before a list of
 *      designators it belongs to), followed by exactly the model's qualifiers ("Case for Galaxy S24/S25" names
 *      samsung-galaxy-s25; "for iPhone 14, 13, 12" names apple-iphone-12; "iPhone 15 Pro Max" names
 *      apple-iphone-15-pro-max)
 *   1  the same, followed by more qualifiers: a variant ("Galaxy S25 Ultra", "S25+", "S25 FE" for "s25")
 *   0  otherwise ("iPhone 15 Pro" for apple-iphone-15-pro-max, "Galaxy A25" for s25)
 */
import { DROPPED, expand, prepare, QUALIFIERS } from "../catalog/fit-facts/model-references";
import { tokenize } from "../catalog/fit-facts/product-text";

/** Tokens read back from a designator, through a list, for its brand or family word. */
const LIST_REACH = 24;
const LIST_TOKENS: ReadonlySet<string> = new Set(["/", ",", "&", "and", "or", "-"]);

export function modelMentionTier(models: readonly string[], title: string): number {
  if (models.length === 0) return 0;
  const words = expand(tokenize(prepare(title))).map((t) => t.lower);
  let tier = 0;
  for (const model of models) {
    const parts = model.split("-");
    let d = parts.findIndex((p) => /\d/.test(p));
    if (d < 0) d = parts.length - 1;
    const naming = parts.slice(0, d);
    const wanted = parts.slice(d + 1);
    for (let i = words.indexOf(parts[d]); i >= 0; i = words.indexOf(parts[d], i + 1)) {
      if (naming.length > 0 && !namedBefore(words, i, naming)) continue;
      const quals: string[] = [];
      for (let j = i + 1; j < words.length && (QUALIFIERS.has(words[j]) || DROPPED.has(words[j])); j++) if (QUALIFIERS.has(words[j])) quals.push(words[j] === "+" ? "plus" : words[j]);
      if (quals.length === wanted.length && quals.every((q, k) => q === wanted[k])) return 2;
      if (quals.length > wanted.length && wanted.every((q, k) => quals[k] === q)) tier = 1;
    }
  }
  return tier;
}

/** A naming word right before position `at`, or before a run of list separators, designators and qualifiers. */
function namedBefore(words: readonly string[], at: number, naming: readonly string[]): boolean {
  for (let j = at - 1; j >= 0 && j >= at - LIST_REACH; j--) {
    const w = words[j];
    if (naming.includes(w)) return true;
    if (!LIST_TOKENS.has(w) && !/\d/.test(w) && !QUALIFIERS.has(w) && !DROPPED.has(w)) return false;
  }
  return false;
}
