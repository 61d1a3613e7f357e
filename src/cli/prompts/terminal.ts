/** The prompts of a real terminal: @inquirer/core prompts on the given streams; Ctrl-C becomes Interrupted. */

import type { Output, Prompts } from '../context.js';
import { Interrupted } from '../errors.js';

/** Keys typed while the previous feedback was on screen arrive within this long of a prompt opening. */
const SETTLE_MS = 100;

function isPromptExit(err: unknown): boolean {
  const name = (err as { name?: string }).name;
  return name === 'ExitPromptError' || name === 'AbortPromptError';
}

let open = 0;

/** Whether a prompt is on screen (a signal then ends it, rather than the process). */
export function promptOpen(): boolean {
  return open > 0;
}

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  open++;
  try {
    return await run();
  } catch (err) {
    if (isPromptExit(err)) throw new Interrupted();
    throw err;
  } finally {
    open--;
  }
}

/** `signal` aborts the prompt on screen (and any later one): SIGTERM or SIGHUP end a session like Ctrl-C. */
export function terminalPrompts(input: NodeJS.ReadableStream, output: NodeJS.WritableStream & Output, signal?: AbortSignal): Prompts {
  const size = () => ({ width: output.columns ?? 80, rows: output.rows ?? 24 });
  return {
    async choose(config) {
      const { choicePrompt } = await import('./choice.js');
      return guarded(() =>
        choicePrompt(
          { ...config, pick: config.pick ?? 1, width: size().width, rows: size().rows, settleMs: SETTLE_MS },
          // The caller reprints the question with the answer, so the prompt's own echo is cleared.
          { input, output, clearPromptOnDone: true, ...(signal ? { signal } : {}) },
        ),
      );
    },
    async timed(config) {
      const { timedPrompt } = await import('./timed.js');
      return guarded(() => timedPrompt({ ...config, ...size() }, { input, output, clearPromptOnDone: true, ...(signal ? { signal } : {}) }));
    },
  };
}
