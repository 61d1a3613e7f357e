/** `saa today`: the day's plan from the history, and the first step started on Enter. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers/cli.js';
import { firstOptions, saa } from '../helpers/context.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 11, 1, 9);

const answeredFacts = (db: string) => {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare('SELECT fact_id FROM answers ORDER BY id').all() as { fact_id: string }[]).map((r) => r.fact_id);
  } finally {
    d.close();
  }
};

describe('saa today', () => {
  let dir = '';
  useTempDir((d) => (dir = d));

  it('on a first day: no reviews, 15 new facts of the least-learnt topic, the commands when not in a terminal', async () => {
    const env = { SAA_DB: join(dir, 'saa.db') };
    const r = await saa(['today'], { env, tty: false, start: START });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Reviews due: none.');
    expect(r.stdout).toMatch(/New facts: 15 today \(\d+ not yet seen\)\./);
    expect(r.stdout).toContain('Weakest topic: not known yet');
    expect(r.stdout).toContain('saa quiz --topic cloud-concepts --count 15 --new');
    expect(r.prompts).toEqual([]);
  });

  it('starts the first step on Enter; the next day it offers reviews, new facts not yet seen and a drill of the weakest topic', async () => {
    const db = join(dir, 'saa.db');
    const env = { SAA_DB: db };
    // Enter on the plan, then answer every question of the learning quiz with its first option.
    const first = await saa(['today'], { env, start: START, answers: [[0], ...Array.from({ length: 15 }, () => firstOptions)] });
    expect(first.code).toBe(0);
    expect(first.prompts[0]).toMatchObject({ message: 'Start (Enter takes the first):' });
    const day1 = answeredFacts(db);
    expect(day1).toHaveLength(15);
    expect(day1.every((f) => f.startsWith('cloud-concepts.'))).toBe(true);

    // A week later the wrong answers are due, and the plan has all three steps.
    const later = await saa(['today', '--json'], { env, start: START + 7 * DAY });
    const plan = JSON.parse(later.stdout);
    expect(plan.due).toBeGreaterThan(0);
    expect(plan.steps.map((s: { kind: string }) => s.kind)).toEqual(['review', 'learn', 'drill']);
    expect(plan.weakest).toBe('cloud-concepts');
    expect(plan.steps[2].command).toBe('saa drill --topic cloud-concepts --count 15');

    // Learning again meets only facts never answered.
    await saa(['quiz', '--topic', 'cloud-concepts', '--count', '10', '--new'], {
      env,
      start: START + 7 * DAY,
      answers: Array.from({ length: 10 }, () => firstOptions),
    });
    const day8 = answeredFacts(db).slice(15);
    expect(day8).toHaveLength(10);
    expect(day8.filter((f) => day1.includes(f))).toEqual([]);
  });

  it('takes the quota from the exam date: the unseen facts spread over the days left', async () => {
    const env = { SAA_DB: join(dir, 'saa.db') };
    expect((await saa(['stats', '--exam-date', '2026-12-21'], { env, start: START })).code).toBe(0);
    const plan = JSON.parse((await saa(['today', '--json'], { env, start: START })).stdout);
    expect(plan.quotaFrom).toBe('exam');
    expect(plan.daysLeft).toBe(20);
    expect(plan.newQuota).toBe(Math.ceil(plan.unseen / 20));
    const ko = await saa(['today', '--lang', 'ko'], { env, tty: false, start: START });
    expect(ko.stdout).toContain('시험일 2026-12-21: 20일 남았습니다.');
    expect(ko.stdout).toContain(`새 사실: 오늘 ${plan.newQuota}개`);
  });
});
