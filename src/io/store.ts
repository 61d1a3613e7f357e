/**
 * The history database (better-sqlite3). Every open sets WAL, synchronous=FULL and a busy
 * timeout; every write runs in an IMMEDIATE transaction, so an answer is on disk when
 * `recordAnswer` returns. A database newer than this program, or one that is not SQLite, is
 * refused before anything is written to it.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export class StoreError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export type SessionKind = 'quiz' | 'exam' | 'review' | 'drill';
export type SessionStatus = 'active' | 'finished' | 'interrupted' | 'abandoned';

export interface NewSession {
  uuid: string;
  kind: SessionKind;
  startedAt: number;
  lang: string;
  seed: string;
  filters: Record<string, unknown>;
  questionCount: number;
}

export interface AnswerRecord {
  uuid: string;
  sessionId: number;
  position: number;
  factId: string;
  topicId: string;
  questionId: string;
  questionKind: string;
  format: string;
  chosen: string;
  correctAnswer: string;
  isCorrect: boolean;
  answeredAt: number;
  elapsedMs: number;
}

export interface TopicAccuracy {
  topicId: string;
  answered: number;
  correct: number;
  lastAnsweredAt: number;
}

const BUSY_TIMEOUT_MS = 5000;

function describeOpenError(err: unknown, file: string): StoreError {
  const code = (err as { code?: string }).code ?? '';
  const hint =
    code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT'
      ? 'it is not a saa database or it is damaged. Move it aside (or point --db / SAA_DB elsewhere) to start a new history; the file was not changed'
      : code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'EACCES' || code === 'EROFS'
        ? 'it cannot be opened for writing. Check the permissions of the file and its folder, or use --db / SAA_DB'
        : code === 'SQLITE_FULL' || code === 'ENOSPC'
          ? 'the disk is full. Free some space and try again; nothing was lost'
          : (err as Error).message;
  return new StoreError(`cannot use the history database ${file}: ${hint}`, file);
}

export class Store {
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(
    readonly db: Database.Database,
    readonly file: string,
  ) {}

  /** Prepared once per open: the per-answer insert is on the hot path. */
  private sql(text: string): Database.Statement {
    let s = this.statements.get(text);
    if (!s) {
      s = this.db.prepare(text);
      this.statements.set(text, s);
    }
    return s;
  }

  /** Opens (creating if needed) and migrates the database at `file`. */
  static open(file: string, now: number = Date.now()): Store {
    if (file !== ':memory:' && existsSync(file)) Store.probe(file);
    try {
      if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
      const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
      const store = new Store(db, file);
      store.configure();
      store.migrate(now);
      return store;
    } catch (err) {
      if (err instanceof StoreError) throw err;
      throw describeOpenError(err, file);
    }
  }

  /** Read-only look at an existing file: refuse non-SQLite, damaged or newer files untouched. */
  private static probe(file: string): void {
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) {
        throw new StoreError(
          `the history database ${file} was written by a newer saa (schema ${version}, this saa knows ${SCHEMA_VERSION}). ` +
            'Upgrade saa, or use another file with --db / SAA_DB; the file was not changed',
          file,
        );
      }
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (err) {
      if (err instanceof StoreError) throw err;
      throw describeOpenError(err, file);
    } finally {
      db?.close();
    }
  }

  private configure(): void {
    this.db.pragma('journal_mode = WAL');
    // Set on every open: FULL makes each committed answer survive power loss, not only a crash.
    this.db.pragma('synchronous = FULL');
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    this.db.pragma('foreign_keys = ON');
  }

  get version(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(now: number): void {
    const from = this.version;
    if (from >= SCHEMA_VERSION) return;
    // An existing history is copied aside before its schema changes.
    if (from > 0 && this.file !== ':memory:') {
      const backup = `${this.file}.backup-v${from}-${now}`;
      this.db.prepare('VACUUM INTO ?').run(backup);
    }
    this.write(() => {
      for (let v = from; v < SCHEMA_VERSION; v++) {
        const step = MIGRATIONS[v];
        if (!step) throw new Error(`missing migration ${v} → ${v + 1}`);
        this.db.exec(step);
      }
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    });
  }

  /** Runs `fn` in an IMMEDIATE transaction (takes the write lock up front, so no mid-way SQLITE_BUSY). */
  write<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  startSession(s: NewSession): number {
    return this.write(() => {
      const info = this
        .sql(
          `INSERT INTO sessions (uuid, kind, status, started_at, lang, seed, filters, question_count)
           VALUES (?, ?, 'active', ?, ?, ?, ?, ?)`,
        )
        .run(s.uuid, s.kind, s.startedAt, s.lang, s.seed, JSON.stringify(s.filters), s.questionCount);
      return Number(info.lastInsertRowid);
    });
  }

  finishSession(id: number, status: SessionStatus, endedAt: number): void {
    this.write(() => {
      this.sql('UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?').run(status, endedAt, id);
    });
  }

  recordAnswer(a: AnswerRecord): void {
    this.write(() => {
      this
        .sql(
          `INSERT INTO answers (uuid, session_id, position, fact_id, topic_id, question_id, question_kind, format,
                                chosen, correct_answer, is_correct, answered_at, elapsed_ms)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
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

  topicAccuracy(): Map<string, TopicAccuracy> {
    const rows = this
      .sql(
        `SELECT topic_id AS topicId, count(*) AS answered, sum(is_correct) AS correct, max(answered_at) AS lastAnsweredAt
         FROM answers GROUP BY topic_id`,
      )
      .all() as TopicAccuracy[];
    return new Map(rows.map((r) => [r.topicId, r]));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
