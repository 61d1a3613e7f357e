/** The command-line bundle runs with its compiled code cached, and a cache that does not fit is never handed to V8. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHED_COMMANDS, codeCacheFile, loadBundle } from '../../src/cli/bundle-loader.js';
import { runCli } from '../../src/cli/run.js';
import { VERSION } from '../../src/cli/version.js';
import { sha256 } from '../../src/io/cache-files.js';
import { openSeed } from '../../src/io/notes-seed.js';
import { shippedNotesDir } from '../../src/io/shipped.js';
import { BIN, cliEnv, ROOT, useTempDir } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';

let dir = '';
useTempDir((d) => {
  dir = d;
});

/** A small bundle, in the loader's wrapper as the build writes it, whose answer tells which version of it ran. */
function writeBundle(answer: number): string {
  const file = join(dir, 'bundle.cjs');
  writeFileSync(
    file,
    `(function (exports, require, module, __filename, __dirname) {"use strict";\nfunction square(x) { return x * x; }\nmodule.exports = { answer: () => square(${answer}), dir: __dirname, load: (id) => require(id) };\n})`,
  );
  return file;
}

const load = (file: string, env: Record<string, string> = {}, command = 'quiz') =>
  loadBundle(file, { env: { XDG_CACHE_HOME: join(dir, 'cache'), ...env }, version: 'test', command });
const answerOf = (b: ReturnType<typeof load>) => (b.exports as { answer(): number }).answer();

describe('the code cache', () => {
  it('is written after a run without one and used by the next', () => {
    const file = writeBundle(7);
    const first = load(file);
    expect(first.cache).toBe('miss');
    expect(answerOf(first)).toBe(49);
    first.save();
    const cacheFile = codeCacheFile({ XDG_CACHE_HOME: join(dir, 'cache') }, 'quiz');
    expect(existsSync(cacheFile)).toBe(true);
    const second = load(file);
    expect(second.cache).toBe('hit');
    expect(answerOf(second)).toBe(49);
    expect((second.exports as { dir: string }).dir).toBe(dir);
  });

  it("starts a command with no cache of its own from the build's, checked like its own, then writes its own", () => {
    const file = writeBundle(7);
    // The build's seed is a cache another command's run wrote for this bundle.
    load(file, {}, 'questions').save();
    const seed = join(dir, 'code-seed.v8');
    writeFileSync(seed, readFileSync(codeCacheFile({ XDG_CACHE_HOME: join(dir, 'cache') }, 'questions')));
    const withSeed = (command: string) => loadBundle(file, { env: { XDG_CACHE_HOME: join(dir, 'cache') }, version: 'test', command, seed });
    const first = withSeed('quiz');
    expect(first.cache).toBe('seed');
    expect(answerOf(first)).toBe(49);
    first.save();
    expect(withSeed('quiz').cache).toBe('hit');
    // A damaged seed, or one for another bundle, is never handed to V8.
    const good = readFileSync(seed);
    const flipped = Buffer.from(good);
    flipped[good.length - 10] = (flipped[good.length - 10] ?? 0) ^ 1;
    writeFileSync(seed, flipped);
    expect(withSeed('exam').cache).toBe('miss');
    writeFileSync(seed, good);
    expect(withSeed('exam').cache).toBe('seed');
    writeBundle(8);
    const changed = withSeed('drill');
    expect(changed.cache).toBe('miss');
    expect(answerOf(changed)).toBe(64);
  });

  it('is not used for a changed bundle, even one of the same length and time', () => {
    const file = writeBundle(7);
    load(file).save();
    const { mtime } = { mtime: new Date('2020-01-01T00:00:00Z') };
    writeBundle(8);
    utimesSync(file, mtime, mtime);
    const changed = load(file);
    expect(changed.cache).toBe('miss');
    expect(answerOf(changed)).toBe(64);
  });

  it('is ignored when damaged, cut short, foreign or empty, and written again', () => {
    const file = writeBundle(3);
    load(file).save();
    const cacheFile = codeCacheFile({ XDG_CACHE_HOME: join(dir, 'cache') }, 'quiz');
    const good = readFileSync(cacheFile);
    const flipped = Buffer.from(good);
    const at = flipped.length - 10;
    flipped[at] = (flipped[at] ?? 0) ^ 0xff;
    for (const bad of [flipped, good.subarray(0, good.length - 100), Buffer.from('saa-code-cache 1\nnot a cache'), Buffer.alloc(0), Buffer.alloc(4096, 7)]) {
      writeFileSync(cacheFile, bad);
      const b = load(file);
      expect(b.cache).toBe('miss');
      expect(answerOf(b)).toBe(9);
      b.save();
      expect(load(file).cache).toBe('hit');
    }
  });

  it('is neither read nor written with SAA_NO_CACHE', () => {
    const file = writeBundle(2);
    const b = load(file, { SAA_NO_CACHE: '1' });
    expect(b.cache).toBe('off');
    expect(answerOf(b)).toBe(4);
    b.save();
    expect(existsSync(join(dir, 'cache'))).toBe(false);
  });

  it('keeps a file per command, and one for every other command line', () => {
    const env = { XDG_CACHE_HOME: '/c' };
    expect(codeCacheFile(env, 'quiz')).toBe('/c/saa/code/quiz.v8');
    expect(codeCacheFile(env, 'exam')).toBe('/c/saa/code/exam.v8');
    expect(codeCacheFile(env, '--topic')).toBe('/c/saa/code/other.v8');
    expect(codeCacheFile(env, '../../etc')).toBe('/c/saa/code/other.v8');
    expect(codeCacheFile(env, undefined)).toBe('/c/saa/code/other.v8');
  });

  it('gives the bundle a require that resolves beside it and never loads esprima', () => {
    const b = load(writeBundle(1)) as { exports: { load(id: string): unknown } };
    expect(b.exports.load('node:path')).toBeTruthy();
    expect(() => b.exports.load('esprima')).toThrow('esprima is not loaded');
    // child_process, loaded when first used, is the real module then.
    const cp = b.exports.load('child_process') as typeof import('node:child_process');
    expect(cp.execFileSync(process.execPath, ['-e', 'process.stdout.write("ran")'], { encoding: 'utf8' })).toBe('ran');
    expect(Object.keys(cp)).toContain('spawn');
    expect('fork' in cp).toBe(true);
  });
});

