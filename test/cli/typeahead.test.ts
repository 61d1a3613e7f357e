/** Keys typed while feedback is on screen never answer the next question: the choice prompt drops what arrives as it opens. */
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { choicePrompt } from '../../src/cli/prompts/choice.js';

/** A prompt on fake streams whose clock the test moves. */
function open(settleMs: number) {
  let now = 1_000;
  const input = new PassThrough();
  const output = new Writable({ write: (_c, _e, cb) => cb() });
  Object.assign(input, { isTTY: true, setRawMode: () => input });
  const answer = choicePrompt(
    { message: 'Q', choices: ['a', 'b', 'c'], pick: 1, width: 80, help: '', pickError: () => '', settleMs, now: () => now },
    { input, output: output as unknown as NodeJS.WritableStream },
  );
  return {
    answer,
    /** Types `keys` `ms` after the prompt opened. */
    typeAt(ms: number, keys: string) {
      now = 1_000 + ms;
      input.write(keys);
    },
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('a double Enter on the feedback screen', () => {
  it('is dropped when it reaches the next question as it opens; the keys typed after it appears count', async () => {
    const p = open(100);
    let settled = false;
    void p.answer.then(() => (settled = true));
    // The second Enter of a double press, 53 ms after the next question opened, and a move key with it.
    p.typeAt(53, '\x1b[B\r');
    await tick();
    expect(settled).toBe(false);
    // A person reads the question, then picks the third option.
    p.typeAt(400, '3\r');
    expect(await p.answer).toEqual([2]);
  });

  it('would answer the question if nothing were dropped, which is what the settle time prevents', async () => {
    const p = open(0);
    p.typeAt(53, '\r');
    expect(await p.answer).toEqual([0]);
  });
});
