/**
 * The question prompt of quiz, review and drill, built on @inquirer/core: every option is shown
 * in full, wrapped to the terminal with a hanging indent; one answer with ↑/↓ or a number and
 * Enter, or several ("choose two") toggled with space or numbers. Keys that arrive in the first
 * moments after the prompt opens were typed before it appeared, and are ignored.
 */
import { createPrompt, useKeypress, useRef, useState } from '@inquirer/core';
import { wrap } from '../render/wrap.js';
import { choiceKey } from './choice-keys.js';

export interface ChoicePromptConfig {
  message: string;
  choices: readonly string[];
  pick: number;
  width: number;
  help: string;
  pickError: (n: number) => string;
  /** Show 1., 2., … before each choice (off for a single "continue" choice). */
  numbered?: boolean;
  /** Keys arriving sooner than this after the prompt opened are dropped (typed during the previous feedback). */
  settleMs?: number;
  /** The terminal's height, and the line to show when the prompt is taller (its start scrolls off). */
  rows?: number;
  tallHint?: string;
  now?: () => number;
}

export const choicePrompt = createPrompt<number[], ChoicePromptConfig>((config, done) => {
  const [cursor, setCursor] = useState(0);
  const [selected, setSelected] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const clock = config.now ?? Date.now;
  const opened = useRef(clock());
  const n = config.choices.length;
  const multi = config.pick > 1;

  useKeypress((key) => {
    if (clock() - opened.current < (config.settleMs ?? 0)) return;
    setError(null);
    const r = choiceKey(key, { cursor, selected, count: n, pick: config.pick });
    if (r?.type === 'move') {
      setCursor(r.cursor);
      setSelected(r.selected);
    } else if (r?.type === 'submit') done(r.chosen);
    else if (r?.type === 'incomplete') setError(config.pickError(config.pick));
  });

  const lines = config.choices.map((label, i) => {
    const pointer = i === cursor ? '❯' : ' ';
    const box = multi ? (selected.includes(i) ? '[x] ' : '[ ] ') : '';
    return wrap(label, config.width - 1, `${pointer} ${config.numbered === false ? '' : `${i + 1}. `}${box}`);
  });
  const message = config.message ? `${wrap(config.message, config.width - 1)}\n` : '';
  const body = `${message}${lines.join('\n')}`;
  // Every option stays on screen (they come last); only the question's start can scroll off, and then the user is told.
  const tall = config.rows !== undefined && config.tallHint !== undefined && body.split('\n').length + 2 > config.rows;
  const bottom = [error ?? '', tall ? config.tallHint : '', config.help]
    .filter(Boolean)
    .map((l) => wrap(l ?? '', config.width - 1))
    .join('\n');
  return [body, bottom];
});
