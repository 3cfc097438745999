/**
 * @module
 * Fit facts read from a product's title and description, given its role and kind. Each number-like fact type is
 * read from the title when the title states it, else from the description: titles state the product's own specs,
 * descriptions also talk about other products ("charge a 3000 mAh phone", "use an 18W or higher charger").
 *
 * - models: a device's own name (device-model.ts); an accessory's references after a cue word ("for",
 *   "compatible", "fits", "your", "including", ...) in the title and in each description sentence, up to a negative
 *   cue ("not compatible"), plus a device family named right at the start of the title ("DJI Mini 4 Pro Battery").
 * - connectors: a device's ports anywhere; an accessory's device-side plugs by kind (a USB-C to Lightning cable
 *   offers Lightning; a power bank's input ports are not offered; wireless earphones offer none).
 * - watts: a device's only next to charging words; a cable's or power bank's not when the text speaks of the
 *   charger to use ("18W or higher", "adapters such as 18W, 20W").
 * - sizes: a device's first screen size (centimetres converted when no inches are given); an accessory's fit
 *   sizes for the kinds that have one (protectors, cases, bags, stands, mounts, remotes, drive enclosures).
 */
import { batteryCodes, batterySizes, listedCodes } from "./part-codes";
import { connectorMentions, connectorsOf } from "./connectors";
import { deviceModels } from "./device-model";
import { addUnique, type FitFacts, type SizeFact } from "./fit-facts";
import { capacityMentions, cmToInches, type Mention, mahMentions, mmMentions, sizeMentions, wattMentions } from "./measures";
import { FAMILIES } from "./brand-families";
import { ReferenceReader } from "./model-references";
import { type ProductText, slugify } from "./product-text";

