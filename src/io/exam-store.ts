/**
 * Mock exams in the database: the questions are written once when the exam starts; each answer,
 * flag and the clock are committed as they happen, so `saa exam --resume` can rebuild the exam
 * exactly after a crash, a kill or Ctrl-C. Final answers go into the answer log at submission.
 * What is read back is checked against its schema: a damaged row is refused, not trusted.
 */
import type { ExamResult, ExamState } from '../core/exam/state.js';
import { isCorrectChoice, type Question } from '../core/questions/question.js';
import { pick } from '../core/text.js';
import type { Lang } from '../core/types.js';
import { ChosenSchema, checkJson, ExamSessionStateSchema, QuestionSchema, SchemaError } from './schemas.js';
import type { Store } from './store.js';
import { StoreError } from './store-error.js';

export interface StoredExam {
  sessionId: number;
  /** The exam's own number (1, 2, …), apart from the ids of quiz sessions. */
  number: number;
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
  questions: Question[],
  limitMs: number,
): { sessionId: number; number: number } {
  // Durable with the first answer's commit (Store.writeStart).
  return store.writeStart(() => {
    const state = { limitMs, usedMs: 0, current: 0, topics: s.topics };
    const info = store.db
      .prepare(
        `INSERT INTO sessions (uuid, kind, status, started_at, lang, seed, filters, question_count, state)
         VALUES (?, 'exam', 'active', ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.uuid, s.startedAt, s.lang, s.seed, JSON.stringify({ topics: s.topics }), questions.length, JSON.stringify(state));
    const id = Number(info.lastInsertRowid);
    const insert = store.db.prepare('INSERT INTO exam_items (session_id, position, question, chosen, flagged, updated_at) VALUES (?, ?, ?, NULL, 0, ?)');
    for (const [i, q] of questions.entries()) insert.run(id, i, JSON.stringify(q), s.startedAt);
    const { n } = store.db.prepare(`SELECT count(*) AS n FROM sessions WHERE kind = 'exam' AND id <= ?`).get(id) as { n: number };
    return { sessionId: id, number: n };
  });
}

/** Commits one question's answer and flag together with the clock, in one transaction. */
export function saveExamItem(store: Store, sessionId: number, position: number, state: ExamState, now: number): void {
  store.write(() => {
    store.db
      .prepare('UPDATE exam_items SET chosen = ?, flagged = ?, updated_at = ? WHERE session_id = ? AND position = ?')
      .run(JSON.stringify(state.chosen[position] ?? null), state.flagged[position] ? 1 : 0, now, sessionId, position);
    writeClock(store, sessionId, state, now);
  });
}

/** Commits the time used so far and the current question (called every few seconds and on navigation). */
export function saveExamClock(store: Store, sessionId: number, state: ExamState, now: number): void {
  store.write(() => writeClock(store, sessionId, state, now));
}

function writeClock(store: Store, sessionId: number, state: ExamState, now: number): void {
  const used = Math.min(state.limitMs, state.usedMs + Math.max(0, now - state.resumedAt));
  store.db.prepare(`UPDATE sessions SET state = json_set(state, '$.usedMs', ?, '$.current', ?) WHERE id = ?`).run(used, state.current, sessionId);
}

interface SessionRow {
  id: number;
  uuid: string;
  started_at: number;
  lang: string;
  seed: string;
  status: string;
  state: string | null;
  number: number;
}

// An exam's number counts the exams before it, so quiz sessions do not use up exam numbers.
const SESSION_COLUMNS = `id, uuid, started_at, lang, seed, status, state,
  (SELECT count(*) FROM sessions e WHERE e.kind = 'exam' AND e.id <= sessions.id) AS number`;

function damaged(store: Store, row: { id: number }, err: unknown): never {
  const detail = err instanceof SchemaError ? err.message : String(err);
  throw new StoreError(`the history database ${store.file} holds a damaged mock exam (session ${row.id}): ${detail}. Run "saa doctor"`, store.file);
}

function load(store: Store, row: SessionRow, now: number): StoredExam {
  try {
    const saved = checkJson(ExamSessionStateSchema, row.state);
    const items = store.db.prepare('SELECT position, question, chosen, flagged FROM exam_items WHERE session_id = ? ORDER BY position').all(row.id) as {
      position: number;
      question: string;
      chosen: string | null;
      flagged: number;
    }[];
    const questions = items.map((i) => checkJson(QuestionSchema, i.question) as Question);
    const chosen = items.map((i, k) => {
      const c = i.chosen === null ? null : checkJson(ChosenSchema, i.chosen);
      const q = questions[k] as Question;
      if (c?.some((x) => x >= q.options.length)) throw new SchemaError([`item ${k + 1}: chosen option does not exist`]);
      return c;
    });
    const state: ExamState = {
      questions,
      chosen,
      flagged: items.map((i) => i.flagged === 1),
      current: Math.min(saved.current, questions.length),
      limitMs: saved.limitMs,
      usedMs: Math.min(saved.usedMs, saved.limitMs),
      // The clock restarts now: time spent while the program was not running is not counted.
      resumedAt: now,
      lastQuestion: Math.min(saved.current, Math.max(0, questions.length - 1)),
    };
    return {
      sessionId: row.id,
      number: row.number,
      uuid: row.uuid,
      startedAt: row.started_at,
      lang: row.lang === 'ko' ? 'ko' : 'en',
      seed: row.seed,
      status: row.status,
      state,
      result: (saved.result as ExamResult | undefined) ?? null,
    };
  } catch (err) {
    if (err instanceof SchemaError) damaged(store, row, err);
    throw err;
  }
}

/** The most recent exam that was neither submitted nor abandoned. */
export function unfinishedExam(store: Store, now: number): StoredExam | null {
  return store.read(() => {
    const row = store.db
      .prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE kind = 'exam' AND status IN ('active', 'interrupted') ORDER BY started_at DESC LIMIT 1`)
      .get() as SessionRow | undefined;
    return row ? load(store, row, now) : null;
  });
}

