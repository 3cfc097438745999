/**
 * @module
 * Product pictures: the catalogue's image where it has one, else a line icon for the product's kind on a tint of its
 * top-level category. Purely decorative (`aria-hidden`, empty alt); the product's title is always next to it.
 */
import { fromMarkup } from "./dom.js";

const PATHS = {
  phone: '<rect x="7" y="2.5" width="10" height="19" rx="2.2"/><path d="M10.5 18.5h3"/>',
  tablet: '<rect x="4" y="3" width="16" height="18" rx="2"/><path d="M11 18h2"/>',
  laptop: '<rect x="5" y="5" width="14" height="10" rx="1.2"/><path d="M2.5 18.5h19M5 15l-2.5 3.5M19 15l2.5 3.5"/>',
  monitor: '<rect x="3" y="4" width="18" height="12" rx="1.5"/><path d="M9 20h6M12 16v4"/>',
  chip: '<rect x="7" y="7" width="10" height="10" rx="1.5"/><path d="M9.5 3v4M14.5 3v4M9.5 17v4M14.5 17v4M3 9.5h4M3 14.5h4M17 9.5h4M17 14.5h4"/>',
  board: '<rect x="3.5" y="3.5" width="17" height="17" rx="1.5"/><rect x="7" y="7" width="6" height="6" rx=".8"/><path d="M16.5 7v10M7 16.5h6"/>',
  gpu: '<rect x="2.5" y="7" width="19" height="10" rx="1.5"/><circle cx="9" cy="12" r="2.7"/><circle cx="16" cy="12" r="2.7"/><path d="M5 17v2.5"/>',
  ram: '<rect x="2.5" y="8" width="19" height="7" rx="1"/><path d="M5 15v2M8 15v2M11 15v2M14 15v2M17 15v2M6 11.5h2M11 11.5h2M16 11.5h2"/>',
  storage: '<rect x="4" y="5" width="16" height="14" rx="2"/><path d="M8 15h.01M12 9h4"/>',
  fan: '<circle cx="12" cy="12" r="8.5"/><circle cx="12" cy="12" r="1.5"/><path d="M12 10.5c0-3 1-5 3.5-5M13.5 12c3 0 5 1 5 3.5M12 13.5c0 3-1 5-3.5 5M10.5 12c-3 0-5-1-5-3.5"/>',
  bolt: '<path d="M13 2.5L5 13.5h6l-1 8 8-11h-6z"/>',
  cable: '<path d="M7 3v3.5M11 3v3.5M5.5 6.5h7V10a3.5 3.5 0 0 1-7 0zM9 13.5V17a4 4 0 0 0 8 0V5"/>',
  battery: '<rect x="3" y="7" width="16" height="10" rx="2"/><path d="M21 10.5v3M7 10v4M10.5 10v4"/>',
  shield: '<path d="M12 3l7 3v5c0 4.5-3 8.2-7 10-4-1.8-7-5.5-7-10V6z"/>',
  glass: '<rect x="7" y="2.5" width="10" height="19" rx="2.2"/><path d="M9.5 9l5-5M9.5 14l7-7"/>',
  stylus: '<path d="M16.5 3.5l4 4L8 20l-5 1 1-5z"/><path d="M14 6l4 4"/>',
  keyboard: '<rect x="2.5" y="6.5" width="19" height="11" rx="1.5"/><path d="M6 10h.01M9 10h.01M12 10h.01M15 10h.01M18 10h.01M7 14h10"/>',
  mouse: '<rect x="7" y="3" width="10" height="18" rx="5"/><path d="M12 7v3"/>',
  pad: '<rect x="3" y="6" width="18" height="12" rx="2.5"/><path d="M15 9.5v2"/>',
  bag: '<rect x="3.5" y="7.5" width="17" height="12" rx="2"/><path d="M9 7.5v-2A1.5 1.5 0 0 1 10.5 4h3A1.5 1.5 0 0 1 15 5.5v2M3.5 12.5h17"/>',
  dock: '<rect x="4" y="8" width="16" height="8" rx="2"/><path d="M7.5 12h2M11 12h2M14.5 12h2M12 8V4"/>',
  webcam: '<circle cx="12" cy="10" r="6.5"/><circle cx="12" cy="10" r="2.5"/><path d="M8 20h8M12 16.5V20"/>',
  camera: '<path d="M4 8h3l1.5-2.5h7L17 8h3a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1z"/><circle cx="12" cy="13" r="3.5"/>',
  lens: '<circle cx="12" cy="12" r="8.5"/><circle cx="12" cy="12" r="5"/><circle cx="12" cy="12" r="1.8"/>',
  card: '<path d="M7 3h7l4 4v13a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z"/><path d="M9.5 6v3M12 6v3M14.5 7v2"/>',
  tripod: '<path d="M9 3h6v4H9zM12 7v4M12 11l-6 10M12 11l6 10M12 11v10"/>',
  drone: '<circle cx="5.5" cy="6" r="2.5"/><circle cx="18.5" cy="6" r="2.5"/><circle cx="5.5" cy="18" r="2.5"/><circle cx="18.5" cy="18" r="2.5"/><rect x="9" y="9.5" width="6" height="5" rx="1.2"/><path d="M7.3 7.8L9 9.5M16.7 7.8L15 9.5M7.3 16.2L9 14.5M16.7 16.2L15 14.5"/>',
  earbuds: '<path d="M8.5 4A3.5 3.5 0 0 0 5 7.5C5 9.5 6.5 11 8.5 11v8.5M15.5 4A3.5 3.5 0 0 1 19 7.5c0 2-1.5 3.5-3.5 3.5v8.5"/>',
  headphones: '<path d="M4 15v-3a8 8 0 0 1 16 0v3"/><rect x="3" y="14" width="4" height="6" rx="1.5"/><rect x="17" y="14" width="4" height="6" rx="1.5"/>',
  speaker: '<rect x="6" y="2.5" width="12" height="19" rx="2.5"/><circle cx="12" cy="14.5" r="3.5"/><circle cx="12" cy="7" r="1.2"/>',
  soundbar: '<rect x="2.5" y="9" width="19" height="6" rx="2"/><path d="M6 12h.01M9 12h.01M12 12h.01M15 12h.01M18 12h.01"/>',
  watch: '<rect x="6.5" y="6.5" width="11" height="11" rx="3"/><path d="M9 6.5L9.5 3h5l.5 3.5M9 17.5l.5 3.5h5l.5-3.5M12 9.5V12l1.5 1.5"/>',
  band: '<path d="M9 2.5h6v19H9z"/><path d="M9 8h6M9 16h6M12 11v2"/>',
  tracker: '<rect x="8" y="4" width="8" height="16" rx="4"/><path d="M12 9v3"/>',
  ring: '<circle cx="12" cy="13" r="7"/><circle cx="12" cy="13" r="4.5"/><path d="M10 4.5h4"/>',
  console: '<rect x="3" y="7" width="18" height="10" rx="2"/><path d="M6.5 12h3M8 10.5v3"/><circle cx="16" cy="11" r=".8"/><circle cx="17.5" cy="13.2" r=".8"/>',
  gamepad: '<path d="M7 8h10a4.5 4.5 0 0 1 4.3 5.8l-1 3.2a2.2 2.2 0 0 1-3.7.8L14.5 16h-5l-2.1 1.8a2.2 2.2 0 0 1-3.7-.8l-1-3.2A4.5 4.5 0 0 1 7 8z"/><path d="M7.5 11v3M6 12.5h3"/>',
  vr: '<path d="M3 9a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2h-4l-2-2.5h-2L9 17H5a2 2 0 0 1-2-2z"/>',
  smartspeaker: '<ellipse cx="12" cy="6" rx="5" ry="2"/><path d="M7 6v12a5 2 0 0 0 10 0V6"/>',
  plug: '<rect x="5" y="5" width="14" height="14" rx="4"/><path d="M10 10v2M14 10v2M12 15v.01"/>',
  bulb: '<path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.5 1 1.2 1 2.1h5c0-.9.4-1.6 1-2.1A6 6 0 0 0 12 3z"/>',
  cctv: '<path d="M3 7l14 4-2 4.5L3 12z"/><path d="M16 13l3 1.5M19 11v7"/>',
  thermostat: '<circle cx="12" cy="12" r="8.5"/><path d="M12 7v5l3 2"/>',
  vacuum: '<circle cx="12" cy="12" r="8.5"/><circle cx="12" cy="12" r="3"/><path d="M7.5 8.5h.01"/>',
  home: '<path d="M3.5 11L12 4l8.5 7M6 9.5V20h12V9.5"/>',
  box: '<path d="M3.5 7.5L12 3l8.5 4.5v9L12 21l-8.5-4.5z"/><path d="M3.5 7.5L12 12l8.5-4.5M12 12v9"/>',
};

