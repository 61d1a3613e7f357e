/** The read-only check of an existing history file that comes before any write to it. */
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { SCHEMA_VERSION } from './migrations.js';
import { openDatabase } from './sqlite.js';
import { SqliteModuleError } from './sqlite-module-error.js';
import { describeStoreError, StoreError } from './store-error.js';

/**
 * Read-only look at an existing file before anything may write to it: refuse a folder, a file
 * that is not SQLite, one from a newer saa, one with a version saa never writes, one whose
 * tables are not saa's, and (before a migration, or when `check` asks) one that fails
 * `quick_check`. The file is left exactly as it was.
 */
export function probeStore(file: string, check: boolean, timeout: number): void {
  if (statSync(file).isDirectory())
    throw new StoreError(`cannot use the history database ${file}: it is a folder; give the path of a file with --db / SAA_DB`, file);
  let db: Database.Database | undefined;
  const refuse = (why: string) => new StoreError(`cannot use the history database ${file}: ${why}; the file was not changed`, file);
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true, timeout });
    // One read transaction: the version and the tables from the same moment, though another saa
    // may be creating and migrating this file right now.
    db.exec('BEGIN');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new StoreError(
        `the history database ${file} was written by a newer saa (schema ${version}, this saa knows ${SCHEMA_VERSION}). ` +
          'Upgrade saa, or use another file with --db / SAA_DB; the file was not changed',
        file,
      );
    }
    if (!Number.isInteger(version) || version < 0) throw refuse(`its schema version ${version} is not one saa writes, so it is not a saa database`);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map(
      (t) => t.name,
    );
    const ours = new Set(['sessions', 'answers', 'cards', 'settings', 'exam_items', 'answer_weeks', 'answer_days']);
    const foreign = tables.filter((t) => !ours.has(t));
    if (foreign.length > 0 || (version === 0 && tables.length > 0)) {
      throw refuse(`it is an SQLite database but not saa's (tables: ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''})`);
    }
    if (check || (version > 0 && version < SCHEMA_VERSION)) {
      const result = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
      if (result.length !== 1 || result[0] !== 'ok') {
        throw refuse('it is damaged (quick_check failed). Run "saa doctor" to check it and restore the last backup, or move the file aside');
      }
    }
  } catch (err) {
    if (err instanceof StoreError || err instanceof SqliteModuleError) throw err;
    throw describeStoreError(err, file);
  } finally {
    db?.close();
  }
}
