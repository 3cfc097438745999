/**
 * @module
 * Renders whatever slots the edge answers for a placement, generically by `kind` with the slot's own `title`
 * and each item's `reason`; kinds this page has never heard of render the same way. Reports impressions,
 * clicks and adds to cart with the answer's `rec_id`. A missing answer, slot or product shows nothing rather
 * than breaking the page.
 */
import { productsById, recommend } from "./api.js";
import { h } from "./dom.js";
import { track } from "./events.js";
import { money } from "./format.js";
import { isOutOfStock, productCard } from "./product-card.js";
import { addToCart } from "./session.js";
import { toast } from "./toast.js";

/** A short tag beside a slot's title; unknown kinds get none. */
const KIND_TAGS = {
  cross_sell: "Goes with it", down_sell: "Value pick", similar: "Alternatives", bundle: "Bundle", scenario: "Idea",
  upgrade: "Upgrade", popular: "Trending",
};

let slotCounter = 0;

/**
 * Asks the edge for `request` and fills `host` with one section per non-empty slot.
 * @param {HTMLElement} host
 * @param {Parameters<typeof recommend>[0]} request
 * @param {{ anchor?: { price?: number | null, currency?: string } }} [options] the product the page is about
 * @returns {Promise<object | null>} the answer, or null when there was none
 */
export async function renderPlacement(host, request, options = {}) {
  host.setAttribute("aria-busy", "true");
  const answer = await recommend(request);
  const slots = Array.isArray(answer?.slots) ? answer.slots.filter((s) => s && typeof s === "object" && Array.isArray(s.items)) : [];
  const ids = slots.flatMap((s) => s.items.map((item) => item?.id)).filter((id) => typeof id === "string");
  let products = new Map();
  if (ids.length > 0) {
    try {
      products = await productsById(ids);
    } catch {}
  }
  const context = { answer, products, placement: request.placement, anchor: options.anchor };
  const sections = slots.map((slot) => slotSection(slot, context)).filter((section) => section !== null);
  host.replaceChildren(...sections);
  if (answer?.degraded && sections.length > 0) {
    host.append(h("p", { class: "degraded-note" }, "Some suggestions are general best-sellers while personal picks refresh."));
  }
  host.hidden = sections.length === 0;
  host.removeAttribute("aria-busy");
  if (answer) {
    host.dataset.recId = answer.rec_id;
    host.dataset.degraded = String(answer.degraded === true);
  }
  for (const section of sections) observeImpression(section);
  return answer;
}

function slotSection(slot, { answer, products, placement, anchor }) {
  const from = { rec_id: answer.rec_id, slot: typeof slot.kind === "string" ? slot.kind : undefined, variant: answer.variant };
  const shown = slot.items.filter((item) => typeof item?.id === "string" && products.has(item.id));
  if (shown.length === 0) return null;
  const headingId = `slot-${placement}-${++slotCounter}`;
  const cards = shown.map((item, position) => {
    const product = withImage(products.get(item.id), item);
    return productCard(product, {
      reason: typeof item.reason === "string" ? item.reason : undefined,
      note: priceNote(slot.kind, product, anchor),
      from,
      onOpen: () => track({ type: "click", item_id: product.id, position, ...from }),
      onAdd: (button) => add(product, from, button),
    });
  });
  const rail = h("ol", { class: "rail" }, cards);
  const section = h(
    "section",
    { class: `slot slot-${cssName(slot.kind)}`, "aria-labelledby": headingId, dataset: { slotKind: slot.kind ?? "", recId: answer.rec_id, variant: answer.variant } },
    h("div", { class: "slot-head" }, h("h2", { id: headingId }, slot.title || KIND_TAGS[slot.kind] || "Recommended"), KIND_TAGS[slot.kind] ? h("span", { class: "slot-tag" }, KIND_TAGS[slot.kind]) : null, railButtons(rail)),
    rail,
  );
  if (slot.kind === "bundle") section.append(bundleFooter(shown.map((item) => products.get(item.id)), from, slot.discount_pct));
  section.dataset.items = shown.map((item) => item.id).join(",");
  return section;
}

/**
 * Previous / next buttons for a rail wider than its slot: each scrolls by the visible width; the buttons show only
 * while the rail overflows and are disabled at its ends.
 */
