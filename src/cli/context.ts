/**
 * What a command may touch of the outside world, passed in rather than reached for: the
 * environment, the streams, the clock, id generation and the prompts. The entry point builds it
 * from the process; tests build one with captured output and scripted answers.
 */
import type { Env } from '../io/paths.js';
import type { TimedAction, TimedPromptConfig } from './prompts/timed.js';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

export interface Input {
  isTTY?: boolean;
}

export interface ChoiceConfig {
  message: string;
  choices: readonly string[];
  /** How many options the answer takes: 1, or 2–3 for "choose two/three". */
  pick?: number;
  /** The key hints under the options, in the user's language. */
  help: string;
  pickError: (n: number) => string;
  /** Number the choices (default) or not (a single "continue" choice). */
  numbered?: boolean;
  /** Shown under the options when the question is taller than the terminal (its start has scrolled off). */
  tallHint?: string;
}

export interface Prompts {
  /** Resolves to the chosen option indexes (as many as `pick`); rejects with Interrupted on Ctrl-C. */
  choose(config: ChoiceConfig): Promise<number[]>;
  /** The exam's prompt: answers, navigation and flags under a ticking clock (width and rows are filled in). */
  timed(config: Omit<TimedPromptConfig, 'width' | 'rows'>): Promise<TimedAction>;
}

export interface Context {
  env: Env;
  stdin: Input;
  stdout: Output;
  stderr: Output;
  now(): number;
  uuid(): string;
  prompts: Prompts;
}

/** Terminal width for wrapping: the output's own, else COLUMNS, else 80. */
export function widthOf(ctx: Pick<Context, 'stdout' | 'env'>): number {
  const cols = ctx.stdout.columns ?? Number(ctx.env.COLUMNS);
  return Number.isFinite(cols) && cols >= 20 ? Math.min(cols, 200) : 80;
}
