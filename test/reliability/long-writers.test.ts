/** Long writers beside a quiz, and the backups of an upgrade: nothing lost, one sound copy per upgrade. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupProblem } from '../../src/io/backup.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/io/migrations.js';
import { Store } from '../../src/io/store.js';
import { answerRecord } from '../helpers/answers.js';
import { BIN, ROOT, runCli, useTempDir } from '../helpers/cli.js';

const NOW = Date.UTC(2026, 11, 1, 9);

const answer = (sessionId: number, position: number) => answerRecord(sessionId, position, NOW, { uuid: `quiz-${sessionId}-${position}`, isCorrect: true });

/** A version-1 history with a few answers, as an older saa left it. */
function versionOne(file: string): void {
  const old = new Database(file);
  old.exec(MIGRATIONS[0] as string);
  old.pragma('user_version = 1');
  old.prepare(`INSERT INTO sessions (uuid, kind, started_at, lang, seed, question_count) VALUES ('s', 'quiz', ?, 'en', '1', 2)`).run(NOW);
  old
    .prepare(
      `INSERT INTO answers (uuid, session_id, position, fact_id, topic_id, question_id, question_kind, format, chosen,
         correct_answer, is_correct, answered_at, elapsed_ms) VALUES ('a0', 1, 0, 's3.g.x', 's3', 'q', 'cloze', 'mc', 'a', 'a', 1, ?, 900)`,
    )
    .run(NOW);
  old.close();
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('close', resolve));

describe('long writers and upgrade backups', () => {
  let dir = '';
  useTempDir((d) => (dir = d));

  it('six saa started at once on an old history upgrade it once, after one backup that checks out', async () => {
    const file = join(dir, 'old.db');
    versionOne(file);
    const script = `import('${join(ROOT, 'dist', 'lib.js')}').then((m) => { m.Store.open(process.argv[1]).close(); })`;
    const runs = Array.from({ length: 6 }, () => exited(spawn(process.execPath, ['-e', script, file], { stdio: 'ignore' })));
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0, 0, 0]);
    const copies = readdirSync(dir).filter((f) => f.startsWith('old.db.backup-'));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(/^old\.db\.backup-v1-\d+$/);
    expect(backupProblem(join(dir, copies[0] as string), 1)).toBeNull();
    const store = Store.open(file, NOW);
    expect(store.version).toBe(SCHEMA_VERSION);
    store.close();
  });

  it('doctor passes over a half-written and a damaged backup and restores the newest sound one', () => {
    const file = join(dir, 'saa.db');
    versionOne(file);
    Store.open(file, NOW).close();
    const sound = readdirSync(dir).find((f) => f.startsWith('saa.db.backup-v1-')) as string;
    // Newer than the sound one: a copy a kill cut short, and one whose bytes were damaged.
    writeFileSync(join(dir, `saa.db.backup-v1-${NOW + 5}.partial`), 'half a copy');
    writeFileSync(join(dir, `saa.db.backup-v1-${NOW + 9}`), 'SQLite format 3\0 but not really');
    writeFileSync(file, 'garbage');
    const listed = runCli(['doctor'], { env: { SAA_DB: file } });
    expect(listed.stdout).not.toContain('.partial');
    const r = runCli(['doctor', '--restore'], { env: { SAA_DB: file } });
    expect(r.stdout).toMatch(new RegExp(`Skipped .*backup-v1-${NOW + 9}: it cannot be read`));
    expect(r.stdout).toContain(`Restored ${join(dir, sound)}`);
    expect(r.code).toBe(0);
  });

  it('a write sits out another process that holds the lock past the busy timeout', async () => {
    const file = join(dir, 'busy.db');
    const store = Store.open(file, NOW);
    const id = store.startSession({ uuid: 'q', kind: 'quiz', startedAt: NOW, lang: 'en', seed: '1', filters: {}, questionCount: 1 });
    // The holder takes the write lock, says so, and keeps it 7 s: past one 5 s busy timeout.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require(${JSON.stringify(join(ROOT, 'node_modules', 'better-sqlite3'))}); const db = new D(process.argv[1]);
         db.prepare('BEGIN IMMEDIATE').run(); process.stdout.write('locked\\n');
         setTimeout(() => { db.prepare('COMMIT').run(); db.close(); }, 7000);`,
        file,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout?.once('data', () => resolve()));
    store.recordAnswer(answer(id, 0));
    expect(store.db.prepare('SELECT count(*) AS n FROM answers').get()).toEqual({ n: 1 });
    expect(await exited(holder)).toBe(0);
    store.close();
  }, 60_000);

  it('a quiz answered during a 120 MB import keeps every answer, and the import completes', async () => {
    const file = join(dir, 'big.db');
    const history = join(dir, 'history.json');
    const count = 220_000;
    const pad = 'x'.repeat(330);
    const answers = Array.from({ length: count }, (_, i) => ({
      uuid: `imp-${i}`,
      session: 'imp',
      position: i,
      factId: `s3.g.f${i % 97}`,
      topicId: 's3',
      questionId: `q-${pad}`,
      questionKind: 'cloze',
      format: 'mc',
      chosen: 'x',
      correctAnswer: 'x',
      isCorrect: i % 3 !== 0,
      answeredAt: NOW - 3_600_000 + i,
      elapsedMs: 1000,
      flagged: false,
    }));
    const session = {
      uuid: 'imp',
      kind: 'quiz',
      status: 'finished',
      startedAt: NOW - 3_600_000,
      endedAt: NOW,
      lang: 'en',
      seed: '1',
      filters: '{}',
      questionCount: count,
      state: null,
    };
    const text = JSON.stringify({ format: 'saa-history', version: 1, sessions: [session], answers });
    expect(text.length).toBeGreaterThan(120 * 1024 * 1024);
    writeFileSync(history, text);

    const quiz = Store.open(file, NOW);
    const id = quiz.startSession({ uuid: 'live', kind: 'quiz', startedAt: NOW, lang: 'en', seed: '1', filters: {}, questionCount: 40 });
    const importer = spawn(process.execPath, [BIN, 'import', 'history', history], { env: { ...process.env, SAA_DB: file }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    importer.stdout?.on('data', (d) => (output += d));
    importer.stderr?.on('data', (d) => (output += d));
    const done = exited(importer);
    let finished = false;
    void done.then(() => (finished = true));
    // Answer, as a learner would, until the import ends (and at least 40 times).
    let position = 0;
    while (!finished || position < 40) {
      quiz.recordAnswer(answer(id, position++));
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(await done, output).toBe(0);
    const n = (sql: string) => (quiz.db.prepare(sql).get() as { n: number }).n;
    expect(n(`SELECT count(*) AS n FROM answers WHERE session_id = ${id}`)).toBe(position);
    expect(n(`SELECT count(*) AS n FROM answers WHERE uuid LIKE 'imp-%'`)).toBe(count);
    quiz.close();
  }, 300_000);
});