const POSITIVE_CUE = /\b(?:for|compatible|compatibility|fits?|works? (?:with|on)|suitable|supports?|supported|including|such as|like|your|charges?|connects?|designed|made)\b/i;
const NEGATIVE_CUE = /\b(?:not|never|isn'?t|doesn'?t|don'?t|incompatible)\b[^.]{0,20}\b(?:compatible|suitable|support|fit|work|for)\b|\bincompatible\b/i;

const CONNECTOR_KINDS: ReadonlySet<string> = new Set(["cable", "adapter", "hub", "usb-drive", "charger", "power-bank", "earphones", "headphones", "speaker"]);
const WATT_KINDS: ReadonlySet<string> = new Set(["charger", "cable", "power-bank", "adapter", "hub"]);
const MAH_KINDS: ReadonlySet<string> = new Set(["power-bank", "battery", "earphones", "headphones", "speaker", "controller", "mouse", "keyboard"]);
const GB_KINDS: ReadonlySet<string> = new Set(["memory-card", "usb-drive", "external-drive", "ram"]);
const CARD_KINDS: ReadonlySet<string> = new Set(["memory-card", "speaker"]);
const SIZE_KINDS: ReadonlySet<string> = new Set(["screen-protector", "case", "bag", "stand", "mount", "remote", "external-drive"]);
const MM_KINDS: ReadonlySet<string> = new Set(["mount", "external-drive", "charger", "watch-band", "smartwatch"]);
const PHONE_KINDS: ReadonlySet<string> = new Set(["smartphone", "mobile-phone", "tablet"]);
const WIRELESS = /\b(?:wireless|bluetooth|tws|true wireless|neckband|bt ?v?\d)/i;
const CHARGING_WORDS = /charg|vooc|flash ?charge|turbo|dart|warp|fast|pd\b|power delivery/i;
const DISPLAY_WORDS = /display|screen|lcd|amoled|oled|touch|panel|monitor|tv\b/i;

/** Text facts for a product of the given role and kind (never `other`). */
export function textFacts(text: ProductText, facts: FitFacts, brand?: string): void {
  const kind = facts.kind ?? "";
  const device = facts.role === "device";
  const pieces = [text.title, ...text.segments];
  const description = text.segments.join(" | ");
  const titleFirst = <T>(read: (s: string) => T[]): T[] => {
    const fromTitle = read(text.title);
    return fromTitle.length > 0 ? fromTitle : text.segments.flatMap(read);
  };

  if (device) deviceModels(text.title, brand).forEach((m) => addUnique(facts.models, m));
  else accessoryReferences(text).forEach((m) => addUnique(facts.models, m));

  readConnectors(text, facts, kind, device);

  if (device || WATT_KINDS.has(kind)) {
    for (const w of titleFirst((s) => wattMentions(s).filter((m) => (device ? chargingWatt(s, m) : !chargerAdvice(s, m, kind))))) addUnique(facts.watts, w.value);
  }
  if (device || MAH_KINDS.has(kind)) for (const m of titleFirst(mahMentions)) addUnique(facts.mah, m.value);
  if (device || GB_KINDS.has(kind)) for (const gb of storage(titleFirst((s) => capacityMentions(s).filter((m) => m.tag === undefined || m.tag === "storage" || (m.tag === "ram" && kind === "ram"))), device)) addUnique(facts.gb, gb);
  if (device || CARD_KINDS.has(kind)) {
    const cards = kind === "memory-card" ? titleFirst(cardFormats) : pieces.flatMap(cardFormats);
    for (const card of cards) addUnique(facts.cards, card === "sd" && PHONE_KINDS.has(kind) ? "microsd" : card);
  }
  if (device) readScreen(text, facts, kind);
  else if (SIZE_KINDS.has(kind)) for (const s of titleFirst(accessorySizes)) pushSize(facts.sizes, s);
  if (MM_KINDS.has(kind)) for (const mm of titleFirst(fitMillimetres)) pushSize(facts.sizes, { unit: "mm", min: mm, max: mm });

  batteryCodes(`${text.title} ${description}`).forEach((c) => addUnique(facts.parts, c));
  if (kind === "battery" || (kind === "charger" && /batter/i.test(text.title))) batterySizes(text.title).forEach((c) => addUnique(facts.parts, c));
  if (kind === "remote" || (!device && /\bremote\b/i.test(text.title))) listedCodes(`${text.title} | ${description}`).forEach((c) => addUnique(facts.parts, c));
}

/**
 * An accessory's references. A reference by brand and designator alone whose brand and designator both stand in
 * the title before its first cue is the product's own name ("Lava Charging Adapter Elements D3 ...").
 */
function accessoryReferences(text: ProductText): string[] {
  const out: string[] = [];
  const title = ReferenceReader.of(text.title);
  title.readAt(0, out, { direct: true });
  const cue = POSITIVE_CUE.exec(text.title);
  const ownWords = new Set(slugify(cue === null ? text.title : text.title.slice(0, cue.index)).split("-"));
  for (const piece of [text.title, ...text.segments]) {
    const negative = NEGATIVE_CUE.exec(piece);
    const positive = POSITIVE_CUE.exec(negative === null ? piece : piece.slice(0, negative.index));
    if (positive === null) continue;
    const region = piece.slice(positive.index, negative === null ? undefined : negative.index);
    for (const m of ReferenceReader.of(region).all()) addUnique(out, m);
  }
  return out.filter((m) => !isOwnName(m, ownWords));
}

function isOwnName(model: string, ownWords: ReadonlySet<string>): boolean {
  const [brand, ...rest] = model.split("-");
  const family = FAMILIES.some((f) => f.brand === brand && model.startsWith(`${brand}-${f.slug}-`));
  return !family && ownWords.has(brand) && rest.length > 0 && ownWords.has(rest[rest.length - 1]);
}

function readConnectors(text: ProductText, facts: FitFacts, kind: string, device: boolean): void {
  const mentionsIn = (s: string) => connectorMentions(s).filter((m) => !m.input);
  if (device) {
    for (const c of connectorsOf([text.title, ...text.segments].flatMap(mentionsIn))) addUnique(facts.connectors, c);
    return;
  }
  if (!CONNECTOR_KINDS.has(kind)) return;
  const title = connectorsOf(mentionsIn(text.title));
  let found = title.length > 0 ? title : connectorsOf(text.segments.flatMap(mentionsIn));
  if ((kind === "earphones" || kind === "headphones" || kind === "speaker") && (kind === "speaker" || WIRELESS.test(text.title))) found = found.filter((c) => c === "jack-3.5mm");
  if (kind === "cable" && found.includes("usb-c") && (found.includes("lightning") || found.includes("micro-usb")) && !/\b\d ?-?in ?-?1\b|multi|multiple/i.test(text.title)) found = found.filter((c) => c !== "usb-c");
  if (kind === "charger" && !found.includes("usb-c") && /laptop|notebook/i.test(text.title) && /\b\d(?:\.\d)? ?mm\b/i.test(text.title)) found.push("dc-barrel");
  for (const c of found) addUnique(facts.connectors, c);
}

/** A device's wattage next to a charging word. */
function chargingWatt(s: string, m: Mention): boolean {
  return CHARGING_WORDS.test(s.slice(Math.max(0, m.index - 25), m.end + 25));
}

/** A cable's or power bank's text naming the charger to use with it, or listing chargers. */
function chargerAdvice(s: string, m: Mention, kind: string): boolean {
  const after = s.slice(m.end, m.end + 40).toLowerCase();
  const before = s.slice(Math.max(0, m.index - 60), m.index).toLowerCase();
  if (/^\s*(?:or|and) (?:higher|above|more)|^\s*\+/.test(after)) return true;
  if (/(?:such as|including|like)[\s\d.,wor]*$/.test(before)) return true;
  return kind !== "charger" && /^\s*(?:usb-?c |type-?c |pd |power delivery )*(?:wall |fast )?(?:charger|adapter|adaptor)s?\b/.test(after);
}

/** Storage values: the tagged ones when any, else all (a device keeps only the largest: "6GB, 128GB" is RAM, storage). */
function storage(mentions: ReturnType<typeof capacityMentions>, device: boolean): number[] {
  const tagged = mentions.filter((m) => m.tag === "storage");
  const chosen = tagged.length > 0 ? tagged : mentions;
  if (chosen.length === 0) return [];
  return device && tagged.length === 0 ? [Math.max(...chosen.map((m) => m.value))] : chosen.map((m) => m.value);
}

function cardFormats(s: string): string[] {
  const lower = s.toLowerCase();
  const out: string[] = [];
  if (/micro ?sd(?:hc|xc)?|\btf card|\bmsd\b|micro secure digital/.test(lower)) out.push("microsd");
  if (/(?<!micro ?)\bsd(?:hc|xc)?\b(?! ?express)|secure digital/.test(lower.replace(/micro ?sd(?:hc|xc)?/g, " "))) out.push("sd");
  if (/cfexpress (?:type )?a\b/.test(lower)) out.push("cfexpress-a");
  if (/cfexpress (?:type )?b\b/.test(lower)) out.push("cfexpress-b");
  return out;
}

/**
 * A device's screen: its first size in inches (a hyphenated "13-inch" names a class, so a plain 13.6" wins), else
 * its first centimetre size next to display words; a watch's case.
 */
function readScreen(text: ProductText, facts: FitFacts, kind: string): void {
  const pieces = [text.title, ...text.segments];
  const mentions = pieces.map((piece) => ({ piece, sizes: sizeMentions(piece) }));
  const displayed = (piece: string, m: { index: number; end: number }) => DISPLAY_WORDS.test(piece.slice(Math.max(0, m.index - 40), m.end + 40));
  const exact = mentions.flatMap(({ piece, sizes }) => sizes.filter((m) => m.unit === "in" && m.min === m.max).map((m) => ({ m, named: /^\d+(?:\.\d+)?-inch/i.test(piece.slice(m.index, m.end)) })));
  let inches = (exact.find((e) => !e.named) ?? exact[0])?.m.max;
  if (inches === undefined) {
    const cm = mentions.flatMap(({ piece, sizes }) => sizes.filter((m) => m.unit === "cm" && m.max >= 2.5 && displayed(piece, m))).at(0);
    if (cm !== undefined) inches = cmToInches(cm.max);
  }
  if (inches !== undefined) pushSize(facts.sizes, { unit: "in", min: inches, max: inches });
  if (kind === "smartwatch") {
    const watchCase = mentions.flatMap(({ piece, sizes }) => sizes.filter((m) => m.unit === "cm" && m.max < 7 && !displayed(piece, m))).at(0);
    if (watchCase !== undefined) pushSize(facts.sizes, { unit: "mm", min: watchCase.max * 10, max: watchCase.max * 10 });
  }
}

function accessorySizes(s: string): SizeFact[] {
  return sizeMentions(s)
    .filter((m) => m.unit === "in")
    .map((m) => ({ unit: "in" as const, ...(m.min === undefined ? {} : { min: m.min }), max: m.max }));
}

/** Millimetre sizes that decide fit: not the 3.5 mm jack, not a screen's size in brackets after its inches. */
function fitMillimetres(s: string): number[] {
  const lower = s.toLowerCase();
  return mmMentions(lower)
    .filter((m) => !(m.value === 3.5 && /^\s*(?:audio|jack|headphone|aux|stereo)/.test(lower.slice(m.end))) && !/[")]\s*\(?\s*$/.test(lower.slice(Math.max(0, m.index - 3), m.index)))
    .map((m) => m.value);
}

function pushSize(sizes: SizeFact[], size: SizeFact): void {
  if (!sizes.some((s) => s.unit === size.unit && s.min === size.min && s.max === size.max)) sizes.push(size);
}
