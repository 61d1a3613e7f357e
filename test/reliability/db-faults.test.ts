/** Database faults at the CLI: each gets a clear message naming the file, exit 3, and the file is left as it was. */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, cliEnv, FIXTURES, runCli as run, tempDir } from '../helpers/cli.js';
import { programCopy } from '../helpers/program-copy.js';

const NOBODY = 65534;
/** Independent of the shipped notes: a small note of the test's own. */
const NOTES = { SAA_NOTES: join(FIXTURES, 'good-notes') };
const runCli = (args: string[], o: { env?: Record<string, string> } = {}) => run(args, { env: { ...NOTES, ...o.env } });

let copy: string | null = null;

/** Runs saa as an unprivileged user, so that file permissions apply even when the tests run as root. */
function runUnprivileged(args: string[], env: Record<string, string>) {
  const asRoot = process.getuid?.() === 0;
  if (asRoot) copy ??= programCopy({ addon: true });
  const cmd = asRoot ? 'setpriv' : process.execPath;
  const argv = asRoot
    ? [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, join(copy as string, 'bin', 'saa.js'), ...args]
    : [BIN, ...args];
  const r = spawnSync(cmd, argv, { env: cliEnv({ HOME: '/tmp', ...NOTES, ...env }), encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A real history, made through the CLI's own store, with its WAL folded into the main file. */
function historyDb(file: string): void {
  const r = runCli(['stats', '--exam-date', '2030-01-01'], { env: { SAA_DB: file } });
  expect(r.code).toBe(0);
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('database faults', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    chmodSync(dir, 0o755);
  });
  afterEach(() => {
    chmodSync(dir, 0o755);
    cleanup();
  });

  it('a damaged file: names it, points to saa doctor, exit 3, unchanged', () => {
    const file = join(dir, 'saa.db');
    historyDb(file);
    const bytes = readFileSync(file);
    // Overwrite the schema page's cell area: SQLite sees a malformed image.
    bytes.fill(0xff, 200, 4000);
    writeFileSync(file, bytes);
    const r = runCli(['stats'], { env: { SAA_DB: file } });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/damaged.*saa doctor/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    const doctor = runCli(['doctor'], { env: { SAA_DB: file } });
    expect(doctor.code).toBe(3);
    expect(doctor.stdout).toMatch(/✘ database/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('a file that is not SQLite: same, and doctor says so', () => {
    const file = join(dir, 'saa.db');
    writeFileSync(file, 'not a database\n'.repeat(100));
    const before = readFileSync(file);
    const r = runCli(['topics'], { env: { SAA_DB: file } });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`cannot use the history database ${file}`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a read-only file and a read-only folder: says to check permissions, nothing written', () => {
    const file = join(dir, 'ro', 'saa.db');
    mkdirSync(join(dir, 'ro'));
    historyDb(file);
    chmodSync(file, 0o444);
    chmodSync(join(dir, 'ro'), 0o555);
    const before = readFileSync(file);
    const r = runUnprivileged(['stats', '--exam-date', '2031-01-01'], { SAA_DB: file });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/cannot be opened for writing\. Check the permissions/);
    expect(readFileSync(file).equals(before)).toBe(true);

    const fresh = runUnprivileged(['stats', '--exam-date', '2031-01-01'], { SAA_DB: join(dir, 'ro', 'sub', 'new.db') });
    expect(fresh.code).toBe(3);
    expect(fresh.stderr).toMatch(/new\.db: it cannot be opened for writing/);
  });

  it('a database from a newer saa is refused and not touched, by every command', () => {
    const file = join(dir, 'saa.db');
    historyDb(file);
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const before = readFileSync(file);
    for (const args of [['topics'], ['stats'], ['exam', 'list'], ['stats', '--exam-date', '2031-01-01']]) {
      const r = runCli(args, { env: { SAA_DB: file } });
      expect(r.code, args.join(' ')).toBe(3);
      expect(r.stderr).toMatch(/written by a newer saa \(schema 99/);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('doctor restores the newest backup and keeps the broken file aside', () => {
    const file = join(dir, 'saa.db');
    historyDb(file);
    copyFileSync(file, `${file}.backup-v2-1700000000000`);
    writeFileSync(file, 'garbage');
    const r = runCli(['doctor', '--restore'], { env: { SAA_DB: file } });
    expect(r.stdout + r.stderr).toMatch(/Restored .*backup-v2-1700000000000/);
    expect(r.stdout).toMatch(/✔ database/);
    expect(r.code).toBe(0);
    expect(runCli(['stats', '--json'], { env: { SAA_DB: file } }).code).toBe(0);
  });
});