const ICON_OF_KIND = {
  smartphone: "phone", tablet: "tablet", "phone-case": "shield", "screen-protector": "glass", charger: "bolt", cable: "cable",
  "power-bank": "battery", "tablet-case": "shield", "tablet-screen-protector": "glass", "tablet-keyboard": "keyboard", stylus: "stylus",
  "gaming-laptop": "laptop", ultrabook: "laptop", "everyday-laptop": "laptop", "2-in-1-laptop": "laptop", chromebook: "laptop",
  cpu: "chip", motherboard: "board", "graphics-card": "gpu", ram: "ram", ssd: "storage", "cpu-cooler": "fan", "power-supply": "bolt",
  "gaming-monitor": "monitor", "office-monitor": "monitor", mouse: "mouse", keyboard: "keyboard", "laptop-bag": "bag", dock: "dock",
  webcam: "webcam", "external-storage": "storage", "mirrorless-camera": "camera", "action-camera": "camera", lens: "lens",
  "memory-card": "card", "camera-bag": "bag", tripod: "tripod", drone: "drone", "drone-battery": "battery", earbuds: "earbuds",
  headphones: "headphones", speaker: "speaker", soundbar: "soundbar", smartwatch: "watch", "watch-band": "band",
  "fitness-tracker": "tracker", "smart-ring": "ring", console: "console", controller: "gamepad", "gaming-keyboard": "keyboard",
  "gaming-mouse": "mouse", "gaming-headset": "headphones", "mouse-pad": "pad", "vr-headset": "vr", "smart-speaker": "smartspeaker",
  "smart-plug": "plug", "security-camera": "cctv", "smart-light": "bulb", "smart-thermostat": "thermostat", "robot-vacuum": "vacuum",
};

