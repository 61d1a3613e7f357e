/** Drives the built binary in a pseudo-terminal, the way a person types. */
import xterm from '@xterm/headless';
import pty from 'node-pty';

const Headless = xterm.Terminal;

import stripAnsi from 'strip-ansi';
import { BIN, cliEnv } from './cli.js';

export interface Terminal {
  /** Everything printed so far, without escape sequences. */
  text(): string;
  write(keys: string): void;
  /** Resolves when the screen text (after `from`) matches, or rejects with what was printed. */
  waitFor(pattern: RegExp, from?: number, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ exitCode: number; signal?: number }>;
  pid: number;
  kill(signal?: string): void;
  /** The rows a person sees now, as a terminal of this size draws them (a headless xterm fed the same output). */
  visible(): Promise<string[]>;
  /** Every row the terminal holds, scrollback included; `wrapped` when the terminal had to wrap the row above (it overflowed). */
  rows(): Promise<{ text: string; wrapped: boolean }[]>;
}

export interface TerminalSize {
  cols: number;
  rows: number;
}

export const KEY = { enter: '\r', down: '\u001b[B', up: '\u001b[A', ctrlC: '\u0003' } as const;

export function startSaa(args: string[], env: Record<string, string | undefined> = {}, size?: TerminalSize): Terminal {
  return startProgram(process.execPath, [BIN, ...args], env, undefined, size);
}

/** Any program in a pseudo-terminal (a shell, for completion), with saa's test environment. */
export function startProgram(
  file: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  cwd?: string,
  size: TerminalSize = { cols: 120, rows: 40 },
): Terminal {
  const screen = new Headless({ cols: size.cols, rows: size.rows, scrollback: 5000, allowProposedApi: true });
  const child = pty.spawn(file, args, {
    name: 'xterm-256color',
    cols: size.cols,
    rows: size.rows,
    env: cliEnv(env) as Record<string, string>,
    ...(cwd ? { cwd } : {}),
  });
  let out = '';
  child.onData((d) => {
    out += d;
    screen.write(d);
  });
  const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) => child.onExit(resolve));
  const text = () => stripAnsi(out).replace(/\r/g, '');
  return {
    text,
    pid: child.pid,
    write: (keys) => child.write(keys),
    kill: (signal) => child.kill(signal),
    rows: () =>
      new Promise((resolve) =>
        screen.write('', () => {
          const b = screen.buffer.active;
          resolve(
            Array.from({ length: b.length }, (_, i) => ({ text: b.getLine(i)?.translateToString(true) ?? '', wrapped: b.getLine(i)?.isWrapped ?? false })),
          );
        }),
      ),
    visible: () =>
      new Promise((resolve) =>
        screen.write('', () => {
          const b = screen.buffer.active;
          resolve(Array.from({ length: size.rows }, (_, i) => b.getLine(b.viewportY + i)?.translateToString(true) ?? ''));
        }),
      ),
    exited,
    waitFor(pattern, from = 0, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const tick = () => {
          const m = text().slice(from).match(pattern);
          if (m) return resolve(m);
          if (Date.now() - started > timeoutMs) {
            return reject(new Error(`timed out waiting for ${pattern}; screen:\n${text().slice(-2000)}`));
          }
          setTimeout(tick, 20);
        };
        tick();
      });
    },
  };
}

/**
 * How long to wait after a prompt is on screen before typing. The prompts drop keys that arrive
 * within 100 ms of opening (typed before they appeared); a prompt is open before it is drawn, so
 * waiting this long after seeing it always clears that window, however slow the machine is.
 */
export const SETTLE_MS = 120;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for `pattern` (after `from`), lets the prompt settle, then types `keys`. */
export async function typeAt(t: Terminal, pattern: RegExp, keys: string, from = 0): Promise<void> {
  await t.waitFor(pattern, from);
  await sleep(SETTLE_MS);
  t.write(keys);
}

/**
 * Answers question n of a quiz, review or drill with `keys`, waits for the feedback, and (unless
 * it was the last question) presses Enter to move on, as a person does.
 */
export async function answerQuestion(t: Terminal, n: number, total: number, keys: string, feedback = /(✔ Correct|✘ Wrong)/): Promise<void> {
  await t.waitFor(new RegExp(`\\[${n}/${total}\\]`));
  const at = t.text().lastIndexOf(`[${n}/${total}]`);
  await typeAt(t, /❯/, keys, at);
  await t.waitFor(feedback, at);
  if (n < total) await typeAt(t, /(Enter continue|Enter 계속)/, KEY.enter, at);
}
