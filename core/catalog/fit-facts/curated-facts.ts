/**
 * @module
 * Fit facts stated by a record's curated `attrs` in the documented vocabulary (docs/catalog-attributes.md):
 * `kind`, `device_model`, `fits_models`, `connector`, `connectors`, `card_type`, `output_w`, `max_w`,
 * `max_charge_w`, `capacity_mah`, `capacity_gb`, `storage_gb`, `screen_in`, `fits_screen_in_min/max`, `case_mm`,
 * `lens_mount`. These are the strongest evidence: a fact type stated here is never taken from text.
 */
import { type Attrs, attrList, attrNumber, attrString } from "../attributes";
import { SLOT_OF_KIND } from "../compatibility";
import { addUnique, type FitFacts, type ProductRole } from "./fit-facts";

/** The documented device kinds (docs: "Devices"). */
const CURATED_DEVICE_KINDS: ReadonlySet<string> = new Set([
  "smartphone", "tablet", "gaming-laptop", "ultrabook", "everyday-laptop", "2-in-1-laptop", "chromebook",
  "mirrorless-camera", "action-camera", "drone", "smartwatch", "console", "cpu", "graphics-card",
]);

/** Documented kinds -> the extractor's kind names (docs/catalog-attributes.md, Categories). */
const KIND_NAMES: Readonly<Record<string, string>> = {
  "phone-case": "case", "tablet-case": "case", "tablet-screen-protector": "screen-protector",
  "tablet-keyboard": "keyboard", "drone-battery": "battery", earbuds: "earphones", "gaming-headset": "headphones",
  "gaming-laptop": "laptop", ultrabook: "laptop", "everyday-laptop": "laptop", "2-in-1-laptop": "laptop",
  chromebook: "laptop", "mirrorless-camera": "camera", "action-camera": "camera", "gaming-monitor": "monitor",
  "office-monitor": "monitor", "laptop-bag": "bag", "camera-bag": "bag", dock: "hub", "external-storage": "external-drive",
  "gaming-mouse": "mouse", "gaming-keyboard": "keyboard", soundbar: "speaker", "smart-speaker": "speaker",
};

export function kindName(curatedKind: string): string {
  return KIND_NAMES[curatedKind] ?? curatedKind;
}

/** Role of a documented kind: devices and the kinds that fill an accessory slot; undefined for the rest. */
export function curatedRole(curatedKind: string): ProductRole | undefined {
  if (CURATED_DEVICE_KINDS.has(curatedKind)) return "device";
  return SLOT_OF_KIND[curatedKind] !== undefined ? "accessory" : undefined;
}

/** Adds what the documented vocabulary of `attrs` states to `facts`; a role only for device and slot kinds. */
export function curatedFacts(attrs: Attrs, facts: FitFacts): void {
  const kind = attrString(attrs, "kind");
  if (kind !== undefined) {
    const role = curatedRole(kind);
    if (role !== undefined) {
      facts.role = role;
      facts.kind = kindName(kind);
    }
  }
  const add = (list: string[], values: readonly string[] | undefined) => values?.forEach((v) => addUnique(list, v));
  const model = attrString(attrs, "device_model");
  add(facts.models, model === undefined ? undefined : [model]);
  add(facts.models, attrList(attrs, "fits_models"));
  const connector = attrString(attrs, "connector");
  add(facts.connectors, connector === undefined ? undefined : [connector]);
  add(facts.connectors, attrList(attrs, "connectors"));
  const card = attrString(attrs, "card_type");
  add(facts.cards, card === undefined ? undefined : [card]);
  const mount = attrString(attrs, "lens_mount");
  add(facts.mounts, mount === undefined ? undefined : [mount]);
  const numbers = (list: number[], ...keys: string[]) => {
    for (const key of keys) {
      const v = attrNumber(attrs, key);
      if (!Number.isNaN(v)) addUnique(list, v);
    }
  };
  numbers(facts.watts, "output_w", "max_w", "max_charge_w");
  numbers(facts.mah, "capacity_mah");
  numbers(facts.gb, "capacity_gb", "storage_gb");
  const screen = attrNumber(attrs, "screen_in");
  if (!Number.isNaN(screen)) facts.sizes.push({ unit: "in", min: screen, max: screen });
  const fitsMin = attrNumber(attrs, "fits_screen_in_min");
  const fitsMax = attrNumber(attrs, "fits_screen_in_max");
  if (!Number.isNaN(fitsMax)) facts.sizes.push({ unit: "in", ...(Number.isNaN(fitsMin) ? {} : { min: fitsMin }), max: fitsMax });
  const caseMm = attrNumber(attrs, "case_mm");
  if (!Number.isNaN(caseMm)) facts.sizes.push({ unit: "mm", min: caseMm, max: caseMm });
}
