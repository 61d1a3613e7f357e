/**
 * The mock exam as a state machine: answers, flags, moving between questions and the review
 * screen, time, and the result. Pure: time comes in as `now`; the CLI shows the state, turns
 * keys into these transitions and commits each change before the next key.
 */
import { isCorrectChoice, type Question } from '../questions/question.js';
import { PASS_SCORE, scaledScore } from '../scoring.js';
import { DOMAINS, type Domain } from '../types.js';

export interface ExamState {
  questions: Question[];
  /** Chosen option indexes per question; null while unanswered. */
  chosen: (number[] | null)[];
  flagged: boolean[];
  /** The question on screen; `questions.length` is the review screen. */
  current: number;
  limitMs: number;
  /** Time used before the current sitting began (earlier sittings, before a crash or Ctrl-C). */
  usedMs: number;
  /** When the current sitting began; time left is measured from here. */
  resumedAt: number;
  /** The question the review screen goes back to. */
  lastQuestion: number;
}

export function startExam(questions: Question[], limitMs: number, now: number): ExamState {
  return {
    questions,
    chosen: questions.map(() => null),
    flagged: questions.map(() => false),
    current: 0,
    limitMs,
    usedMs: 0,
    resumedAt: now,
    lastQuestion: 0,
  };
}

export function usedMs(s: ExamState, now: number): number {
  return Math.min(s.limitMs, s.usedMs + Math.max(0, now - s.resumedAt));
}

export function remainingMs(s: ExamState, now: number): number {
  return Math.max(0, s.limitMs - usedMs(s, now));
}

export function reviewing(s: ExamState): boolean {
  return s.current >= s.questions.length;
}

/** Records the answer to the question on screen and moves to the next one (or the review screen after the last). */
export function answer(s: ExamState, chosen: readonly number[]): number {
  const i = s.current;
  const q = s.questions[i];
  if (!q || reviewing(s)) throw new RangeError('no question is on screen');
  if (chosen.length !== q.answers.length || chosen.some((c) => !Number.isInteger(c) || c < 0 || c >= q.options.length)) {
    throw new RangeError(`question ${i + 1} takes ${q.answers.length} of options 1–${q.options.length}`);
  }
  s.chosen[i] = [...new Set(chosen)].sort((a, b) => a - b);
  s.current = i + 1;
  s.lastQuestion = Math.min(i + 1, s.questions.length - 1);
  return i;
}

/** Flags or unflags the question on screen. */
export function toggleFlag(s: ExamState): number {
  const i = s.current;
  if (reviewing(s)) throw new RangeError('no question is on screen');
  s.flagged[i] = !s.flagged[i];
  return i;
}

/** Next (+1) or previous (−1) question; past the last one is the review screen. */
export function move(s: ExamState, delta: 1 | -1): void {
  s.current = Math.max(0, Math.min(s.questions.length, s.current + delta));
  if (!reviewing(s)) s.lastQuestion = s.current;
}

export function openReview(s: ExamState): void {
  if (!reviewing(s)) s.lastQuestion = s.current;
  s.current = s.questions.length;
}

/** From the review screen: go to question `index` (0-based). */
export function openQuestion(s: ExamState, index: number): void {
  if (index < 0 || index >= s.questions.length) throw new RangeError(`there is no question ${index + 1}`);
  s.current = index;
  s.lastQuestion = index;
}

export interface ExamProgress {
  answered: number;
  unanswered: number;
  flagged: number;
}

export function progress(s: ExamState): ExamProgress {
  const answered = s.chosen.filter((c) => c !== null).length;
  return { answered, unanswered: s.questions.length - answered, flagged: s.flagged.filter(Boolean).length };
}

/** What a person should confirm before submitting: questions still open or flagged; null when there are none. */
export function submitWarning(s: ExamState): ExamProgress | null {
  const p = progress(s);
  return p.unanswered > 0 || p.flagged > 0 ? p : null;
}

export interface AreaResult {
  questions: number;
  correct: number;
}

export interface ExamResult {
  questions: number;
  correct: number;
  unanswered: number;
  score: number;
  pass: boolean;
  usedMs: number;
  timedOut: boolean;
  domains: Record<Domain, AreaResult>;
  topics: Record<string, AreaResult>;
}

/** Grades the exam as it stands: an unanswered question is wrong, as in the real exam. */
export function gradeExam(s: ExamState, now: number, timedOut: boolean): ExamResult {
  const domains = Object.fromEntries(DOMAINS.map((d) => [d, { questions: 0, correct: 0 }])) as Record<Domain, AreaResult>;
  const topics: Record<string, AreaResult> = {};
  let correct = 0;
  s.questions.forEach((q, i) => {
    const ok = isCorrectChoice(q, s.chosen[i] ?? null);
    if (ok) correct++;
    domains[q.domain].questions++;
    if (ok) domains[q.domain].correct++;
    const t = (topics[q.topicId] ??= { questions: 0, correct: 0 });
    t.questions++;
    if (ok) t.correct++;
  });
  const total = s.questions.length;
  const score = scaledScore(total ? correct / total : 0);
  return {
    questions: total,
    correct,
    unanswered: progress(s).unanswered,
    score,
    pass: score >= PASS_SCORE,
    usedMs: usedMs(s, now),
    timedOut,
    domains,
    topics,
  };
}
