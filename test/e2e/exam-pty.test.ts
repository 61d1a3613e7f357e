import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/cli.js';
import { writeDomainNotes } from '../helpers/exam-deck.js';
import { KEY, SETTLE_MS, sleep, startSaa, type Terminal } from '../helpers/pty.js';

const TOPICS = 'tsecure,tresilient,tperformant,tcost';

function seconds(clock: string): number {
  const [m, s] = clock.split(':').map(Number);
  return (m ?? 0) * 60 + (s ?? 0);
}

/** Waits until question n is on screen and returns the time left it shows, in seconds. */
async function atQuestion(t: Terminal, n: number): Promise<number> {
  const m = await t.waitFor(new RegExp(`Question ${n}/10 · ⏱ (\\d+:\\d\\d) left`), Math.max(0, t.text().lastIndexOf('Mock exam')));
  return seconds(m[1] ?? '0:00');
}

describe('saa exam in a terminal', () => {
  let dir = '';
  useTempDir((d) => {
    dir = d;
    writeDomainNotes(d);
  });

  it('survives SIGKILL: resume shows question 5 with the time left, the 4 answers and the flag', async () => {
    const db = join(dir, 'saa.db');
    const env = { SAA_DB: db, SAA_NOTES: dir };
    const args = ['exam', '--questions', '10', '--minutes', '2', '--topic', TOPICS, '--seed', 'pty'];
    const t = startSaa(args, env);

    expect(await atQuestion(t, 1)).toBeGreaterThan(110);
    // The timer ticks while the question waits.
    await t.waitFor(/⏱ 1:5\d left/);
    const keys = [`1${KEY.enter}`, `2${KEY.enter}`, 'f', `1${KEY.enter}`, `${KEY.down}${KEY.enter}`];
    const expectedQuestion = [1, 2, 3, 3, 4];
    for (const [i, k] of keys.entries()) {
      await atQuestion(t, expectedQuestion[i]!);
      await t.waitFor(/❯/, t.text().lastIndexOf('Mock exam'));
      const before = t.text().length;
      t.write(k);
      // A flag redraws the question: wait for the new prompt before typing on.
      if (k === 'f') {
        await t.waitFor(/⚑ flagged[\s\S]*❯/, before);
        continue;
      }
      // "choose two" questions need two picks: toggle options that are not ticked yet until two are.
      const next = expectedQuestion[i]! + 1;
      for (let from = before, tries = 0; tries < 3; tries++) {
        const m = await t.waitFor(new RegExp(`Choose exactly 2 options|Question ${next}/10`), from);
        if (!m[0].startsWith('Choose')) break;
        const screen = t.text().slice(t.text().lastIndexOf('Mock exam'));
        const free = [...screen.matchAll(/(\d)\. \[ \]/g)].map((x) => x[1]);
        from = t.text().length;
        t.write(`${free[0]}${KEY.enter}`);
      }
    }
    const leftBeforeKill = await atQuestion(t, 5);
    t.kill('SIGKILL');
    await t.exited;

    const r = startSaa(['exam', '--resume'], env);
    await r.waitFor(/Resuming at question 5/);
    const leftAfter = await atQuestion(r, 5);
    expect(Math.abs(leftAfter - leftBeforeKill)).toBeLessThanOrEqual(6);

    const check = new Database(db, { readonly: true });
    const items = check.prepare('SELECT position, chosen, flagged FROM exam_items ORDER BY position').all() as {
      position: number;
      chosen: string | null;
      flagged: number;
    }[];
    check.close();
    expect(items.filter((i) => i.chosen !== null).map((i) => i.position)).toEqual([0, 1, 2, 3]);
    expect(items.filter((i) => i.flagged === 1).map((i) => i.position)).toEqual([2]);

    // The review screen lists the flag and the four answers; submit from it, which asks first.
    r.write('r');
    await r.waitFor(/Review: 4 answered, 6 unanswered, 1 flagged/);
    await r.waitFor(/❯ Submit the exam/);
    let from = r.text().length;
    r.write(KEY.enter);
    await r.waitFor(/Submit now\? 6 questions are unanswered \(scored as wrong\), 1 flagged\.[\s\S]*❯ No, back to the review screen/, from);
    // The safe answer is the default: Enter goes back to the review screen, and nothing was submitted.
    from = r.text().length;
    r.write(KEY.enter);
    await r.waitFor(/❯ Submit the exam/, from);
    expect(r.text().slice(from)).not.toMatch(/Estimated scaled score/);
    from = r.text().length;
    r.write(KEY.enter);
    await r.waitFor(/Submit now\?/, from);
    r.write(`${KEY.down}${KEY.enter}`);
    await r.waitFor(/Estimated scaled score: \d+ \/ 1000 — (PASS|FAIL)/);
    await r.waitFor(/unanswered: 6/);
    expect((await r.exited).exitCode).toBe(0);

    const after = new Database(db, { readonly: true });
    expect(after.prepare(`SELECT status FROM sessions WHERE kind = 'exam'`).get()).toEqual({ status: 'finished' });
    expect(after.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 10 });
    after.close();
  }, 60_000);

  it('submits by itself when the time runs out', async () => {
    const db = join(dir, 'saa.db');
    const t = startSaa(['exam', '--questions', '4', '--minutes', '1', '--topic', TOPICS, '--seed', 'timeout'], {
      SAA_DB: db,
      SAA_NOTES: dir,
    });
    await t.waitFor(/Question 1\/4/);
    // Pretend a minute passed: move the saved clock on and resume, rather than wait.
    t.write(KEY.ctrlC);
    await t.waitFor(/Exam paused/);
    expect((await t.exited).exitCode).toBe(130);
    const db2 = new Database(db);
    db2.prepare(`UPDATE sessions SET state = json_set(state, '$.usedMs', 59000)`).run();
    db2.close();
    const r = startSaa(['exam', '--resume'], { SAA_DB: db, SAA_NOTES: dir });
    await r.waitFor(/Time is up/, 0, 10_000);
    await r.waitFor(/Correct: 0\/4 · unanswered: 4/);
    expect((await r.exited).exitCode).toBe(0);
  }, 30_000);

  it('asks before submitting with a question unanswered, and goes back on "no"', async () => {
    const db = join(dir, 'saa.db');
    const t = startSaa(['exam', '--questions', '2', '--topic', TOPICS, '--seed', 'pty2'], { SAA_DB: db, SAA_NOTES: dir }, { cols: 80, rows: 24 });
    const first = await t.waitFor(/Question 1\/2[\s\S]*❯/);
    await sleep(SETTLE_MS);
    // Answer the first question (two picks where it says "Choose two"), leave the second.
    t.write(`${/Choose two/.test(first.input ?? t.text()) ? '12' : '1'}${KEY.enter}`);
    await t.waitFor(/Question 2\/2[\s\S]*❯/);
    await sleep(SETTLE_MS);
    t.write('r');
    await t.waitFor(/Review: 1 answered, 1 unanswered, 0 flagged[\s\S]*❯ Submit the exam/);
    await sleep(SETTLE_MS);
    let from = t.text().length;
    t.write(KEY.enter);
    await t.waitFor(/Submit now\? 1 question is unanswered \(scored as wrong\)\.[\s\S]*❯ No, back to the review screen/, from);
    await sleep(SETTLE_MS);
    from = t.text().length;
    t.write(KEY.enter);
    await t.waitFor(/Review: 1 answered, 1 unanswered/, from);
    await sleep(SETTLE_MS);
    t.write(KEY.enter);
    await t.waitFor(/Submit now\?[\s\S]*❯ No/, from);
    await sleep(SETTLE_MS);
    t.write(`${KEY.down}${KEY.enter}`);
    await t.waitFor(/Correct: \d\/2 · unanswered: 1/);
    expect((await t.exited).exitCode).toBe(0);
    // Every row fits the 80 columns, key hints included.
    expect((await t.rows()).filter((r) => r.wrapped).map((r) => r.text)).toEqual([]);
  }, 60_000);
});
