/**
 * @module
 * What the edge reads from an item's own text when a listing needs it: its role and kind (fit facts' kind
 * words on title and category path), the device models it names, its search words, and its fit facts.
 * Read on first use and kept with the build (per isolate), so a request pays only for items it has not met.
 *
 * Fit of accessory x on devices D:
 *   with the build's compatibility index constraining x:  fits  <=> some d in D passes `fitsCart(x, [d])`, else no_fit
 *   otherwise, from fit facts read from text (`decideFit`): fits when some d fits, no_fit when every d is proven
 *   not to, open when nothing is stated either way (x has no clause, or the devices state nothing to check)
 * `pinned`: x is made for named models (a case, a screen protector), so it only suits a shopper holding one.
 */
import { ItemFlag } from "../blob/meta-blob";
import { type CompatIndex, fitsCart, isConstrained } from "../catalog/compat-index";
import { type FitProfile, MEASURES, tokenNamespace } from "../catalog/compatibility";
import { deviceModels } from "../catalog/fit-facts/device-model";
import { fitFactsOf } from "../catalog/fit-facts/extract-fit-facts";
import type { FitFacts, ProductRole } from "../catalog/fit-facts/fit-facts";
import { decideFit, type FitRequirement, fitProfileOf, fitRequirementOf } from "../catalog/fit-facts/fit-tokens";
import { modelReferences } from "../catalog/fit-facts/model-references";
import { productKind } from "../catalog/fit-facts/product-kind";
import { categoryLevels } from "../catalog/fit-facts/product-text";
import { modelMentionTier } from "../search/model-mention";
import { searchWords } from "../search/search-words";
import { buildIndex } from "./build-index";
import type { LoadedBuild } from "./loaded-build";

type Fit = "fits" | "open" | "no_fit";

export interface FitOn {
  fit: Fit;
  pinned: boolean;
}

interface Read {
  role: ProductRole;
  kind?: string;
  models?: readonly string[];
  facts?: FitFacts;
  /** Undefined until asked; null when the item fits anything. */
  requirement?: FitRequirement | null;
  profile?: FitProfile;
}

interface Text {
  words: ReadonlyArray<readonly string[]>;
  /** The same text lower-cased in one string, for a quick first test. */
  joined: string;
}

/** Titles read at most when looking for the devices of a model by title, and how far into a title its name may start. */
const TITLE_SCAN = 200;
const LEADING_WORDS = 5;
const FOR_WORDS: ReadonlySet<string> = new Set(["for", "compatible", "with", "fits", "fit"]);
/** Queried model sets whose title tiers are kept. */
const MENTIONS_KEPT = 64;

export class ItemReading {
  /** Per item read so far (maps: an isolate meets a small part of a large catalogue). */
  private readonly read = new Map<number, Read>();
  private readonly texts = new Map<number, Text>();
  private readonly modelDevices = new Map<string, number[]>();
  /** `modelMentionTier` per queried models and item, for the models queried lately. */
  private readonly mentions = new Map<string, Map<number, number>>();
  private compatModels: Map<string, number[]> | undefined;

  constructor(private readonly build: LoadedBuild) {}

  role(item: number): ProductRole {
    return this.base(item).role;
  }

  kind(item: number): string | undefined {
    return this.base(item).kind;
  }

  /** The device models the item names: its own name for a device, the models it is for otherwise. */
  models(item: number): readonly string[] {
    const read = this.base(item);
    if (read.models === undefined) {
      const title = this.build.meta.titles[item] ?? "";
      read.models = read.role === "device" ? deviceModels(title, this.brandOf(item)) : modelReferences(title);
    }
    return read.models;
  }

  /** How closely the item's title names one of `models` (`modelMentionTier`). */
  mentionTier(item: number, models: readonly string[]): number {
    if (models.length === 0) return 0;
    const key = models.join(" ");
    let tiers = this.mentions.get(key);
    if (tiers === undefined) {
      if (this.mentions.size >= MENTIONS_KEPT) this.mentions.delete(this.mentions.keys().next().value!);
      this.mentions.set(key, (tiers = new Map()));
    }
    let tier = tiers.get(item);
    if (tier === undefined) tiers.set(item, (tier = modelMentionTier(models, this.build.meta.titles[item] ?? "")));
    return tier;
  }

