/**
 * The exam's prompt, built on @inquirer/core: a list of options under a header that shows the
 * time left and is redrawn every second. It resolves to what the person did (answer, move,
 * flag, open the review screen) or to `timeout` when the time runs out. Ctrl-C rejects with
 * Interrupted, like every other prompt.
 */
import { createPrompt, useEffect, useKeypress, useRef, useState } from '@inquirer/core';
import { wrap } from '../render/wrap.js';
import { choiceKey } from './choice-keys.js';

export type TimedAction =
  | { type: 'answer'; chosen: number[] }
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'flag' }
  | { type: 'review' }
  | { type: 'timeout' };

export interface TimedPromptConfig {
  /** Redrawn each second with the time left. */
  header: (remainingMs: number) => string;
  message: string;
  choices: readonly string[];
  /** 1 for a single answer; 2 for "choose two" (space or a number key toggles). */
  pick: number;
  /** Options already chosen (resuming, or coming back to a question). */
  chosen: readonly number[];
  cursor?: number;
  remainingMs: () => number;
  /** Whether the question keys (flag, next/previous, review) apply; off on the review screen. */
  questionKeys: boolean;
  /** Show 1., 2., … before each choice (off where the labels carry their own numbers). */
  numbered?: boolean;
  help: string;
  pickError: (n: number) => string;
  /** Terminal size: options wrap to the width; a long list scrolls to fit the height. */
  width: number;
  rows: number;
  /** Called about every `tickEveryMs` while the prompt is open (the exam saves its clock here). */
  onTick?: () => void;
  tickEveryMs?: number;
}

export const timedPrompt = createPrompt<TimedAction, TimedPromptConfig>((config, done) => {
  const [cursor, setCursor] = useState(Math.min(config.cursor ?? config.chosen[0] ?? 0, config.choices.length - 1));
  const [selected, setSelected] = useState<number[]>([...config.chosen]);
  const [error, setError] = useState<string | null>(null);
  const [, setNow] = useState(0);
  const finished = useRef(false);

  const finish = (action: TimedAction) => {
    if (finished.current) return;
    finished.current = true;
    done(action);
  };

  useEffect(() => {
    let sinceTick = 0;
    const timer = setInterval(() => {
      setNow(Date.now());
      sinceTick += 1000;
      if (config.onTick && sinceTick >= (config.tickEveryMs ?? 5000)) {
        sinceTick = 0;
        config.onTick();
      }
      if (config.remainingMs() <= 0) finish({ type: 'timeout' });
    }, 1000);
    return () => clearInterval(timer);
  }, []);

  useKeypress((key) => {
    setError(null);
    const r = choiceKey(key, { cursor, selected, count: config.choices.length, pick: config.pick });
    if (r?.type === 'move') {
      setCursor(r.cursor);
      setSelected(r.selected);
    } else if (r?.type === 'submit') finish({ type: 'answer', chosen: r.chosen });
    else if (r?.type === 'incomplete') setError(config.pickError(config.pick));
    else if (config.questionKeys && key.name === 'f') finish({ type: 'flag' });
    else if (config.questionKeys && (key.name === 'n' || key.name === 'right')) finish({ type: 'next' });
    else if (config.questionKeys && (key.name === 'p' || key.name === 'left')) finish({ type: 'prev' });
    else if (config.questionKeys && key.name === 'r') finish({ type: 'review' });
  });

  const lines = config.choices.map((label, i) => {
    const pointer = i === cursor ? '❯' : ' ';
    const box = config.pick > 1 ? (selected.includes(i) ? '[x] ' : '[ ] ') : selected.includes(i) ? '● ' : '';
    return wrap(label, config.width - 1, `${pointer} ${config.numbered === false ? '' : `${i + 1}. `}${box}`);
  });
  // A long list (the review screen of a 65-question exam) scrolls with the cursor.
  const room = Math.max(5, config.rows - 8);
  const start = Math.max(0, Math.min(cursor - Math.floor(room / 2), lines.length - room));
  const shown = lines.length > room ? lines.slice(start, start + room) : lines;
  // The key hints wrap like everything else (at 80 columns they are longer than a line).
  const bottom = [error ?? '', wrap(config.help, config.width - 1)].filter(Boolean).join('\n');
  return [`${config.header(config.remainingMs())}\n${wrap(config.message, config.width - 1)}\n${shown.join('\n')}`, bottom];
});
