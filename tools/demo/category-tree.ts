/**
 * @module
 * The shop's category tree. Each leaf names its path (root first), the prefix of its product ids, the `kind`
 * attribute its products carry, the gross-margin range it sells at, the words shoppers search it with, and, for
 * devices, the price limits of its tiers (flagship at or above `tiers[0]`, budget below `tiers[1]`).
 */

export interface Leaf {
  path: readonly string[];
  sku: string;
  kind: string;
  margin: readonly [number, number];
  queries: readonly string[];
  tiers?: readonly [flagshipFrom: number, budgetBelow: number];
}

const PT = "Phones & Tablets";
const PA = [PT, "Phone Accessories"] as const;
const TA = [PT, "Tablet Accessories"] as const;
const LAP = ["Computers", "Laptops"] as const;
const PC = ["Computers", "PC Components"] as const;
const MON = ["Computers", "Monitors"] as const;
const CA = ["Computers", "Computer Accessories"] as const;

export const LEAVES = {
  smartphones: { path: [PT, "Smartphones"], sku: "phone", kind: "smartphone", margin: [0.07, 0.14], queries: ["smartphone", "5g phone", "new phone"], tiers: [900, 400] },
  tablets: { path: [PT, "Tablets"], sku: "tablet", kind: "tablet", margin: [0.08, 0.15], queries: ["tablet", "ipad", "android tablet"], tiers: [800, 350] },
  "phone-cases": { path: [...PA, "Cases"], sku: "case", kind: "phone-case", margin: [0.55, 0.72], queries: ["phone case", "magsafe case", "rugged case"] },
  "screen-protectors": { path: [...PA, "Screen Protectors"], sku: "protector", kind: "screen-protector", margin: [0.65, 0.8], queries: ["screen protector", "tempered glass"] },
  chargers: { path: [...PA, "Chargers"], sku: "charger", kind: "charger", margin: [0.45, 0.6], queries: ["usb-c charger", "fast charger", "wireless charger", "magsafe charger"] },
  cables: { path: [...PA, "Cables"], sku: "cable", kind: "cable", margin: [0.5, 0.68], queries: ["usb-c cable", "lightning cable", "charging cable"] },
  "power-banks": { path: [...PA, "Power Banks"], sku: "powerbank", kind: "power-bank", margin: [0.35, 0.48], queries: ["power bank", "portable charger", "magnetic power bank"] },
  "tablet-cases": { path: [...TA, "Tablet Cases"], sku: "tabcase", kind: "tablet-case", margin: [0.5, 0.68], queries: ["ipad case", "tablet case", "folio case"] },
  "tablet-protectors": { path: [...TA, "Tablet Screen Protectors"], sku: "tabglass", kind: "tablet-screen-protector", margin: [0.6, 0.78], queries: ["ipad screen protector", "paper feel screen protector"] },
  "tablet-keyboards": { path: [...TA, "Tablet Keyboards"], sku: "tabkbd", kind: "tablet-keyboard", margin: [0.3, 0.42], queries: ["ipad keyboard", "keyboard case"] },
  styluses: { path: [...TA, "Styluses"], sku: "stylus", kind: "stylus", margin: [0.25, 0.4], queries: ["apple pencil", "stylus", "s pen"] },
  "gaming-laptops": { path: [...LAP, "Gaming Laptops"], sku: "glaptop", kind: "gaming-laptop", margin: [0.06, 0.12], queries: ["gaming laptop", "rtx laptop", "rog laptop"], tiers: [2000, 1100] },
  ultrabooks: { path: [...LAP, "Ultrabooks"], sku: "ultrabook", kind: "ultrabook", margin: [0.07, 0.13], queries: ["ultrabook", "macbook", "thin laptop"], tiers: [1500, 1000] },
  "everyday-laptops": { path: [...LAP, "Everyday Laptops"], sku: "laptop", kind: "everyday-laptop", margin: [0.07, 0.13], queries: ["laptop", "cheap laptop", "student laptop"], tiers: [800, 500] },
  "two-in-one-laptops": { path: [...LAP, "2-in-1 Laptops"], sku: "convertible", kind: "2-in-1-laptop", margin: [0.07, 0.13], queries: ["2 in 1 laptop", "convertible laptop", "surface"], tiers: [1100, 800] },
  chromebooks: { path: [...LAP, "Chromebooks"], sku: "chromebook", kind: "chromebook", margin: [0.07, 0.12], queries: ["chromebook"], tiers: [500, 300] },
  cpus: { path: [...PC, "CPUs"], sku: "cpu", kind: "cpu", margin: [0.05, 0.1], queries: ["ryzen", "intel core", "cpu"], tiers: [450, 250] },
  motherboards: { path: [...PC, "Motherboards"], sku: "mainboard", kind: "motherboard", margin: [0.08, 0.14], queries: ["motherboard", "am5 motherboard", "b650"] },
  gpus: { path: [...PC, "Graphics Cards"], sku: "gpu", kind: "graphics-card", margin: [0.05, 0.1], queries: ["rtx 5070", "graphics card", "radeon"], tiers: [900, 450] },
  ram: { path: [...PC, "RAM"], sku: "ram", kind: "ram", margin: [0.12, 0.2], queries: ["ddr5 ram", "ddr4 32gb", "memory"] },
  ssds: { path: [...PC, "SSDs"], sku: "ssd", kind: "ssd", margin: [0.1, 0.18], queries: ["nvme ssd", "ssd 2tb", "m.2 ssd"] },
  "cpu-coolers": { path: [...PC, "CPU Coolers"], sku: "cooler", kind: "cpu-cooler", margin: [0.18, 0.28], queries: ["cpu cooler", "aio 360"] },
  psus: { path: [...PC, "Power Supplies"], sku: "psu", kind: "power-supply", margin: [0.12, 0.2], queries: ["power supply", "850w psu"] },
  "gaming-monitors": { path: [...MON, "Gaming Monitors"], sku: "gmonitor", kind: "gaming-monitor", margin: [0.1, 0.18], queries: ["gaming monitor", "oled monitor", "240hz monitor"], tiers: [700, 300] },
  "office-monitors": { path: [...MON, "Office Monitors"], sku: "monitor", kind: "office-monitor", margin: [0.1, 0.18], queries: ["monitor", "4k monitor", "usb-c monitor"], tiers: [500, 250] },
  mice: { path: [...CA, "Mice"], sku: "mouse", kind: "mouse", margin: [0.3, 0.42], queries: ["wireless mouse", "mx master", "ergonomic mouse"] },
  keyboards: { path: [...CA, "Keyboards"], sku: "keyboard", kind: "keyboard", margin: [0.3, 0.42], queries: ["wireless keyboard", "mechanical keyboard"] },
  "laptop-bags": { path: [...CA, "Laptop Bags & Sleeves"], sku: "bag", kind: "laptop-bag", margin: [0.4, 0.55], queries: ["laptop sleeve", "laptop backpack", "macbook sleeve"] },
  docks: { path: [...CA, "Docks & Hubs"], sku: "dock", kind: "dock", margin: [0.3, 0.45], queries: ["usb-c hub", "docking station", "thunderbolt dock"] },
  webcams: { path: [...CA, "Webcams"], sku: "webcam", kind: "webcam", margin: [0.25, 0.38], queries: ["webcam", "4k webcam"] },
  "external-storage": { path: [...CA, "External Storage"], sku: "extssd", kind: "external-storage", margin: [0.12, 0.2], queries: ["portable ssd", "external drive"] },
  mirrorless: { path: ["Cameras", "Mirrorless Cameras"], sku: "camera", kind: "mirrorless-camera", margin: [0.09, 0.15], queries: ["mirrorless camera", "full frame camera", "sony alpha"], tiers: [2500, 1200] },
  "action-cameras": { path: ["Cameras", "Action Cameras"], sku: "actioncam", kind: "action-camera", margin: [0.12, 0.2], queries: ["action camera", "gopro", "360 camera"], tiers: [450, 300] },
  lenses: { path: ["Cameras", "Lenses"], sku: "lens", kind: "lens", margin: [0.12, 0.2], queries: ["lens", "50mm lens", "zoom lens"] },
  "memory-cards": { path: ["Cameras", "Memory Cards"], sku: "card", kind: "memory-card", margin: [0.3, 0.42], queries: ["sd card", "microsd 256gb", "cfexpress"] },
  "camera-bags": { path: ["Cameras", "Camera Bags"], sku: "cambag", kind: "camera-bag", margin: [0.35, 0.48], queries: ["camera bag", "camera backpack"] },
  tripods: { path: ["Cameras", "Tripods"], sku: "tripod", kind: "tripod", margin: [0.3, 0.45], queries: ["tripod", "travel tripod"] },
  drones: { path: ["Drones", "Camera Drones"], sku: "drone", kind: "drone", margin: [0.12, 0.18], queries: ["drone", "dji mini", "drone with camera"], tiers: [1000, 450] },
  "drone-batteries": { path: ["Drones", "Drone Batteries"], sku: "dronebat", kind: "drone-battery", margin: [0.25, 0.35], queries: ["drone battery", "intelligent flight battery"] },
  earbuds: { path: ["Audio", "Earbuds"], sku: "earbuds", kind: "earbuds", margin: [0.18, 0.3], queries: ["earbuds", "airpods", "noise cancelling earbuds"], tiers: [220, 100] },
  headphones: { path: ["Audio", "Headphones"], sku: "headphones", kind: "headphones", margin: [0.18, 0.3], queries: ["headphones", "noise cancelling headphones"], tiers: [350, 150] },
  speakers: { path: ["Audio", "Bluetooth Speakers"], sku: "speaker", kind: "speaker", margin: [0.2, 0.32], queries: ["bluetooth speaker", "waterproof speaker", "jbl"], tiers: [250, 100] },
  soundbars: { path: ["Audio", "Soundbars"], sku: "soundbar", kind: "soundbar", margin: [0.15, 0.25], queries: ["soundbar", "dolby atmos soundbar"] },
  smartwatches: { path: ["Wearables", "Smartwatches"], sku: "watch", kind: "smartwatch", margin: [0.14, 0.22], queries: ["smartwatch", "apple watch", "garmin"], tiers: [500, 300] },
  "watch-bands": { path: ["Wearables", "Watch Bands"], sku: "band", kind: "watch-band", margin: [0.55, 0.7], queries: ["watch band", "apple watch strap", "22mm strap"] },
  "fitness-trackers": { path: ["Wearables", "Fitness Trackers"], sku: "tracker", kind: "fitness-tracker", margin: [0.18, 0.28], queries: ["fitness tracker", "smart band"] },
  "smart-rings": { path: ["Wearables", "Smart Rings"], sku: "ring", kind: "smart-ring", margin: [0.2, 0.3], queries: ["smart ring", "oura"] },
  consoles: { path: ["Gaming", "Consoles"], sku: "console", kind: "console", margin: [0.04, 0.09], queries: ["ps5", "nintendo switch 2", "xbox"], tiers: [550, 350] },
  controllers: { path: ["Gaming", "Controllers"], sku: "controller", kind: "controller", margin: [0.2, 0.3], queries: ["controller", "dualsense", "pro controller"] },
  "gaming-keyboards": { path: ["Gaming", "Gaming Keyboards"], sku: "gkeyboard", kind: "gaming-keyboard", margin: [0.25, 0.38], queries: ["gaming keyboard", "mechanical keyboard rgb"] },
  "gaming-mice": { path: ["Gaming", "Gaming Mice"], sku: "gmouse", kind: "gaming-mouse", margin: [0.25, 0.38], queries: ["gaming mouse", "wireless gaming mouse"] },
  "gaming-headsets": { path: ["Gaming", "Gaming Headsets"], sku: "gheadset", kind: "gaming-headset", margin: [0.22, 0.34], queries: ["gaming headset", "ps5 headset"] },
  "mouse-pads": { path: ["Gaming", "Mouse Pads"], sku: "mousepad", kind: "mouse-pad", margin: [0.5, 0.65], queries: ["mouse pad", "desk mat"] },
  "vr-headsets": { path: ["Gaming", "VR Headsets"], sku: "vr", kind: "vr-headset", margin: [0.08, 0.14], queries: ["vr headset", "meta quest"] },
  "smart-speakers": { path: ["Smart Home", "Smart Speakers & Displays"], sku: "smartspk", kind: "smart-speaker", margin: [0.15, 0.28], queries: ["echo dot", "smart speaker", "homepod"] },
  "smart-plugs": { path: ["Smart Home", "Smart Plugs"], sku: "plug", kind: "smart-plug", margin: [0.35, 0.5], queries: ["smart plug", "matter plug"] },
  "security-cameras": { path: ["Smart Home", "Security Cameras"], sku: "seccam", kind: "security-camera", margin: [0.22, 0.34], queries: ["security camera", "video doorbell"] },
  "smart-lighting": { path: ["Smart Home", "Smart Lighting"], sku: "light", kind: "smart-light", margin: [0.3, 0.45], queries: ["hue bulb", "smart bulb", "led strip"] },
  thermostats: { path: ["Smart Home", "Smart Thermostats"], sku: "thermostat", kind: "smart-thermostat", margin: [0.18, 0.28], queries: ["smart thermostat", "tado"] },
  "robot-vacuums": { path: ["Smart Home", "Robot Vacuums"], sku: "vacuum", kind: "robot-vacuum", margin: [0.15, 0.25], queries: ["robot vacuum", "roborock"], tiers: [900, 400] },
} as const satisfies Record<string, Leaf>;

export type LeafKey = keyof typeof LEAVES;
export const LEAF_KEYS = Object.keys(LEAVES) as LeafKey[];

