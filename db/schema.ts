/**
 * @module
 * The D1 schema, shared by the worker and the batch jobs. Migrations in `migrations/` are generated from it by
 * drizzle-kit. Times are unix seconds; JSON columns hold text parsed by drizzle.
 */
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { EVENT_TYPES } from "../core/events/event-schema";
import { EXPERIMENT_STATUSES, EXPERIMENT_UNITS } from "../core/experiments/experiment-config";
import { RULE_ACTIONS } from "../core/rules/merch-rule";
import { LIFECYCLES } from "../core/types";

const now = sql`(unixepoch())`;

export const BUILD_STATUSES = ["writing", "published", "live", "retiring", "retired"] as const;

/**
 * The catalogue is versioned by build: `build_id` names the build whose publish wrote the row (legacy rows: ""),
 * so a publish writes its catalogue beside the live one and the storefront switches with the live pointer.
 */
export const categories = sqliteTable(
  "categories",
  {
    id: text("id").notNull(),
    name: text("name").notNull(),
    parentId: text("parent_id"),
    /** Full path, root first: "Phones & Tablets > Phone Accessories > Cases". */
    path: text("path").notNull(),
    depth: integer("depth").notNull(),
    buildId: text("build_id").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.buildId, t.id] }), index("categories_parent").on(t.buildId, t.parentId)],
);

export const products = sqliteTable(
  "products",
  {
    id: text("id").notNull(),
    title: text("title").notNull().default(""),
    brand: text("brand"),
    categoryId: text("category_id"),
    price: real("price"),
    currency: text("currency").notNull().default("EUR"),
    attrs: text("attrs", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    /** Connectors, models, mounts and other keys the compatibility engine matches on. */
    compatKeys: text("compat_keys", { mode: "json" }).$type<string[]>().notNull().default([]),
    stock: integer("stock"),
    /** Units on hand as the build saw them: on a large catalogue the stock overlay lists only changes against it. */
    buildStock: integer("build_stock"),
    lifecycle: text("lifecycle", { enum: LIFECYCLES }).notNull().default("active"),
    margin: real("margin"),
    launchedAt: text("launched_at"),
    updatedAt: integer("updated_at").notNull().default(now),
    buildId: text("build_id").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.buildId, t.id] }), index("products_category").on(t.buildId, t.categoryId), index("products_brand").on(t.buildId, t.brand), index("products_price").on(t.buildId, t.price), index("products_id").on(t.id)],
);

export const orders = sqliteTable(
  "orders",
  {
    id: text("id").primaryKey(),
    userId: text("user_id"),
    ts: integer("ts"),
    total: real("total"),
    /** "import" for orders loaded from files, "event" for purchases reported through /v1/events. */
    source: text("source", { enum: ["import", "event"] }).notNull().default("import"),
    /** The session a purchase event came from (null for imported orders). */
    sessionId: text("session_id"),
    /** The purchase event that reported the order (null for imported orders): its lines are that event's. */
    eventId: text("event_id"),
  },
  (t) => [index("orders_user").on(t.userId), index("orders_ts").on(t.ts), index("orders_session").on(t.sessionId)],
);

export const orderLines = sqliteTable(
  "order_lines",
  {
    orderId: text("order_id").notNull().references(() => orders.id),
    productId: text("product_id").notNull(),
    qty: integer("qty").notNull().default(1),
    price: real("price"),
    /** The recommendation answer the storefront says this line came from, and its slot kind (attribution). */
    recId: text("rec_id"),
    slot: text("slot"),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.productId] }), index("order_lines_product").on(t.productId)],
);

export const events = sqliteTable(
  "events",
  {
    eventId: text("event_id").primaryKey(),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    sessionId: text("session_id").notNull(),
    userId: text("user_id"),
    ts: integer("ts").notNull(),
    itemId: text("item_id"),
    dwellMs: integer("dwell_ms"),
    query: text("query"),
    orderValue: real("order_value"),
    recId: text("rec_id"),
    slot: text("slot"),
    variant: text("variant"),
    /** Anything else the event carried (order lines, position...). */
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>(),
    /** `eventFingerprint` of the event as validated: a resend with this id is a duplicate only if it matches. */
    fingerprint: text("fingerprint"),
    receivedAt: integer("received_at").notNull().default(now),
  },
  (t) => [
    index("events_session").on(t.sessionId),
    index("events_type_ts").on(t.type, t.ts),
    index("events_rec").on(t.recId),
    index("events_user").on(t.userId),
  ],
);

