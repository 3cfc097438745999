/**
 * @module
 * `<edgerec-recommendations>`: edgerec's recommendations on any page, as one web component (no framework, no
 * build step). Load it from the edge and place it where the slots belong:
 *
 *   <script type="module" src="https://recs.example.com/widget.js"></script>
 *   <edgerec-recommendations placement="product" product-id="sku-123"></edgerec-recommendations>
 *
 * Attributes: `placement` (checkout | cart | product | listing | home), `product-id`, `cart` (ids, comma-separated),
 * `category`, `query`, `k`, `endpoint` (default: the origin this script came from; the page's origin must be in
 * the edge's CORS_ORIGINS), `product-url` (a card's link when the catalogue has none, `{id}` filled in; default
 * `/products/{id}`), `locale` (prices).
 *
 * It renders every slot the edge answers with its title, and each item with its image, title, price and reason;
 * sends impressions (a slot half in view) and clicks to `POST /v1/events` with the answer's `rec_id`; keeps a
 * session id and the answer's `session_token` in localStorage and sends them back. Theme it with CSS custom
 * properties on the element (`--edgerec-accent`, `--edgerec-text`, `--edgerec-muted`, `--edgerec-surface`,
 * `--edgerec-border`, `--edgerec-radius`, `--edgerec-card-width`, `--edgerec-gap`, `--edgerec-font`,
 * `--edgerec-image-fit`) and `::part()`: `slot`, `title`, `rail`, `card`, `link`, `image`, `name`, `price`,
 * `reason`. Events: `edgerec:answer` (detail: the answer) after rendering, `edgerec:click` (detail: item, slot,
 * rec_id) before following a card.
 */

const ENDPOINT = new URL(import.meta.url).origin;
const STORAGE_KEY = "edgerec.widget.session.v1";
const SESSION_IDLE_MS = 30 * 60 * 1000;

const STYLE = `
:host { display: block; font-family: var(--edgerec-font, inherit); color: var(--edgerec-text, inherit); }
:host([hidden]) { display: none; }
section { margin: 0 0 1.5rem; }
h2 { font-size: 1.1rem; margin: 0 0 .6rem; }
ol { list-style: none; margin: 0; padding: 0 0 .4rem; display: grid; grid-auto-flow: column;
  grid-auto-columns: var(--edgerec-card-width, 11rem); gap: var(--edgerec-gap, .75rem);
  overflow-x: auto; scroll-snap-type: x proximity; overscroll-behavior-x: contain; }
li { scroll-snap-align: start; display: flex; flex-direction: column; gap: .3rem; padding: .6rem;
  background: var(--edgerec-surface, transparent); border: 1px solid var(--edgerec-border, #ddd);
  border-radius: var(--edgerec-radius, .5rem); }
a { color: inherit; text-decoration: none; display: flex; flex-direction: column; gap: .35rem; }
a:hover .name, a:focus-visible .name { color: var(--edgerec-accent, #1a56db); text-decoration: underline; }
img, .placeholder { width: 100%; aspect-ratio: 1; object-fit: var(--edgerec-image-fit, contain); border-radius: calc(var(--edgerec-radius, .5rem) / 2); background: #f4f4f5; }
.name { font-weight: 600; font-size: .9rem; line-height: 1.25; }
.price { font-weight: 700; }
.reason { font-size: .8rem; color: var(--edgerec-muted, #555); margin: 0; }
`;

function session() {
  let state = null;
  try {
    state = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null");
  } catch {}
  const now = Date.now();
  if (!state || typeof state.id !== "string" || now - (state.seen ?? 0) > SESSION_IDLE_MS) state = { id: `s-${crypto.randomUUID()}` };
  state.seen = now;
  save(state);
  return state;
}

function save(state) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {}
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

export class EdgerecRecommendations extends HTMLElement {
  static observedAttributes = ["placement", "product-id", "cart", "category", "query", "k"];

  #root = this.attachShadow({ mode: "open" });
  #pending = false;
  #observer = typeof IntersectionObserver === "function" ? new IntersectionObserver((entries) => this.#seen(entries), { threshold: 0.5 }) : null;

  connectedCallback() {
    this.#schedule();
  }

  attributeChangedCallback() {
    if (this.isConnected) this.#schedule();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
  }

  get endpoint() {
    return (this.getAttribute("endpoint") ?? ENDPOINT).replace(/\/+$/, "");
  }

  /** Asks the edge again (after the attributes changed, or when the page says so). */
  refresh() {
    return this.#load();
  }

