/** Reads what stats, topics and drill need from the store and computes the report (the store to core). */
import { computeStats, type ExamRow, type StatsReport } from '../core/stats.js';
import type { Deck } from '../core/types.js';
import { listExams } from './exam-store.js';
import { examDateOf } from './schemas.js';
import type { Store } from './store.js';

export const EXAM_DATE_KEY = 'exam_date';

export function utcOffsetMinutes(now: number): number {
  return -new Date(now).getTimezoneOffset();
}

export function statsFrom(deck: Deck, store: Store | null, now: number): StatsReport {
  // Checked like a typed one: a damaged or hand-edited value is no exam date, not a crash.
  const examDate = examDateOf(store?.setting(EXAM_DATE_KEY));
  return computeStats({
    deck,
    cards: store?.cards() ?? [],
    weeks: store?.weekRows() ?? [],
    days: store?.activeDays() ?? [],
    exams: store ? finishedExams(store) : [],
    now,
    utcOffsetMinutes: utcOffsetMinutes(now),
    examDate: examDate ? Date.parse(`${examDate}T00:00:00`) : null,
  });
}

function finishedExams(store: Store): ExamRow[] {
  return listExams(store).flatMap((e) =>
    e.score === null || e.correct === null ? [] : [{ id: e.number, startedAt: e.startedAt, questions: e.questions, correct: e.correct, score: e.score }],
  );
}
