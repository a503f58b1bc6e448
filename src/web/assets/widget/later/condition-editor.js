/**
 * The condition editor of a draft: the conditions as a tree of groups (all of / any of), each
 * condition editable in full (condition-fields.js), deleted, moved up or down or into another
 * group, put in a group of its own; conditions and groups added anywhere. Every change goes to
 * `apply`, which recounts the audience; a change that cannot be counted is refused in words and
 * the draft stays as it was.
 */
import { h, uid } from '../ui/dom.js';
import { createConditionFields, defaultLeaf } from './condition-fields.js';
import { addTo, groupsOf, moveTo, nodeAt, removeAt, replaceAt, samePath, setGroupOp, shift, wrapInGroup } from './condition-tree.js';
import { summarize } from './condition-summary.js';
import { useLaterStyles } from './styles.js';

const OPS = [['and', 'all of these (AND)'], ['or', 'any of these (OR)']];
const other = (op) => (op === 'and' ? 'or' : 'and');
const key = (path) => path.join('.');

/**
 * @param {{ catalog: any, apply: (definition: any) => Promise<string | undefined>,
 *           more?: { el: HTMLElement, update: (definition: any, size: number) => void } }} o
 *   apply resolves with a problem in words, or undefined when the draft now holds the definition;
 *   more: a part drawn under the conditions with each change (the exclusions).
 */
