/** Files the store must refuse before writing a byte: foreign, odd versions, damaged inner pages, folders. */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Store, StoreError } from '../../src/io/store.js';
import { useTempDir } from '../helpers/cli.js';

const NOW = Date.UTC(2026, 11, 1, 9);
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function refused(file: string, message: RegExp, check = false): void {
  const before = hash(file);
  const wal = existsSync(`${file}-wal`);
  expect(() => Store.open(file, NOW, { check })).toThrow(StoreError);
  expect(() => Store.open(file, NOW, { check })).toThrow(message);
  expect(hash(file)).toBe(before);
  // Nothing written through a write-ahead log either (a reader of a WAL file may leave an empty one).
  if (!wal && existsSync(`${file}-wal`)) expect(statSync(`${file}-wal`).size).toBe(0);
}

describe('files the store refuses, unchanged', () => {
  let dir = '';
  useTempDir((d) => {
    dir = d;
  });

  it('a negative schema version', () => {
    const file = join(dir, 'minus.db');
    const db = new Database(file);
    db.pragma('user_version = -1');
    db.close();
    refused(file, /schema version -1 is not one saa writes/);
  });

  it("another program's SQLite database, with or without a table called sessions", () => {
    for (const [name, sql] of [
      ['people.db', 'CREATE TABLE people (name TEXT)'],
      ['sessions.db', 'CREATE TABLE sessions (id INTEGER, note TEXT)'],
    ] as const) {
      const file = join(dir, name);
      const db = new Database(file);
      db.exec(sql);
      db.close();
      refused(file, /an SQLite database but not saa's/);
    }
  });

  it('a saa database with an inner page overwritten, when checked (daily, and before every migration)', () => {
    const file = join(dir, 'damaged.db');
    const store = Store.open(file, NOW);
    const session = store.startSession({ uuid: 's', kind: 'quiz', startedAt: NOW, lang: 'en', seed: '1', filters: {}, questionCount: 3000 });
    for (let i = 0; i < 3000; i++) {
      store.recordAnswer({
        uuid: `a${i}`,
        sessionId: session,
        position: i,
        factId: `f${i % 40}`,
        topicId: 't',
        questionId: 'q',
        questionKind: 'cloze',
        format: 'mc',
        chosen: 'a',
        correctAnswer: 'a',
        isCorrect: i % 2 === 0,
        answeredAt: NOW + i,
        elapsedMs: 1,
      });
    }
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const page = store.db.pragma('page_size', { simple: true }) as number;
    const root = (store.db.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'answers_by_fact'`).get() as { rootpage: number }).rootpage;
    store.close();
    // Garbage over the index's root page: the tables still read, the index is broken.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(page, 0x5a), 0, page, (root - 1) * page);
    closeSync(fd);
    refused(file, /it is damaged \(quick_check failed\)/, true);
  });

  it('a folder', () => {
    const folder = join(dir, 'folder.db');
    mkdirSync(folder);
    expect(() => Store.open(folder, NOW)).toThrow(/it is a folder/);
  });
});
