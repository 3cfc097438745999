/**
 * @module
 * The categories a query names, against any category tree: a category is named when a query term occurs in its
 * own name (the last level of its path, split into words as real trees write them: "USBCables" -> usb cables).
 * Of those, the best are the ones that
 *
 *   1. hold the most query terms anywhere on their path ("phone case": Phone Accessories > Cases over Smartphones),
 *   2. hold the most query terms in their own name ("tablet case": Tablet Cases over Phones & Tablets > ... > Cases),
 *   3. name the kind the query names ("gaming headphones": Headphones over Gaming; "laptop sleeve": Laptop Bags
 *      & Cases over Laptops),
 *   4. have the largest share of their own name's words matched ("cases": Cases over Tablet Cases),
 *
 * and all categories tied at the best come back (a query names a set: "Cases" in several branches).
 * A node is read lazily: a tree of tens of thousands of categories costs a substring test per node and term.
 */
import { kindIn } from "../catalog/fit-facts/product-kind";
import { splitCategoryWords } from "../catalog/fit-facts/product-text";
import { phraseAt } from "./match-text";
import type { SearchQuery } from "./search-query";
import { searchWords } from "./search-words";

export interface CategoryMatch {
  path: string;
  /** Indexes (in `query.terms`) of the terms found in the category's own name. */
  nameTerms: number[];
  /** The words of the category's own name as FTS5 splits the raw name ("USBCables" -> usbcables). */
  rawName: string[];
  /** Query terms found on the path. */
  pathTerms: number;
  kindMatch: boolean;
  /** Share of the name's words covered by query terms. */
  coverage: number;
}

const FILLER = new Set(["and", "or", "the", "of", "for", "other", "more"]);

export class CategoryNode {
  /** The raw name in lower case, for the cheap first test. */
  readonly key: string;
  private read?: { levels: string[][]; nameWords: number; kinds: ReadonlySet<string> };

  constructor(readonly path: string) {
    this.key = (path.split(">").at(-1) ?? "").trim().toLowerCase();
  }

  get levels(): string[][] {
    return this.parsed().levels;
  }

  get nameWords(): number {
    return this.parsed().nameWords;
  }

  /** The product kinds its name says, one per part ("Laptop Bags & Cases": bag, case). */
  get kinds(): ReadonlySet<string> {
    return this.parsed().kinds;
  }

  private parsed() {
    if (this.read === undefined) {
      const raw = this.path.split(">").map((level) => splitCategoryWords(level.trim()));
      const levels = raw.map(searchWords);
      const name = levels[levels.length - 1] ?? [];
      const kinds = new Set<string>();
      for (const part of (raw[raw.length - 1] ?? "").toLowerCase().split(/,|&|\band\b/)) {
        const kind = kindIn(part);
        if (kind !== undefined) kinds.add(kind);
      }
      this.read = { levels, nameWords: name.filter((w) => !FILLER.has(w)).length, kinds };
    }
    return this.read;
  }
}

export function matchCategories(query: SearchQuery, nodes: readonly CategoryNode[]): CategoryMatch[] {
  const terms = query.terms.map((term, index) => ({ term, index })).filter((t) => !t.term.model);
  if (terms.length === 0) return [];
  const stems = terms.flatMap(({ term }) => term.phrases.map((p) => p.words[0]));
  const matches: CategoryMatch[] = [];
  for (const node of nodes) {
    if (!stems.some((s) => node.key.includes(s))) continue;
    const name = node.levels[node.levels.length - 1] ?? [];
    const covered = new Set<number>();
    const nameTerms: number[] = [];
    let onPath = 0;
    for (const { term, index } of terms) {
      let named = false;
      for (const phrase of term.phrases) {
        for (let at = phraseAt(phrase, name); at >= 0; at = phraseAt(phrase, name, at + 1)) {
          named = true;
          for (let k = 0; k < phrase.words.length; k++) covered.add(at + k);
        }
      }
      if (named) nameTerms.push(index);
      if (named || node.levels.some((level) => term.phrases.some((p) => phraseAt(p, level) >= 0))) onPath++;
    }
    if (nameTerms.length === 0) continue;
    const coverage = node.nameWords === 0 ? 1 : Math.min(1, [...covered].filter((k) => !FILLER.has(name[k])).length / node.nameWords);
    matches.push({ path: node.path, nameTerms, rawName: searchWords(node.key), pathTerms: onPath, kindMatch: query.kind !== undefined && node.kinds.has(query.kind), coverage });
  }
  matches.sort(compareMatches);
  const best = matches[0];
  return best === undefined ? [] : matches.filter((m) => compareMatches(m, best) === 0);
}

function compareMatches(a: CategoryMatch, b: CategoryMatch): number {
  return b.pathTerms - a.pathTerms || b.nameTerms.length - a.nameTerms.length || Number(b.kindMatch) - Number(a.kindMatch) || b.coverage - a.coverage;
}

/** True when `path` is `ancestor` or lies under it. */
export function underPath(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor} > `);
}
