/** quiz, review, drill, exam and exam review run in-process: scripted answers in, the database and the screen checked. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ChoiceConfig } from '../../src/cli/context.js';
import type { TimedAction } from '../../src/cli/prompts/timed.js';
import { useTempDir } from '../helpers/cli.js';
import { firstOptions, saa, type TimedAnswer } from '../helpers/context.js';
import { writeDomainNotes } from '../helpers/exam-deck.js';

const TOPICS = 'tsecure,tresilient,tperformant,tcost';
const DAY = 86_400_000;

function rows<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** Answers an exam question with its first option(s), by what the prompt asks for. */
const answerFirst: TimedAnswer = (config) => ({ type: 'answer', chosen: Array.from({ length: config.pick }, (_, i) => i) });
const submit: TimedAnswer = { type: 'answer', chosen: [0] };

describe('study commands in-process', () => {
  let env: Record<string, string> = {};
  useTempDir((d) => {
    writeDomainNotes(d);
    env = { SAA_DB: join(d, 'saa.db'), SAA_NOTES: d };
  });

  it('quiz: saves each answer before the next question, with its review card, and summarises', async () => {
    const r = await saa(['quiz', '--topic', TOPICS, '--count', '6', '--seed', 'q'], { env, answers: Array(6).fill(firstOptions) });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Score: \d\/6/);
    const answers = rows<{ position: number; question_kind: string; format: string }>(
      env.SAA_DB!,
      'SELECT position, question_kind, format FROM answers ORDER BY position',
    );
    expect(answers.map((a) => a.position)).toEqual([0, 1, 2, 3, 4, 5]);
    // A mixed quiz asks some exam-style questions.
    expect(answers.some((a) => a.question_kind === 'item')).toBe(true);
    expect(rows(env.SAA_DB!, 'SELECT * FROM cards')).toHaveLength(6);
    expect(rows<{ status: string }>(env.SAA_DB!, 'SELECT status FROM sessions')).toEqual([{ status: 'finished' }]);
    // Feedback shows a reason under every option of the question just answered.
    expect(r.stdout).toMatch(/✔ \d\. [^\n]+\n {7}reason 0 for i\d/);
  });

  it('quiz --style exam asks only exam-style questions, "choose two" with two picks', async () => {
    const r = await saa(['quiz', '--topic', TOPICS, '--count', '8', '--seed', 'x', '--style', 'exam'], { env, answers: Array(8).fill(firstOptions) });
    expect(r.code, r.stderr).toBe(0);
    const asked = r.prompts.filter((p) => 'choices' in p && p.choices.length > 1) as { pick?: number; message: string }[];
    expect(asked).toHaveLength(8);
    expect(asked.every((p) => p.message.includes('exam-style'))).toBe(true);
    expect(asked.some((p) => p.pick === 2)).toBe(true);
    const formats = rows<{ format: string; question_kind: string }>(env.SAA_DB!, 'SELECT format, question_kind FROM answers');
    expect(formats.every((f) => f.question_kind === 'item' || f.question_kind === 'constraint')).toBe(true);
    expect(formats.some((f) => f.format === 'mr')).toBe(true);
  });

  it('quiz: Ctrl-C after two answers keeps both and marks the session interrupted', async () => {
    const r = await saa(['quiz', '--topic', TOPICS, '--count', '5', '--style', 'fact'], { env, answers: [firstOptions, firstOptions] });
    expect(r.code).toBe(130);
    expect(r.stdout).toMatch(/Stopped\. 2 answers saved\./);
    expect(rows(env.SAA_DB!, 'SELECT * FROM answers')).toHaveLength(2);
    expect(rows<{ status: string }>(env.SAA_DB!, 'SELECT status FROM sessions')).toEqual([{ status: 'interrupted' }]);
  });

  it('review: nothing due before any answer; after a quiz the missed facts come back within a day or two', async () => {
    const empty = await saa(['review'], { env });
    expect(empty.stdout).toMatch(/Nothing to review yet/);
    const start = Date.UTC(2026, 11, 1, 9);
    // Choosing the last option of each question gets most of them wrong.
    const last = (c: { choices: readonly string[]; pick?: number }) => Array.from({ length: c.pick ?? 1 }, (_, i) => c.choices.length - 1 - i);
    await saa(['quiz', '--topic', 'tcost', '--count', '5', '--seed', 'r', '--style', 'fact'], { env, start, answers: Array(5).fill(last) });
    const wrong = rows<{ fact_id: string }>(env.SAA_DB!, 'SELECT fact_id FROM answers WHERE is_correct = 0');
    expect(wrong.length).toBeGreaterThan(0);
    const r = await saa(['review', '--seed', 'r2'], { env, start: start + 2 * DAY, answers: Array(20).fill(firstOptions) });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/of \d+ due facts?, most overdue first/);
    const reviewed = rows<{ fact_id: string }>(env.SAA_DB!, `SELECT a.fact_id FROM answers a JOIN sessions s ON s.id = a.session_id WHERE s.kind = 'review'`);
    expect(reviewed.map((x) => x.fact_id)).toEqual(expect.arrayContaining(wrong.map((x) => x.fact_id)));
  });

  it('drill: needs history, then drills the weakest topics it names', async () => {
    expect((await saa(['drill'], { env })).stdout).toMatch(/Nothing to drill yet/);
    // The same options and seed give the same questions as "saa questions": answer tsecure wrong, tcost right.
    const quiz = ['--topic', 'tsecure', '--count', '6', '--style', 'fact', '--type', 'mc', '--seed', 'w'];
    const keys = (JSON.parse((await saa(['questions', ...quiz, '--json'], { env })).stdout) as { answer: number }[]).map((q) => q.answer);
    await saa(['quiz', ...quiz], { env, answers: keys.map((k) => [(k + 1) % 3]) });
    const good = ['--topic', 'tcost', '--count', '6', '--style', 'fact', '--type', 'mc', '--seed', 'g'];
    const right = (JSON.parse((await saa(['questions', ...good, '--json'], { env })).stdout) as { answer: number }[]).map((q) => [q.answer]);
    await saa(['quiz', ...good], { env, answers: right });
    expect(rows(env.SAA_DB!, `SELECT * FROM answers WHERE topic_id = 'tsecure' AND is_correct = 1`)).toHaveLength(0);
    const r = await saa(['drill', '--count', '5', '--seed', 'd'], { env, answers: Array(5).fill(firstOptions) });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Drilling your weakest topics:\n {2}• tsecure /);
    expect(rows(env.SAA_DB!, `SELECT * FROM sessions WHERE kind = 'drill'`)).toHaveLength(1);
  });

  it('exam: answers, a flag, the review screen, the confirmation, then the result and its own number', async () => {
    const timed: TimedAnswer[] = [
      answerFirst,
      { type: 'flag' },
      answerFirst,
      { type: 'review' },
      // Submit from the review screen: asked first (8 unanswered, 1 flagged); "no" goes back.
      submit,
      (c) => {
        expect(c.message).toMatch(/Submit now\? 8 questions are unanswered \(scored as wrong\), 1 flagged\./);
        return { type: 'answer', chosen: [0] } satisfies TimedAction;
      },
      submit,
      { type: 'answer', chosen: [1] },
    ];
    // A quiz first: exam numbers do not count quiz sessions.
    await saa(['quiz', '--topic', TOPICS, '--count', '1', '--style', 'fact'], { env, answers: [firstOptions] });
    const r = await saa(['exam', '--questions', '10', '--topic', TOPICS, '--seed', 'e'], { env, timed });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Estimated scaled score: \d+ \/ 1000/);
    expect(r.stdout).toMatch(/Correct: \d+\/10 · unanswered: 8/);
    expect(r.stdout).toMatch(/saa exam review 1\n/);
    const items = rows<{ chosen: string | null; flagged: number }>(env.SAA_DB!, 'SELECT chosen, flagged FROM exam_items ORDER BY position');
    expect(items.filter((i) => i.chosen !== null)).toHaveLength(2);
    expect(items.map((i) => i.flagged)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(rows(env.SAA_DB!, `SELECT * FROM answers a JOIN sessions s ON s.id = a.session_id WHERE s.kind = 'exam'`)).toHaveLength(10);

    const list = await saa(['exam', 'list', '--json'], { env });
    expect(JSON.parse(list.stdout)).toMatchObject([{ number: 1, status: 'finished', questions: 10 }]);
    const review = await saa(['exam', 'review', '1'], { env });
    expect(review.code).toBe(0);
    expect(review.stdout).toMatch(/^[✔✘] 1\./);
    // Every option of every question is listed with its reason.
    expect((review.stdout.match(/\n {7}\S/g) ?? []).length).toBeGreaterThanOrEqual(40);
    expect((await saa(['exam', 'review', '2'], { env })).stderr).toMatch(/no finished exam number 2/);

    // In a terminal the review is a walk: one question a page, and a menu under it.
    const choose = (label: string) => (c: ChoiceConfig) => [c.choices.findIndex((x) => x.startsWith(label))];
    const walk = await saa(['exam', 'review', '1'], { env, stdoutTty: true, answers: [choose('Next'), choose('Only the flagged'), choose('Done')] });
    expect(walk.code).toBe(0);
    expect(walk.stdout).toMatch(/Exam review · question 1 of 10\n/);
    expect(walk.stdout).toMatch(/Exam review · question 2 of 10\n/);
    expect(walk.stdout).toMatch(/Exam review · question 2 of 10 · flagged ones only\n[✔✘] 2\. ⚑/);
    const menus = walk.prompts.map((p) => ('choices' in p ? p.choices : []));
    expect(menus[0]).toEqual(['Next', expect.stringMatching(/^Only the wrong ones \(\d+\)$/), 'Only the flagged ones (1)', 'The result', 'Done']);
    // The one flagged question: nothing before or after it, and a way back to all ten.
    expect(menus[2]).toEqual(expect.arrayContaining(['Every question (10)', 'The result', 'Done']));
    expect(menus[2]).not.toContain('Next');
  });

  it('exam: Ctrl-C pauses it, and --resume continues where it stopped with the answer kept', async () => {
    const first = await saa(['exam', '--questions', '10', '--topic', TOPICS, '--seed', 'p'], { env, timed: [answerFirst] });
    expect(first.code).toBe(130);
    expect(first.stdout).toMatch(/Exam paused: 1\/10 answered/);
    const again = await saa(['exam', '--resume'], { env, timed: [{ type: 'review' }, submit, { type: 'answer', chosen: [1] }] });
    expect(again.stdout).toMatch(/Resuming at question 2/);
    expect(again.stdout).toMatch(/Correct: \d+\/10 · unanswered: 9/);
  });

  it('questions --audit: the balance figures and every pattern with its count, as text and JSON', async () => {
    const json = await saa(['questions', '--audit', '--topic', 'iam', '--json']);
    expect(json.code).toBe(0);
    const a = JSON.parse(json.stdout);
    expect(a.questions).toBeGreaterThan(100);
    expect(a.mixedQuiz.questions).toBe(2000);
    expect(a.mixedQuiz.trueFalseShare).toBeLessThanOrEqual(0.25);
    expect(a.patterns.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['key is the strictly longest option']));
    for (const p of a.patterns) expect(p.count).toBeLessThanOrEqual(p.of);
    const text = await saa(['questions', '--audit', '--topic', 'iam', '--lang', 'ko']);
    expect(text.stdout).toMatch(/^Audit of [\d,]+ questions from [\d,]+ facts \(Korean\)/);
    expect(text.stdout).toMatch(/true\/false [\d.]+% of questions \(target at most 25%\)/);
  });

  it('exam --print: the questions with keys, reasons and domains, nothing started, no terminal needed', async () => {
    const r = await saa(['exam', '--print', '--questions', '12', '--topic', TOPICS, '--seed', 's', '--json'], { env, tty: false });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      seed: string;
      domains: Record<string, number>;
      examStyle: number;
      items: { style: string; domain: string; options: { reason: { en?: string; ko?: string } }[] }[];
    };
    expect(out.seed).toBe('s');
    expect(out.items).toHaveLength(12);
    expect(out.domains).toEqual({ secure: 4, resilient: 3, performant: 3, cost: 2 });
    for (const q of out.items) for (const o of q.options) expect(o.reason.en && o.reason.ko).toBeTruthy();
    expect(out.items.filter((q) => q.style === 'exam')).toHaveLength(out.examStyle);
    expect(existsSync(env.SAA_DB!)).toBe(false);
    const text = await saa(['exam', '--print', '--questions', '12', '--topic', TOPICS, '--seed', 's'], { env, tty: false });
    expect(text.stdout).toMatch(/^Mock exam · seed s · 12 questions · 24 minutes · Secure 4, Resilient 3, High-performing 3, Cost-optimized 2\n/);
    expect(text.stdout).toMatch(/\n {3}\* \d\) /);
  });

  it('exam for one topic: over the domains it has, the largest exam it can fill, and says so', async () => {
    const r = await saa(['exam', '--print', '--topic', 'tcost', '--seed', 'small', '--json'], { env, tty: false });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { questions: number; domains: Record<string, number> };
    expect(out.domains).toEqual({ secure: 0, resilient: 0, performant: 0, cost: out.questions });
    const text = await saa(['exam', '--print', '--topic', 'tcost', '--seed', 'small'], { env, tty: false });
    expect(text.stdout).toMatch(/These topics have nothing in Secure, Resilient, High-performing; the other domains keep their exam proportions\./);
    expect(text.stdout).toMatch(new RegExp(`cannot fill 65 questions in the exam's proportions; this mock has ${out.questions}\\.`));
    // Asked for more than the topic holds, it says what fits instead of guessing.
    const big = await saa(['exam', '--print', '--topic', 'tcost', '--questions', '200'], { env, tty: false });
    expect(big.code).toBe(3);
    expect(big.stderr).toMatch(new RegExp(`The largest exam they can make has ${out.questions} questions`));
  });

  it("topics --json counts each topic's authored exam-style items; questions --json marks style, domain and reasons", async () => {
    const topics = JSON.parse((await saa(['topics', '--json'], { env })).stdout) as { id: string; examItems: number }[];
    expect(topics.find((t) => t.id === 'tcost')?.examItems).toBe(4);
    expect(topics.find((t) => t.id === 's3')?.examItems).toBeGreaterThanOrEqual(5);
    const qs = JSON.parse((await saa(['questions', '--topic', TOPICS, '--count', '20', '--seed', '3', '--json'], { env })).stdout) as {
      style: string;
      domain: string;
      options: { reason: object }[];
    }[];
    expect(new Set(qs.map((q) => q.style))).toEqual(new Set(['exam', 'fact']));
    for (const q of qs) {
      expect(['secure', 'resilient', 'performant', 'cost']).toContain(q.domain);
      for (const o of q.options) expect(o.reason).toHaveProperty('en');
    }
  });
});