describe('the built bundle', () => {
  const bundle = readFileSync(join(ROOT, 'dist', 'saa.cjs'), 'utf8');

  it('has no import() of its own, which a script run through vm could not serve on older Node 20 releases', () => {
    expect(bundle).not.toMatch(/(?<![\w$.])import\(/);
  });

  it('is ASCII only, and asks in Korean exactly what the sources ask', async () => {
    // One non-ASCII character makes V8 hold the whole source as a two-byte string (tsup.config.ts escapes them).
    expect(bundle).not.toMatch(/[^\0-\x7f]/);
    const args = ['questions', '--topic', 'iam,s3', '--count', '30', '--seed', 'ko', '--lang', 'ko', '--json'];
    const built = spawnSync(process.execPath, [BIN, ...args], { env: cliEnv(), encoding: 'utf8' });
    const t = testContext();
    expect(await runCli(args, t.ctx)).toBe(0);
    expect(built.status).toBe(0);
    expect(built.stdout).toBe(t.out.join(''));
    // Korean particles are chosen by regular expressions over Hangul, the ones the escaping rewrites.
    expect(built.stdout).toMatch(/[가-힣](을|를|이|가|은|는) /);
  });

  it("carries the build's parse of every shipped note, and a first start from it asks what a start with no cache asks", () => {
    const notes = shippedNotesDir();
    const files = readdirSync(notes)
      .filter((f) => /^\d+-.*\.md$/.test(f))
      .map((f) => ({ file: join(notes, f), sha256: sha256(readFileSync(join(notes, f))) }));
    const seed = openSeed(join(ROOT, 'dist', 'notes-seed.json'), VERSION);
    expect(seed?.image(files)?.noteOf.size).toBe(files.length);
    expect(existsSync(join(ROOT, 'dist', 'code-seed.v8'))).toBe(true);
    const args = ['questions', '--topic', 'vpc,ec2', '--count', '25', '--seed', 'first', '--json'];
    const first = spawnSync(process.execPath, [BIN, ...args], { env: cliEnv({ XDG_CACHE_HOME: join(dir, 'fresh') }), encoding: 'utf8' });
    const uncached = spawnSync(process.execPath, [BIN, ...args], { env: cliEnv({ SAA_NO_CACHE: '1' }), encoding: 'utf8' });
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(uncached.stdout);
    expect(existsSync(join(dir, 'fresh', 'saa', 'notes.json'))).toBe(true);
    expect(existsSync(join(dir, 'fresh', 'saa', 'code', 'questions.v8'))).toBe(true);
  });

  it('covers every command of the program with its own cache file', () => {
    const help = spawnSync(process.execPath, [BIN, 'help'], { env: cliEnv(), encoding: 'utf8' }).stdout;
    const section = help.slice(help.indexOf('\nCommands:\n'), help.indexOf('\n\n', help.indexOf('\nCommands:\n') + 1));
    const commands = [...section.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(commands.length).toBeGreaterThan(10);
    expect([...commands].sort()).toEqual([...CACHED_COMMANDS].sort());
  });

  it('starts from a damaged code cache as from none, and leaves a good one', () => {
    const env = cliEnv({ XDG_CACHE_HOME: join(dir, 'cache'), SAA_DB: join(dir, 'h.db') });
    const run = () => spawnSync(process.execPath, [BIN, 'topics'], { env, encoding: 'utf8' });
    const first = run();
    expect(first.status).toBe(0);
    const codeDir = join(dir, 'cache', 'saa', 'code');
    expect(readdirSync(codeDir)).toEqual(['topics.v8']);
    const cacheFile = join(codeDir, 'topics.v8');
    const good = readFileSync(cacheFile);
    const bad = Buffer.from(good);
    bad.fill(0x5a, 200, 4000);
    writeFileSync(cacheFile, bad);
    const second = run();
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe('');
    expect(readFileSync(cacheFile).equals(bad)).toBe(false);
    expect(run().stdout).toBe(first.stdout);
  });
});
