/**
 * @module
 * The words of search text, the same for a query and for the product text it is matched against: lower case,
 * diacritics removed, split at every character that is neither a letter nor a digit. That is how SQLite FTS5's
 * `unicode61` tokenizer splits ("USB-C" -> usb, c; "S25+" -> s25), so a phrase found here is found there too.
 *
 * Matching is by word forms instead of a stemmer, so D1's index and the edge agree without sharing code: a query
 * word stands for itself, its singular and its plural, and an alphabetic form of at least PREFIX_MIN letters also
 * matches longer words it starts ("case" -> cases, "headphone" -> headphones, "charger" -> chargers).
 */

const PREFIX_MIN = 4;

/** Words carrying no product meaning in a shop's search box. */
export const STOPWORDS: ReadonlySet<string> = new Set(["a", "an", "the", "for", "with", "and", "or", "of", "in", "on", "to", "my", "your", "from", "by", "at", "new", "buy", "best", "good"]);

export function searchWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

export interface WordForm {
  text: string;
  /** Also matches longer words that start with it. */
  prefix: boolean;
}

const ALPHABETIC = /^\p{L}+$/u;
const SIBILANT = /(?:ch|sh|x|z|ss|s)$/;

export function canPrefix(word: string): boolean {
  return word.length >= PREFIX_MIN && ALPHABETIC.test(word);
}

/**
 *   forms(w) = { w } + { singular and plural spellings }:
 *   "batteries" -> batteries*, battery;  "battery" -> battery*, batteries;  "watches" -> watches*, watch*;
 *   "lenses" -> lenses*, lens, lense*;  "cases" -> cases*, case*, cas;  "mics" -> mics*, mic;  "s25" -> s25
 * (`*`: prefix). A form of fewer than PREFIX_MIN letters matches only itself.
 */
export function wordForms(word: string): WordForm[] {
  const forms: WordForm[] = [{ text: word, prefix: canPrefix(word) }];
  if (!ALPHABETIC.test(word) || word.length <= 3) return forms;
  const add = (text: string) => {
    if (text.length > 0 && !forms.some((f) => f.text === text)) forms.push({ text, prefix: canPrefix(text) });
  };
  if (word.endsWith("ies") && word.length > 4) add(`${word.slice(0, -3)}y`);
  else if (word.endsWith("s") && !/(?:ss|us|is)$/.test(word)) {
    if (word.endsWith("es") && SIBILANT.test(word.slice(0, -2))) add(word.slice(0, -2));
    add(word.slice(0, -1));
  } else if (word.endsWith("y") && !/[aeiou]y$/.test(word)) add(`${word.slice(0, -1)}ies`);
  else if (SIBILANT.test(word)) add(`${word}es`);
  return forms;
}

/** Two words that are spellings of each other ("case" and "cases", "battery" and "batteries"). */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const spellings = wordForms(a).map((f) => f.text);
  return wordForms(b).some((f) => spellings.includes(f.text));
}
