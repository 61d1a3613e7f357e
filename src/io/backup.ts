/**
 * The copy of a history file made before its schema is upgraded. It is written under a
 * temporary name, checked (readable, `quick_check` ok, the version it claims), and only then
 * renamed into place, so a backup that `doctor` lists is always whole; a copy left half-written
 * by a kill keeps its `.partial` name and is never listed or restored.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { openDatabase } from './sqlite.js';
import { StoreError } from './store-error.js';

export const PARTIAL = '.partial';

/** Why a backup file cannot be restored, or null when it is sound. */
export function backupProblem(file: string, version?: number): string | null {
  let db: Database.Database | undefined;
  try {
    db = openDatabase(file, { readonly: true, fileMustExist: true });
    const v = db.pragma('user_version', { simple: true }) as number;
    if (version !== undefined && v !== version) return `it holds schema ${v}, not ${version}`;
    if (!Number.isInteger(v) || v < 1) return `its schema version ${v} is not a saa history's`;
    const result = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
    if (result.length !== 1 || result[0] !== 'ok') return 'it is damaged (quick_check failed)';
    db.prepare('SELECT count(*) FROM answers').get();
    return null;
  } catch (err) {
    return `it cannot be read: ${(err as Error).message}`;
  } finally {
    db?.close();
  }
}

/**
 * Copies `file` (at schema `version`) to `<file>.backup-v<version>-<now>` through a read-only
 * connection of its own. The caller holds the write lock, so the copy is the state before the
 * upgrade and no second saa upgrades (or backs up) at the same time.
 */
export function backupBeforeUpgrade(file: string, version: number, now: number, timeout: number): string {
  const target = `${file}.backup-v${version}-${now}`;
  const partial = `${target}${PARTIAL}`;
  const fail = (why: string) => new StoreError(`could not back up the history database ${file} before upgrading it (${why}); nothing was changed`, file);
  rmSync(partial, { force: true });
  let source: Database.Database | undefined;
  try {
    source = openDatabase(file, { readonly: true, fileMustExist: true, timeout });
    source.prepare('VACUUM INTO ?').run(partial);
  } catch (err) {
    rmSync(partial, { force: true });
    throw fail((err as Error).message);
  } finally {
    source?.close();
  }
  const problem = backupProblem(partial, version);
  if (problem) {
    rmSync(partial, { force: true });
    throw fail(`the copy failed its check: ${problem}`);
  }
  if (existsSync(target)) rmSync(target, { force: true });
  renameSync(partial, target);
  return target;
}
