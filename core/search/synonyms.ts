/**
 * @module
 * Words shoppers and catalogues use for the same electronics: a query phrase found in a group matches any phrase
 * of the group ("charger" finds "Power Adapter", "usb-c" finds "Type-C"). Groups hold only true equivalents, so
 * a synonym never changes what kind of product is asked for (a power bank is no charger, a headset no pair of
 * headphones, a PC power supply no phone charger).
 */
import { sameWord, searchWords } from "./search-words";

export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
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

const GROUP_WORDS: ReadonlyArray<ReadonlyArray<readonly string[]>> = SYNONYM_GROUPS.map((group) => group.map(searchWords));

export interface SynonymMatch {
  /** Query words the phrase covers. */
  length: number;
  /** Every phrase of the group, as words. */
  phrases: ReadonlyArray<readonly string[]>;
}

/** The longest phrase of any group that starts at `words[at]` (singular and plural alike), if any. */
export function synonymAt(words: readonly string[], at: number): SynonymMatch | undefined {
  let best: SynonymMatch | undefined;
  for (const group of GROUP_WORDS) {
    for (const phrase of group) {
      if (phrase.length <= (best?.length ?? 0) || at + phrase.length > words.length) continue;
      let same = true;
      for (let k = 0; k < phrase.length && same; k++) same = k === phrase.length - 1 ? sameWord(phrase[k], words[at + k]) : phrase[k] === words[at + k];
      if (same) best = { length: phrase.length, phrases: group };
    }
  }
  return best;
}
