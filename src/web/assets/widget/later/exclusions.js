/**
 * What the draft leaves out: saved audiences and lists picked to exclude, each with how many
 * people it removes, up to the limit the definition allows. Past the limit, or for a saved
 * audience an exclusion cannot hold (one with exclusions of its own), the pick is refused in
 * words and the draft stays as it was.
 */
import { formatCount } from '../model/format.js';
import { h, replace, uid } from '../ui/dom.js';

/** LIMITS.maxExclusions in src/definition/schema.ts. */
export const MAX_EXCLUSIONS = 5;

/** The exclusion a saved audience or a list becomes, or a problem in words. */
export function exclusionFor(choice) {
  if (choice.kind === 'list') {
    return { exclusion: { name: choice.name, root: { type: 'group', op: 'and', conditions: [{ type: 'list', list: choice.name, op: 'in' }] } } };
  }
  const own = choice.audience.definition?.exclude ?? [];
  if (own.length) return { problem: `“${choice.name}” leaves out others of its own, which an exclusion cannot hold. Exclude its conditions instead, or a list.` };
  return { exclusion: { name: choice.name, root: choice.audience.definition.root } };
}

/**
 * @param {{ sources: { audiences: any[], lists: { name: string, size: number }[] }, excludeId?: string,
 *           apply: (definition: any) => Promise<string | undefined>, count: (definition: any) => Promise<number> }} o
 *   excludeId: the saved audience being edited (it cannot leave itself out); count: the size of a definition.
 */
export function createExclusions({ sources, excludeId, apply, count }) {
  const ids = { heading: uid('aw-excl'), pick: uid('aw-pick') };
  const list = h('ul', { class: 'aw-nodes', 'aria-label': 'Excluded' });
  const problem = h('p', { class: 'aw-field-problem', role: 'alert' });
  const choices = [
    ...sources.audiences.filter((a) => a.id !== excludeId).map((a) => ({ kind: 'audience', key: `a:${a.id}`, name: a.name, audience: a, label: `Saved audience: ${a.name}` })),
    ...sources.lists.map((l) => ({ kind: 'list', key: `l:${l.name}`, name: l.name, label: `List: ${l.name} (${formatCount(l.size)})` })),
  ];
  const pick = h('select', { id: ids.pick, class: 'aw-input aw-input-inline' }, choices.map((c) => h('option', { value: c.key }, c.label)));
  const add = h('button', { type: 'button', class: 'aw-button aw-small-button', onClick: () => void exclude() }, 'Exclude');
  const status = h('p', { class: 'aw-muted aw-small' });
  const el = h('div', { class: 'aw-exclusions', role: 'group', 'aria-labelledby': ids.heading },
    h('h4', { id: ids.heading, class: 'aw-subhead' }, 'Leave out'), list, status,
    choices.length ? h('div', { class: 'aw-group-head' }, h('label', { for: ids.pick, class: 'aw-label aw-small' }, 'Saved audience or list'), pick, add) : h('p', { class: 'aw-muted aw-small' }, 'No saved audiences or lists to leave out yet.'),
    problem);
  let definition;
  /** Bumped on every drawing, so late counts of an earlier one are dropped. */
  let drawing = 0;

  async function exclude() {
    problem.textContent = '';
    const choice = choices.find((c) => c.key === pick.value);
    if (!choice) return;
    if (definition.exclude.length >= MAX_EXCLUSIONS) {
      problem.textContent = `An audience can leave out at most ${MAX_EXCLUSIONS} others. Remove one before adding “${choice.name}”; the draft is unchanged.`;
      return;
    }
    if (definition.exclude.some((e) => e.name === choice.name)) {
      problem.textContent = `“${choice.name}” is already left out.`;
      return;
    }
    const made = exclusionFor(choice);
    if (made.problem) {
      problem.textContent = made.problem;
      return;
    }
    add.disabled = true;
    const trouble = await apply({ ...definition, exclude: [...definition.exclude, made.exclusion] });
    add.disabled = false;
    if (trouble) problem.textContent = trouble;
  }

  async function removedBy(i, size, mine) {
    const without = { ...definition, exclude: definition.exclude.filter((_, k) => k !== i) };
    try {
      const n = (await count(without)) - size;
      if (mine === drawing) list.children[i]?.querySelector('.aw-removes')?.replaceChildren(`removes ${formatCount(n)} ${n === 1 ? 'person' : 'people'}`);
    } catch {
      if (mine === drawing) list.children[i]?.querySelector('.aw-removes')?.replaceChildren('');
    }
  }

  return {
    el,
    /** Draws the exclusions of the definition the draft now holds, with its size. */
    update(next, size) {
      definition = next;
      drawing += 1;
      const mine = drawing;
      replace(list, next.exclude.map((e, i) => h('li', { class: 'aw-node' },
        h('span', { class: 'aw-node-text' }, `Not in “${e.name}”`),
        h('span', { class: 'aw-removes aw-muted aw-small' }, 'counting…'),
        h('button', { type: 'button', class: 'aw-link', 'aria-label': `Stop leaving out ${e.name}`, onClick: () => void apply({ ...definition, exclude: definition.exclude.filter((_, k) => k !== i) }) }, 'Remove'))));
      status.textContent = `${next.exclude.length} of at most ${MAX_EXCLUSIONS} left out.`;
      next.exclude.forEach((_, i) => void removedBy(i, size, mine));
    },
  };
}
