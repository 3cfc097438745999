/**
 * @module
 * Whether text holds a query's terms, on the words of `search-words.ts`: a phrase occurs where its words follow
 * each other, each equal to the text's word except the last, which may also start a longer word when the phrase
 * allows a prefix. This is FTS5's phrase and prefix semantics, so the edge and D1 select the same products.
 */
import type { Phrase, QueryTerm, SearchQuery } from "./search-query";

/** The position of the first word of `phrase` in `words`, or -1. */
export function phraseAt(phrase: Phrase, words: readonly string[], from = 0): number {
  const n = phrase.words.length;
  const last = n - 1;
  for (let i = from; i + n <= words.length; i++) {
    let k = 0;
    while (k < last && words[i + k] === phrase.words[k]) k++;
    if (k < last) continue;
    const word = words[i + last];
    if (word === phrase.words[last] || (phrase.prefix && word.startsWith(phrase.words[last]))) return i;
  }
  return -1;
}

export function termIn(term: QueryTerm, words: readonly string[]): boolean {
  for (const phrase of term.phrases) if (phraseAt(phrase, words) >= 0) return true;
  return false;
}

/** How many of the query's terms occur in at least one of `fields` (each a list of words). */
export function termsMatched(query: SearchQuery, fields: ReadonlyArray<readonly string[]>): number {
  let matched = 0;
  for (const term of query.terms) {
    for (const words of fields) {
      if (termIn(term, words)) {
        matched++;
        break;
      }
    }
  }
  return matched;
}

/** Every term occurs in one of the fields. */
export function matchesAllTerms(query: SearchQuery, fields: ReadonlyArray<readonly string[]>): boolean {
  return termsMatched(query, fields) === query.terms.length;
}
