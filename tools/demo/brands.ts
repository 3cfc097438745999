/**
 * @module
 * Brand demand priors (how strongly a brand sells relative to others in the same leaf) and how titles shorten a
 * device name after "for ..." ("Case for Galaxy S25 Ultra", "Case for Xiaomi 15 Ultra").
 */

const PRIOR: Record<string, number> = {
  Apple: 3.2, Samsung: 2.6, Google: 0.9, Xiaomi: 1.0, OnePlus: 0.5, Motorola: 0.6, Nothing: 0.4, Sony: 1.0, Fairphone: 0.2, Nokia: 0.25,
  Lenovo: 1.3, HP: 1.2, Dell: 1.1, ASUS: 1.1, Acer: 0.9, MSI: 0.7, Razer: 0.5, Microsoft: 0.7, LG: 0.6,
  Canon: 1.3, Nikon: 1.0, Fujifilm: 0.8, Panasonic: 0.5, "OM System": 0.3, DJI: 2.5, GoPro: 1.3, Insta360: 0.8,
  Spigen: 1.6, OtterBox: 1.0, ESR: 0.9, Belkin: 1.1, Anker: 1.8, UGREEN: 1.0, JBL: 1.5, Bose: 1.2, Logitech: 1.6,
  "Logitech G": 1.3, SanDisk: 1.5, Corsair: 1.1, AMD: 1.2, Intel: 1.0, Amazon: 1.4, "Philips Hue": 1.3, Nintendo: 1.6,
  Garmin: 1.1, Potensic: 0.3, HOVERAir: 0.3, Valve: 0.6, CASETiFY: 0.7,
};

export function brandPrior(brand: string): number {
  return PRIOR[brand] ?? 0.7;
}

/** How a device is named after "for": the big three drop their brand ("iPhone 17 Pro"), others keep it. */
export function shortName(brand: string, name: string): string {
  return brand === "Apple" || brand === "Samsung" || brand === "Google" ? name : `${brand} ${name}`;
}
