/**
 * @module
 * A short confirmation ("Added to cart") in a polite live region, so screen readers hear it too.
 */
import { h } from "./dom.js";

let region;
let timer;

export function toast(message) {
  region ??= document.body.appendChild(h("div", { class: "toast", role: "status", "aria-live": "polite" }));
  region.textContent = message;
  region.classList.add("toast-shown");
  clearTimeout(timer);
  timer = setTimeout(() => region.classList.remove("toast-shown"), 2600);
}
