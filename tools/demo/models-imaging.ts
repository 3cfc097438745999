/**
 * @module
 * Cameras, lenses, memory cards, camera bags, tripods, action cameras and drones (data/cameras.jsonl, lenses,
 * memory-cards, camera-bags, tripods, action-cameras, drones): lens mounts and card types are what makes a lens or
 * a card fit a body.
 */
import { z } from "zod";
import { readTable } from "./read-table";
import { CARD_TYPES, LENS_MOUNTS } from "./vocabulary";

const cameraModel = z.strictObject({
  brand: z.string(),
  name: z.string(),
  price: z.number(),
  mount: z.enum(LENS_MOUNTS),
  card: z.enum(CARD_TYPES),
  sensor: z.enum(["full-frame", "aps-c", "mft"]),
  mp: z.number(),
  /** The kit lens it is also sold with, and what the kit costs on top of the body. */
  kit: z.strictObject({ lens: z.string(), extraPrice: z.number() }).optional(),
  launched: z.string(),
  lifecycle: z.enum(["new", "clearance"]).optional(),
});

const lensModel = z.strictObject({
  brand: z.string(),
  name: z.string(),
  price: z.number(),
  mounts: z.array(z.enum(LENS_MOUNTS)),
});

const cardLine = z.strictObject({
  brand: z.string(),
  name: z.string(),
  card: z.enum(CARD_TYPES),
  speedClass: z.string(),
  readMbps: z.number(),
  prices: z.array(z.strictObject({ capacityGb: z.number(), price: z.number() })),
});

const bagModel = z.strictObject({
  brand: z.string(),
  name: z.string(),
  price: z.number(),
  size: z.enum(["s", "m", "l"]),
  style: z.string(),
  travel: z.boolean(),
});

const tripodModel = z.strictObject({
  brand: z.string(),
  name: z.string(),
  price: z.number(),
  maxLoadKg: z.number(),
  travel: z.boolean(),
});

const actionCamModel = z.strictObject({
  brand: z.string(),
  name: z.string(),
  price: z.number(),
  card: z.enum(CARD_TYPES),
  waterproofM: z.number(),
  /** What the combo bundle costs on top, when there is one. */
  combo: z.number().optional(),
  launched: z.string(),
  lifecycle: z.enum(["new", "clearance"]).optional(),
});

const droneModel = z.strictObject({
  brand: z.string(),
  name: z.string(),
  price: z.number(),
  weightG: z.number(),
  card: z.enum(CARD_TYPES),
  flightMin: z.number(),
  combo: z.number(),
  batteries: z.array(z.strictObject({ name: z.string(), price: z.number() })),
  launched: z.string(),
  lifecycle: z.enum(["clearance"]).optional(),
});

export const CAMERAS = readTable("cameras", cameraModel);
export const LENSES = readTable("lenses", lensModel);
export const MEMORY_CARDS = readTable("memory-cards", cardLine);
export const CAMERA_BAGS = readTable("camera-bags", bagModel);
export const TRIPODS = readTable("tripods", tripodModel);
export const ACTION_CAMERAS = readTable("action-cameras", actionCamModel);
export const DRONES = readTable("drones", droneModel);
