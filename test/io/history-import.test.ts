/** History files from outside: each malformed one refused with the field at fault; imports in short batches. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { type exportHistory, HistoryFormatError, importHistory, parseHistory } from '../../src/io/history-transfer.js';
import { Store } from '../../src/io/store.js';
import { useTempDir } from '../helpers/cli.js';
import { saa } from '../helpers/context.js';

const NOW = Date.UTC(2026, 11, 1, 9);

function history(answers = 5): ReturnType<typeof exportHistory> {
  return {
    format: 'saa-history',
    version: 1,
    sessions: [
      {
        uuid: 's1',
        kind: 'quiz',
        status: 'finished',
        startedAt: NOW - 60_000,
        endedAt: NOW,
        lang: 'en',
        seed: '1',
        filters: '{}',
        questionCount: answers,
        state: null,
      },
    ],
    answers: Array.from({ length: answers }, (_, i) => ({
      uuid: `a${i}`,
      session: 's1',
      position: i,
      factId: `s3.g.f${i % 7}`,
      topicId: 's3',
      questionId: 'q',
      questionKind: 'cloze',
      format: 'mc' as const,
      chosen: 'x',
      correctAnswer: 'x',
      isCorrect: i % 2 === 0,
      answeredAt: NOW - 60_000 + i,
      elapsedMs: 1000,
      flagged: false,
    })),
  };
}

describe('history files', () => {
  it.each([
    ['null', 'null', /no object/],
    ['an array', '[42]', /no object/],
    ['not JSON', '{"format":', /not JSON/],
    ['another format', '{"format":"x"}', /format field missing/],
    ['a version given as text', JSON.stringify({ ...history(), version: '1' }), /version: Invalid type: Expected number but received "1"/],
    ['a newer version', JSON.stringify({ ...history(), version: 9 }), /version 9 is newer than this saa reads \(1\)/],
    ['a null session', JSON.stringify({ ...history(), sessions: [null] }), /sessions\[0\]: Invalid type/],
    ['an unknown session kind', JSON.stringify({ ...history(), sessions: [{ ...history().sessions[0], kind: 'party' }] }), /sessions\[0\]\.kind: Invalid type/],
    [
      'a session state that is not JSON',
      JSON.stringify({ ...history(), sessions: [{ ...history().sessions[0], state: '{not json' }] }),
      /sessions\[0\]\.state: is not a JSON object/,
    ],
    [
      'an answer without its question id',
      JSON.stringify({ ...history(), answers: [{ ...history().answers[0], questionId: undefined }] }),
      /answers\[0\]\.questionId: Invalid key/,
    ],
    [
      'an answer dated 9999',
      JSON.stringify({ ...history(), answers: [{ ...history().answers[0], answeredAt: Date.UTC(9999, 0, 1) }] }),
      /answers\[0\]\.answeredAt: is in the future/,
    ],
    [
      'an exam state saa cannot read back',
      JSON.stringify({ ...history(), sessions: [{ ...history().sessions[0], kind: 'exam', state: '{"limitMs":"soon"}' }] }),
      /sessions\[0\]\.state\.limitMs: Invalid type/,
    ],
  ])('refuse %s, naming the field', (_name, text, message) => {
    expect(() => parseHistory(text, NOW)).toThrow(HistoryFormatError);
    expect(() => parseHistory(text, NOW)).toThrow(message);
  });

  it('refuse a malformed file on the command line with exit 2, writing nothing', async () => {
    const dir = `/tmp/saa-import-${process.pid}`;
    const { mkdirSync, existsSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...history(), answers: [{ ...history().answers[0], isCorrect: 'yes' }] }));
    const r = await saa(['import', 'history', file], { env: { SAA_DB: join(dir, 'h.db') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^saa: ${file}: answers\\[0\\]\\.isCorrect: Invalid type: Expected boolean but received "yes"; nothing was imported\\n$`),
    );
    expect(existsSync(join(dir, 'h.db'))).toBe(false);
    const fifo = await saa(['import', 'history', '/dev/zero'], { env: { SAA_DB: join(dir, 'h.db') } });
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toMatch(/not a regular file/);
  });
});

describe('importing', () => {
  let dir = '';
  useTempDir((d) => {
    dir = d;
  });

  it('commits in batches, leaving the write lock free between them, and is complete at the end', () => {
    const file = join(dir, 'saa.db');
    const store = Store.open(file, NOW);
    const other = new Database(file, { timeout: 0 });
    let batches = 0;
    const r = importHistory(store, history(5000), {
      batch: 1000,
      onBatch: () => {
        batches++;
        // Between two batches another connection can take the write lock at once, as a quiz would.
        other.prepare('BEGIN IMMEDIATE').run();
        other.prepare('ROLLBACK').run();
      },
    });
    expect(r).toEqual({ sessions: 1, answers: 5000, skipped: 0 });
    // One session batch, five answer batches, and the card rebuild's batch.
    expect(batches).toBe(7);
    expect((store.db.prepare('SELECT count(*) AS n FROM cards').get() as { n: number }).n).toBe(7);
    // Importing again adds nothing.
    expect(importHistory(store, history(5000)).answers).toBe(0);
    other.close();
    store.close();
  });
});
