/**
 * Runs one command line against a context and turns its result or typed error into an exit
 * code. The entry point calls it with the real process; tests call it in-process.
 */
import type { Context } from './context.js';
import { describeFailure, EXIT } from './errors.js';
import { program } from './program.js';
import { clean } from './render/clean.js';

export async function runCli(args: readonly string[], ctx: Context): Promise<number> {
  let code: number = EXIT.ok;
  const p = program(ctx, (c) => {
    code = c;
  });
  try {
    await p.parseAsync(['node', 'saa', ...args]);
    return code;
  } catch (err) {
    const commanderCode = (err as { code?: string }).code;
    if (commanderCode === 'commander.helpDisplayed' || commanderCode === 'commander.version' || commanderCode === 'commander.help') return EXIT.ok;
    if (typeof commanderCode === 'string' && commanderCode.startsWith('commander.')) return EXIT.usage;
    const failure = describeFailure(err);
    if (failure) {
      // Messages can quote a file name or a value from the command line: never pass escapes through.
      if (failure.message) ctx.stderr.write(`saa: ${clean(failure.message)}\n`);
      return failure.exitCode;
    }
    ctx.stderr.write(`saa: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
    return EXIT.failure;
  }
}
