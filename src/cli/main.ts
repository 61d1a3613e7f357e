/** The CLI entry: runs one command and turns its result or typed error into an exit code. */
import { EXIT, SaaError } from './errors.js';
import { program } from './program.js';

async function main(argv: string[]): Promise<number> {
  const p = program();
  try {
    await p.parseAsync(argv);
    return process.exitCode === undefined ? EXIT.ok : Number(process.exitCode);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return EXIT.ok;
    if (typeof code === 'string' && code.startsWith('commander.')) return EXIT.usage;
    const failure = typeof (err as { code?: unknown })?.code === 'string' && String((err as { code: string }).code).startsWith('SQLITE_')
      ? (await import('./open-store.js')).storeFailure(err)
      : null;
    if (failure) {
      process.stderr.write(`saa: ${failure.message}\n`);
      return failure.exitCode;
    }
    if (err instanceof SaaError) {
      if (err.exitCode !== EXIT.interrupted) process.stderr.write(`saa: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`saa: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
    return EXIT.failure;
  }
}

// `saa questions | head`: a reader that goes away early is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(EXIT.ok);
  throw err;
});

process.exitCode = await main(process.argv);
