/** Where things live: the history database (XDG data dir) and the user's notes folders. */
import { homedir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

export type Env = Record<string, string | undefined>;

/** `--db`, else `SAA_DB`, else `$XDG_DATA_HOME/saa/saa.db`, else `~/.local/share/saa/saa.db`. */
export function databasePath(flag: string | undefined, env: Env): string {
  if (flag) return resolve(flag);
  if (env.SAA_DB) return resolve(env.SAA_DB);
  const base = env.XDG_DATA_HOME?.startsWith('/') ? env.XDG_DATA_HOME : join(homedir(), '.local', 'share');
  return join(base, 'saa', 'saa.db');
}

/** `--notes DIR`, else `SAA_NOTES` (several folders separated by the platform's path delimiter). */
export function userNotesDirs(flag: string | undefined, env: Env): string[] {
  if (flag) return [resolve(flag)];
  return (env.SAA_NOTES ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((d) => resolve(d));
}

/** `$XDG_CACHE_HOME/saa`, else `~/.cache/saa` (the home of the given environment). */
export function cacheDir(env: Env): string {
  const base = env.XDG_CACHE_HOME?.startsWith('/') ? env.XDG_CACHE_HOME : join(env.HOME?.startsWith('/') ? env.HOME : homedir(), '.cache');
  return join(base, 'saa');
}

/** `SAA_NO_CACHE` set to anything but 0 or empty: no cache is read or written. */
export function noCacheEnv(env: Env): boolean {
  return env.SAA_NO_CACHE !== undefined && env.SAA_NO_CACHE !== '' && env.SAA_NO_CACHE !== '0';
}
