/**
 * @module
 * What a product is, without the demo's vocabulary: its kind from the head noun of its title, else from its
 * category path (leaf first), else from the device family its title starts with, else from a later chunk of the
 * title; its role from its kind.
 *
 * The head of a title is its part before " for ", " compatible", " with ", " fits " or "|", parentheses removed, cut
 * into chunks at "," and " - "; chunks that start with a number list specs ("..., 32 GB RAM, 1 TB SSD"). The first
 * chunk names the product, unless it names a device and a later chunk a cable, charger, adapter, power bank, hub or
 * remote ("boAt Laptop, Smartphone Type-C Data Cable", "Sony TV - Remote": the devices it serves come first). In a chunk a device
 * noun loses to any other kind; English compounds put the head last, so the match that ends last wins, and of two
 * ending together the longer ("Laptop Bag Sleeve" -> bag, "Smart Watch Charger" -> charger, "Wall Mount Stand" ->
 * mount, "Keyboard and Mouse Set" -> keyboard). In-ear words anywhere make headphones earphones. A product of no
 * kind is `other` (kitchen appliances, stationery, routers).
 */
import { matchFamily } from "./brand-families";
import { DEVICE_KINDS, type ProductRole } from "./fit-facts";
import { tokenize } from "./product-text";

const KIND_PATTERNS: ReadonlyArray<readonly [string, RegExp]> = [
  ["screen-protector", /screen ?(?:protectors?|guards?)|tempered glass|screen films?|(?:camera |lens )+protectors?|privacy glass|glass protectors?/g],
  ["case", /\bcases?\b|\bcovers?\b|bumpers?|back ?covers?|flip covers?|folios?/g],
  ["bag", /\bbags?\b|\bsleeves?\b|pouch(?:es)?|carrying cases?|backpacks?|slipcases?|\bslings?\b/g],
  ["charger", /charger adapt(?:er|or)s?|chargers?\b|power adapt(?:er|or)s?|travel adapt(?:er|or)s?|wall adapt(?:er|or)s?|laptop adapt(?:er|or)s?|ac adapt(?:er|or)s?|power suppl(?:y|ies)|charging (?:stations?|pads?)/g],
  ["cable", /cables?\b|\bcords?\b|\bleads?\b/g],
  ["power-bank", /power ?banks?|portable chargers?|battery packs?|mini ups|\bups\b/g],
  ["earphones", /earphones?|ear ?buds?|in-ear|in ear|neckbands?|true wireless|\btws\b|earpods|airpods|airdopes/g],
  ["headphones", /headphones?|headsets?|on-ear|on ear|over-ear|over ear/g],
  ["speaker", /speakers?\b|soundbars?|sound bars?|home theat(?:er|re)s?/g],
  ["memory-card", /memory cards?|micro ?sd(?:hc|xc)?(?: cards?)?|\bsd(?:hc|xc)?(?: cards?)\b|\bsd(?:hc|xc)\b|tf cards?|secure digital(?: cards?)?|cfexpress/g],
  ["usb-drive", /pen ?drives?|flash drives?|usb drives?|thumb drives?|dual drives?\b/g],
  ["external-drive", /hard (?:disk|drive)s?(?: drives?)?|\bhdd\b|\bssds?\b|enclosures?(?: cases?| covers?)*|external (?:drives?|storage)|portable ssds?/g],
  ["remote", /remotes?\b|remote controls?/g],
  ["mount", /\bmounts?\b|holders?\b|cradles?|wall brackets?|wall mount(?: stands?| brackets?)?/g],
  ["stand", /\bstands?\b|lap ?desks?|laptop tables?|laptop desks?|bed tables?/g],
  ["stylus", /stylus(?:es)?(?: pens?)?|(?:ipad|apple|stylus|digital|active|charging|magnetic|touch|palm rejection) pencils?|\bs ?pen\b|digital pens?/g],
  ["mouse", /\bmouse\b|\bmice\b/g],
  ["mouse-pad", /mouse ?pads?|mouse ?mats?/g],
  ["keyboard", /keyboards?(?: (?:and|&) mouse(?: sets?| combos?)?)?/g],
  ["hub", /\bhubs?\b|docking stations?|(?:usb-?c?|thunderbolt|type-?c) docks?|\bdocks & hubs\b/g],
  ["adapter", /adapt(?:er|or)s?|converters?|dongles?|\botg\b|splitters?|universal travel adapt(?:er|or)s?/g],
  ["battery", /batter(?:y|ies)\b/g],
  ["tripod", /tripods?|selfie sticks?|monopods?|gimbals?/g],
  ["watch-band", /watch ?(?:bands?|straps?)|\bstraps?\b/g],
  ["lens", /\blens(?:es)?\b/g],
  ["controller", /controllers?|gamepads?|joysticks?/g],
  ["webcam", /webcams?/g],
  ["smartphone", /smartphones?|smart phones?|mobile phones?|cell ?phones?|android phones?/g],
  ["mobile-phone", /feature phones?|keypad (?:mobile )?phones?|keypad mobiles?|basic (?:mobiles?|phones?)|bar phones?/g],
  ["tablet", /tablets?\b/g],
  ["laptop", /laptops?\b|notebook pcs?|chromebooks?|ultrabooks?|macbooks?|2[- ]in[- ]1 (?:laptops?|convertibles?|notebooks?)|convertible laptops?/g],
  ["smartwatch", /smart ?watch(?:es)?|fitness (?:bands?|trackers?)|smart bands?|activity trackers?/g],
  ["tv", /\btvs?\b|televisions?/g],
  ["monitor", /monitors?\b/g],
  ["projector", /projectors?/g],
  ["security-camera", /cctv|security cameras?|surveillance|dome cameras?|ip cameras?|wi-?fi cameras?|smart cameras?|home security[^,|]*cameras?/g],
  ["camera", /cameras?\b|camcorders?|\bdslrs?\b|mirrorless/g],
  ["console", /consoles?\b/g],
  ["set-top-box", /set[- ]?top box(?:es)?|setup box(?:es)?|satellite receivers?|streaming (?:devices?|clients?|sticks?|media players?)|media players?|\btv sticks?\b|\bfire ?tv stick\b/g],
  ["drone", /drones?\b|quadcopters?/g],
  ["cpu", /\bcpus?\b|(?:intel|amd|ryzen|core i\d|xeon|athlon|threadripper)\b[^,|()]*?\bprocessors?\b/g],
  ["graphics-card", /graphics cards?|video cards?|\bgpus?\b/g],
  ["motherboard", /motherboards?|mainboards?/g],
  ["ram", /^ram$|\bram (?:kits?|modules?|sticks?)|(?:desktop|laptop) (?:ram|memory)|ddr[345]x? (?:ram|memory)|memory modules?/g],
  ["cpu-cooler", /cpu coolers?|\bcoolers?\b/g],
  ["cooling-pad", /cooling (?:pads?|tables?|stands?)|laptop coolers?/g],
  ["other", /lcd writing (?:pads?|tablets?)|writing (?:pads?|tablets?)|graphics? tablets?|drawing (?:pads?|tablets?)|office products|stationery|kitchen|home appliances|laundry(?: bags?| baskets?)?|heating|air quality|craft materials|\btoys\b|food processors?|surge protectors?|(?:ballpoint|fountain|gel|rollerball|marker) pens?|\bpens?\b|(?:wooden|graphite|colou?r) pencils?|(?:spiral|ruled|subject|binding)\b[^,]*notebooks?|routers?\b|modems?\b|range extenders?|repeaters?\b|access points?|vacuum(?: cleaners?)?\b|cleaners?\b/g],
];