/** A finished exam by its exam number. */
export function examByNumber(store: Store, number: number, now: number): StoredExam | null {
  return store.read(() => {
    const row = store.db.prepare(`SELECT * FROM (SELECT ${SESSION_COLUMNS} FROM sessions WHERE kind = 'exam') WHERE number = ?`).get(number) as
      | SessionRow
      | undefined;
    return row ? load(store, row, now) : null;
  });
}

export function latestFinishedExamNumber(store: Store): number | null {
  return store.read(() => {
    const row = store.db
      .prepare(`SELECT number FROM (SELECT ${SESSION_COLUMNS} FROM sessions WHERE kind = 'exam') WHERE status = 'finished' ORDER BY started_at DESC LIMIT 1`)
      .get() as { number: number } | undefined;
    return row?.number ?? null;
  });
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
      const text = (c: number) => pick(q.options[c]?.text ?? {}, exam.lang);
      store.recordAnswer({
        uuid: newUuid(),
        sessionId: exam.sessionId,
        position: i,
        factId: q.factId,
        topicId: q.topicId,
        questionId: q.id,
        questionKind: q.kind,
        format: q.format,
        chosen: chosen ? chosen.map(text).join(' + ') : '',
        correctAnswer: q.answers.map(text).join(' + '),
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
  number: number;
  startedAt: number;
  status: string;
  questions: number;
  correct: number | null;
  score: number | null;
  pass: boolean | null;
  usedMs: number | null;
}

export function listExams(store: Store): ExamListRow[] {
  return store.read(() => {
    const rows = store.db
      .prepare(`SELECT ${SESSION_COLUMNS}, question_count FROM sessions WHERE kind = 'exam' ORDER BY started_at DESC`)
      .all() as (SessionRow & { question_count: number })[];
    return rows.map((r) => {
      let state: ReturnType<typeof checkJson<typeof ExamSessionStateSchema>>;
      try {
        state = checkJson(ExamSessionStateSchema, r.state);
      } catch (err) {
        damaged(store, r, err);
      }
      const res = state.result;
      return {
        number: r.number,
        startedAt: r.started_at,
        status: r.status,
        questions: r.question_count,
        correct: res?.correct ?? null,
        score: res?.score ?? null,
        pass: res ? res.pass : null,
        usedMs: res?.usedMs ?? state.usedMs ?? null,
      };
    });
  });
}