function railButtons(rail) {
  const previous = h("button", { type: "button", class: "rail-button", "aria-label": "Scroll back", dataset: { railPrevious: "" } }, "‹");
  const next = h("button", { type: "button", class: "rail-button", "aria-label": "Scroll on", dataset: { railNext: "" } }, "›");
  const buttons = h("div", { class: "rail-buttons", hidden: true }, previous, next);
  // Scroll snapping may rest a few pixels from either end (the rail's padding): that counts as the end.
  const EDGE_PX = 8;
  const update = () => {
    const overflow = rail.scrollWidth - rail.clientWidth;
    buttons.hidden = overflow <= EDGE_PX;
    previous.disabled = rail.scrollLeft <= EDGE_PX;
    next.disabled = rail.scrollLeft >= overflow - EDGE_PX;
  };
  previous.addEventListener("click", () => rail.scrollBy({ left: -rail.clientWidth * 0.9, behavior: "smooth" }));
  next.addEventListener("click", () => rail.scrollBy({ left: rail.clientWidth * 0.9, behavior: "smooth" }));
  rail.addEventListener("scroll", update, { passive: true });
  if (typeof ResizeObserver === "function") new ResizeObserver(update).observe(rail);
  else requestAnimationFrame(update);
  return buttons;
}

/** Down-sell: how much cheaper than the product on the page; upgrade: how much more. */
function priceNote(kind, product, anchor) {
  if (typeof anchor?.price !== "number" || typeof product.price !== "number") return null;
  const difference = anchor.price - product.price;
  if (kind === "down_sell" && difference > 0) return h("span", { class: "save" }, `Save ${money(difference, product.currency)}`);
  if (kind === "upgrade" && difference < 0) return h("span", { class: "delta" }, `+${money(-difference, product.currency)}`);
  return null;
}

/** The answer's image for the card when the catalogue row has none. */
function withImage(product, item) {
  return typeof item.image_link === "string" && !product.image_link ? { ...product, image_link: item.image_link } : product;
}

/** "Add it" for one item, "Add all n" for more; the bundle's discount as an offer beside the button. */
function bundleFooter(bundle, from, discountPct) {
  const available = bundle.filter((p) => !isOutOfStock(p));
  const total = available.reduce((sum, p) => sum + (p.price ?? 0), 0);
  const currency = available[0]?.currency;
  const label = available.length === 1 ? `Add it to cart · ${money(total, currency)}` : `Add all ${available.length} to cart · ${money(total, currency)}`;
  const button = h("button", { type: "button", class: "btn btn-secondary", disabled: available.length === 0 }, label);
  button.addEventListener("click", () => {
    for (const product of available) {
      addToCart(product, from);
      track({ type: "add_to_cart", item_id: product.id, ...from });
    }
    toast(available.length === 1 ? `Added “${available[0].title}” to your cart` : `Added ${available.length} items to your cart`);
  });
  const discount = typeof discountPct === "number" && discountPct > 0 && available.length > 0 ? discountPct : null;
  let offer = null;
  if (discount !== null && available.length === 1) offer = h("p", { class: "bundle-offer", dataset: { discountPct: String(discount) } }, `Completes the set: save ${discount}% on the bundle`);
  else if (discount !== null) {
    offer = h("p", { class: "bundle-offer", dataset: { discountPct: String(discount) } }, `Together ${money(total * (1 - discount / 100), currency)}, save ${discount}%`, h("s", {}, money(total, currency)));
  }
  return h("div", { class: "bundle-footer" }, button, offer);
}

function add(product, from, button) {
  addToCart(product, from);
  track({ type: "add_to_cart", item_id: product.id, ...from });
  toast(`Added “${product.title}” to your cart`);
  button.textContent = "Added ✓";
  setTimeout(() => (button.textContent = "Add to cart"), 1800);
}

const observer =
  typeof IntersectionObserver === "function"
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            observer.unobserve(entry.target);
            reportImpression(entry.target);
          }
        },
        { threshold: 0.4 },
      )
    : null;

function observeImpression(section) {
  if (observer !== null) observer.observe(section);
  else reportImpression(section);
}

function reportImpression(section) {
  const { recId, slotKind, items, variant } = section.dataset;
  track({ type: "impression", rec_id: recId, slot: slotKind || undefined, variant, items: items ? items.split(",") : undefined });
}

function cssName(kind) {
  return typeof kind === "string" ? kind.replace(/[^a-z0-9_-]/gi, "") : "unknown";
}
