import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/cli.js';
import { answerQuestion, KEY, SETTLE_MS, sleep, startSaa } from '../helpers/pty.js';

interface Row {
  position: number;
  fact_id: string;
  topic_id: string;
  chosen: string;
  is_correct: number;
}

function answers(file: string): Row[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT position, fact_id, topic_id, chosen, is_correct FROM answers ORDER BY position').all() as Row[];
  } finally {
    db.close();
  }
}

function sessionStatus(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT status FROM sessions').all() as { status: string }[]).map((r) => r.status);
  } finally {
    db.close();
  }
}

const answer = answerQuestion;

describe('saa quiz in a terminal', () => {
  let dir = '';
  useTempDir((d) => (dir = d));

  it('answers a 5-question S3 quiz by keystrokes and keeps all 5 answers', async () => {
    const db = join(dir, 'saa.db');
    const t = startSaa(['quiz', '--topic', 's3', '--count', '5', '--seed', 'e2e', '--style', 'fact'], { SAA_DB: db });
    // Arrow keys, number keys and plain Enter: the ways a person answers.
    const keystrokes = [KEY.enter, `${KEY.down}${KEY.enter}`, `2${KEY.enter}`, `1${KEY.enter}`, `${KEY.down}${KEY.up}${KEY.enter}`];
    for (const [i, keys] of keystrokes.entries()) await answer(t, i + 1, 5, keys);
    await t.waitFor(/Score: \d\/5 \(\d+%\)/);
    expect((await t.exited).exitCode).toBe(0);

    const rows = answers(db);
    expect(rows.map((r) => r.position)).toEqual([0, 1, 2, 3, 4]);
    expect(rows.every((r) => r.topic_id === 's3')).toBe(true);
    expect(new Set(rows.map((r) => r.fact_id)).size).toBe(5);
    // The echoed choice wraps to the terminal: its continuation lines are indented.
    const shown = [...t.text().matchAll(/› (\d)\. (.+(?:\n {7}\S.*)*)/g)].map((m) => m[2]?.replace(/\s+/g, ' ').trim());
    expect(rows.map((r) => r.chosen)).toEqual(shown);
    const score = Number(/Score: (\d)\/5/.exec(t.text())?.[1]);
    expect(rows.filter((r) => r.is_correct === 1)).toHaveLength(score);
    expect(sessionStatus(db)).toEqual(['finished']);
  });

  it('stops on Ctrl-C after 2 answers with exit 130, no stack trace, and keeps both', async () => {
    const db = join(dir, 'saa.db');
    const t = startSaa(['quiz', '--topic', 's3', '--count', '5', '--seed', 'e2e-2', '--style', 'fact'], { SAA_DB: db });
    await answer(t, 1, 5, KEY.enter);
    await answer(t, 2, 5, `3${KEY.enter}`);
    await t.waitFor(/\[3\/5\]/);
    await t.waitFor(/❯/, t.text().lastIndexOf('[3/5]'));
    await sleep(SETTLE_MS);
    t.write(KEY.ctrlC);
    await t.waitFor(/Stopped\. 2 answers saved\./);
    expect((await t.exited).exitCode).toBe(130);
    expect(t.text()).not.toMatch(/at .*\.js:\d+|Error:/);
    expect(answers(db).map((r) => r.position)).toEqual([0, 1]);
    expect(sessionStatus(db)).toEqual(['interrupted']);
  });

  it('keeps answers when the process is killed mid-question', async () => {
    const db = join(dir, 'saa.db');
    const t = startSaa(['quiz', '--topic', 's3', '--count', '5', '--seed', 'e2e-3', '--style', 'fact'], { SAA_DB: db });
    await answer(t, 1, 5, KEY.enter);
    await answer(t, 2, 5, KEY.enter);
    await answer(t, 3, 5, KEY.enter);
    await t.waitFor(/\[4\/5\]/);
    t.kill('SIGKILL');
    await t.exited;
    expect(answers(db)).toHaveLength(3);
    const integrity = new Database(db, { readonly: true });
    expect(integrity.pragma('integrity_check', { simple: true })).toBe('ok');
    integrity.close();
  });

  it('asks in Korean with --lang ko', async () => {
    const db = join(dir, 'saa.db');
    const t = startSaa(['quiz', '--topic', 'iam', '--count', '1', '--seed', 'ko', '--lang', 'ko', '--style', 'fact'], { SAA_DB: db });
    await answerQuestion(t, 1, 1, KEY.enter, /(✔ 정답|✘ 오답)/);
    await t.waitFor(/점수: \d\/1/);
    expect((await t.exited).exitCode).toBe(0);
  });
});
