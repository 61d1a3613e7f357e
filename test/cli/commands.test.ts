import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, useTempDir } from '../helpers/cli.js';
import { saa } from '../helpers/context.js';

describe('saa commands in-process', () => {
  let dir = '';
  useTempDir((d) => (dir = d));

  it('prints help and version without loading notes', async () => {
    const help = await saa(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: saa/);
    expect(help.stdout).toMatch(/quiz/);
    const version = await saa(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('prints deterministic questions as JSON', async () => {
    const args = ['questions', '--topic', 's3', '--count', '5', '--seed', '7', '--json'];
    const a = await saa(args);
    expect(a.code).toBe(0);
    const qs = JSON.parse(a.stdout) as { topicId: string; options: { correct: boolean }[]; answer: number; answers: number[] }[];
    expect(qs).toHaveLength(5);
    for (const q of qs) {
      expect(q.topicId).toBe('s3');
      expect(q.options.flatMap((o, i) => (o.correct ? [i] : []))).toEqual(q.answers);
      expect(q.options[q.answer]?.correct).toBe(true);
    }
    expect((await saa(args)).stdout).toBe(a.stdout);
  });

  it('accepts several topics and aliases', async () => {
    const r = await saa(['questions', '--topic', 's3,iam', '--count', '20', '--json']);
    const topics = new Set((JSON.parse(r.stdout) as { topicId: string }[]).map((q) => q.topicId));
    expect([...topics].sort()).toEqual(['iam', 's3']);
  });

  it('answers an unknown topic with the list and a suggestion, exit 2', async () => {
    const r = await saa(['questions', '--topic', 's4']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown topic "s4"\. Did you mean "s3"\?/);
    expect(r.stderr).toMatch(/\n {2}iam /);
    const q = await saa(['quiz', '--topic', 'ec3'], { env: { SAA_DB: join(dir, 'x.db') } });
    expect(q.code).toBe(2);
  });

  it('refuses a quiz on a non-terminal stdin and writes nothing', async () => {
    const db = join(dir, 'saa.db');
    const r = await saa(['quiz', '--topic', 's3'], { env: { SAA_DB: db }, tty: false });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs a terminal/);
    expect(existsSync(db)).toBe(false);
  });

  it.each([
    [['quiz', '--count', '-3'], /--count/],
    [['quiz', '--count', 'abc'], /--count must be a whole number/],
    [['quiz', '--type', 'essay'], /Allowed choices are mc, tf, mixed/],
    [['quiz', '--lang', 'fr'], /Allowed choices are en, ko/],
    [['quizz'], /unknown command 'quizz'/],
  ])('rejects bad arguments %j with exit 2', async (args, message) => {
    const r = await saa(args, { env: { SAA_DB: join(dir, 'x.db') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(dir, 'x.db'))).toBe(false);
  });

  it('lists topics with fact counts, and a user topic from --notes', async () => {
    const r = await saa(['topics', '--json', '--notes', join(FIXTURES, 'good-notes')], { env: { SAA_DB: join(dir, 'none.db') } });
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; facts: number; accuracy: number | null }[];
    expect(rows.find((t) => t.id === 'letters')).toMatchObject({ facts: 5, accuracy: null });
    expect(rows.find((t) => t.id === 's3')?.facts).toBeGreaterThanOrEqual(25);
    expect(existsSync(join(dir, 'none.db'))).toBe(false);
  });

  it('prints stats --json in the documented shape, without creating a database', async () => {
    const r = await saa(['stats', '--json'], { env: { SAA_DB: join(dir, 'none.db') } });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    const area = ['facts', 'seen', 'answered', 'accuracy', 'meanRecall', 'mastery', 'due', 'lapses'];
    expect(Object.keys(s)).toEqual(['generatedAt', 'totals', 'readiness', 'domains', 'topics', 'trend', 'streak', 'exams', 'plan']);
    expect(Object.keys(s.totals)).toEqual(area);
    expect(Object.keys(s.readiness)).toEqual(['score', 'low', 'high', 'expectedShare', 'pass', 'estimate']);
    expect(s.domains.map((d: { domain: string }) => d.domain)).toEqual(['secure', 'resilient', 'performant', 'cost']);
    expect(Object.keys(s.domains[0])).toEqual(['domain', 'weight', ...area]);
    expect(Object.keys(s.topics[0])).toEqual(['id', 'title', 'domains', ...area]);
    expect(s.trend).toHaveLength(8);
    expect(s.streak).toEqual({ current: 0, longest: 0 });
    expect(s.plan).toBeNull();
    // Nothing answered: every fact counts as a 1-in-4 guess.
    expect(s.readiness).toMatchObject({ score: 321, pass: false, estimate: true });
    expect(existsSync(join(dir, 'none.db'))).toBe(false);
  });

  it('refuses a newer database with exit 3 and names the file', async () => {
    const Database = (await import('better-sqlite3')).default;
    const file = join(dir, 'future.db');
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    const r = await saa(['topics'], { env: { SAA_DB: file } });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/newer saa/);
  });
});
