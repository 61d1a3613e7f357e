/**
 * Mock exams in the database: the questions are written once when the exam starts; each answer,
 * flag and the clock are committed as they happen, so `saa exam --resume` can rebuild the exam
 * exactly after a crash, a kill or Ctrl-C. Final answers go into the answer log at submission.
 */
import type { ExamQuestion, ExamResult, ExamState } from '../core/exam.js';
import { isCorrectChoice } from '../core/exam.js';
import { pick } from '../core/text.js';
import type { Lang } from '../core/types.js';
import type { Store } from './store.js';

/** What sessions.state holds for an exam. */
interface ExamSessionState {
  limitMs: number;
  usedMs: number;
  current: number;
  topics?: string[];
  result?: ExamResult;
}

export interface StoredExam {
  sessionId: number;
  uuid: string;
  startedAt: number;
  lang: Lang;
  seed: string;
  status: string;
  state: ExamState;
  result: ExamResult | null;
}

export function createExam(
  store: Store,
  s: { uuid: string; startedAt: number; lang: Lang; seed: string; topics: string[] },
  questions: ExamQuestion[],
  limitMs: number,
): number {
  return store.write(() => {
    const state: ExamSessionState = { limitMs, usedMs: 0, current: 0, topics: s.topics };
    const info = store.db
      .prepare(
        `INSERT INTO sessions (uuid, kind, status, started_at, lang, seed, filters, question_count, state)
         VALUES (?, 'exam', 'active', ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.uuid, s.startedAt, s.lang, s.seed, JSON.stringify({ topics: s.topics }), questions.length, JSON.stringify(state));
    const id = Number(info.lastInsertRowid);
    const insert = store.db.prepare(
      'INSERT INTO exam_items (session_id, position, question, chosen, flagged, updated_at) VALUES (?, ?, ?, NULL, 0, ?)',
    );
    questions.forEach((q, i) => insert.run(id, i, JSON.stringify(q), s.startedAt));
    return id;
  });
}

/** Commits one question's answer and flag together with the clock, in one transaction. */
export function saveExamItem(store: Store, sessionId: number, position: number, state: ExamState, now: number): void {
  store.write(() => {
    store.db
      .prepare('UPDATE exam_items SET chosen = ?, flagged = ?, updated_at = ? WHERE session_id = ? AND position = ?')
      .run(
        JSON.stringify(state.chosen[position] ?? null),
        state.flagged[position] ? 1 : 0,
        now,
        sessionId,
        position,
      );
    writeClock(store, sessionId, state, now);
  });
}

/** Commits the time used so far and the current question (called every few seconds and on navigation). */
export function saveExamClock(store: Store, sessionId: number, state: ExamState, now: number): void {
  store.write(() => writeClock(store, sessionId, state, now));
}

function writeClock(store: Store, sessionId: number, state: ExamState, now: number): void {
  const used = Math.min(state.limitMs, state.usedMs + Math.max(0, now - state.resumedAt));
  store.db
    .prepare(`UPDATE sessions SET state = json_set(state, '$.usedMs', ?, '$.current', ?) WHERE id = ?`)
    .run(used, state.current, sessionId);
}

function load(store: Store, row: SessionRow, now: number): StoredExam {
  const saved = JSON.parse(row.state ?? '{}') as ExamSessionState;
  const items = store.db
    .prepare('SELECT position, question, chosen, flagged FROM exam_items WHERE session_id = ? ORDER BY position')
    .all(row.id) as { position: number; question: string; chosen: string | null; flagged: number }[];
  const state: ExamState = {
    questions: items.map((i) => JSON.parse(i.question) as ExamQuestion),
    chosen: items.map((i) => (i.chosen === null ? null : (JSON.parse(i.chosen) as number[] | null))),
    flagged: items.map((i) => i.flagged === 1),
    current: Math.min(saved.current ?? 0, Math.max(0, items.length - 1)),
    limitMs: saved.limitMs,
    usedMs: saved.usedMs ?? 0,
    // The clock restarts now: time spent while the program was not running is not counted.
    resumedAt: now,
  };
  return {
    sessionId: row.id,
    uuid: row.uuid,
    startedAt: row.started_at,
    lang: row.lang === 'ko' ? 'ko' : 'en',
    seed: row.seed,
    status: row.status,
    state,
    result: saved.result ?? null,
  };
}

interface SessionRow {
  id: number;
  uuid: string;
  started_at: number;
  lang: string;
  seed: string;
  status: string;
  state: string | null;
}

const SESSION_COLUMNS = 'id, uuid, started_at, lang, seed, status, state';

/** The most recent exam that was neither submitted nor abandoned. */
export function unfinishedExam(store: Store, now: number): StoredExam | null {
  const row = store.db
    .prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE kind = 'exam' AND status IN ('active', 'interrupted') ORDER BY started_at DESC LIMIT 1`)
    .get() as SessionRow | undefined;
  return row ? load(store, row, now) : null;
}

export function examById(store: Store, id: number, now: number): StoredExam | null {
  const row = store.db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE kind = 'exam' AND id = ?`).get(id) as SessionRow | undefined;
  return row ? load(store, row, now) : null;
}

export function latestFinishedExamId(store: Store): number | null {
  const row = store.db
    .prepare(`SELECT id FROM sessions WHERE kind = 'exam' AND status = 'finished' ORDER BY started_at DESC LIMIT 1`)
    .get() as { id: number } | undefined;
  return row?.id ?? null;
}

export function markExam(store: Store, sessionId: number, status: 'interrupted' | 'abandoned', now: number): void {
  store.finishSession(sessionId, status, now);
}

/**
 * Submits: every question goes into the answer log (unanswered as wrong) and updates its review
 * card, the result is stored with the session, all in one transaction.
 */
export function submitExam(store: Store, exam: StoredExam, result: ExamResult, now: number, newUuid: () => string): void {
  const { state } = exam;
  store.write(() => {
    state.questions.forEach((q, i) => {
      const chosen = state.chosen[i] ?? null;
      store.recordAnswer({
        uuid: newUuid(),
        sessionId: exam.sessionId,
        position: i,
        factId: q.factId,
        topicId: q.topicId,
        questionId: q.id,
        questionKind: q.kind,
        format: q.format,
        chosen: chosen ? chosen.map((c) => pick(q.options[c]?.text ?? {}, exam.lang)).join(' + ') : '',
        correctAnswer: q.answers.map((c) => pick(q.options[c]?.text ?? {}, exam.lang)).join(' + '),
        isCorrect: isCorrectChoice(q, chosen),
        answeredAt: now,
        elapsedMs: 0,
      });
    });
    store.db
      .prepare(`UPDATE sessions SET status = 'finished', ended_at = ?, state = json_set(state, '$.result', json(?), '$.usedMs', ?) WHERE id = ?`)
      .run(now, JSON.stringify(result), result.usedMs, exam.sessionId);
  });
}

export interface ExamListRow {
  id: number;
  startedAt: number;
  status: string;
  questions: number;
  correct: number | null;
  score: number | null;
  pass: boolean | null;
  usedMs: number | null;
}

export function listExams(store: Store): ExamListRow[] {
  const rows = store.db
    .prepare(`SELECT id, started_at, status, question_count, state FROM sessions WHERE kind = 'exam' ORDER BY started_at DESC`)
    .all() as { id: number; started_at: number; status: string; question_count: number; state: string | null }[];
  return rows.map((r) => {
    const state = JSON.parse(r.state ?? '{}') as ExamSessionState;
    const res = state.result;
    return {
      id: r.id,
      startedAt: r.started_at,
      status: r.status,
      questions: r.question_count,
      correct: res?.correct ?? null,
      score: res?.score ?? null,
      pass: res ? res.pass : null,
      usedMs: res?.usedMs ?? state.usedMs ?? null,
    };
  });
}
