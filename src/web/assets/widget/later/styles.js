/**
 * The stylesheet of the parts loaded on first use (later.css), added once to the document or to
 * the shadow root the widget is drawn in (the embed), whichever holds `el`.
 */
const added = new WeakSet();

/** @param {Node} el an element already in the page */
export function useLaterStyles(el) {
  const root = el.getRootNode();
  const target = typeof ShadowRoot !== 'undefined' && root instanceof ShadowRoot ? root : document.head;
  if (added.has(target)) return;
  added.add(target);
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./later.css', import.meta.url).href;
  target.append(link);
}
