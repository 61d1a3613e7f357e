import { describe, expect, it } from 'vitest';
import { blueprint, checkBlueprint } from '../../src/core/exam/blueprint.js';
import { buildExam } from '../../src/core/exam/build.js';
import {
  answer,
  gradeExam,
  move,
  openQuestion,
  openReview,
  remainingMs,
  reviewing,
  startExam,
  submitWarning,
  toggleFlag,
  usedMs,
} from '../../src/core/exam/state.js';
import { isCorrectChoice } from '../../src/core/questions/question.js';
import { createRng } from '../../src/core/random.js';
import { DOMAIN_WEIGHTS } from '../../src/core/scoring.js';
import { DOMAINS } from '../../src/core/types.js';
import { examDeck } from '../helpers/exam-deck.js';
import { deckOf, SAMPLE } from '../helpers/notes.js';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);
const deck = examDeck();
const topicIds = deck.topics.map((t) => t.id);

describe('blueprint', () => {
  it.each([65, 20, 10, 7, 100])('gives %i questions in the exam guide proportions, each within one of its weight', (total) => {
    const counts = blueprint(total);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(total);
    for (const d of DOMAINS) expect(Math.abs(counts[d] - total * DOMAIN_WEIGHTS[d])).toBeLessThan(1);
  });

  it('is 19/17/16/13 for the real 65 and 6/5/5/4 for a 20-question mock', () => {
    expect(blueprint(65)).toEqual({ secure: 19, resilient: 17, performant: 16, cost: 13 });
    expect(blueprint(20)).toEqual({ secure: 6, resilient: 5, performant: 5, cost: 4 });
  });
});

describe('buildExam', () => {
  it.each([20, 40])('draws %i questions with domain counts matching the blueprint and no fact twice', (total) => {
    const qs = buildExam(deck, { topicIds, total }, createRng(5));
    expect(qs).toHaveLength(total);
    const counts = Object.fromEntries(DOMAINS.map((d) => [d, qs.filter((q) => q.domain === d).length]));
    expect(counts).toEqual(blueprint(total));
    expect(new Set(qs.map((q) => q.factId)).size).toBe(total);
  });

  it('draws the authored items of each domain first, and no true/false', () => {
    const qs = buildExam(deck, { topicIds, total: 20 }, createRng(9));
    // Each domain note holds four items and the 20-question blueprint asks 4–6 per domain: every item is used.
    expect(qs.filter((q) => q.kind === 'item')).toHaveLength(16);
    expect(qs.some((q) => q.format === 'tf')).toBe(false);
  });

  it('takes its "choose two" questions from authored multiple-response items', () => {
    const qs = buildExam(deck, { topicIds, total: 40 }, createRng(2));
    const multi = qs.filter((q) => q.format === 'mr');
    expect(multi).toHaveLength(4);
    for (const q of multi) {
      expect(q.kind).toBe('item');
      expect(q.answers).toHaveLength(2);
      expect(q.options).toHaveLength(5);
      expect(q.prompt.en).toMatch(/\(Choose two\.\)$/);
      expect(q.prompt.ko).toMatch(/\(두 개를 고르시오\.\)$/);
    }
  });

  it('is deterministic under a seed', () => {
    expect(buildExam(deck, { topicIds, total: 20 }, createRng('x'))).toEqual(buildExam(deck, { topicIds, total: 20 }, createRng('x')));
  });

  it('says which domain the notes cannot fill and the largest exam they can make', () => {
    expect(checkBlueprint(deck, topicIds, 40)).toEqual({ shortfalls: [], largest: 40, domains: [...DOMAINS] });
    // Two domain notes: the exam is drawn over those two domains, in their exam-guide proportion.
    const two = ['tsecure', 'tcost'];
    const check = checkBlueprint(deck, two, 100);
    expect(check.domains).toEqual(['secure', 'cost']);
    expect(check.shortfalls).toEqual([
      { domain: 'secure', needed: 60, available: 23 },
      { domain: 'cost', needed: 40, available: 23 },
    ]);
    // 39 questions take 23 secure (60% is 23.4) and 16 cost; 40 would need 24 secure.
    expect(check.largest).toBe(39);
    expect(blueprint(39, check.domains)).toEqual({ secure: 23, resilient: 0, performant: 0, cost: 16 });
    const qs = buildExam(deck, { topicIds: two, total: 39 }, createRng(1));
    expect(qs.filter((q) => q.domain === 'secure')).toHaveLength(23);
    // A deck whose facts fall in no domain at all cannot make any exam.
    expect(checkBlueprint(deckOf(['01-demo.md', SAMPLE]), [], 10)).toMatchObject({ largest: 0, domains: [] });
  });
});

