/**
 * Runs one command line against a context and turns its result or typed error into an exit
 * code. The entry point calls it with the real process; tests call it in-process.
 */
import { resolveLang } from '../io/locale.js';
import type { Context } from './context.js';
import { describeFailure, EXIT } from './errors.js';
import { koFailure, loadLanguage } from './help-i18n.js';
import { program } from './program.js';
import { clean } from './render/clean.js';

/** `--lang ko` or `--lang=ko` anywhere on the command line: help and commander's errors follow it too. */
function langArg(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--lang') return args[i + 1];
    if (a.startsWith('--lang=')) return a.slice(7);
  }
  return undefined;
}

export async function runCli(args: readonly string[], ctx: Context): Promise<number> {
  let code: number = EXIT.ok;
  const lang = resolveLang(langArg(args), ctx.env);
  await loadLanguage(lang);
  const p = program(
    ctx,
    (c) => {
      code = c;
    },
    lang,
  );
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
      if (failure.message) ctx.stderr.write(`saa: ${clean(lang === 'ko' ? koFailure(failure.message) : failure.message)}\n`);
      return failure.exitCode;
    }
    ctx.stderr.write(`saa: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
    return EXIT.failure;
  }
}
