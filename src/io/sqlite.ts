/** Opening a SQLite file, with a missing or unbuilt native module reported as itself, not as a bad database. */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { asSqliteModuleError, NOT_INSTALLED, SqliteModuleError } from './sqlite-module-error.js';

// better-sqlite3's JavaScript is bundled into saa.cjs (tsup.config.ts), where its compiled code is
// cached with the rest: loaded from node_modules, its dozen files took about 3 ms of every start.
// Its compiled addon is loaded from the installed package by path, which skips the search the
// `bindings` package makes (about 1 ms); an addon elsewhere is still found by that search.
const resolve = createRequire(import.meta.url).resolve;
let addon: string | null | undefined;

/** The installed package's compiled addon, or null to let better-sqlite3 search for it. */
function addonFile(): string | null {
  let root: string;
  try {
    root = dirname(resolve('better-sqlite3/package.json'));
  } catch {
    // An optional dependency that did not build is removed by npm: the package is not there at all.
    throw new SqliteModuleError(NOT_INSTALLED);
  }
  const file = join(root, 'build', 'Release', 'better_sqlite3.node');
  return existsSync(file) ? file : null;
}

export function openDatabase(file: string, options?: Database.Options): Database.Database {
  try {
    if (addon === undefined) addon = addonFile();
    return new Database(file, addon === null ? options : { ...options, nativeBinding: addon });
  } catch (err) {
    throw asSqliteModuleError(err) ?? err;
  }
}
