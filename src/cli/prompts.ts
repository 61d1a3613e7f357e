/** The one place that talks to @inquirer/prompts; Ctrl-C becomes a typed Interrupted error. */
import { Interrupted } from './errors.js';

export interface Choice {
  label: string;
}

export interface PromptIo {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

function isPromptExit(err: unknown): boolean {
  const name = (err as { name?: string }).name;
  return name === 'ExitPromptError' || name === 'AbortPromptError';
}

/** Asks one question; resolves to the chosen index (arrow keys or a number key, then Enter). */
export async function choose(message: string, choices: readonly Choice[], io: PromptIo = {}): Promise<number> {
  const { default: select } = await import('@inquirer/select');
  try {
    return await select<number>(
      {
        message,
        choices: choices.map((c, i) => ({ name: c.label, value: i })),
        loop: false,
        pageSize: Math.max(choices.length, 7),
        theme: { indexMode: 'number' },
      },
      // The caller reprints the question with the answer, so the prompt's own echo is cleared.
      { input: io.input, output: io.output, clearPromptOnDone: true },
    );
  } catch (err) {
    if (isPromptExit(err)) throw new Interrupted();
    throw err;
  }
}
