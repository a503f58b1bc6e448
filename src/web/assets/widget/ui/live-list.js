/**
 * The workspace's live audiences (GET /v1/live-audiences) in evaluation order: a visitor gets
 * the first enabled one they match. Each can move up or down and be turned on or off; the list
 * redraws from what the service answers, and focus stays on the control that was used.
 */
import { formatDuration } from '../model/live.js';
import { h, uid } from './dom.js';

/**
 * @param {{ onMove: (id: string, delta: number) => void, onToggle: (id: string, enabled: boolean) => void }} o
 */
export function createLiveList({ onMove, onToggle }) {
  const id = uid('aw-live');
  const list = h('ol', { class: 'aw-live-list' });
  const status = h('p', { class: 'aw-muted', 'aria-live': 'polite' });
  const el = h(
    'section',
    { class: 'aw-card aw-live', 'aria-labelledby': id },
    h('h2', { id, class: 'aw-card-title' }, 'Live audiences'),
    h('p', { class: 'aw-muted aw-small aw-live-help' }, 'A visitor gets the first enabled audience they match, from the top.'),
    status,
    list,
  );
  let busy = false;

  function controls(a, index, count) {
    const up = h('button', { type: 'button', class: 'aw-icon-button', 'aria-label': `Move ${a.name} up`, 'data-action': 'up', disabled: busy || index === 0, onClick: () => onMove(a.id, -1) }, '↑');
    const down = h('button', { type: 'button', class: 'aw-icon-button', 'aria-label': `Move ${a.name} down`, 'data-action': 'down', disabled: busy || index === count - 1, onClick: () => onMove(a.id, 1) }, '↓');
    const toggle = h('input', {
      type: 'checkbox', role: 'switch', class: 'aw-switch', checked: a.enabled, disabled: busy, 'data-action': 'toggle',
      'aria-label': `${a.name} enabled`, onChange: (e) => onToggle(a.id, e.target.checked),
    });
    return h('div', { class: 'aw-live-controls' }, h('label', { class: 'aw-switch-label aw-small' }, toggle, a.enabled ? 'On' : 'Off'), up, down);
  }

  function item(a, index, count, highlightId) {
    const classes = ['aw-live-item', a.enabled ? '' : 'aw-off', a.id === highlightId ? 'aw-new' : ''].filter(Boolean).join(' ');
    return h(
      'li',
      { class: classes, 'data-live-id': a.id },
      h(
        'div',
        { class: 'aw-live-head' },
        h('span', { class: 'aw-live-position', 'aria-hidden': 'true' }, String(a.position ?? index + 1)),
        h('span', { class: 'aw-saved-name' }, a.name),
        a.builtIn ? h('span', { class: 'aw-badge aw-builtin' }, 'Built-in') : null,
      ),
      a.explanation?.length ? h('ul', { class: 'aw-live-lines', 'aria-label': `Conditions of ${a.name}` }, a.explanation.map((line) => h('li', {}, line))) : null,
      h('span', { class: 'aw-muted aw-small aw-live-duration' }, `Stays in: ${formatDuration(a.duration).toLowerCase()}`),
      controls(a, index, count),
    );
  }

  let shown = [];
  let highlighted;
  /** The control used when the list went busy (disabling it may have taken its focus away). */
  let restore;

  /** The control that has focus in the list, to find again after a redraw. */
  function focusedControl() {
    const active = /** @type {Document | ShadowRoot} */ (el.getRootNode()).activeElement;
    if (!active || !list.contains(active)) return undefined;
    return { id: active.closest('[data-live-id]')?.getAttribute('data-live-id') ?? '', action: active.getAttribute('data-action') ?? '' };
  }

  /** Redraws; focus goes back to the same control of the same audience, or its other move button when that one can no longer move. */
  function draw() {
    const focus = focusedControl() ?? restore;
    list.replaceChildren(...shown.map((a, i) => item(a, i, shown.length, highlighted)));
    // Busy controls are disabled and cannot take focus: it goes back once the change is done.
    restore = busy ? focus : undefined;
    if (!focus || busy) return;
    const row = list.querySelector(`[data-live-id="${CSS.escape(focus.id)}"]`);
    const same = row?.querySelector(`[data-action="${focus.action}"]:not(:disabled)`);
    const other = row?.querySelector('[data-action="up"]:not(:disabled), [data-action="down"]:not(:disabled)');
    (same ?? other ?? row?.querySelector('[data-action="toggle"]'))?.focus();
  }

  return {
    el,
    /**
     * @param {any[]} audiences in evaluation order
     * @param {{ highlightId?: string }} [o] highlightId: one just saved
     */
    show(audiences, { highlightId } = {}) {
      shown = audiences;
      if (highlightId !== undefined) highlighted = highlightId;
      status.textContent = audiences.length ? '' : 'None yet.';
      draw();
    },
    /** The ids in the order shown. */
    order: () => shown.map((a) => a.id),
    setBusy(value) {
      busy = value;
      el.setAttribute('aria-busy', String(value));
      if (!value) return draw();
      // Disabling a control may move the browser's focus off it: remember which one it was.
      restore = focusedControl();
      list.querySelectorAll('button, input').forEach((c) => { c.disabled = true; });
    },
    failed(text) {
      status.textContent = text;
    },
  };
}
