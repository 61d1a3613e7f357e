/**
 * History export and import, so progress follows a learner between computers. Sessions and
 * answers carry globally unique ids: importing the same file twice adds nothing. Review cards
 * are rebuilt from the merged answer log, in time order, exactly as answering would have built them.
 */
import type { AnswerRecord, Store } from './store.js';

export const HISTORY_FORMAT = 'saa-history';
export const HISTORY_VERSION = 1;

export interface SessionExport {
  uuid: string;
  kind: string;
  status: string;
  startedAt: number;
  endedAt: number | null;
  lang: string;
  seed: string;
  filters: string;
  questionCount: number;
  state: string | null;
}

/** An answer as exported: the session is named by its unique id, not by this database's row id. */
export interface AnswerExport extends Omit<AnswerRecord, 'sessionId'> {
  session: string;
  flagged: boolean;
}

export interface HistoryExport {
  format: typeof HISTORY_FORMAT;
  version: number;
  sessions: SessionExport[];
  answers: AnswerExport[];
}

export function exportHistory(store: Store): HistoryExport {
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
}

export class HistoryFormatError extends Error {}

/** Checks the shape of an export before anything is written. */
export function parseHistory(text: string): HistoryExport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new HistoryFormatError(`not JSON: ${(err as Error).message}`);
  }
  const h = data as Partial<HistoryExport> & { history?: unknown };
  // `saa export json --history` wraps the history beside the facts.
  const inner = (h.format === undefined && h.history ? h.history : h) as Partial<HistoryExport>;
  if (inner.format !== HISTORY_FORMAT) throw new HistoryFormatError('not a saa history export (format field missing)');
  if (typeof inner.version !== 'number' || inner.version > HISTORY_VERSION) {
    throw new HistoryFormatError(`history format version ${String(inner.version)} is newer than this saa reads (${HISTORY_VERSION})`);
  }
  if (!Array.isArray(inner.sessions) || !Array.isArray(inner.answers)) throw new HistoryFormatError('sessions or answers missing');
  for (const a of inner.answers) {
    if (typeof a?.uuid !== 'string' || typeof a.factId !== 'string' || typeof a.answeredAt !== 'number' || typeof a.session !== 'string') {
      throw new HistoryFormatError('an answer lacks uuid, session, factId or answeredAt');
    }
  }
  return inner as HistoryExport;
}

export interface ImportResult {
  sessions: number;
  answers: number;
  skipped: number;
}

export function importHistory(store: Store, h: HistoryExport): ImportResult {
  return store.write(() => {
    let sessions = 0;
    let answers = 0;
    let skipped = 0;
    const insertSession = store.db.prepare(
      `INSERT INTO sessions (uuid, kind, status, started_at, ended_at, lang, seed, filters, question_count, state)
       VALUES (@uuid, @kind, @status, @startedAt, @endedAt, @lang, @seed, @filters, @questionCount, @state)
       ON CONFLICT (uuid) DO NOTHING`,
    );
    for (const s of h.sessions) sessions += insertSession.run({ ...s, endedAt: s.endedAt ?? null, state: s.state ?? null }).changes;
    const sessionId = store.db.prepare('SELECT id FROM sessions WHERE uuid = ?');
    const insertAnswer = store.db.prepare(
      `INSERT INTO answers (uuid, session_id, position, fact_id, topic_id, question_id, question_kind, format, chosen,
         correct_answer, is_correct, answered_at, elapsed_ms, flagged)
       VALUES (@uuid, @sessionId, @position, @factId, @topicId, @questionId, @questionKind, @format, @chosen,
         @correctAnswer, @isCorrect, @answeredAt, @elapsedMs, @flagged)
       ON CONFLICT DO NOTHING`,
    );
    for (const a of [...h.answers].sort((x, y) => x.answeredAt - y.answeredAt)) {
      const sid = (sessionId.get(a.session) as { id: number } | undefined)?.id;
      if (sid === undefined) {
        skipped++;
        continue;
      }
      const changed = insertAnswer.run({ ...a, sessionId: sid, isCorrect: a.isCorrect ? 1 : 0, flagged: a.flagged ? 1 : 0 }).changes;
      if (changed) answers++;
      else skipped++;
    }
    if (answers > 0) store.rebuildFromLog();
    return { sessions, answers, skipped };
  });
}