/** Accessories whose titles may name the devices they serve first ("boAt Laptop, Smartphone Type-C Data Cable"). */
const CONNECTING: ReadonlySet<string> = new Set(["cable", "charger", "adapter", "power-bank", "hub", "remote"]);
const HEAD_END = /\s(?:for|compatible|with|fits|suitable|designed)\b|\|/i;
const IN_EAR = /\bin-?ear\b|earbuds?|neckband|\btws\b|true wireless/;

/**
 * The best kind in `text` (lower case): the match that ends last, then the longer one; a device noun loses to any
 * other kind in the same text ("USB Type-C Cable Smartphone" is a cable, "Laptop Cooling Table" a cooling pad).
 */
export function kindIn(text: string): string | undefined {
  let best: { kind: string; end: number; length: number; device: boolean } | undefined;
  for (const [kind, pattern] of KIND_PATTERNS) {
    const device = DEVICE_KINDS.has(kind);
    for (const m of text.matchAll(pattern)) {
      const end = (m.index ?? 0) + m[0].length;
      const better =
        best === undefined ||
        (best.device && !device) ||
        (best.device === device && (end > best.end || (end === best.end && m[0].length > best.length)));
      if (better) best = { kind, end, length: m[0].length, device };
    }
  }
  return best?.kind;
}

/**
 * Kinds of the title's head chunks (split at "," and " - "), in order, leaving out chunks that start with a number
 * ("32 GB RAM", "1 TB SSD": specs, not names).
 */
function titleKinds(title: string): Array<{ kind: string; chunk: number }> {
  const lower = title.toLowerCase();
  const cut = HEAD_END.exec(lower);
  const head = (cut === null ? lower : lower.slice(0, cut.index)).replace(/\([^)]*\)?/g, " ");
  const kinds: Array<{ kind: string; chunk: number }> = [];
  head.split(/,| - /).forEach((text, chunk) => {
    if (/^\s*\d/.test(text)) return;
    const kind = kindIn(text);
    if (kind !== undefined) kinds.push({ kind: kind === "headphones" && IN_EAR.test(lower) ? "earphones" : kind, chunk });
  });
  return kinds;
}

export interface KindEvidence {
  kind?: string;
  role: ProductRole;
  from: "title" | "category" | "family" | "none";
}

/** Role and kind of a product from its title and category path (root first). */
export function productKind(title: string, category: readonly string[]): KindEvidence {
  const chunks = titleKinds(title);
  const first = chunks.at(0);
  if (first !== undefined && first.chunk === 0) {
    const accessory = roleOfKind(first.kind) === "device" ? chunks.find((c) => CONNECTING.has(c.kind)) : undefined;
    return withRole((accessory ?? first).kind, "title");
  }
  for (let level = category.length - 1; level >= 0; level--) {
    const kind = kindIn(category[level].toLowerCase());
    if (kind !== undefined) return withRole(kind === "headphones" && IN_EAR.test(category[level].toLowerCase()) ? "earphones" : kind, "category");
  }
  const family = matchFamily(tokenize(title).map((t) => t.lower), 0)?.family;
  if (family?.kind !== undefined) return withRole(family.kind, "family");
  if (first !== undefined) return withRole(first.kind, "title");
  return { role: "other", from: "none" };
}

function roleOfKind(kind: string): ProductRole {
  if (kind === "other") return "other";
  return DEVICE_KINDS.has(kind) ? "device" : "accessory";
}

function withRole(kind: string, from: KindEvidence["from"]): KindEvidence {
  const role = roleOfKind(kind);
  return role === "other" ? { role, from } : { kind, role, from };
}
