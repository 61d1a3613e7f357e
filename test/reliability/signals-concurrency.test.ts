/** SIGTERM and SIGHUP lose nothing; two processes on one database never show "database is locked". */
import { spawn } from 'node:child_process';

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, cliEnv, tempDir } from '../helpers/cli.js';
import { writeDomainNotes } from '../helpers/exam-deck.js';
import { answerQuestion, KEY, startSaa, type Terminal } from '../helpers/pty.js';

const TOPICS = 'tsecure,tresilient,tperformant,tcost';

const answerQuiz = (t: Terminal, n: number, total: number) => answerQuestion(t, n, total, `1${KEY.enter}`);

function count(file: string, sql: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Runs a non-interactive command to completion, capturing stderr. */
function runAsync(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cliEnv(env), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('signals and concurrent use', () => {
  let dir: string;
  let cleanup: () => void;
  let env: Record<string, string>;
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    writeDomainNotes(dir);
    env = { SAA_DB: join(dir, 'saa.db'), SAA_NOTES: dir };
  });
  afterEach(() => cleanup());

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ])('%s after two answers ends the session like Ctrl-C (exit %i), keeps both answers, and the database is sound', async (signal, code) => {
    const t = startSaa(['quiz', '--count', '5', '--topic', TOPICS, '--seed', signal, '--style', 'fact'], env);
    await answerQuiz(t, 1, 5);
    await answerQuiz(t, 2, 5);
    await t.waitFor(/\[3\/5\][\s\S]*❯/);
    t.kill(signal);
    const exit = await t.exited;
    expect(exit.exitCode).toBe(code);
    expect(t.text()).toMatch(/Stopped\. 2 answers saved\./);
    expect(count(env.SAA_DB!, 'SELECT count(*) AS n FROM answers')).toBe(2);
    expect(count(env.SAA_DB!, `SELECT count(*) AS n FROM sessions WHERE status = 'interrupted'`)).toBe(1);
    const db = new Database(env.SAA_DB!, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('a quiz, a second quiz and stats at the same time: no "database is locked", all finish', async () => {
    const a = startSaa(['quiz', '--count', '8', '--topic', TOPICS, '--seed', 'a', '--style', 'fact'], env);
    const b = startSaa(['quiz', '--count', '8', '--topic', TOPICS, '--seed', 'b', '--style', 'fact'], env);
    const readers: Promise<{ code: number | null; stderr: string }>[] = [];
    for (let n = 1; n <= 8; n++) {
      await Promise.all([answerQuiz(a, n, 8), answerQuiz(b, n, 8)]);
      readers.push(runAsync(['stats', '--json'], env), runAsync(['topics'], env), runAsync(['stats', '--exam-date', '2030-06-01'], env));
    }
    expect((await a.exited).exitCode).toBe(0);
    expect((await b.exited).exitCode).toBe(0);
    for (const r of await Promise.all(readers)) {
      expect(r.stderr).not.toMatch(/locked|busy/i);
      expect(r.code).toBe(0);
    }
    expect(a.text() + b.text()).not.toMatch(/locked|busy/i);
    expect(count(env.SAA_DB!, 'SELECT count(*) AS n FROM answers')).toBe(16);
  }, 60_000);
});