describe('exam state', () => {
  const questions = buildExam(deck, { topicIds, total: 10 }, createRng(3));

  it('counts time across sittings and runs out at the limit', () => {
    const s = startExam(questions, 2 * 60_000, NOW);
    expect(remainingMs(s, NOW + 30_000)).toBe(90_000);
    // Saved after 30 s; resumed later: the time the program was not running does not count.
    const resumed = { ...s, usedMs: 30_000, resumedAt: NOW + 3_600_000 };
    expect(remainingMs(resumed, NOW + 3_600_000 + 10_000)).toBe(80_000);
    expect(remainingMs(resumed, NOW + 10 * 3_600_000)).toBe(0);
    expect(usedMs(resumed, NOW + 10 * 3_600_000)).toBe(120_000);
  });

  it('answers, flags and moves through the questions to the review screen and back', () => {
    const s = startExam(questions, 60_000, NOW);
    const first = questions[0]!;
    expect(answer(s, first.answers)).toBe(0);
    expect(s.current).toBe(1);
    expect(toggleFlag(s)).toBe(1);
    expect(s.flagged[1]).toBe(true);
    move(s, -1);
    expect(s.current).toBe(0);
    openReview(s);
    expect(reviewing(s)).toBe(true);
    expect(s.lastQuestion).toBe(0);
    openQuestion(s, 4);
    expect(s.current).toBe(4);
    for (let i = 4; i < 10; i++) move(s, 1);
    expect(reviewing(s)).toBe(true);
    move(s, 1);
    expect(s.current).toBe(10);
    expect(() => answer(s, [0])).toThrow(RangeError);
  });

  it('refuses an answer with the wrong number of options', () => {
    const s = startExam(questions, 60_000, NOW);
    const q = questions[0]!;
    expect(() => answer(s, q.answers.length === 1 ? [0, 1] : [0])).toThrow(/takes/);
    expect(() =>
      answer(
        s,
        q.answers.map(() => 99),
      ),
    ).toThrow(RangeError);
    expect(s.chosen[0]).toBeNull();
  });

  it('warns before submitting with questions unanswered or flagged', () => {
    const s = startExam(questions, 60_000, NOW);
    expect(submitWarning(s)).toEqual({ answered: 0, unanswered: 10, flagged: 0 });
    for (const q of questions) answer(s, q.answers);
    expect(submitWarning(s)).toBeNull();
    s.flagged[3] = true;
    expect(submitWarning(s)).toEqual({ answered: 10, unanswered: 0, flagged: 1 });
  });

  it('submits on time-out with unanswered questions counted wrong', () => {
    const s = startExam(questions, 60_000, NOW);
    s.chosen[0] = [...questions[0]!.answers];
    s.chosen[1] = questions[1]!.answers.map((a) => (a + 1) % questions[1]!.options.length);
    const r = gradeExam(s, NOW + 61_000, true);
    expect(r).toMatchObject({ questions: 10, correct: 1, unanswered: 8, timedOut: true, usedMs: 60_000, pass: false });
    expect(Object.values(r.domains).reduce((n, d) => n + d.questions, 0)).toBe(10);
    expect(Object.values(r.topics).reduce((n, t) => n + t.correct, 0)).toBe(1);
  });

  it('needs the exact set of answers for a multiple-response question', () => {
    const q = { ...questions[0]!, answers: [1, 3] };
    expect(isCorrectChoice(q, [3, 1])).toBe(true);
    expect(isCorrectChoice(q, [1])).toBe(false);
    expect(isCorrectChoice(q, [1, 2])).toBe(false);
    expect(isCorrectChoice(q, null)).toBe(false);
  });

  it('passes at 720 and above', () => {
    const s = startExam(questions, 60_000, NOW);
    for (const [i, q] of questions.entries()) s.chosen[i] = i < 7 ? [...q.answers] : null;
    expect(gradeExam(s, NOW, false)).toMatchObject({ correct: 7, score: 720, pass: true });
    s.chosen[6] = null;
    expect(gradeExam(s, NOW, false)).toMatchObject({ correct: 6, pass: false });
  });
});
