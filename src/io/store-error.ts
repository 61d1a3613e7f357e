/**
 * Failures of the history database as one clear sentence naming the file. Kept apart from the
 * store so that the entry point can recognise them without loading SQLite.
 */
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';

export class StoreError extends Error {
  constructor(
    message: string,
    readonly file: string,
    /** `busy`: another process held the write lock past the busy timeout; the write may be tried again. */
    readonly reason?: 'busy',
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

function freeBytes(dir: string): number {
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export function describeStoreError(err: unknown, file: string): StoreError {
  let code = String((err as { code?: string }).code ?? '');
  // SQLite reports a write that found no room as a plain I/O error; the file system can tell.
  if (code.startsWith('SQLITE_IOERR') && freeBytes(dirname(file)) < 1024 * 1024) code = 'SQLITE_FULL';
  const hint =
    code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT')
      ? 'it is not a saa database or it is damaged. Run "saa doctor" to check it and restore the last backup, or move the file aside (or point --db / SAA_DB elsewhere) to start a new history; the file was not changed'
      : code.startsWith('SQLITE_READONLY') ||
          code.startsWith('SQLITE_CANTOPEN') ||
          code.startsWith('SQLITE_PERM') ||
          ['EACCES', 'EROFS', 'EPERM', 'ENOTDIR', 'EISDIR'].includes(code)
        ? 'it cannot be opened for writing. Check the permissions of the file and its folder, or use --db / SAA_DB'
        : code.startsWith('SQLITE_FULL') || code === 'ENOSPC'
          ? 'the disk is full. Free some space and try again; every answer saved before this one is kept'
          : code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')
            ? 'another saa is writing to it for too long. Try again in a moment'
            : (err as Error).message;
  const busy = code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
  return new StoreError(`cannot use the history database ${file}: ${hint}`, file, busy ? 'busy' : undefined);
}
