/**
 * The native SQLite module (better-sqlite3) missing or unbuilt, told apart from a bad database:
 * an install with --ignore-scripts, a failed compile, or a build for another Node. Kept apart
 * from the module itself so that the entry point can recognise the failure without loading it.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NOT_INSTALLED = 'the package is not installed';
/** The version package.json pins (a test keeps the two equal). */
export const SQLITE_VERSION = '12.6.2';

export class SqliteModuleError extends Error {
  constructor(cause: string) {
    // An optional dependency whose build failed is removed by npm, so there is nothing to rebuild.
    const fix = cause === NOT_INSTALLED ? `npm install better-sqlite3@${SQLITE_VERSION}` : 'npm rebuild better-sqlite3';
    super(
      `the SQLite module (better-sqlite3) is missing or did not build: ${cause}. ` +
        `Run "${fix}" in ${packageRoot()} (it compiles with a C++ compiler, make and Python 3)`,
    );
    this.name = 'SqliteModuleError';
  }
}

/** The installed package's folder (next to `dist/`, or to `src/` when the tests run the sources). */
function packageRoot(): string {
  const fromSource = /\/src\/io\/[^/]+$/.test(import.meta.url);
  return resolve(dirname(fileURLToPath(import.meta.url)), fromSource ? '../..' : '..');
}

/** Why loading the addon failed, in one line, or null when `err` is not such a failure. */
function addonFailure(err: unknown): string | null {
  const e = err as { code?: string; message?: string } | null;
  const message = String(e?.message ?? '');
  const first = message.split('\n')[0]?.trim() ?? '';
  // `bindings` found no compiled .node file (an install with --ignore-scripts or a failed build).
  if (/Could not locate the bindings file/.test(message)) return 'its compiled file better_sqlite3.node was not found';
  // A .node file built for another Node, another platform, or a broken one.
  if (e?.code === 'ERR_DLOPEN_FAILED' || /NODE_MODULE_VERSION|invalid ELF header|did not self-register|better_sqlite3\.node/.test(message)) return first;
  // The package itself is absent: the import of a command module that uses it failed.
  if ((e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') && /['"]better-sqlite3['"]/.test(message)) return NOT_INSTALLED;
  return null;
}

/** `err` as a SqliteModuleError when it is one, or when it is the failure to load the addon. */
export function asSqliteModuleError(err: unknown): SqliteModuleError | null {
  if (err instanceof SqliteModuleError) return err;
  const cause = addonFailure(err);
  return cause === null ? null : new SqliteModuleError(cause);
}