  #schedule() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      this.#load();
    });
  }

  #request(state) {
    const request = { placement: this.getAttribute("placement") ?? "product", session_id: state.id };
    const productId = this.getAttribute("product-id");
    if (productId) request.product_id = productId;
    const cart = (this.getAttribute("cart") ?? "").split(",").map((id) => id.trim()).filter(Boolean);
    if (cart.length > 0) request.cart = cart;
    for (const name of ["category", "query"]) if (this.getAttribute(name)) request[name] = this.getAttribute(name);
    const k = Number(this.getAttribute("k"));
    if (Number.isInteger(k) && k > 0) request.k = k;
    if (state.token) request.session_token = state.token;
    return request;
  }

  async #load() {
    const state = session();
    this.setAttribute("aria-busy", "true");
    let answer = null;
    try {
      const response = await fetch(`${this.endpoint}/v1/recommendations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(this.#request(state)) });
      if (response.ok) answer = await response.json();
    } catch {}
    if (answer?.session_token) save({ ...state, token: answer.session_token });
    this.#render(answer);
    this.removeAttribute("aria-busy");
    this.dispatchEvent(new CustomEvent("edgerec:answer", { detail: answer, bubbles: true }));
  }

  #render(answer) {
    this.#observer?.disconnect();
    const slots = Array.isArray(answer?.slots) ? answer.slots.filter((slot) => Array.isArray(slot?.items) && slot.items.length > 0) : [];
    const sections = slots.map((slot, index) => this.#section(answer, slot, index));
    this.#root.replaceChildren(element("style", {}, STYLE), ...sections);
    this.hidden = sections.length === 0;
    if (answer?.rec_id) this.dataset.recId = answer.rec_id;
    for (const section of sections) {
      if (this.#observer) this.#observer.observe(section);
      else this.#impression(section);
    }
  }

  #section(answer, slot, index) {
    const headingId = `edgerec-slot-${index}`;
    const cards = slot.items.map((item, position) => this.#card(answer, slot, item, position));
    const section = element("section", { part: "slot", "aria-labelledby": headingId, "data-slot-kind": slot.kind }, element("h2", { id: headingId, part: "title" }, slot.title ?? ""), element("ol", { part: "rail" }, ...cards));
    section.edgerec = { rec_id: answer.rec_id, slot: slot.kind, variant: answer.variant, items: slot.items.map((item) => item.id) };
    return section;
  }

  #card(answer, slot, item, position) {
    const href = item.link ?? (this.getAttribute("product-url") ?? "/products/{id}").replaceAll("{id}", encodeURIComponent(item.id));
    const image = item.image_link ? element("img", { part: "image", src: item.image_link, alt: "", loading: "lazy" }) : element("div", { part: "image", class: "placeholder", "aria-hidden": "true" });
    const link = element("a", { part: "link", href }, image, element("span", { part: "name", class: "name" }, item.title ?? item.id));
    link.addEventListener("click", () => {
      this.dispatchEvent(new CustomEvent("edgerec:click", { detail: { item, slot: slot.kind, rec_id: answer.rec_id }, bubbles: true }));
      this.#send([{ type: "click", rec_id: answer.rec_id, item_id: item.id, slot: slot.kind, variant: answer.variant, position }]);
    });
    return element(
      "li",
      { part: "card", "data-product-id": item.id },
      link,
      typeof item.price === "number" ? element("span", { part: "price", class: "price" }, this.#money(item.price, item.currency)) : null,
      item.reason ? element("p", { part: "reason", class: "reason" }, item.reason) : null,
    );
  }

  #money(amount, currency) {
    try {
      return new Intl.NumberFormat(this.getAttribute("locale") ?? undefined, { style: "currency", currency: currency ?? "EUR" }).format(amount);
    } catch {
      return `${amount.toFixed(2)} ${currency ?? ""}`.trim();
    }
  }

  #seen(entries) {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      this.#observer?.unobserve(entry.target);
      this.#impression(entry.target);
    }
  }

  #impression(section) {
    const { rec_id, slot, variant, items } = section.edgerec;
    this.#send([{ type: "impression", rec_id, slot, variant, items }]);
  }

  /** Events go out at once with keepalive, so a click survives the navigation it starts. */
  #send(events) {
    const state = session();
    const stamped = events.map((event) => ({ event_id: `ev-${crypto.randomUUID()}`, session_id: state.id, ts: new Date().toISOString(), ...Object.fromEntries(Object.entries(event).filter(([, v]) => v !== undefined && v !== null)) }));
    fetch(`${this.endpoint}/v1/events`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ events: stamped }), keepalive: true }).catch(() => {});
  }
}

if (!customElements.get("edgerec-recommendations")) customElements.define("edgerec-recommendations", EdgerecRecommendations);
