/**
 * History export and import, so progress follows a learner between computers. Sessions and
 * answers carry globally unique ids: importing the same file twice adds nothing. An import is
 * written in short batches, so a quiz answered meanwhile never waits past its busy timeout; a
 * re-run after an interruption adds what is missing. Review cards are rebuilt from the merged
 * answer log, in time order, exactly as answering would have built them.
 */
import { type AnswerExport, HISTORY_FORMAT, HISTORY_VERSION, type HistoryExport, type SessionExport } from './history-schema.js';
import type { Store } from './store.js';

export type { AnswerExport, HistoryExport, SessionExport } from './history-schema.js';
export { HistoryFormatError, parseHistory } from './history-schema.js';

export function exportHistory(store: Store): HistoryExport {
  return store.read(() => {
    const sessions = store.db
      .prepare(
        `SELECT uuid, kind, status, started_at AS startedAt, ended_at AS endedAt, lang, seed, filters,
                question_count AS questionCount, state FROM sessions ORDER BY id`,
      )
      .all() as SessionExport[];
    const answers = (
      store.db
        .prepare(
          `SELECT a.uuid, s.uuid AS session, a.position, a.fact_id AS factId, a.topic_id AS topicId, a.question_id AS questionId,
                a.question_kind AS questionKind, a.format, a.chosen, a.correct_answer AS correctAnswer, a.is_correct AS isCorrect,
                a.answered_at AS answeredAt, a.elapsed_ms AS elapsedMs, a.flagged
         FROM answers a JOIN sessions s ON s.id = a.session_id ORDER BY a.answered_at, a.id`,
        )
        .all() as (Omit<AnswerExport, 'isCorrect' | 'flagged'> & { isCorrect: number; flagged: number })[]
    ).map((a) => ({ ...a, isCorrect: a.isCorrect === 1, flagged: a.flagged === 1 }));
    return { format: HISTORY_FORMAT, version: HISTORY_VERSION, sessions, answers };
  });
}

export interface ImportResult {
  sessions: number;
  answers: number;
  skipped: number;
}

/** Answers per write transaction: each commits in well under the busy timeout of a quiz waiting to write. */
export const IMPORT_BATCH = 2000;

export function importHistory(store: Store, h: HistoryExport, options: { batch?: number; onBatch?: () => void } = {}): ImportResult {
  const batch = options.batch ?? IMPORT_BATCH;
  let sessions = 0;
  let answers = 0;
  let skipped = 0;
  const insertSession = store.db.prepare(
    `INSERT INTO sessions (uuid, kind, status, started_at, ended_at, lang, seed, filters, question_count, state)
     VALUES (@uuid, @kind, @status, @startedAt, @endedAt, @lang, @seed, @filters, @questionCount, @state)
     ON CONFLICT (uuid) DO NOTHING`,
  );
  for (let i = 0; i < h.sessions.length; i += batch) {
    store.write(() => {
      for (const s of h.sessions.slice(i, i + batch)) sessions += insertSession.run(s).changes;
    });
    options.onBatch?.();
  }
  const sessionId = store.db.prepare('SELECT id FROM sessions WHERE uuid = ?');
  const insertAnswer = store.db.prepare(
    `INSERT INTO answers (uuid, session_id, position, fact_id, topic_id, question_id, question_kind, format, chosen,
       correct_answer, is_correct, answered_at, elapsed_ms, flagged)
     VALUES (@uuid, @sessionId, @position, @factId, @topicId, @questionId, @questionKind, @format, @chosen,
       @correctAnswer, @isCorrect, @answeredAt, @elapsedMs, @flagged)
     ON CONFLICT DO NOTHING`,
  );
  const sorted = [...h.answers].sort((x, y) => x.answeredAt - y.answeredAt);
  for (let i = 0; i < sorted.length; i += batch) {
    store.write(() => {
      for (const a of sorted.slice(i, i + batch)) {
        const sid = (sessionId.get(a.session) as { id: number } | undefined)?.id;
        if (sid === undefined) {
          skipped++;
          continue;
        }
        const changed = insertAnswer.run({ ...a, sessionId: sid, isCorrect: a.isCorrect ? 1 : 0, flagged: a.flagged ? 1 : 0 }).changes;
        if (changed) answers++;
        else skipped++;
      }
    });
    options.onBatch?.();
  }
  if (answers > 0) store.rebuildFromLog(options.onBatch);
  return { sessions, answers, skipped };
}
