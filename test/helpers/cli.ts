/** Runs the built `saa` binary as a child process (no terminal) and captures its output. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'saa.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A clean environment: no user notes, no colour, a database path that tests choose. */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  // The notes cache of a test run lives in the temporary folder, never in the user's home.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', XDG_CACHE_HOME: join(tmpdir(), `saa-test-cache-${process.pid}`) };
  for (const key of ['SAA_NOTES', 'SAA_DB', 'SAA_LANG', 'FORCE_COLOR', 'LC_ALL', 'LC_MESSAGES']) delete env[key];
  return { ...env, ...extra };
}

export function runCli(args: string[], options: { env?: Record<string, string | undefined>; input?: string } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: cliEnv(options.env),
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'saa-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A fresh temporary folder for each test of the calling describe block, removed afterwards;
 * `use` receives it (and may fill it) before the test runs.
 */
export function useTempDir(use: (dir: string) => void): void {
  let cleanup = () => {};
  beforeEach(() => {
    const t = tempDir();
    cleanup = t.cleanup;
    use(t.dir);
  });
  afterEach(() => cleanup());
}
