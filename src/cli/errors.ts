/** Typed failures: commands throw these, and only the entry point turns them into exit codes. */
import { asSqliteModuleError } from '../io/sqlite-module-error.js';

export const EXIT = {
  ok: 0,
  /** A check failed (e.g. `notes check` found errors) or an unexpected fault. */
  failure: 1,
  /** Bad command line: unknown option or topic, bad number, stdin not a terminal. */
  usage: 2,
  /** The database or notes cannot be used (corrupt, newer version, unreadable). */
  data: 3,
  /** The native SQLite module is missing or did not build (an install problem, not the data). */
  install: 4,
  /** Interrupted by Ctrl-C; what was answered is kept. */
  interrupted: 130,
} as const;

export class SaaError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'SaaError';
  }
}

export class UsageError extends SaaError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}

export class DataError extends SaaError {
  constructor(message: string) {
    super(message, EXIT.data);
    this.name = 'DataError';
  }
}

/** Ctrl-C at a prompt: the session is already saved, the process ends with 130. */
export class Interrupted extends SaaError {
  constructor() {
    super('interrupted', EXIT.interrupted);
    this.name = 'Interrupted';
  }
}

/** The one line and exit code for a failure that reached the entry point; null for a bug. */
export function describeFailure(err: unknown): { message: string | null; exitCode: number } | null {
  if (err instanceof SaaError) return { message: err.exitCode === EXIT.interrupted ? null : err.message, exitCode: err.exitCode };
  // The store names its file in its own errors (see io/store-error.ts).
  if ((err as { name?: string })?.name === 'StoreError') return { message: (err as Error).message, exitCode: EXIT.data };
  if ((err as { name?: string })?.name === 'NotesCacheError') return { message: (err as Error).message, exitCode: EXIT.data };
  const sqlite = asSqliteModuleError(err);
  if (sqlite) return { message: sqlite.message, exitCode: EXIT.install };
  return null;
}
