import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ANSWER_DAYS_FROM_LOG, MIGRATIONS, SCHEMA_VERSION } from '../../src/io/migrations.js';
import { type AnswerRecord, localDay, localWeek, STATS_SQL, Store, StoreError } from '../../src/io/store.js';
import { answerRecord } from '../helpers/answers.js';
import { useTempDir } from '../helpers/cli.js';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);

const answer = (sessionId: number, position: number, extra: Partial<AnswerRecord> = {}) => answerRecord(sessionId, position, NOW, extra);

describe('Store', () => {
  let dir = '';
  useTempDir((d) => (dir = d));

  it('creates the file under a new folder with WAL, synchronous=FULL and the current schema', () => {
    const file = join(dir, 'nested', 'saa.db');
    const store = Store.open(file, NOW);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.version).toBe(SCHEMA_VERSION);
    store.close();
    expect(existsSync(file)).toBe(true);
  });

  it('starts a session without waiting for the disk, and every answer after it with synchronous=FULL again', () => {
    const store = Store.open(join(dir, 'saa.db'), NOW);
    const seen: number[] = [];
    const id = store.writeStart(() => {
      seen.push(store.db.pragma('synchronous', { simple: true }) as number);
      return store.startSession({ uuid: 's1', kind: 'quiz', startedAt: NOW, lang: 'en', seed: '1', filters: {}, questionCount: 1 });
    });
    // NORMAL (1) for the start, FULL (2) from then on, for the answers.
    expect(seen).toEqual([1]);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    store.recordAnswer(answer(id, 0));
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    // A failed start leaves FULL too.
    expect(() => store.writeStart(() => store.db.exec('INSERT INTO no_such_table VALUES (1)'))).toThrow();
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    store.close();
  });

  it('keeps every recorded answer, readable by another connection at once', () => {
    const file = join(dir, 'saa.db');
    const store = Store.open(file, NOW);
    const id = store.startSession({ uuid: 's1', kind: 'quiz', startedAt: NOW, lang: 'en', seed: '1', filters: { topics: ['s3'] }, questionCount: 3 });
    const other = new Database(file, { readonly: true });
    for (let i = 0; i < 3; i++) {
      store.recordAnswer(answer(id, i));
      expect(other.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: i + 1 });
    }
    other.close();
    store.finishSession(id, 'finished', NOW + 5000);
    expect(store.weekRows()).toEqual([{ topicId: 's3', week: localWeek(NOW), answered: 3, correct: 2 }]);
    expect(
      store
        .cards()
        .map((c) => c.factId)
        .sort(),
    ).toEqual(['s3.class.f0', 's3.class.f1', 's3.class.f2']);
    store.close();
  });

  it('lets two processes create and migrate the same new file at once', async () => {
    const file = join(dir, 'race.db');
    const { spawn } = await import('node:child_process');
    const script = `import('${join(process.cwd(), 'dist', 'lib.js')}').then((m) => { m.Store.open(process.argv[1]).close(); })`;
    const runs = Array.from(
      { length: 6 },
      () =>
        new Promise<number | null>((resolve) => {
          const child = spawn(process.execPath, ['-e', script, file], { stdio: 'ignore' });
          child.on('close', resolve);
        }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0, 0, 0]);
    const store = Store.open(file, NOW);
    expect(store.version).toBe(SCHEMA_VERSION);
    store.close();
  });

  it('rejects a second answer at the same position and a duplicate uuid', () => {
    const store = Store.open(join(dir, 'saa.db'), NOW);
    const id = store.startSession({ uuid: 's1', kind: 'quiz', startedAt: NOW, lang: 'en', seed: '1', filters: {}, questionCount: 1 });
    store.recordAnswer(answer(id, 0));
    expect(() => store.recordAnswer(answer(id, 0, { uuid: 'other' }))).toThrow(/UNIQUE/);
    store.close();
  });

  it('migrates a version-1 history after a backup, replaying its answers into review cards', () => {
    const file = join(dir, 'old.db');
    const old = new Database(file);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.prepare(`INSERT INTO sessions (uuid, kind, started_at, lang, seed, question_count) VALUES ('s', 'quiz', ?, 'en', '1', 2)`).run(NOW);
    const insert = old.prepare(
      `INSERT INTO answers (uuid, session_id, position, fact_id, topic_id, question_id, question_kind, format, chosen,
         correct_answer, is_correct, answered_at, elapsed_ms) VALUES (?, 1, ?, ?, 's3', 'q', 'cloze', 'mc', 'a', 'a', ?, ?, 900)`,
    );
    insert.run('a0', 0, 's3.g.x', 1, NOW);
    insert.run('a1', 1, 's3.g.y', 0, NOW + 1000);
    old.close();

    const store = Store.open(file, NOW);
    expect(store.version).toBe(SCHEMA_VERSION);
    const cards = new Map(store.cards().map((c) => [c.factId, c]));
    expect(cards.get('s3.g.x')?.reps).toBe(1);
    expect(cards.get('s3.g.y')?.due).toBeLessThanOrEqual(NOW + 1000 + 86_400_000);
    // The weekly tallies start from the answers already kept.
    expect(store.weekRows()).toEqual([{ topicId: 's3', week: localWeek(NOW), answered: 2, correct: 1 }]);
    store.close();

    const backup = join(dir, `old.db.backup-v1-${NOW}`);
    expect(existsSync(backup)).toBe(true);
    const copy = new Database(backup, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 2 });
    copy.close();
  });

  it('keeps the local calendar days that have answers, from each answer and from an upgraded log', () => {
    const file = join(dir, 'days.db');
    const store = Store.open(file, NOW);
    const session = store.startSession({ uuid: 's', kind: 'quiz', startedAt: NOW, lang: 'en', seed: '1', filters: {}, questionCount: 3 });
    const answer = (i: number, at: number) =>
      store.recordAnswer({
        uuid: `d${i}`,
        sessionId: session,
        position: i,
        factId: 'f',
        topicId: 't',
        questionId: 'q',
        questionKind: 'cloze',
        format: 'mc',
        chosen: 'a',
        correctAnswer: 'a',
        isCorrect: true,
        answeredAt: at,
        elapsedMs: 1,
      });
    answer(0, NOW);
    answer(1, NOW + 60_000);
    answer(2, NOW + 86_400_000);
    expect(store.activeDays().sort()).toEqual([localDay(NOW), localDay(NOW + 86_400_000)]);
    // A history from before the table existed gets its days from the log, in the same calendar.
    store.db.exec('DELETE FROM answer_days');
    store.db.exec(ANSWER_DAYS_FROM_LOG);
    expect(store.activeDays().sort()).toEqual([localDay(NOW), localDay(NOW + 86_400_000)]);
    store.close();
  });

  it('answers the stats queries from indexes', () => {
    const store = Store.open(join(dir, 'saa.db'), NOW);
    const plan = (sql: string) => {
      const stmt = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
      const params = sql.includes('?') ? [0] : [];
      return (stmt.all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    };
    // Weekly tallies come from a small table kept per answer, read by its primary key order.
    expect(plan(STATS_SQL.weekRows)).toMatch(/SCAN answer_weeks/);
    expect(plan(STATS_SQL.weekRows)).not.toMatch(/answers\b/);
    // Study days likewise: a table of days kept per answer, not a scan of the answer log.
    expect(plan(STATS_SQL.activeDays)).toMatch(/SCAN answer_days/);
    expect(plan(STATS_SQL.activeDays)).not.toMatch(/answers\b/);
    expect(plan(STATS_SQL.dueCards)).toMatch(/USING INDEX cards_by_due/);
    store.close();
  });

  it('refuses a database from a newer saa and leaves it byte for byte unchanged', () => {
    const file = join(dir, 'newer.db');
    const db = new Database(file);
    db.exec('CREATE TABLE future (x)');
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    const before = readFileSync(file);
    expect(() => Store.open(file, NOW)).toThrow(StoreError);
    expect(() => Store.open(file, NOW)).toThrow(/newer saa.*not changed/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['newer.db']);
  });

  it('refuses a file that is not SQLite and leaves it unchanged', () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'this is not a database, just some text that is long enough to have a header\n'.repeat(20));
    const before = readFileSync(file);
    expect(() => Store.open(file, NOW)).toThrow(/not a saa database or it is damaged/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('names the file when it cannot be written', () => {
    if (process.getuid?.() === 0) {
      // root ignores permission bits; use a path under a regular file instead.
      const blocker = join(dir, 'file');
      writeFileSync(blocker, '');
      expect(() => Store.open(join(blocker, 'saa.db'), NOW)).toThrow(new RegExp(`cannot use the history database ${blocker}`));
      return;
    }
    chmodSync(dir, 0o500);
    expect(() => Store.open(join(dir, 'sub', 'saa.db'), NOW)).toThrow(/cannot be opened for writing/);
  });
});
