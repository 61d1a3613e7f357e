import { readFileSync, writeFileSync, existsSync, readdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/io/migrations.js';
import { Store, StoreError, type AnswerRecord } from '../../src/io/store.js';
import { tempDir } from '../helpers/cli.js';

const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);

function answer(sessionId: number, position: number, extra: Partial<AnswerRecord> = {}): AnswerRecord {
  return {
    uuid: `u-${sessionId}-${position}`,
    sessionId,
    position,
    factId: `s3.class.f${position}`,
    topicId: 's3',
    questionId: `s3.class.f${position}#term-desc`,
    questionKind: 'term-desc',
    format: 'mc',
    chosen: 'A',
    correctAnswer: 'A',
    isCorrect: position % 2 === 0,
    answeredAt: NOW + position * 1000,
    elapsedMs: 1200,
    ...extra,
  };
}

describe('Store', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

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
    expect(store.topicAccuracy().get('s3')).toEqual({ topicId: 's3', answered: 3, correct: 2, lastAnsweredAt: NOW + 2000 });
    store.close();
  });

  it('rejects a second answer at the same position and a duplicate uuid', () => {
    const store = Store.open(join(dir, 'saa.db'), NOW);
    const id = store.startSession({ uuid: 's1', kind: 'quiz', startedAt: NOW, lang: 'en', seed: '1', filters: {}, questionCount: 1 });
    store.recordAnswer(answer(id, 0));
    expect(() => store.recordAnswer(answer(id, 0, { uuid: 'other' }))).toThrow(/UNIQUE/);
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
