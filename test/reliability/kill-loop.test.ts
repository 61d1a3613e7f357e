/**
 * Crash safety: SIGKILL at random moments during quizzes and exams, many times over one database.
 * Every answer the screen showed as taken must be in the database, and the database must pass
 * PRAGMA integrity_check every time. SAA_KILL_LOOPS sets the number of kills (default 100).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { writeDomainNotes } from '../helpers/exam-deck.js';
import { KEY, startSaa } from '../helpers/pty.js';

const LOOPS = Number(process.env.SAA_KILL_LOOPS ?? 100);
const TOPICS = 'tsecure,tresilient,tperformant,tcost';

let seed = 20261124;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function maxSession(file: string): number {
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true });
  try {
    if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sessions'`).get()) return 0;
    return (db.prepare('SELECT coalesce(max(id), 0) AS id FROM sessions').get() as { id: number }).id;
  } finally {
    db.close();
  }
}

describe(`${LOOPS} SIGKILLs during quizzes and exams`, () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    writeDomainNotes(dir);
  });
  afterAll(() => cleanup());

  it('loses no answer that was shown as taken and never damages the database', async () => {
    const db = join(dir, 'kill.db');
    const env = { SAA_DB: db, SAA_NOTES: dir };
    let killedWithAnswers = 0;
    for (let i = 0; i < LOOPS; i++) {
      const exam = i % 2 === 1;
      const args = exam
        ? ['exam', '--questions', '10', '--minutes', '30', '--topic', TOPICS, '--seed', `k${i}`]
        : ['quiz', '--count', '10', '--topic', TOPICS, '--seed', `k${i}`];
      const lastSession = maxSession(db);
      // An exam left unfinished by the previous kill would ask "resume or abandon?": abandon it.
      const t = startSaa(args, env);
      const killAt = Date.now() + 150 + rand(1200);
      while (Date.now() < killAt) {
        const screen = t.text();
        if (/Resume it/.test(screen) && !/Mock exam/.test(screen)) {
          t.write(`2${KEY.enter}`);
          await sleep(30);
          continue;
        }
        if (screen.trimEnd().endsWith('Ctrl-C pause') || /❯[^\n]*\n[\s\S]*navigate/.test(screen.slice(-600))) {
          t.write(`${1 + rand(2)}${KEY.enter}`);
        }
        await sleep(20 + rand(80));
      }
      t.kill('SIGKILL');
      await t.exited;
      const screen = t.text();
      if (!existsSync(db)) {
        expect(screen, `kill ${i}: no database, so nothing may have been shown as answered`).not.toMatch(/✔ Correct|✘ Wrong|Question 2\/10/);
        continue;
      }

      const check = new Database(db, { readonly: true });
      expect(check.pragma('integrity_check', { simple: true }), `kill ${i}`).toBe('ok');
      // Killed while creating the very first schema: the migration's transaction left nothing half-made.
      if (!check.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'sessions'`).get()) {
        expect(check.prepare('SELECT count(*) AS n FROM sqlite_master').get()).toEqual({ n: 0 });
        expect(screen).not.toMatch(/✔ Correct|✘ Wrong|Question 2\/10/);
        check.close();
        continue;
      }
      // A process killed before it started its session has none: nothing can have been shown.
      const session = check.prepare('SELECT max(id) AS id FROM sessions WHERE id > ?').get(lastSession) as { id: number | null };
      if (exam) {
        // Question n on screen means questions 1..n-1 were answered and committed first.
        const seen = Math.max(0, ...[...screen.matchAll(/Question (\d+)\/10/g)].map((m) => Number(m[1]) - 1));
        const saved = (check.prepare('SELECT count(*) AS n FROM exam_items WHERE session_id = ? AND chosen IS NOT NULL').get(session.id) as { n: number }).n;
        expect(saved, `kill ${i} (exam): screen showed ${seen} answered`).toBeGreaterThanOrEqual(seen);
        if (seen > 0) killedWithAnswers++;
      } else {
        const shown = (screen.match(/✔ Correct|✘ Wrong/g) ?? []).length;
        const saved = (check.prepare('SELECT count(*) AS n FROM answers WHERE session_id = ?').get(session.id) as { n: number }).n;
        expect(saved, `kill ${i} (quiz): screen showed ${shown}`).toBeGreaterThanOrEqual(shown);
        expect(saved, screen.slice(-800)).toBeLessThanOrEqual(shown + 1);
        if (shown > 0) killedWithAnswers++;
      }
      check.close();
    }
    // The loop must have killed real sessions mid-way, not only processes that had not started.
    expect(killedWithAnswers).toBeGreaterThan(LOOPS / 3);
  }, 600_000);
});
