/**
 * Building DOM without a framework: `h('button', { class: 'x', onClick }, 'Label')`. Text is
 * always inserted as text (never parsed as HTML), so what the service or a user wrote cannot
 * inject markup.
 */

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'hidden', 'selected', 'readOnly', 'required', 'open']);

/**
 * @param {string} tag
 * @param {Record<string, unknown>} [props]
 * @param {...unknown} children
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = String(value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (PROPERTIES.has(key)) el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Replaces an element's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

let counter = 0;
/** A document-unique id, for label/aria-* links (a page may hold several widgets). */
export const uid = (prefix) => `${prefix}-${++counter}`;
