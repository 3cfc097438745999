/**
 * @module
 * The catalogue the analytics read: the rows of the build D1 records as live (`products` and `categories` hold one
 * version per kept build, `db/schema.ts`), or the unversioned rows ("") while no build is recorded live.
 */
const LIVE_BUILD = "COALESCE((SELECT id FROM builds WHERE status = 'live' ORDER BY live_at DESC LIMIT 1), '')";

/** `products` of the live build, as a subquery to select from or join. */
export const LIVE_PRODUCTS = `(SELECT * FROM products WHERE build_id = ${LIVE_BUILD})`;
/** `categories` of the live build. */
export const LIVE_CATEGORIES = `(SELECT * FROM categories WHERE build_id = ${LIVE_BUILD})`;
