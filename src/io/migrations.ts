/**
 * Schema migrations, by `user_version`: MIGRATIONS[v] takes the schema from v to v + 1.
 * They run together in one transaction after a backup copy of an existing file.
 * Times are milliseconds since the epoch (UTC).
 */
/** Local calendar day numbers (days since 1970-01-01 in the local time zone) of every answer in the log. */
export const ANSWER_DAYS_FROM_LOG = `INSERT OR IGNORE INTO answer_days (day)
    SELECT DISTINCT CAST(julianday(answered_at / 1000.0, 'unixepoch', 'localtime') - 2440587.5 AS INTEGER) FROM answers;`;

/** Answers per topic and week, weeks starting on Monday in the local time zone (local day d is in week ⌊(d + 3) / 7⌋, see core weekOf). */
export const ANSWER_WEEKS_FROM_LOG = `INSERT INTO answer_weeks (topic_id, week, answered, correct)
    SELECT topic_id, (CAST(julianday(answered_at / 1000.0, 'unixepoch', 'localtime') - 2440587.5 AS INTEGER) + 3) / 7, count(*), sum(is_correct)
    FROM answers GROUP BY 1, 2;`;

export const MIGRATIONS: readonly string[] = [
  // 0 → 1: sessions and the answer log.
  `
  CREATE TABLE sessions (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT    NOT NULL UNIQUE,
    kind           TEXT    NOT NULL CHECK (kind IN ('quiz', 'exam', 'review', 'drill')),
    status         TEXT    NOT NULL DEFAULT 'active'
                           CHECK (status IN ('active', 'finished', 'interrupted', 'abandoned')),
    started_at     INTEGER NOT NULL,
    ended_at       INTEGER,
    lang           TEXT    NOT NULL,
    seed           TEXT    NOT NULL,
    filters        TEXT    NOT NULL DEFAULT '{}',
    question_count INTEGER NOT NULL,
    state          TEXT
  );

  CREATE TABLE answers (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT    NOT NULL UNIQUE,
    session_id     INTEGER NOT NULL REFERENCES sessions (id),
    position       INTEGER NOT NULL,
    fact_id        TEXT    NOT NULL,
    topic_id       TEXT    NOT NULL,
    question_id    TEXT    NOT NULL,
    question_kind  TEXT    NOT NULL,
    format         TEXT    NOT NULL CHECK (format IN ('mc', 'tf', 'mr')),
    chosen         TEXT    NOT NULL,
    correct_answer TEXT    NOT NULL,
    is_correct     INTEGER NOT NULL CHECK (is_correct IN (0, 1)),
    answered_at    INTEGER NOT NULL,
    elapsed_ms     INTEGER NOT NULL,
    flagged        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (session_id, position)
  );

  CREATE INDEX answers_by_topic ON answers (topic_id, answered_at);
  CREATE INDEX answers_by_fact ON answers (fact_id, answered_at);
  CREATE INDEX answers_by_session ON answers (session_id);
  `,
  // 1 → 2: spaced-repetition cards (ts-fsrs fields, one per fact) and settings.
  // The store replays existing answers into cards in the same transaction.
  `
  CREATE TABLE cards (
    fact_id        TEXT    PRIMARY KEY,
    topic_id       TEXT    NOT NULL,
    due            INTEGER NOT NULL,
    stability      REAL    NOT NULL,
    difficulty     REAL    NOT NULL,
    elapsed_days   INTEGER NOT NULL,
    scheduled_days INTEGER NOT NULL,
    learning_steps INTEGER NOT NULL,
    reps           INTEGER NOT NULL,
    lapses         INTEGER NOT NULL,
    state          INTEGER NOT NULL,
    last_review    INTEGER
  );
  CREATE INDEX cards_by_due ON cards (due);
  CREATE INDEX cards_by_topic ON cards (topic_id);

  -- Stats read answers by topic and week, and by day for the streak: covering indexes.
  DROP INDEX answers_by_topic;
  CREATE INDEX answers_by_topic ON answers (topic_id, answered_at, is_correct);
  CREATE INDEX answers_by_time ON answers (answered_at);

  CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // 2 → 3: the questions of a mock exam and the answers and flags given so far, for resume.
  `
  CREATE TABLE exam_items (
    session_id INTEGER NOT NULL REFERENCES sessions (id),
    position   INTEGER NOT NULL,
    question   TEXT    NOT NULL,
    chosen     TEXT,
    flagged    INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (session_id, position)
  );
  CREATE INDEX sessions_by_kind ON sessions (kind, status, started_at);
  `,
  // 3 → 4: answers per topic and week, kept up to date with each answer, so stats read a few
  // hundred rows instead of grouping the whole answer log (604800000 ms = one week).
  `
  CREATE TABLE answer_weeks (
    topic_id TEXT    NOT NULL,
    week     INTEGER NOT NULL,
    answered INTEGER NOT NULL,
    correct  INTEGER NOT NULL,
    PRIMARY KEY (topic_id, week)
  ) WITHOUT ROWID;
  INSERT INTO answer_weeks (topic_id, week, answered, correct)
    SELECT topic_id, answered_at / 604800000, count(*), sum(is_correct) FROM answers GROUP BY 1, 2;
  `,
  // 4 → 5: the calendar days (in the local time zone of the answer) with at least one answer, kept
  // with each answer, so the streak reads a few hundred rows instead of scanning the whole log.
  `
  CREATE TABLE answer_days (day INTEGER PRIMARY KEY) WITHOUT ROWID;
  ${ANSWER_DAYS_FROM_LOG}
  `,
  // 5 → 6: weeks start on Monday in the local time zone (they were counted from a Thursday, in UTC).
  `
  DELETE FROM answer_weeks;
  ${ANSWER_WEEKS_FROM_LOG}
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
