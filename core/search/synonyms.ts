/**
 * @module
 * Words shoppers and catalogues use for the same electronics: a query phrase found in a group matches any phrase
 * of the group ("charger" finds "Power Adapter", "usb-c" finds "Type-C"). Groups hold only true equivalents, so
 * a synonym never changes what kind of product is asked for (a power bank is no charger, a headset no pair of
 * headphones, a PC power supply no phone charger).
 */
import { searchWords, wordForms } from "./search-words";

const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["charger", "power adapter", "charging adapter", "charger adapter", "wall adapter", "wall charger"],
  ["case", "cover"],
  ["screen protector", "screen guard", "tempered glass", "glass protector", "screen film", "protective film"],
  ["earbuds", "earphones", "ear buds", "in ear headphones"],
  ["power bank", "powerbank", "portable charger", "battery pack"],
  ["smartphone", "mobile phone", "cell phone", "phone"],
  ["smartwatch", "smart watch"],
  ["tv", "television"],
  ["usb c", "type c", "usbc", "usb type c"],
  ["micro usb", "microusb"],
  ["memory card", "sd card", "microsd", "micro sd"],
  ["hub", "dock", "docking station"],
  ["cable", "cord"],
  ["mouse", "mice"],
  ["controller", "gamepad"],
  ["soundbar", "sound bar"],
  ["webcam", "web camera"],
  ["watch band", "watch strap"],
  ["hard drive", "hard disk", "hdd"],
  ["ssd", "solid state drive"],
  ["flash drive", "pen drive", "pendrive", "usb stick", "thumb drive"],
  ["wifi", "wi fi", "wireless lan"],
];

interface GroupPhrase {
  /** Words before the last, compared as they are. */
  head: readonly string[];
  /** The last word's singular and plural spellings. */
  last: ReadonlySet<string>;
  length: number;
  group: number;
}

const GROUP_WORDS: ReadonlyArray<ReadonlyArray<readonly string[]>> = SYNONYM_GROUPS.map((group) => group.map(searchWords));
/** Every phrase of every group, by its first word's spellings (a one-word phrase) or its first word. */
const BY_FIRST = new Map<string, GroupPhrase[]>();
GROUP_WORDS.forEach((phrases, group) => {
  for (const words of phrases) {
    const entry: GroupPhrase = { head: words.slice(0, -1), last: new Set(wordForms(words[words.length - 1]).map((f) => f.text)), length: words.length, group };
    const keys = words.length === 1 ? [...entry.last] : [words[0]];
    for (const key of keys) {
      let list = BY_FIRST.get(key);
      if (list === undefined) BY_FIRST.set(key, (list = []));
      list.push(entry);
    }
  }
});

export interface SynonymMatch {
  /** Query words the phrase covers. */
  length: number;
  /** Every phrase of the group, as words. */
  phrases: ReadonlyArray<readonly string[]>;
}

/** The longest phrase of any group that starts at `words[at]` (its last word singular or plural), if any. */
export function synonymAt(words: readonly string[], at: number): SynonymMatch | undefined {
  const spelled = (word: string) => wordForms(word).map((f) => f.text);
  let best: GroupPhrase | undefined;
  for (const key of spelled(words[at])) {
    for (const phrase of BY_FIRST.get(key) ?? []) {
      if (phrase.length <= (best?.length ?? 0) || at + phrase.length > words.length) continue;
      let same = true;
      for (let k = 0; k < phrase.head.length && same; k++) same = phrase.head[k] === words[at + k];
      if (same && spelled(words[at + phrase.length - 1]).some((w) => phrase.last.has(w))) best = phrase;
    }
  }
  return best === undefined ? undefined : { length: best.length, phrases: GROUP_WORDS[best.group] };
}
