/** Opening a SQLite file, with a missing or unbuilt native module reported as itself, not as a bad database. */
import Database from 'better-sqlite3';
import { asSqliteModuleError } from './sqlite-module-error.js';

export function openDatabase(file: string, options?: Database.Options): Database.Database {
  try {
    return new Database(file, options);
  } catch (err) {
    throw asSqliteModuleError(err) ?? err;
  }
}
