/** Opens the history database for a command, turning store failures into a clear DataError. */
import { databasePath } from '../io/paths.js';
import { Store, StoreError, describeStoreError } from '../io/store.js';
import { DataError } from './errors.js';

let opened: string | null = null;

export function openStore(dbFlag: string | undefined, now: number = Date.now()): Store {
  const file = databasePath(dbFlag, process.env);
  opened = file;
  try {
    return Store.open(file, now);
  } catch (err) {
    if (err instanceof StoreError) throw new DataError(err.message);
    throw err;
  }
}

/** A SQLite failure after opening (disk full mid-quiz, a file damaged underneath): name the file. */
export function storeFailure(err: unknown): DataError | null {
  const code = String((err as { code?: string }).code ?? '');
  if (!code.startsWith('SQLITE_') || opened === null) return null;
  return new DataError(describeStoreError(err, opened).message);
}
