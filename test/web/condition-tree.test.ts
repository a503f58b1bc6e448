import { describe, expect, it } from 'vitest';
import { addTo, groupsOf, moveTo, removeAt, setGroupOp, shift, wrapInGroup } from '../../src/web/assets/widget/later/condition-tree.js';

const t = (trait: string) => ({ type: 'trait', trait, op: 'exists' });
const def = () => ({ version: 1, root: { type: 'group', op: 'and', conditions: [t('a'), { type: 'group', op: 'or', conditions: [t('b'), t('c')] }, t('d')] }, exclude: [] });

describe('changes to the condition tree', () => {
  it('moves a condition into a later group without losing its place', () => {
    expect(moveTo(def(), [0], [1]).root).toEqual({ type: 'group', op: 'and', conditions: [{ type: 'group', op: 'or', conditions: [t('b'), t('c'), t('a')] }, t('d')] });
  });

  it('moves a condition out of a group to the top level, and a group left empty goes', () => {
    const one = removeAt(def(), [1, 1]);
    expect(moveTo(one, [1, 0], []).root.conditions).toEqual([t('a'), t('d'), t('b')]);
  });

  it('refuses to put a group inside itself, and to delete the last condition', () => {
    expect(() => moveTo(def(), [1], [1])).toThrow('A group cannot go inside itself.');
    const single = { ...def(), root: { type: 'group', op: 'and', conditions: [t('a')] } };
    expect(() => removeAt(single, [0])).toThrow(/at least one condition/);
  });

  it('adds, regroups, reorders and switches AND / OR', () => {
    expect(addTo(def(), [1], t('e')).root.conditions[1]).toEqual({ type: 'group', op: 'or', conditions: [t('b'), t('c'), t('e')] });
    expect(wrapInGroup(def(), [2], 'or').root.conditions[2]).toEqual({ type: 'group', op: 'or', conditions: [t('d')] });
    expect(shift(def(), [0], 1).root.conditions.map((c: { type: string }) => c.type)).toEqual(['group', 'trait', 'trait']);
    expect(setGroupOp(def(), [1], 'and').root.conditions[1]).toMatchObject({ op: 'and' });
    expect(groupsOf(def())).toEqual([{ path: [], name: 'Top level' }, { path: [1], name: 'Group 1' }]);
  });
});
