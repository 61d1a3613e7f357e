/**
 * When each history database last passed `quick_check`, kept in the cache folder, so the check
 * runs about once a day (and before every migration) instead of on every start. A lost or
 * damaged log only means one more check.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomically } from './cache-files.js';
import { cacheDir, type Env } from './paths.js';

export const CHECK_EVERY_MS = 86_400_000;

function logFile(env: Env): string {
  return join(cacheDir(env), 'db-checks.json');
}

function readLog(env: Env): Record<string, number> {
  try {
    const data = JSON.parse(readFileSync(logFile(env), 'utf8')) as unknown;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/** Whether the database at `file` is due a quick_check at `now`. */
export function checkDue(file: string, env: Env, now: number): boolean {
  const last = readLog(env)[file];
  return typeof last !== 'number' || !(now - last < CHECK_EVERY_MS && last <= now);
}

export function recordCheck(file: string, env: Env, now: number): void {
  const log = readLog(env);
  log[file] = now;
  try {
    writeAtomically(logFile(env), JSON.stringify(log));
  } catch {
    // Not being able to remember the check only means checking again next time.
  }
}
