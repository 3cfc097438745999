/**
 * @module
 * Fit facts in specification attributes outside the documented vocabulary, as real catalogues and spec sheets
 * name them: a display size in inches (`display_size_in`, `screen_size_in`), a battery in mAh (`battery_mah`),
 * a card slot (`card_slot: "microSD"`), a headphone jack (`audio_jack: "Yes"`), storage written as text
 * (`storage: "128GB SSD + 1TB HDD"`). A key is read only when its name says its unit or meaning.
 */
import { type Attrs, attrNumber } from "../attributes";
import { addUnique, type FitFacts } from "./fit-facts";
import { capacityMentions } from "./measures";

const YES = /^(?:yes|true)\b/i;

/** Adds what the spec attributes of `attrs` state to `facts`. */
export function specFacts(attrs: Attrs, facts: FitFacts): void {
  for (const [key, value] of Object.entries(attrs)) {
    const k = key.toLowerCase();
    if (/^(?:display|screen)(?:_size)?_in(?:ch(?:es)?)?$/.test(k)) {
      const v = attrNumber(attrs, key);
      if (v > 0 && !facts.sizes.some((s) => s.unit === "in" && s.max === v)) facts.sizes.push({ unit: "in", min: v, max: v });
    } else if (/^battery(?:_capacity)?_mah$/.test(k)) {
      const v = attrNumber(attrs, key);
      if (v > 0) addUnique(facts.mah, v);
    } else if (/^(?:card_slot|memory_card|card_reader)$/.test(k) && typeof value === "string") {
      if (/micro ?sd/i.test(value)) addUnique(facts.cards, "microsd");
      else if (/\bsd(?:hc|xc)?\b/i.test(value)) addUnique(facts.cards, "sd");
    } else if (/^(?:audio_jack|headphone_jack)$/.test(k)) {
      if (value === true || (typeof value === "string" && YES.test(value))) addUnique(facts.connectors, "jack-3.5mm");
    } else if (/^(?:storage|internal_storage)$/.test(k) && typeof value === "string") {
      for (const m of capacityMentions(value)) if (m.tag !== "ram" && m.tag !== "expandable") addUnique(facts.gb, m.value);
    }
  }
}
