/**
 * The history database (better-sqlite3). Every open sets WAL, synchronous=FULL and a busy
 * timeout; every write runs in an IMMEDIATE transaction, so an answer is on disk when
 * `recordAnswer` returns. A database newer than this program, or one that is not SQLite, is
 * refused before anything is written to it.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { type CardState, review } from '../core/schedule.js';
import type { WeekRow } from '../core/stats.js';
import { backupBeforeUpgrade } from './backup.js';
import { localDay, localWeek } from './local-time.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { openDatabase } from './sqlite.js';
import { SqliteModuleError } from './sqlite-module-error.js';
import { describeStoreError, StoreError } from './store-error.js';
import { probeStore } from './store-probe.js';
import { CARD_COLUMNS, STATS_SQL } from './store-sql.js';
import type { AnswerRecord, NewSession, SessionStatus } from './store-types.js';

export { localDay, localWeek } from './local-time.js';
export { StoreError } from './store-error.js';
export { STATS_SQL } from './store-sql.js';

export type { AnswerRecord, NewSession, SessionKind, SessionStatus } from './store-types.js';

const BUSY_TIMEOUT_MS = 5000;
/** Busy timeouts a write sits out before it says another saa holds the file: 5 × 5 s. */
const BUSY_RETRIES = 4;
const BUSY_PAUSE_MS = 50;

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms); // the store is synchronous
/** Facts whose cards one transaction of a rebuild replays. */
const REBUILD_FACTS = 200;

export class Store {
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(
    readonly db: Database.Database,
    readonly file: string,
  ) {}

  private sql(text: string): Database.Statement {
    // Prepared once per open: the per-answer insert is on the hot path.
    let s = this.statements.get(text);
    if (!s) {
      s = this.db.prepare(text);
      this.statements.set(text, s);
    }
    return s;
  }

  /** Opens (creating if needed) and migrates the database at `file`; `check` runs `quick_check` on an existing one first (a migration always does). */
  static open(file: string, now: number = Date.now(), options: { check?: boolean } = {}): Store {
    if (file !== ':memory:' && existsSync(file)) probeStore(file, options.check === true, BUSY_TIMEOUT_MS);
    try {
      if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
      const store = new Store(openDatabase(file, { timeout: BUSY_TIMEOUT_MS }), file);
      store.configure();
      store.migrate(now);
      return store;
    } catch (err) {
      if (err instanceof StoreError || err instanceof SqliteModuleError) throw err;
      throw describeStoreError(err, file);
    }
  }

  private configure(): void {
    // Two saa started at once on a new file both switch it to WAL; SQLite refuses one at once rather than wait (it could deadlock): that one tries again.
    for (let attempt = 0; ; attempt++) {
      try {
        this.db.pragma('journal_mode = WAL');
        break;
      } catch (err) {
        if (!String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY') || attempt >= BUSY_RETRIES) throw err;
        pause(BUSY_PAUSE_MS);
      }
    }
    // Set on every open: FULL makes each committed answer survive power loss, not only a crash.
    this.db.pragma('synchronous = FULL');
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    this.db.pragma('foreign_keys = ON');
  }

  get version(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(now: number): void {
    if (this.version >= SCHEMA_VERSION) return;
    this.write(() => {
      // Read again under the write lock: a second saa started at the same moment may have migrated already.
      const current = this.version;
      if (current >= SCHEMA_VERSION) return;
      // An existing history is copied aside (and checked) before its schema changes: one copy per
      // upgrade, since saa instances started together wait here for the lock and then find it done.
      if (current > 0 && this.file !== ':memory:') backupBeforeUpgrade(this.file, current, now, BUSY_TIMEOUT_MS);
      for (let v = current; v < SCHEMA_VERSION; v++) {
        const step = MIGRATIONS[v];
        if (!step) throw new Error(`missing migration ${v} → ${v + 1}`);
        this.db.exec(step);
        // Cards did not exist before schema 2: derive them from the answers already kept.
        if (v + 1 === 2) this.replayCards();
      }
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    });
  }

  /**
   * Runs `fn` in an IMMEDIATE transaction (takes the write lock up front, so no mid-way
   * SQLITE_BUSY). A SQLite failure comes out as a StoreError naming this file.
   */
  write<T>(fn: () => T): T {
    // Another saa holding the lock past the busy timeout (an import, a migration) is waited for again, up to BUSY_RETRIES times; nested writes do not retry.
    for (let attempt = 0; ; attempt++) {
      try {
        return this.read(() => this.db.transaction(fn).immediate());
      } catch (err) {
        if (!(err instanceof StoreError) || err.reason !== 'busy' || attempt >= BUSY_RETRIES || this.db.inTransaction) throw err;
        pause(BUSY_PAUSE_MS);
      }
    }
  }

  /**
   * A write that only begins something (a session, a mock exam), committed without waiting for the disk
   * (synchronous=NORMAL, about 5 ms less before the first question). It survives a crash of saa; a power
   * cut may undo it only until the first answer's commit, which waits for the disk and so makes it durable too.
   */
  writeStart<T>(fn: () => T): T {
    if (this.db.inTransaction) return this.write(fn);
    this.db.pragma('synchronous = NORMAL');
    try {
      return this.write(fn);
    } finally {
      this.db.pragma('synchronous = FULL');
    }
  }

  /** Runs `fn`, turning a SQLite failure (a damaged page, a full disk) into a StoreError naming this file. */
  read<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof StoreError || !String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_')) throw err;
      throw describeStoreError(err, this.file);
    }
  }