export function createConditionEditor({ catalog, apply, more }) {
  const headingId = uid('aw-editor');
  const problem = h('p', { class: 'aw-field-problem', role: 'alert' });
  const tree = h('div', { class: 'aw-tree' });
  const el = h('section', { class: 'aw-editor', 'aria-labelledby': headingId },
    h('h3', { id: headingId, class: 'aw-subhead', tabindex: -1 }, 'Edit the conditions'), problem, tree, more?.el);
  let definition;
  /** What is open: a condition's fields ({ path }) or a new condition in a group ({ group, asGroup }). */
  let open;
  let focusAfter;
  let working = false;

  async function change(next, focusKey) {
    if (working) return;
    working = true;
    problem.textContent = '';
    el.setAttribute('aria-busy', 'true');
    let trouble;
    try {
      trouble = await apply(typeof next === 'function' ? next(definition) : next);
    } catch (err) {
      trouble = err instanceof Error ? err.message : String(err);
    }
    working = false;
    el.setAttribute('aria-busy', 'false');
    if (trouble) {
      problem.textContent = trouble;
      return;
    }
    // The draft has called update() with what it now holds; drawn again with nothing open.
    open = undefined;
    focusAfter = focusKey;
    render();
  }

  function fieldsBox(fields, { label, onDone }) {
    const done = h('button', { type: 'submit', class: 'aw-button aw-primary aw-small-button' }, label);
    const cancel = h('button', { type: 'button', class: 'aw-button aw-small-button', onClick: () => { open = undefined; problem.textContent = ''; render(); } }, 'Cancel');
    return h('form', {
      class: 'aw-line-edit',
      onSubmit: (e) => {
        e.preventDefault();
        let leaf;
        try {
          leaf = fields.read();
        } catch (err) {
          problem.textContent = err.message;
          return;
        }
        onDone(leaf);
      },
      onKeydown: (e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        open = undefined;
        render();
      },
    }, fields.el, h('div', { class: 'aw-line-actions' }, done, cancel));
  }

  function moveControl(path) {
    const groups = groupsOf(definition).filter((g) => !samePath(g.path, path.slice(0, -1)) && !(g.path.length >= path.length && path.every((v, i) => g.path[i] === v)));
    if (!groups.length) return null;
    const id = uid('aw-move');
    const choice = h('select', { id, class: 'aw-input aw-input-inline' }, groups.map((g) => h('option', { value: key(g.path) }, g.name)));
    return h('span', { class: 'aw-move' },
      h('label', { for: id, class: 'aw-sr-only' }, 'Move to group'), choice,
      h('button', { type: 'button', class: 'aw-link', onClick: () => {
        const target = groups.find((g) => key(g.path) === choice.value);
        void change((d) => moveTo(d, path, target.path), `group:${key(target.path)}`);
      } }, 'Move'));
  }

  function rowActions(path, siblings, name) {
    const i = path.at(-1);
    const act = (label, aria, run, extra = {}) => h('button', { type: 'button', class: 'aw-link', 'aria-label': aria, onClick: run, ...extra }, label);
    return h('div', { class: 'aw-row-actions', role: 'group', 'aria-label': `Actions for ${name}` },
      act('↑', `Move ${name} up`, () => void change((d) => shift(d, path, -1), `row:${key([...path.slice(0, -1), i - 1])}`), { disabled: i === 0 }),
      act('↓', `Move ${name} down`, () => void change((d) => shift(d, path, 1), `row:${key([...path.slice(0, -1), i + 1])}`), { disabled: i === siblings - 1 }),
      moveControl(path),
      act('Delete', `Delete ${name}`, () => void change((d) => removeAt(d, path), `group:${key(path.slice(0, -1))}`)));
  }

  function leafRow(leaf, path, siblings) {
    const text = summarize(leaf);
    if (open?.path && samePath(open.path, path)) {
      const fields = createConditionFields(leaf, catalog);
      queueMicrotask(() => fields.focus());
      return h('li', { class: 'aw-node aw-node-open', 'data-key': `row:${key(path)}` },
        fieldsBox(fields, { label: 'Update size', onDone: (next) => void change((d) => replaceAt(d, path, next), `row:${key(path)}`) }));
    }
    return h('li', { class: 'aw-node', 'data-key': `row:${key(path)}` },
      h('span', { class: 'aw-node-text' }, text),
      h('button', { type: 'button', class: 'aw-link', 'aria-label': `Edit ${text}`, 'data-focus': 'edit', onClick: () => { open = { path }; render(); } }, 'Edit'),
      h('button', { type: 'button', class: 'aw-link', 'aria-label': `Group ${text} with others`, onClick: () => void change((d) => wrapInGroup(d, path, other(nodeAt(d, path.slice(0, -1)).op)), `group:${key(path)}`) }, 'Group'),
      rowActions(path, siblings, text));
  }

  function groupBox(group, path, name) {
    const id = uid('aw-op');
    const op = h('select', { id, class: 'aw-input aw-input-inline', 'data-focus': 'op', onChange: (e) => void change((d) => setGroupOp(d, path, e.target.value), `group:${key(path)}`) },
      OPS.map(([v, t]) => h('option', { value: v, selected: group.op === v }, t)));
    const items = group.conditions.map((c, i) => {
      const p = [...path, i];
      if (c.type !== 'group') return leafRow(c, p, group.conditions.length);
      const sub = groupsOf(definition).find((g) => samePath(g.path, p))?.name ?? 'Group';
      return h('li', { class: 'aw-node aw-node-group', 'data-key': `row:${key(p)}` }, groupBox(c, p, sub), rowActions(p, group.conditions.length, sub));
    });
    const adding = open?.group && samePath(open.group, path) ? open : undefined;
    let addForm = null;
    if (adding) {
      const fields = createConditionFields(defaultLeaf('event', catalog), catalog);
      queueMicrotask(() => fields.focus());
      addForm = fieldsBox(fields, {
        label: adding.asGroup ? 'Add the group' : 'Add',
        onDone: (leaf) => void change((d) => addTo(d, path, adding.asGroup ? { type: 'group', op: other(group.op), conditions: [leaf] } : leaf), `group:${key(path)}`),
      });
    }
    return h('div', { class: 'aw-group', role: 'group', 'aria-label': `${name}: ${group.op === 'and' ? 'all of these' : 'any of these'}`, 'data-key': `group:${key(path)}` },
      h('div', { class: 'aw-group-head' }, h('label', { for: id, class: 'aw-label aw-small' }, `${name}: match`), op),
      h('ul', { class: 'aw-nodes' }, items),
      addForm,
      adding ? null : h('div', { class: 'aw-line-actions' },
        h('button', { type: 'button', class: 'aw-button aw-small-button', onClick: () => { open = { group: path }; render(); } }, `Add a condition to ${name.toLowerCase()}`),
        h('button', { type: 'button', class: 'aw-button aw-small-button', onClick: () => { open = { group: path, asGroup: true }; render(); } }, 'Add a group')));
  }

  function render() {
    tree.replaceChildren(groupBox(definition.root, [], 'Top level'));
    if (!focusAfter) return;
    const target = tree.querySelector(`[data-key="${focusAfter}"]`);
    (target?.querySelector('[data-focus]') ?? target?.querySelector('button, select') ?? el.querySelector('h3'))?.focus();
    focusAfter = undefined;
  }

  return {
    el,
    /** Draws the definition the draft now holds, of this size. */
    update(next, size) {
      useLaterStyles(el);
      definition = next;
      render();
      more?.update(next, size);
    },
    focus: () => el.querySelector('h3')?.focus(),
  };
}
