#!/usr/bin/env node
/**
 * Runs after the build: writes what a first start would otherwise make for itself, so that the
 * first start after an install (or after the cache folder is cleared) is nearly as quick as the
 * next. Beside the bundle:
 * - dist/notes-seed.json and .data, the shipped notes parsed (io/notes-seed.ts: taken by content hash);
 * - dist/code-seed.v8, the bundle's compiled code after a first quiz question, in the code
 *   cache's format (cli/bundle-loader.ts: it fits only this very bundle file, on this Node).
 * Neither is needed: without them a start parses and compiles, as it would with no cache.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// A seed that cannot be made never fails the build: starts without it parse and compile, as before.
let notes;
try {
  const lib = await import(join(dist, 'lib.js'));
  notes = lib.writeNotesSeed(join(root, 'notes'), version, join(dist, 'notes-seed.json'));
} catch (err) {
  notes = err.message.split('\n')[0];
}
if (typeof notes !== 'number') console.warn(`seeds: no notes seed (${notes}); first starts parse the notes`);

const codeSeed = join(dist, 'code-seed.v8');
rmSync(codeSeed, { force: true });
const work = mkdtempSync(join(tmpdir(), 'saa-seed-'));
const env = { ...process.env, NO_COLOR: '1', SAA_NOTES: '', SAA_DB: join(work, 'history.db'), XDG_CACHE_HOME: join(work, 'cache') };
// V8 takes a code cache only under the flags it was made with: those of a plain start.
delete env.NODE_OPTIONS;
delete env.SAA_NO_CACHE;
const cli = join(dist, 'cli.cjs');

/**
 * A quiz to its first question, then Ctrl-C, as a person would (the code cache is written at
 * exit): the path of the README's first command. It needs a terminal, so node-pty, which a
 * clone's install has; without it, `saa questions` covers loading and asking.
 */
async function quizRun() {
  const { default: pty } = await import('node-pty');
  await new Promise((done, fail) => {
    const child = pty.spawn(process.execPath, [cli, 'quiz', '--topic', 's3', '--count', '10', '--seed', 'build'], { cols: 100, rows: 30, env });
    let out = '';
    let stopped = false;
    const timer = setTimeout(() => child.kill(), 20_000);
    child.onData((d) => {
      out += d;
      // The prompt's pointer: the first question is on screen.
      if (!stopped && out.includes('\u276f')) {
        stopped = true;
        child.write('\u0003');
      }
    });
    child.onExit(({ exitCode }) => {
      clearTimeout(timer);
      if (exitCode === 130) done();
      else fail(new Error(`the quiz ended with ${exitCode}`));
    });
  });
  return join(work, 'cache', 'saa', 'code', 'quiz.v8');
}

function questionsRun() {
  execFileSync(process.execPath, [cli, 'questions', '--topic', 's3', '--count', '10', '--seed', 'build'], { env, stdio: 'ignore' });
  return join(work, 'cache', 'saa', 'code', 'questions.v8');
}

try {
  let from;
  try {
    from = await quizRun();
  } catch {
    from = questionsRun();
  }
  copyFileSync(from, codeSeed);
  console.log(
    `seeds: compiled code cached from a ${from.endsWith('quiz.v8') ? 'quiz' : 'questions'} run${typeof notes === 'number' ? `; ${notes} shipped notes parsed` : ''}`,
  );
} catch (err) {
  console.warn(`seeds: no compiled code seed (${err.message.split('\n')[0]}); first starts compile it`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
