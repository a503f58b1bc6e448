/**
 * Changes to the condition tree of a definition, by path (indices from the root group: [] is
 * the root, [1, 0] the first condition of the root's second, a group). Pure: each returns a new
 * definition, or throws an Error whose message the page shows.
 */

/** @typedef {number[]} Path */

const isGroup = (c) => c?.type === 'group';

export function nodeAt(definition, path) {
  return path.reduce((node, i) => node.conditions[i], definition.root);
}

function withRoot(definition, root) {
  return { ...definition, root };
}

/** A copy of `group` with the node at `path` (relative to it) replaced by what `change` returns (undefined removes it). */
function changeIn(group, path, change) {
  const [i, ...rest] = path;
  const conditions = [...group.conditions];
  const next = rest.length ? changeIn(conditions[i], rest, change) : change(conditions[i]);
  if (next === undefined) conditions.splice(i, 1);
  else conditions[i] = next;
  // A group left empty goes with its last condition.
  return { ...group, conditions: conditions.filter((c) => !isGroup(c) || c.conditions.length > 0) };
}

export function replaceAt(definition, path, node) {
  if (!path.length) return withRoot(definition, node);
  return withRoot(definition, changeIn(definition.root, path, () => node));
}

export function removeAt(definition, path) {
  const root = changeIn(definition.root, path, () => undefined);
  if (!root.conditions.length) throw new Error('An audience needs at least one condition: add another before deleting this one.');
  return withRoot(definition, root);
}

/** Adds `node` at the end of the group at `groupPath`. */
export function addTo(definition, groupPath, node) {
  const group = nodeAt(definition, groupPath);
  return replaceAt(definition, groupPath, { ...group, conditions: [...group.conditions, node] });
}

export function setGroupOp(definition, groupPath, op) {
  return replaceAt(definition, groupPath, { ...nodeAt(definition, groupPath), op });
}

/** Moves the node at `path` one place up (-1) or down (+1) within its group. */
export function shift(definition, path, delta) {
  const parentPath = path.slice(0, -1);
  const i = path.at(-1);
  const parent = nodeAt(definition, parentPath);
  const j = i + delta;
  if (j < 0 || j >= parent.conditions.length) return definition;
  const conditions = [...parent.conditions];
  [conditions[i], conditions[j]] = [conditions[j], conditions[i]];
  return replaceAt(definition, parentPath, { ...parent, conditions });
}

/** Moves the node at `path` to the end of the group at `groupPath` (not into itself). */
export function moveTo(definition, path, groupPath) {
  if (groupPath.length >= path.length && path.every((v, k) => groupPath[k] === v)) throw new Error('A group cannot go inside itself.');
  // Added at the end first, so no index on the way to `path` moves; then taken from where it was.
  return removeAt(addTo(definition, groupPath, nodeAt(definition, path)), path);
}

/** Puts the node at `path` in a new group of its own with the other operator, ready for more conditions. */
export function wrapInGroup(definition, path, op) {
  return replaceAt(definition, path, { type: 'group', op, conditions: [nodeAt(definition, path)] });
}

/** Every group with its path and a name to pick it by ("Top level", "Group 2", "Group 2.1"). */
export function groupsOf(definition) {
  const out = [];
  const walk = (group, path, name) => {
    out.push({ path, name });
    let n = 0;
    group.conditions.forEach((c, i) => {
      if (isGroup(c)) walk(c, [...path, i], name === 'Top level' ? `Group ${++n}` : `${name}.${++n}`);
    });
  };
  walk(definition.root, [], 'Top level');
  return out;
}

export const samePath = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);