  /** Search words of title, brand, category path and compatibility tokens: the fields product search indexes. */
  words(item: number): ReadonlyArray<readonly string[]> {
    return this.text(item).words;
  }

  /** `words` lower-cased and joined: holds every word of a matching query (a substring test that only rejects). */
  joined(item: number): string {
    return this.text(item).joined;
  }

  private text(item: number): Text {
    let text = this.texts.get(item);
    if (text === undefined) {
      const fields = [this.build.meta.titles[item] ?? "", this.brandOf(item) ?? "", this.pathOf(item), this.compatTokens(item).join(" ")];
      const words = fields.map(searchWords);
      text = { words, joined: words.map((w) => w.join(" ")).join(" | ") };
      this.texts.set(item, text);
    }
    return text;
  }

  /** Does accessory `x` fit one of `devices`? */
  fitOn(x: number, devices: readonly number[]): FitOn {
    const compat = this.build.meta.compat;
    if (compat !== undefined && isConstrained(compat, x)) {
      const pinned = clauseNamespaces(compat, x).has("model");
      for (const d of devices) if (fitsCart(compat, x, [d])) return { fit: "fits", pinned };
      return { fit: devices.length === 0 ? "open" : "no_fit", pinned };
    }
    if (compat !== undefined && (provides(compat, x) || compat.pinStart[x + 1] > compat.pinStart[x])) return { fit: "open", pinned: false };
    const read = this.base(x);
    if (read.requirement === undefined) read.requirement = fitRequirementOf(this.facts(x)) ?? null;
    const requirement = read.requirement;
    if (requirement === null) return { fit: "open", pinned: false };
    const pinned = requirement.clauses.some((c) => c.exhaustive && "anyOf" in c.condition && c.condition.anyOf.some((t) => tokenNamespace(t) === "model"));
    let proven = devices.length > 0;
    for (const d of devices) {
      const decision = decideFit(this.profile(d), requirement);
      if (decision === "fits") return { fit: "fits", pinned };
      if (decision !== "no_fit") proven = false;
    }
    return { fit: proven ? "no_fit" : "open", pinned };
  }

  /** Sellable devices whose own model is `model`: from the compatibility index where it names models, else by title. */
  devicesOf(model: string): readonly number[] {
    let found = this.modelDevices.get(model);
    if (found === undefined) {
      found = (this.compatDevices().get(model) ?? []).slice();
      if (found.length === 0) found = this.devicesByTitle(model);
      // In the whole build's order, whatever part of it this build holds (the edge format's request builds).
      const order = this.build.meta.edge?.ordinals;
      if (order !== undefined) found.sort((a, b) => order[a] - order[b]);
      this.modelDevices.set(model, found);
    }
    return found;
  }

  private base(item: number): Read {
    let read = this.read.get(item);
    if (read === undefined) {
      const evidence = productKind(this.build.meta.titles[item] ?? "", categoryLevels(this.pathOf(item)));
      const compat = this.build.meta.compat;
      let role = evidence.role;
      if (compat !== undefined && isConstrained(compat, item)) role = "accessory";
      read = { role };
      if (evidence.kind !== undefined) read.kind = evidence.kind;
      this.read.set(item, read);
    }
    return read;
  }

  private facts(item: number): FitFacts {
    const read = this.base(item);
    read.facts ??= fitFactsOf({ title: this.build.meta.titles[item] ?? "", brand: this.brandOf(item), category: this.pathOf(item) });
    return read.facts;
  }

  /** A device's fit profile: from the compatibility index where it has one, else from its text. */
  private profile(d: number): FitProfile {
    const read = this.base(d);
    if (read.profile === undefined) {
      const compat = this.build.meta.compat;
      read.profile = compat !== undefined && provides(compat, d) ? compatProfile(compat, d) : fitProfileOf(this.facts(d));
    }
    return read.profile;
  }

