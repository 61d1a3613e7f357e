/**
 * Crash safety: SIGKILL during quizzes and exams, many times over one database. Each round plans
 * its kill by what has happened, not by the clock: after a chosen number of confirmed answers,
 * then while the next answer is being committed (or, in some rounds, at start-up, during the
 * first migration). Every answer the screen showed as taken must be in the database, and the
 * database must pass PRAGMA integrity_check every time. SAA_KILL_LOOPS sets the number of rounds.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { writeDomainNotes } from '../helpers/exam-deck.js';
import { KEY, SETTLE_MS, sleep, startSaa, type Terminal } from '../helpers/pty.js';

const LOOPS = Number(process.env.SAA_KILL_LOOPS ?? 80);
const TOPICS = 'tsecure,tresilient,tperformant,tcost';

let seed = 20261124;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};

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

/** Keys that answer the question on screen: one option, or two for "choose two". */
function answerKeys(screen: string): string {
  return /\(Choose two\.\)/.test(screen.slice(screen.lastIndexOf('['))) ? `1${KEY.down}2${KEY.enter}` : `${1 + rand(2)}${KEY.enter}`;
}

/** Answers one exam question and waits until the next one (or the review screen) is drawn. */
async function examAnswer(t: Terminal, n: number): Promise<void> {
  await t.waitFor(new RegExp(`Question ${n}/10[\\s\\S]*❯`), Math.max(0, t.text().lastIndexOf('Mock exam')));
  await sleep(SETTLE_MS);
  const from = t.text().length;
  const onScreen = t.text().slice(t.text().lastIndexOf('Mock exam'));
  t.write(/\(Choose two\.\)/.test(onScreen) ? `12${KEY.enter}` : `1${KEY.enter}`);
  await t.waitFor(new RegExp(`Question ${n + 1}/10|Review:`), from);
}

async function quizAnswer(t: Terminal, n: number): Promise<void> {
  await t.waitFor(new RegExp(`\\[${n}/10\\][\\s\\S]*❯`));
  await sleep(SETTLE_MS);
  const at = t.text().length;
  t.write(answerKeys(t.text()));
  await t.waitFor(/Enter continue/, at);
  await sleep(SETTLE_MS);
  t.write(KEY.enter);
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
    let withAnswers = 0;
    let planned = 0;
    for (let i = 0; i < LOOPS; i++) {
      const exam = i % 2 === 1;
      const args = exam
        ? ['exam', '--questions', '10', '--minutes', '30', '--topic', TOPICS, '--seed', `k${i}`]
        : ['quiz', '--count', '10', '--topic', TOPICS, '--seed', `k${i}`, '--style', 'fact'];
      const lastSession = maxSession(db);
      const t = startSaa(args, env);
      // One round in eight is killed during start-up (opening, migrating); the others after 0–3 answers.
      const early = i % 8 === 0;
      const confirmed = early ? 0 : rand(4);
      if (early) await sleep(rand(250));
      else {
        // An exam left unfinished by the previous round asks "resume or abandon?": abandon it.
        if (exam && maxSession(db) > 0) {
          const m = await t.waitFor(/Resume it|Question 1\/10/);
          if (m[0] === 'Resume it') {
            await sleep(SETTLE_MS);
            t.write(`2${KEY.enter}`);
          }
        }
        for (let n = 1; n <= confirmed; n++) await (exam ? examAnswer(t, n) : quizAnswer(t, n));
        if (confirmed > 0) planned++;
        // Then answer once more and kill while that answer is being committed.
        const next = exam ? new RegExp(`Question ${confirmed + 1}/10[\\s\\S]*❯`) : new RegExp(`\\[${confirmed + 1}/10\\][\\s\\S]*❯`);
        await t.waitFor(next, exam ? Math.max(0, t.text().lastIndexOf('Mock exam')) : 0);
        await sleep(SETTLE_MS);
        t.write(exam ? `1${KEY.enter}` : answerKeys(t.text()));
        await sleep(rand(40));
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
      const session = check.prepare('SELECT max(id) AS id FROM sessions WHERE id > ?').get(lastSession) as { id: number | null };
      if (exam) {
        // Question n on screen means questions 1..n-1 were answered and committed first.
        const seen = Math.max(0, ...[...screen.matchAll(/Question (\d+)\/10/g)].map((m) => Number(m[1]) - 1));
        const saved = (check.prepare('SELECT count(*) AS n FROM exam_items WHERE session_id = ? AND chosen IS NOT NULL').get(session.id) as { n: number }).n;
        expect(saved, `kill ${i} (exam): screen showed ${seen} answered`).toBeGreaterThanOrEqual(seen);
        expect(saved).toBeLessThanOrEqual(seen + 1);
        if (seen > 0) withAnswers++;
      } else {
        const shown = (screen.match(/✔ Correct|✘ Wrong/g) ?? []).length;
        const saved = (check.prepare('SELECT count(*) AS n FROM answers WHERE session_id = ?').get(session.id) as { n: number }).n;
        expect(saved, `kill ${i} (quiz): screen showed ${shown}`).toBeGreaterThanOrEqual(shown);
        expect(saved, screen.slice(-800)).toBeLessThanOrEqual(shown + 1);
        if (shown > 0) withAnswers++;
      }
      check.close();
    }
    // Every round planned to die after confirmed answers did: each one's answers were checked above.
    expect(withAnswers).toBeGreaterThanOrEqual(planned);
    expect(planned).toBeGreaterThan(0);
  }, 600_000);
});
