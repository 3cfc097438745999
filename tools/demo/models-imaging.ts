/**
 * @module
 * Cameras, lenses, memory cards, camera bags, tripods, action cameras and drones (data/cameras.jsonl, lenses,
 * memory-cards, camera-bags, tripods, action-cameras, drones): lens mounts and card types are what makes a lens or
 * a card fit a body.
 */
import { z } from "zod";
import { launch, MODEL } from "./model-fields";
import { readTable } from "./read-table";
import { CARD_TYPES, LENS_MOUNTS } from "./vocabulary";

const card = z.enum(CARD_TYPES);
export const CAMERAS = readTable("cameras", z.strictObject({
  ...MODEL, mount: z.enum(LENS_MOUNTS), card, sensor: z.enum(["full-frame", "aps-c", "mft"]), mp: z.number(),
  /** The kit lens it is also sold with, and what the kit costs on top of the body. */
  kit: z.strictObject({ lens: z.string(), extraPrice: z.number() }).optional(),
  ...launch(["new", "clearance"]),
}));

export const LENSES = readTable("lenses", z.strictObject({
  ...MODEL, mounts: z.array(z.enum(LENS_MOUNTS)),
}));

export const MEMORY_CARDS = readTable("memory-cards", z.strictObject({
  brand: z.string(), name: z.string(), card, speedClass: z.string(), readMbps: z.number(),
  prices: z.array(z.strictObject({ capacityGb: z.number(), price: z.number() })),
}));

export const CAMERA_BAGS = readTable("camera-bags", z.strictObject({
  ...MODEL, size: z.enum(["s", "m", "l"]), style: z.string(), travel: z.boolean(),
}));

export const TRIPODS = readTable("tripods", z.strictObject({
  ...MODEL, maxLoadKg: z.number(), travel: z.boolean(),
}));

/** `combo`: what the combo bundle costs on top, when there is one. */
export const ACTION_CAMERAS = readTable("action-cameras", z.strictObject({
  ...MODEL, card, waterproofM: z.number(), combo: z.number().optional(), ...launch(["new", "clearance"]),
}));

export const DRONES = readTable("drones", z.strictObject({
  ...MODEL, weightG: z.number(), card, flightMin: z.number(), combo: z.number(),
  batteries: z.array(z.strictObject({ name: z.string(), price: z.number() })),
  ...launch(["clearance"]),
}));
