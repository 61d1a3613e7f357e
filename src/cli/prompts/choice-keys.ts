/** The keys both option prompts share: ↑/↓ and numbers move, space or a number toggles in "choose N", Enter submits. */
import { isDownKey, isEnterKey, isNumberKey, isSpaceKey, isUpKey, type KeypressEvent } from '@inquirer/core';

export type ChoiceKeyResult =
  | { type: 'move'; cursor: number; selected: number[] }
  | { type: 'submit'; chosen: number[] }
  /** Enter in "choose N" with a different number chosen. */
  | { type: 'incomplete' }
  /** Not a key of the option list (the caller may give it its own meaning). */
  | null;

export function choiceKey(key: KeypressEvent, s: { cursor: number; selected: readonly number[]; count: number; pick: number }): ChoiceKeyResult {
  const multi = s.pick > 1;
  const toggle = (i: number) => (s.selected.includes(i) ? s.selected.filter((x) => x !== i) : [...s.selected, i]);
  const move = (cursor: number, selected: readonly number[] = s.selected) => ({ type: 'move' as const, cursor, selected: [...selected] });
  if (isUpKey(key)) return move((s.cursor - 1 + s.count) % s.count);
  if (isDownKey(key)) return move((s.cursor + 1) % s.count);
  if (isNumberKey(key)) {
    const i = Number(key.name) - 1;
    if (i < 0 || i >= s.count) return move(s.cursor);
    return move(i, multi ? toggle(i) : s.selected);
  }
  if (isSpaceKey(key) && multi) return move(s.cursor, toggle(s.cursor));
  if (isEnterKey(key)) {
    if (!multi) return { type: 'submit', chosen: [s.cursor] };
    return s.selected.length === s.pick ? { type: 'submit', chosen: [...s.selected].sort((a, b) => a - b) } : { type: 'incomplete' };
  }
  return null;
}
