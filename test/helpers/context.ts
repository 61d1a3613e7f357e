/**
 * Runs saa commands in-process with a context of our own: captured output, a fixed or stepping
 * clock, counted ids, and prompts answered from a script. What only a real terminal shows is
 * left to the pseudo-terminal tests.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChoiceConfig, Context, Prompts } from '../../src/cli/context.js';
import { Interrupted } from '../../src/cli/errors.js';
import type { TimedAction, TimedPromptConfig } from '../../src/cli/prompts/timed.js';
import { runCli } from '../../src/cli/run.js';

export type ChoiceAnswer = number[] | ((config: ChoiceConfig) => number[]);
export type TimedAnswer = TimedAction | ((config: Omit<TimedPromptConfig, 'width' | 'rows'>) => TimedAction);

/** Answers any question with its first option (or first two for "choose two"). */
export const firstOptions: ChoiceAnswer = (config) => Array.from({ length: config.pick ?? 1 }, (_, i) => i);

export interface TestContextOptions {
  env?: Record<string, string | undefined>;
  /** stdin is a terminal (default true). */
  tty?: boolean;
  /** stdout is a terminal too (default false: output is captured as if piped). */
  stdoutTty?: boolean;
  /** Answers to question prompts, in order; when they run out the next prompt is Ctrl-C. */
  answers?: ChoiceAnswer[];
  /** Actions for the exam's timed prompts, in order; when they run out the next prompt is Ctrl-C. */
  timed?: TimedAnswer[];
  /** The clock: a fixed start that advances `stepMs` on every reading (default 1 s). */
  start?: number;
  stepMs?: number;
  columns?: number;
}

export interface TestRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Every prompt shown, in order. */
  prompts: (ChoiceConfig | Omit<TimedPromptConfig, 'width' | 'rows'>)[];
}

let ids = 0;
/** One notes cache per test process, never the user's own. */
const TEST_CACHE = join(tmpdir(), `saa-test-cache-${process.pid}`);

export function testContext(o: TestContextOptions = {}): { ctx: Context; out: string[]; err: string[]; prompts: TestRun['prompts'] } {
  const out: string[] = [];
  const err: string[] = [];
  const prompts: TestRun['prompts'] = [];
  const answers = [...(o.answers ?? [])];
  const timed = [...(o.timed ?? [])];
  let now = o.start ?? Date.UTC(2026, 11, 1, 9, 0, 0);
  const p: Prompts = {
    async choose(config) {
      prompts.push(config);
      // The "continue" prompt after feedback has one choice: it is always taken.
      if (config.choices.length === 1) return [0];
      const next = answers.shift();
      if (next === undefined) throw new Interrupted();
      return typeof next === 'function' ? next(config) : next;
    },
    async timed(config) {
      prompts.push(config);
      const next = timed.shift();
      if (next === undefined) throw new Interrupted();
      return typeof next === 'function' ? next(config) : next;
    },
  };
  const ctx: Context = {
    env: { NO_COLOR: '1', LANG: 'C.UTF-8', HOME: '/nonexistent', XDG_CACHE_HOME: TEST_CACHE, ...o.env },
    stdin: { isTTY: o.tty ?? true },
    stdout: { write: (s: string) => out.push(s), isTTY: o.stdoutTty ?? false, columns: o.columns ?? 100 },
    stderr: { write: (s: string) => err.push(s) },
    now: () => {
      const t = now;
      now += o.stepMs ?? 1000;
      return t;
    },
    // Unique across runs in one test file: several commands often share one database.
    uuid: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    prompts: p,
  };
  return { ctx, out, err, prompts };
}

/** `saa <args>` in-process. */
export async function saa(args: string[], o: TestContextOptions = {}): Promise<TestRun> {
  const t = testContext(o);
  const code = await runCli(args, t.ctx);
  return { code, stdout: t.out.join(''), stderr: t.err.join(''), prompts: t.prompts };
}
