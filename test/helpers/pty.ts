/** Drives the built binary in a pseudo-terminal, the way a person types. */
import pty from 'node-pty';
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
}

export const KEY = { enter: '\r', down: '\u001b[B', up: '\u001b[A', ctrlC: '\u0003' } as const;

export function startSaa(args: string[], env: Record<string, string | undefined> = {}): Terminal {
  const child = pty.spawn(process.execPath, [BIN, ...args], {
    name: 'xterm-256color',
    cols: 120,
    rows: 40,
    env: cliEnv(env) as Record<string, string>,
  });
  let out = '';
  child.onData((d) => {
    out += d;
  });
  const exited = new Promise<{ exitCode: number; signal?: number }>((resolve) => child.onExit(resolve));
  const text = () => stripAnsi(out).replace(/\r/g, '');
  return {
    text,
    pid: child.pid,
    write: (keys) => child.write(keys),
    kill: (signal) => child.kill(signal),
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
