/**
 * @module
 * A tiny DOM builder: `h(tag, attrs, ...children)`. Text is always inserted as text, never parsed as HTML.
 */

/**
 * @param {string} tag
 * @param {Record<string, unknown>} [attrs] `class`, `dataset` (object), `on<event>` (listener), others as attributes
 * @param {...unknown} children nodes, strings, numbers, arrays; null/undefined/false are skipped
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") element.className = String(value);
    else if (name === "dataset") {
      for (const [key, data] of Object.entries(value)) if (data !== undefined && data !== null) element.dataset[key] = String(data);
    }
    else if (name.startsWith("on") && typeof value === "function") element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

/** Appends nodes and strings, flattening arrays and skipping empty values. */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : String(child));
  }
  return parent;
}

/** An element from trusted, static markup (icons); never pass data through it. */
export function fromMarkup(markup) {
  const template = document.createElement("template");
  template.innerHTML = markup.trim();
  return template.content.firstElementChild;
}

/** Replaces an element's children. */
export function replaceChildren(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

/** A query parameter of the current page, or null. */
export function param(name) {
  return new URLSearchParams(location.search).get(name);
}