  startSession(s: NewSession): number {
    return this.writeStart(() => {
      const info = this.sql(
        `INSERT INTO sessions (uuid, kind, status, started_at, lang, seed, filters, question_count)
           VALUES (?, ?, 'active', ?, ?, ?, ?, ?)`,
      ).run(s.uuid, s.kind, s.startedAt, s.lang, s.seed, JSON.stringify(s.filters), s.questionCount);
      return Number(info.lastInsertRowid);
    });
  }

  finishSession(id: number, status: SessionStatus, endedAt: number): void {
    this.write(() => void this.sql('UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?').run(status, endedAt, id));
  }

  /** Saves an answer, its week's tally and the fact's updated review card in one transaction. */
  recordAnswer(a: AnswerRecord): void {
    this.write(() => {
      this.applyReview(a);
      this.sql(
        `INSERT INTO answer_weeks (topic_id, week, answered, correct) VALUES (?, ?, 1, ?)
         ON CONFLICT (topic_id, week) DO UPDATE SET answered = answered + 1, correct = correct + excluded.correct`,
      ).run(a.topicId, localWeek(a.answeredAt), a.isCorrect ? 1 : 0);
      this.sql('INSERT OR IGNORE INTO answer_days (day) VALUES (?)').run(localDay(a.answeredAt));
      this.sql(
        `INSERT INTO answers (uuid, session_id, position, fact_id, topic_id, question_id, question_kind, format,
                                chosen, correct_answer, is_correct, answered_at, elapsed_ms)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        a.uuid,
        a.sessionId,
        a.position,
        a.factId,
        a.topicId,
        a.questionId,
        a.questionKind,
        a.format,
        a.chosen,
        a.correctAnswer,
        a.isCorrect ? 1 : 0,
        a.answeredAt,
        a.elapsedMs,
      );
    });
  }

  private applyReview(a: Pick<AnswerRecord, 'factId' | 'topicId' | 'isCorrect' | 'elapsedMs' | 'answeredAt'>): void {
    const previous = this.card(a.factId);
    // An answer older than the card's last review (an imported history) must not move it back.
    if (previous && previous.lastReview !== null && previous.lastReview > a.answeredAt) return;
    const next = review(previous, a, a.isCorrect, a.elapsedMs, a.answeredAt);
    this.sql(
      `INSERT INTO cards (fact_id, topic_id, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps,
                          reps, lapses, state, last_review)
       VALUES (@factId, @topicId, @due, @stability, @difficulty, @elapsedDays, @scheduledDays, @learningSteps,
               @reps, @lapses, @state, @lastReview)
       ON CONFLICT (fact_id) DO UPDATE SET topic_id = excluded.topic_id, due = excluded.due,
         stability = excluded.stability, difficulty = excluded.difficulty, elapsed_days = excluded.elapsed_days,
         scheduled_days = excluded.scheduled_days, learning_steps = excluded.learning_steps, reps = excluded.reps,
         lapses = excluded.lapses, state = excluded.state, last_review = excluded.last_review`,
    ).run(next);
  }

  /** Recomputes every review card and weekly tally from the answer log (after an import merged older answers in). */
  /**
   * Recomputes every review card, weekly tally and study day from the answer log (after an import merged
   * older answers in), a few hundred facts per transaction: a session answering meanwhile waits for one
   * batch at most, and an answer it commits in between is part of the log the later batches replay.
   */
  rebuildFromLog(onBatch?: () => void): void {
    const facts = this.read(() => (this.db.prepare('SELECT DISTINCT fact_id AS id FROM answers ORDER BY 1').all() as { id: string }[]).map((r) => r.id));
    const answersOf = this.db.prepare(
      `SELECT fact_id AS factId, topic_id AS topicId, is_correct AS isCorrect, elapsed_ms AS elapsedMs,
              answered_at AS answeredAt FROM answers WHERE fact_id = ? ORDER BY answered_at, id`,
    );
    const dropCard = this.db.prepare('DELETE FROM cards WHERE fact_id = ?');
    for (let i = 0; i < facts.length; i += REBUILD_FACTS) {
      this.write(() => {
        for (const id of facts.slice(i, i + REBUILD_FACTS)) {
          dropCard.run(id);
          const rows = answersOf.all(id) as { factId: string; topicId: string; isCorrect: number; elapsedMs: number; answeredAt: number }[];
          for (const r of rows) this.applyReview({ ...r, isCorrect: r.isCorrect === 1 });
        }
      });
      onBatch?.();
    }
    this.write(() => {
      // Cards of facts that no answer names any more (none, after an import) go too.
      this.db.exec('DELETE FROM cards WHERE fact_id NOT IN (SELECT DISTINCT fact_id FROM answers)');
      this.db.exec(STATS_SQL.rebuildWeeks);
      this.db.exec(STATS_SQL.rebuildDays);
    });
  }

  private replayCards(): void {
    const rows = this.db
      .prepare(
        `SELECT fact_id AS factId, topic_id AS topicId, is_correct AS isCorrect, elapsed_ms AS elapsedMs,
                answered_at AS answeredAt FROM answers ORDER BY answered_at, id`,
      )
      .all() as { factId: string; topicId: string; isCorrect: number; elapsedMs: number; answeredAt: number }[];
    for (const r of rows) this.applyReview({ ...r, isCorrect: r.isCorrect === 1 });
  }

  card(factId: string): CardState | null {
    return this.read(() => (this.sql(`SELECT ${CARD_COLUMNS} FROM cards WHERE fact_id = ?`).get(factId) as CardState | undefined) ?? null);
  }

  /** Every card, for stats and drill (a few thousand rows at most: one per fact). */
  cards(): CardState[] {
    return this.read(() => this.sql(`SELECT ${CARD_COLUMNS} FROM cards`).all() as CardState[]);
  }

  /** Cards due at `now`, most overdue first. */
  dueCards(now: number): CardState[] {
    return this.read(() => this.sql(STATS_SQL.dueCards).all(now) as CardState[]);
  }

  /** The earliest due time after `now` among the given facts, or null. */
  nextDue(now: number): CardState | null {
    return this.read(() => (this.sql(`SELECT ${CARD_COLUMNS} FROM cards WHERE due > ? ORDER BY due LIMIT 1`).get(now) as CardState | undefined) ?? null);
  }

  setting(key: string): string | null {
    const row = this.read(() => this.sql('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined);
    return row?.value ?? null;
  }

  setSetting(key: string, value: string): void {
    this.write(() => void this.sql('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value));
  }

  deleteSetting(key: string): void {
    this.write(() => void this.sql('DELETE FROM settings WHERE key = ?').run(key));
  }

  /** Answers per topic and week: the input of accuracy, trend and recency weighting. */
  weekRows(): WeekRow[] {
    return this.read(() => this.sql(STATS_SQL.weekRows).all() as WeekRow[]);
  }

  /** Calendar days (in the local time zone when each answer was given) with at least one answer, for the streak. */
  activeDays(): number[] {
    return this.read(() => this.sql(STATS_SQL.activeDays).all() as { day: number }[]).map((r) => r.day);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
