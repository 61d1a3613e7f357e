import { State } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { dueFacts, planDrill } from '../../src/core/drill.js';
import { createRng } from '../../src/core/random.js';
import { type CardState, gradeFor, recall, review, SLOW_ANSWER_MS } from '../../src/core/schedule.js';
import { PASS_SCORE, scaledScore } from '../../src/core/scoring.js';
import { computeStats, DAY_MS, sparkline, streak, type WeekRow, weekOf, weekStartOf } from '../../src/core/stats.js';
import { deckOf, SAMPLE } from '../helpers/notes.js';

const NOW = Date.UTC(2026, 10, 24, 12, 0, 0);
const MIN = 60_000;
const fact = { factId: 'demo.svc.amazon-athena', topicId: 'demo' };

describe('schedule', () => {
  it('grades wrong as Again, right as Good, slow right as Hard', () => {
    expect(gradeFor(false, 1000)).toBe(1);
    expect(gradeFor(true, 1000)).toBe(3);
    expect(gradeFor(true, SLOW_ANSWER_MS + 1)).toBe(2);
  });

  it('brings a missed fact back the next day and a known one back after days, never minutes later', () => {
    const wrong = review(null, fact, false, 3000, NOW);
    expect(wrong.due - NOW).toBeLessThanOrEqual(DAY_MS);
    // No short-term learning steps: even the first right answer schedules the fact days, not minutes, ahead.
    const first = review(null, fact, true, 3000, NOW);
    expect(first.due - NOW).toBeGreaterThanOrEqual(DAY_MS);
    let card = review(null, fact, true, 3000, NOW);
    card = review(card, fact, true, 3000, card.due);
    card = review(card, fact, true, 3000, card.due);
    expect(card.state).toBe(State.Review);
    expect(card.due - card.lastReview!).toBeGreaterThanOrEqual(2 * DAY_MS);
    // Recall decays after the last review and is 0 for a fact never reviewed.
    expect(recall(card, card.lastReview!)).toBeCloseTo(1, 5);
    expect(recall(card, card.due + 30 * DAY_MS)).toBeLessThan(recall(card, card.due));
  });

  it('counts a lapse when a learnt fact is missed', () => {
    let card = review(null, fact, true, 3000, NOW);
    card = review(card, fact, true, 3000, card.due);
    card = review(card, fact, true, 3000, card.due);
    const lapsed = review(card, fact, false, 3000, card.due);
    expect(lapsed.lapses).toBe(1);
    // Without short-term steps a lapse stays a review card, due again sooner than before it.
    expect(lapsed.state).toBe(State.Review);
    expect(lapsed.due - lapsed.lastReview!).toBeLessThan(card.due - card.lastReview!);
  });

  it('moves an early (cram) review less than an on-time one', () => {
    let card = review(null, fact, true, 3000, NOW);
    card = review(card, fact, true, 3000, card.due);
    card = review(card, fact, true, 3000, card.due);
    const early = review(card, fact, true, 3000, card.lastReview! + 60 * MIN);
    const onTime = review(card, fact, true, 3000, card.due);
    expect(early.stability).toBeLessThan(onTime.stability);
  });
});

describe('scaled score estimate', () => {
  it('is monotonic, 100 at 0%, 720 at the 70% pass point, 1000 at 100%', () => {
    expect(scaledScore(0)).toBe(100);
    expect(scaledScore(0.7)).toBe(PASS_SCORE);
    expect(scaledScore(1)).toBe(1000);
    expect(scaledScore(0.85)).toBe(860);
    let prev = 0;
    for (let p = 0; p <= 1.0001; p += 0.01) {
      expect(scaledScore(p)).toBeGreaterThanOrEqual(prev);
      prev = scaledScore(p);
    }
  });
});

describe('stats', () => {
  const deck = deckOf(['01-demo.md', SAMPLE]);
  const week = weekOf(NOW, 0);

  it('computes accuracy with recency weights, streak and readiness as worked out by hand', () => {
    const weeks: WeekRow[] = [
      { topicId: 'demo', week, answered: 4, correct: 3 },
      // Four weeks ago: half the weight of this week.
      { topicId: 'demo', week: week - 4, answered: 4, correct: 0 },
    ];
    const today = Math.floor(NOW / DAY_MS);
    const r = computeStats({ deck, cards: [], weeks, days: [today, today - 1, today - 2, today - 5], now: NOW });
    const topic = r.topics[0]!;
    // (3·1 + 0·0.5) / (4·1 + 4·0.5) = 3 / 6
    expect(topic.accuracy).toBeCloseTo(0.5, 10);
    expect(topic).toMatchObject({ facts: 16, seen: 0, answered: 8, meanRecall: null, mastery: 0, due: 0 });
    expect(r.streak).toEqual({ current: 3, longest: 3 });
    // No card yet: every fact counts as a 1-in-4 guess → raw 0.25 → 100 + 0.25/0.7·620 = 321.4;
    // ±1.96·√(0.25·0.75/50) → 215.1 and 427.7.
    expect(r.readiness).toMatchObject({ score: 321, low: 215, high: 428, pass: false });
    expect(r.trend.at(-1)).toEqual({ weekStart: weekStartOf(week, 0), answered: 4, accuracy: 0.75 });
    expect(r.trend.at(-5)).toEqual({ weekStart: weekStartOf(week - 4, 0), answered: 4, accuracy: 0 });
    expect(sparkline(r.trend.map((p) => p.accuracy))).toBe('   ▁   ▇');
  });

  it('counts due cards, mastery and the plan up to an exam date', () => {
    const facts = deck.facts.slice(0, 4);
    const cards: CardState[] = facts.map((f, i) => ({
      ...review(null, { factId: f.id, topicId: f.topicId }, true, 1000, NOW - 10 * DAY_MS),
      // Two due now, one due in 3 days, one due after the exam.
      due: [NOW - DAY_MS, NOW - 1, NOW + 3 * DAY_MS, NOW + 40 * DAY_MS][i]!,
    }));
    const r = computeStats({ deck, cards, weeks: [], days: [], now: NOW, examDate: NOW + 20 * DAY_MS });
    expect(r.totals.due).toBe(2);
    expect(r.totals.seen).toBe(4);
    expect(r.plan).toEqual({
      examDate: NOW + 20 * DAY_MS,
      daysLeft: 20,
      dueBeforeExam: 3,
      unseen: 12,
      reviewsPerDay: 1,
      newPerDay: 1,
      dueAfterExam: 1,
    });
    expect(r.totals.mastery).toBeCloseTo(cards.reduce((sum, c) => sum + recall(c, NOW), 0) / 16, 10);
  });

  it('keeps a streak alive until the day ends and honours the time zone', () => {
    const today = Math.floor(NOW / DAY_MS);
    expect(streak([today - 1, today - 2], NOW, 0)).toEqual({ current: 2, longest: 2 });
    expect(streak([today - 3], NOW, 0)).toEqual({ current: 0, longest: 1 });
    // 12:00 UTC is already the next day at UTC+13.
    expect(streak([today + 1], NOW, 13 * 60).current).toBe(1);
  });
});

