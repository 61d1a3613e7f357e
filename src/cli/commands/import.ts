/** `saa import history FILE`: merges a history exported on another computer; importing twice adds nothing. */
import { readFileSync } from 'node:fs';
import { HistoryFormatError, importHistory, parseHistory } from '../../io/history-transfer.js';
import type { Context } from '../context.js';
import { DataError, UsageError } from '../errors.js';
import { openStore } from '../open-store.js';

export async function history(file: string, opts: { db?: string }, ctx: Context): Promise<number> {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let parsed: ReturnType<typeof parseHistory>;
  try {
    parsed = parseHistory(text);
  } catch (err) {
    if (err instanceof HistoryFormatError) throw new DataError(`${file}: ${err.message}; nothing was imported`);
    throw err;
  }
  const store = openStore(opts.db, ctx);
  try {
    const r = importHistory(store, parsed);
    ctx.stdout.write(`Imported ${r.answers} answer(s) in ${r.sessions} new session(s); ${r.skipped} already present.\n`);
  } finally {
    store.close();
  }
  return 0;
}
