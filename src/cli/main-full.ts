/** The full entry: a context from the real process, one command line through commander, its exit code. */
import { randomUUID } from 'node:crypto';
import { EXIT } from './errors.js';
import { promptOpen, terminalPrompts } from './prompts/terminal.js';
import { runCli } from './run.js';

export async function main(args: string[]): Promise<void> {
  // `saa questions | head`: a reader that goes away early is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    throw err;
  });

  // SIGTERM and SIGHUP (a closed terminal) end a session the way Ctrl-C does: the prompt on screen
  // is abandoned, the session is marked interrupted, and the exit code says which signal it was.
  // With no prompt open the process ends at once; a write under way is rolled back by SQLite.
  const stop = new AbortController();
  let signalled: number | null = null;
  for (const [name, number] of [
    ['SIGTERM', 15],
    ['SIGHUP', 1],
  ] as const) {
    process.on(name, () => {
      signalled ??= 128 + number;
      if (!promptOpen()) process.exit(signalled);
      stop.abort(name);
    });
  }

  const code = await runCli(args, {
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    now: Date.now,
    uuid: randomUUID,
    prompts: terminalPrompts(process.stdin, process.stdout, stop.signal),
  });
  process.exitCode = signalled ?? code;
}