describe('a simulated learner', () => {
  const deck = deckOf(['01-demo.md', SAMPLE], ['02-other.md', SAMPLE.replace('id: demo', 'id: other')]);

  it('keeps getting a topic answered wrong in drill and review until the answers turn right', () => {
    const cards = new Map<string, CardState>();
    const answer = (factId: string, correct: boolean, at: number) => {
      const f = deck.factsById.get(factId)!;
      cards.set(factId, review(cards.get(factId) ?? null, { factId, topicId: f.topicId }, correct, 4000, at));
    };
    const weeks = new Map<string, WeekRow>();
    const log = (topicId: string, correct: boolean, at: number) => {
      const key = `${topicId}:${weekOf(at, 0)}`;
      const row = weeks.get(key) ?? { topicId, week: weekOf(at, 0), answered: 0, correct: 0 };
      row.answered++;
      row.correct += correct ? 1 : 0;
      weeks.set(key, row);
    };

    // Day 0: a first pass over both topics; "demo" is all wrong, "other" all right.
    let now = NOW;
    for (const f of deck.facts) {
      const ok = f.topicId === 'other';
      answer(f.id, ok, now);
      log(f.topicId, ok, now);
    }

    let turnedRight = false;
    for (let day = 1; day <= 30; day++) {
      now = NOW + day * DAY_MS;
      const stats = computeStats({ deck, cards: [...cards.values()], weeks: [...weeks.values()], days: [], now });
      const plan = planDrill(deck, stats.topics, [...cards.values()], { count: 8, now }, createRng(day));
      const due = dueFacts(
        deck,
        [...cards.values()].filter((c) => c.due <= now).sort((a, b) => a.due - b.due),
        50,
      );
      if (!turnedRight) {
        // While "demo" is being missed it leads the drill and fills the review queue.
        expect(plan?.topics[0]?.id).toBe('demo');
        expect(plan?.facts.every((f) => f.topicId === 'demo' || plan.topics.length > 1)).toBe(true);
        expect(due.filter((f) => f.topicId === 'demo').length).toBe(16);
      }
      // The learner gets "demo" right from day 5 on.
      const right = day >= 5;
      for (const f of due) {
        const ok = f.topicId === 'other' || right;
        answer(f.id, ok, now);
        log(f.topicId, ok, now);
      }
      if (right) turnedRight = true;
    }
    // After the answers turned right, "demo" facts are no longer all due and review order is by due date.
    now = NOW + 31 * DAY_MS;
    const dueNow = [...cards.values()].filter((c) => c.due <= now);
    expect(dueNow.filter((c) => c.topicId === 'demo').length).toBeLessThan(16);
    const ordered = dueFacts(
      deck,
      [...dueNow].sort((a, b) => a.due - b.due),
      100,
    ).map((f) => cards.get(f.id)!.due);
    expect(ordered).toEqual([...ordered].sort((a, b) => a - b));
  });
});

describe('weeks', () => {
  it('start on Monday at local midnight', () => {
    const monday = Date.UTC(2026, 10, 30, 0, 0);
    expect(new Date(monday).getUTCDay()).toBe(1);
    expect(weekOf(monday, 0)).toBe(weekOf(Date.UTC(2026, 11, 6, 23, 59), 0));
    expect(weekOf(monday, 0)).toBe(weekOf(Date.UTC(2026, 10, 29, 23, 59), 0) + 1);
    expect(weekStartOf(weekOf(Date.UTC(2026, 11, 3, 12), 0), 0)).toBe(monday);
    // Sunday 16:00 UTC is Monday 01:00 in Seoul (UTC+9): the new week there, not yet in UTC.
    const sundayUtc = Date.UTC(2026, 10, 29, 16, 0);
    expect(weekOf(sundayUtc, 540)).toBe(weekOf(monday, 0));
    expect(weekOf(sundayUtc, 0)).toBe(weekOf(monday, 0) - 1);
    expect(weekStartOf(weekOf(sundayUtc, 540), 540)).toBe(Date.UTC(2026, 10, 29, 15, 0));
  });
});
