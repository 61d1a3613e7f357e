/** Opening a SQLite file, with a missing or unbuilt native module reported as itself, not as a bad database. */
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import { asSqliteModuleError } from './sqlite-module-error.js';

// better-sqlite3 is CommonJS: loaded with require rather than import, because Node's ES module
// loader first scans a CommonJS file for the names it exports, a few milliseconds of every start.
// It loads when the first database opens, so a missing package is reported like a missing addon.
const load = createRequire(import.meta.url);
let Sqlite: typeof Database | undefined;

export function openDatabase(file: string, options?: Database.Options): Database.Database {
  try {
    Sqlite ??= load('better-sqlite3') as typeof Database;
    return new Sqlite(file, options);
  } catch (err) {
    throw asSqliteModuleError(err) ?? err;
  }
}
