/**
 * One ✓ line of a draft in plain language. When it can be changed in place, "Edit" opens its
 * fields (later/line-form.js, loaded on the first Edit).
 */
import { h, uid } from './dom.js';

/**
 * @param {{ text: string, definition?: any, index: number, onEdit?: (definition: any) => Promise<string | undefined>, onFull?: () => void }} o
 *   definition and onEdit: given when the line may be edited (a top-level condition of a list draft);
 *   onFull: a line with nothing to change in place opens the condition editor instead.
 */
export function createConditionLine({ text, definition, index, onEdit, onFull }) {
  const labelId = uid('aw-line');
  const li = h('li', { class: 'aw-line' }, h('span', { class: 'aw-check', 'aria-hidden': 'true' }, '✓'), h('span', { id: labelId, class: 'aw-line-text' }, text));
  if (!definition || !onEdit) return { el: li, focus: () => undefined };
  const edit = h('button', { type: 'button', class: 'aw-link', 'aria-expanded': 'false', 'aria-describedby': labelId, onClick: open }, 'Edit');
  li.append(edit);

  function closed() {
    edit.hidden = false;
    edit.setAttribute('aria-expanded', 'false');
    edit.focus();
  }

  async function open() {
    const { createLineForm } = await import('../later/line-form.js');
    const form = createLineForm({ definition, index, labelId, onEdit, onClose: closed });
    if (!form) return onFull?.();
    li.append(form.el);
    edit.setAttribute('aria-expanded', 'true');
    edit.hidden = true;
    form.focus();
  }

  return { el: li, focus: () => edit.focus() };
}
