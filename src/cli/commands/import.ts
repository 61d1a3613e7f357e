/** `saa import history FILE`: merges a history exported on another computer; importing twice adds nothing. */
import { readSync } from 'node:fs';
import { HistoryFormatError, importHistory, parseHistory } from '../../io/history-transfer.js';
import { readRegularFile } from '../../io/note-files.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { openStore } from '../open-store.js';
import { clean } from '../render/clean.js';

/** The largest history file read: far above any real one, far below what would exhaust memory. */
const MAX_HISTORY_BYTES = 512 * 1024 * 1024;

/** Standard input, up to `max` bytes. */
function readStdin(max: number): string {
  const chunks: Buffer[] = [];
  let size = 0;
  const buf = Buffer.alloc(1 << 20);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      if ((err as NodeJS.ErrnoException).code === 'EOF') break;
      throw err;
    }
    if (n === 0) break;
    size += n;
    if (size > max) throw new UsageError(`standard input is larger than ${max / 1024 / 1024} MiB; nothing was imported`);
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function history(file: string, opts: { db?: string }, ctx: Context): Promise<number> {
  const name = clean(file === '-' ? 'standard input' : file);
  let text: string;
  if (file === '-') text = readStdin(MAX_HISTORY_BYTES);
  else {
    // Only a regular file, its size checked before reading: never a FIFO to wait on or /dev/zero to fill memory.
    const r = readRegularFile(file, MAX_HISTORY_BYTES);
    if ('error' in r) throw new UsageError(`${name}: ${r.error.replace('; split it into several notes', '')}; nothing was imported`);
    text = r.text;
  }
  let parsed: ReturnType<typeof parseHistory>;
  try {
    parsed = parseHistory(text, ctx.now());
  } catch (err) {
    if (err instanceof HistoryFormatError) throw new UsageError(`${name}: ${clean(err.message)}; nothing was imported`);
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