describe('smaller commands in-process', () => {
  let dir = '';
  useTempDir((d) => {
    dir = d;
  });

  it('notes new with a shipped topic id says that it extends that topic', async () => {
    const r = await saa(['notes', 'new', 's3', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/"s3" is a shipped topic: this note's facts join it/);
    expect((await saa(['notes', 'new', 'kinesis-extra', '--dir', dir])).stderr).toBe('');
  });

  it('exam --domain asks one domain only', async () => {
    const r = await saa(['exam', '--print', '--domain', 'cost', '--questions', '10', '--seed', 'd', '--json'], {
      tty: false,
      env: { SAA_DB: join(dir, 'x.db') },
    });
    expect(JSON.parse(r.stdout).domains).toEqual({ secure: 0, resilient: 0, performant: 0, cost: 10 });
  });

  it('stats --exam-date refuses a past date and clears with "none"', async () => {
    const env = { SAA_DB: join(dir, 's.db') };
    const past = await saa(['stats', '--exam-date', '2020-01-01'], { env });
    expect(past.code).toBe(2);
    expect(past.stderr).toMatch(/is in the past/);
    expect((await saa(['stats', '--exam-date', '2027-03-01'], { env })).stdout).toMatch(/Exam date set to 2027-03-01/);
    expect(JSON.parse((await saa(['stats', '--json'], { env })).stdout).plan.examDate).toBe('2027-03-01');
    expect((await saa(['stats', '--exam-date', 'none'], { env })).stdout).toMatch(/Exam date cleared/);
    expect(JSON.parse((await saa(['stats', '--json'], { env })).stdout).plan).toBeNull();
    // A stored value that is not a calendar date (a damaged or hand-edited file) is no exam date, not a crash.
    for (const bad of ['2027-02-30', 'soon', '2027-03-01T00:00:00Z; DROP']) {
      const db = new Database(join(dir, 's.db'));
      db.prepare("INSERT INTO settings (key, value) VALUES ('exam_date', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(bad);
      db.close();
      const r = await saa(['stats', '--json'], { env });
      expect(r.code, bad).toBe(0);
      expect(JSON.parse(r.stdout).plan).toBeNull();
      const text = await saa(['stats'], { env });
      expect(text.code).toBe(0);
      expect(text.stderr).toBe('');
    }
  });
});