export const merchRules = sqliteTable("merch_rules", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  action: text("action", { enum: RULE_ACTIONS }).notNull(),
  /** Placement the rule applies to; null for every placement. */
  placement: text("placement"),
  /** Which items the rule selects: ids, category, brand, price range, stock, lifecycle. */
  match: text("match", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  /** For boost and bury: the multiplier; for pin: the position. */
  weight: real("weight"),
  startsAt: integer("starts_at"),
  endsAt: integer("ends_at"),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  createdAt: integer("created_at").notNull().default(now),
  updatedAt: integer("updated_at").notNull().default(now),
});

export const bundles = sqliteTable("bundles", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  items: text("items", { mode: "json" }).$type<string[]>().notNull(),
  discountPct: real("discount_pct").notNull().default(0),
  score: real("score"),
  support: real("support"),
  lift: real("lift"),
  source: text("source", { enum: ["mined", "merchant"] }).notNull().default("mined"),
  status: text("status", { enum: ["proposed", "active", "retired"] }).notNull().default("proposed"),
  createdAt: integer("created_at").notNull().default(now),
});

export const experiments = sqliteTable("experiments", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  salt: text("salt").notNull(),
  /** Assignment unit: the user id where known, otherwise the session id. */
  unit: text("unit", { enum: EXPERIMENT_UNITS }).notNull().default("session"),
  status: text("status", { enum: EXPERIMENT_STATUSES }).notNull().default("draft"),
  /** [{ name, weight, config }] where config overrides slot count, timing, copy or strategy weights. */
  variants: text("variants", { mode: "json" }).$type<Array<{ name: string; weight: number; config?: Record<string, unknown> }>>().notNull(),
  placement: text("placement"),
  startsAt: integer("starts_at"),
  endsAt: integer("ends_at"),
  createdAt: integer("created_at").notNull().default(now),
});

/**
 * A build's release record. `written_at`: every blob and catalogue row of the build was written; `live_at`: the
 * live pointer named it. Only builds with both are rollback targets or kept. Status: `writing` until written,
 * then `published`, `live` while the pointer names it, `retiring` while its blobs and rows are deleted, `retired`.
 */
export const builds = sqliteTable("builds", {
  id: text("id").primaryKey(),
  createdAt: integer("created_at").notNull(),
  publishedAt: integer("published_at"),
  status: text("status", { enum: BUILD_STATUSES }).notNull().default("published"),
  writtenAt: integer("written_at"),
  liveAt: integer("live_at"),
  /** The build's manifest: inputs, counts, parameters, blob keys. */
  manifest: text("manifest", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
});

/** Knowledge graph: products, categories, brands, specs and usage scenarios as nodes ("product:sku-1", "scenario:travel"). */
export const kgNodes = sqliteTable(
  "kg_nodes",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["product", "category", "brand", "spec", "scenario", "part"] }).notNull(),
    label: text("label").notNull(),
    attrs: text("attrs", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("kg_nodes_kind").on(t.kind)],
);

/** Typed, weighted relations between knowledge-graph nodes ("fits", "used_for", "has_spec", "needs", ...). */
export const kgEdges = sqliteTable(
  "kg_edges",
  {
    src: text("src").notNull(),
    rel: text("rel").notNull(),
    dst: text("dst").notNull(),
    weight: real("weight").notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.src, t.rel, t.dst] }), index("kg_edges_dst").on(t.dst, t.rel)],
);

/** Which categories complement which (phone -> case), learned from orders or set by a merchandiser. */
export const categoryComplements = sqliteTable(
  "category_complements",
  {
    anchorCategory: text("anchor_category").notNull(),
    complementCategory: text("complement_category").notNull(),
    weight: real("weight").notNull(),
    source: text("source", { enum: ["learned", "merchant"] }).notNull().default("learned"),
    /** Merchant rows: show the device maker's own accessories of this category first. */
    officialFirst: integer("official_first", { mode: "boolean" }).notNull().default(false),
    updatedAt: integer("updated_at").notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.anchorCategory, t.complementCategory] })],
);

/** Per-placement slot plans (which slots, in which order, how many items), published to KV. */
export const slotPlans = sqliteTable("slot_plans", {
  placement: text("placement").primaryKey(),
  plan: text("plan", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
  updatedAt: integer("updated_at").notNull().default(now),
});

/** The first time a unit (user or session) saw an experiment, and in which variant: exposure logged once. */
export const exposures = sqliteTable(
  "exposures",
  {
    experimentId: text("experiment_id").notNull(),
    unitId: text("unit_id").notNull(),
    variant: text("variant").notNull(),
    firstSeen: integer("first_seen").notNull(),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.unitId] }), index("exposures_variant").on(t.experimentId, t.variant)],
);