  private compatDevices(): Map<string, number[]> {
    if (this.compatModels === undefined) {
      this.compatModels = new Map();
      const compat = this.build.meta.compat;
      if (compat !== undefined) {
        for (let d = 0; d + 1 < compat.provideStart.length; d++) {
          if (isConstrained(compat, d) || !this.sellable(d)) continue;
          for (let k = compat.provideStart[d]; k < compat.provideStart[d + 1]; k++) {
            const t = compat.tokens[compat.provideTokens[k]];
            if (!t.startsWith("model:")) continue;
            const model = t.slice("model:".length);
            let list = this.compatModels.get(model);
            if (list === undefined) this.compatModels.set(model, (list = []));
            list.push(d);
          }
        }
      }
    }
    return this.compatModels;
  }

  /**
   * Titles naming the model's designator among their first words, before any "for" (a device names itself first,
   * an accessory names its device after "for"), then read: sellable devices of exactly that model.
   */
  private devicesByTitle(model: string): number[] {
    const designator = model.split("-").find((part) => /\d/.test(part));
    if (designator === undefined) return [];
    const titles = buildIndex(this.build).searchTitles();
    const found: number[] = [];
    let read = 0;
    for (let i = 0; i < titles.length && read < TITLE_SCAN; i++) {
      if (!titles[i].includes(designator)) continue;
      const words = searchWords(titles[i]).slice(0, LEADING_WORDS);
      const at = words.findIndex((w) => w.startsWith(designator));
      if (at < 0 || words.slice(0, at).some((w) => FOR_WORDS.has(w))) continue;
      read++;
      if (this.sellable(i) && this.role(i) === "device" && this.models(i).includes(model)) found.push(i);
    }
    return found;
  }

  /**
   * What the item states in the compatibility index (`conn:usb-c`, `model:...`): an accessory its requirement, a
   * device what it provides (an accessory's provided tokens are its device's, implied, and no words of its own).
   */
  private compatTokens(item: number): string[] {
    const compat = this.build.meta.compat;
    if (compat === undefined || item + 1 >= compat.provideStart.length) return [];
    const out: string[] = [];
    if (!isConstrained(compat, item)) for (let k = compat.provideStart[item]; k < compat.provideStart[item + 1]; k++) out.push(compat.tokens[compat.provideTokens[k]]);
    for (let k = compat.clauseTokenStart[compat.clauseStart[item]]; k < compat.clauseTokenStart[compat.clauseStart[item + 1]]; k++) out.push(compat.tokens[compat.clauseTokens[k]]);
    return out;
  }

  private sellable(item: number): boolean {
    return (this.build.meta.flags[item] & (ItemFlag.EOL | ItemFlag.OUT_OF_STOCK)) === 0;
  }

  private brandOf(item: number): string | undefined {
    const b = this.build.meta.itemBrand[item];
    return b >= 0 ? this.build.meta.brands[b] : undefined;
  }

  private pathOf(item: number): string {
    const c = this.build.meta.itemCategory[item];
    return c >= 0 ? this.build.meta.categories[c] : "";
  }
}

const readings = new WeakMap<LoadedBuild, ItemReading>();

export function itemReading(build: LoadedBuild): ItemReading {
  let reading = readings.get(build);
  if (reading === undefined) readings.set(build, (reading = new ItemReading(build)));
  return reading;
}

function clauseNamespaces(index: CompatIndex, x: number): Set<string> {
  const out = new Set<string>();
  for (let c = index.clauseStart[x]; c < index.clauseStart[x + 1]; c++) {
    for (let k = index.clauseTokenStart[c]; k < index.clauseTokenStart[c + 1]; k++) out.add(tokenNamespace(index.tokens[index.clauseTokens[k]]));
  }
  return out;
}

/** What device `d` provides in the index, as a profile (`measure:value` tokens become measures). */
function compatProfile(index: CompatIndex, d: number): FitProfile {
  const tokens: string[] = [];
  const measures: Record<string, number> = {};
  const measureNames = new Set<string>(Object.values(MEASURES));
  for (let k = index.provideStart[d]; k < index.provideStart[d + 1]; k++) {
    const t = index.tokens[index.provideTokens[k]];
    const ns = tokenNamespace(t);
    if (measureNames.has(ns)) measures[ns] = Number(t.slice(ns.length + 1));
    else tokens.push(t);
  }
  return { tokens, measures, pins: [] };
}

/** True when item d provides something in the index (a device, or an accessory made for one model). */
function provides(index: CompatIndex, d: number): boolean {
  return d + 1 < index.provideStart.length && index.provideStart[d + 1] > index.provideStart[d];
}
