/** Opens the history database for a command, turning store failures into a clear DataError. */
import { databasePath } from '../io/paths.js';
import { Store, StoreError } from '../io/store.js';
import { DataError } from './errors.js';

export function openStore(dbFlag: string | undefined, now: number = Date.now()): Store {
  const file = databasePath(dbFlag, process.env);
  try {
    return Store.open(file, now);
  } catch (err) {
    if (err instanceof StoreError) throw new DataError(err.message);
    throw err;
  }
}