const ICON_OF_ROOT = {
  "phones-and-tablets": "phone", computers: "laptop", cameras: "camera", drones: "drone", audio: "headphones",
  wearables: "watch", gaming: "gamepad", "smart-home": "home",
};

const TINTS = ["phones-and-tablets", "computers", "cameras", "drones", "audio", "wearables", "gaming", "smart-home"];

/** The top-level category id of a category id ("computers/laptops/ultrabooks" -> "computers"). */
export function rootOf(categoryId) {
  return typeof categoryId === "string" ? categoryId.split("/")[0] : "";
}

function tintOf(categoryId) {
  const root = rootOf(categoryId);
  return TINTS.includes(root) ? root : "other";
}

function svg(name) {
  return fromMarkup(
    `<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${PATHS[name] ?? PATHS.box}</svg>`,
  );
}

/**
 * A decorative picture for a product (or a category when only `categoryId` is given): its image when given.
 * @param {{ kind?: string, categoryId?: string | null, size?: "s" | "m" | "l", image?: string | null }} what
 */
export function productArt({ kind, categoryId, size = "m", image }) {
  const art = document.createElement("div");
  art.className = `art art-${size} tint-${tintOf(categoryId)}`;
  art.setAttribute("aria-hidden", "true");
  if (typeof image === "string" && /^https?:\/\//.test(image)) {
    art.classList.add("art-photo");
    const img = document.createElement("img");
    img.src = image;
    img.alt = "";
    img.loading = "lazy";
    art.append(img);
    return art;
  }
  art.append(svg(ICON_OF_KIND[kind] ?? ICON_OF_ROOT[rootOf(categoryId)] ?? "box"));
  return art;
}

/** The catalogue image of a product (the answer's `image_link`, or the one the catalogue row keeps in attrs). */
export function imageOf(product) {
  return product?.image_link ?? product?.attrs?.image_link ?? null;
}

/** The icon of a top-level category, for navigation tiles. */
export function categoryArt(categoryId, size = "m") {
  return productArt({ categoryId, size });
}
