/**
 * A full disk, for real: the database sits on a small tmpfs filled to the last byte. Mounting
 * needs root; elsewhere the test is skipped and says why.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { firstOptions, saa } from '../helpers/context.js';
import { writeDomainNotes } from '../helpers/exam-deck.js';

function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = tempDir('saa-mount-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe.dir], { stdio: 'ignore' });
    execFileSync('umount', [probe.dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    probe.cleanup();
  }
}

describe.skipIf(!canMount())('a full disk (tmpfs, needs root)', () => {
  let dir: string;
  let cleanup: () => void;
  let mnt: string;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    writeDomainNotes(dir);
    mnt = join(dir, 'mnt');
    mkdirSync(mnt);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt]);
  });
  afterAll(() => {
    spawnSync('umount', [mnt]);
    cleanup();
  });

  it('says the disk is full, names the file, exits 3, and keeps every answer saved before', async () => {
    const db = join(mnt, 'saa.db');
    const env = { SAA_DB: db, SAA_NOTES: dir };
    // One answer while there is room.
    const first = await saa(['quiz', '--count', '1', '--topic', 'tcost', '--seed', 'full'], { env, answers: [firstOptions] });
    expect(first.stdout).toMatch(/Score: /);
    expect(first.code).toBe(0);

    // Fill the file system to the last block.
    const filler = join(mnt, 'filler');
    const chunk = Buffer.alloc(4096, 1);
    try {
      for (;;) writeFileSync(filler, chunk, { flag: 'a' });
    } catch (err) {
      expect((err as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }

    // Answer until a write fails (the WAL has some room left in its existing pages).
    const t = await saa(['quiz', '--count', '30', '--topic', 'tsecure,tcost', '--seed', 'full-2'], { env, answers: Array(30).fill(firstOptions) });
    expect(t.code).toBe(3);
    expect(t.stderr).toMatch(new RegExp(`^saa: cannot use the history database ${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the disk is full`));
    expect(t.stderr).not.toMatch(/at .*\.(js|ts):\d+/);

    rmSync(filler);
    const check = new Database(db, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const shown = (t.stdout.match(/✔ Correct|✘ Wrong/g) ?? []).length;
    const saved = (check.prepare('SELECT count(*) AS n FROM answers').get() as { n: number }).n;
    check.close();
    expect(saved).toBeGreaterThanOrEqual(1 + shown);
  }, 60_000);
});
