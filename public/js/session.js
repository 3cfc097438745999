/**
 * @module
 * The shopper's session in localStorage: a session id (renewed after 30 minutes idle), the items viewed with
 * their dwell times (most recent last), and the cart lines with the recommendation each came from.
 */

const SESSION_KEY = "edgerec.session.v1";
const CART_KEY = "edgerec.cart.v1";
const IDLE_MS = 30 * 60 * 1000;
const VIEWED_KEPT = 50;
const CART_CHANGED = "edgerec:cart";

const memory = new Map();
const storage = {
  get(key) {
    try {
      return JSON.parse(localStorage.getItem(key) ?? "null");
    } catch {
      return memory.get(key) ?? null;
    }
  },
  set(key, value) {
    memory.set(key, value);
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {}
  },
};

/** A random id; `crypto.randomUUID` needs a secure origin, so plain http on a LAN address falls back. */
export function randomId() {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function currentSession() {
  const now = Date.now();
  let session = storage.get(SESSION_KEY);
  if (session === null || typeof session.id !== "string" || !(now - session.last_active < IDLE_MS)) {
    session = { id: `s-${randomId()}`, started: now, last_active: now, viewed: [] };
  }
  session.last_active = now;
  if (!Array.isArray(session.viewed)) session.viewed = [];
  return session;
}

export function sessionId() {
  const session = currentSession();
  storage.set(SESSION_KEY, session);
  return session.id;
}

/** Records a view of `id`, or adds `dwellMs` to its dwell, and moves it to the end (most recent). */
export function recordView(id, dwellMs = 0) {
  const session = currentSession();
  const previous = session.viewed.find((v) => v.id === id);
  const dwell = Math.round((previous?.dwell_ms ?? 0) + Math.max(0, dwellMs));
  session.viewed = session.viewed.filter((v) => v.id !== id);
  session.viewed.push({ id, dwell_ms: Math.min(dwell, 86_400_000) });
  session.viewed = session.viewed.slice(-VIEWED_KEPT);
  storage.set(SESSION_KEY, session);
}

/** The viewed items to send with a recommendation request: most recent last, at most `max`. */
export function viewedItems(max = 20) {
  return currentSession().viewed.slice(-max).map((v) => ({ id: v.id, dwell_ms: v.dwell_ms }));
}

/**
 * @typedef {{ id: string, qty: number, title?: string, price?: number, currency?: string, category_id?: string,
 *   kind?: string, rec_id?: string, slot?: string, variant?: string }} CartLine
 */

/** @returns {CartLine[]} */
export function cartLines() {
  const lines = storage.get(CART_KEY);
  return Array.isArray(lines) ? lines.filter((l) => typeof l?.id === "string" && l.qty > 0) : [];
}

export function cartCount() {
  return cartLines().reduce((sum, line) => sum + line.qty, 0);
}

function saveCart(lines) {
  storage.set(CART_KEY, lines);
  window.dispatchEvent(new CustomEvent(CART_CHANGED));
}

/**
 * Adds one unit of a product. The recommendation it came from (`rec_id`, `slot`) is kept on the line for
 * attribution; the first attribution wins.
 */
export function addToCart(product, from = {}) {
  const lines = cartLines();
  const line = lines.find((l) => l.id === product.id);
  if (line !== undefined) {
    line.qty += 1;
    line.rec_id ??= from.rec_id;
    line.slot ??= from.slot;
  } else {
    lines.push({
      id: product.id, qty: 1, title: product.title, price: product.price ?? undefined, currency: product.currency,
      category_id: product.category_id ?? undefined, kind: product.attrs?.kind, rec_id: from.rec_id, slot: from.slot, variant: from.variant,
    });
  }
  saveCart(lines);
}

export function setQuantity(id, qty) {
  saveCart(cartLines().map((l) => (l.id === id ? { ...l, qty } : l)).filter((l) => l.qty > 0));
}

export function clearCart() {
  saveCart([]);
}

/** Calls `listener` whenever the cart changes, in this tab or another. */
export function onCartChange(listener) {
  window.addEventListener(CART_CHANGED, listener);
  window.addEventListener("storage", (event) => {
    if (event.key === CART_KEY) listener();
  });
}
