#!/usr/bin/env node
/**
 * `npm run bench`: speed and memory of saa, each figure printed with its target and, for whole
 * commands, its ratio to plain Node measured in the same run. Medians of repeated runs.
 * It is a measurement, not a test: `npm test` never times anything.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pty from 'node-pty';
import { syntheticNote } from './bench-notes.mjs';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const bin = join(root, 'bin', 'saa.js');
const lib = await import(join(root, 'dist', 'lib.js'));
const work = mkdtempSync(join(tmpdir(), 'saa-bench-'));
// The floor a user has: a machine-wide NODE_EXTRA_CA_CERTS or NODE_OPTIONS slows every Node start
// (a certificate bundle read, extra flags) and would flatter every ratio, so both sides run without them.
const removed = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS'].filter((k) => process.env[k] !== undefined);
const clean = { ...process.env };
for (const k of removed) delete clean[k];
const env = { ...clean, NO_COLOR: '1', SAA_DB: join(work, 'bench.db'), SAA_NOTES: '', XDG_CACHE_HOME: join(work, 'cache') };
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const timeIt = (fn, runs = 5) => {
  const times = [];
  let value;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), value };
};

const rows = [];
function report(name, value, unit, target, pass, note = '') {
  rows.push({ name, pass });
  const verdict = pass === null ? '    ' : pass ? 'PASS' : 'FAIL';
  console.log(`${verdict}  ${name.padEnd(44)} ${value.toFixed(1).padStart(9)} ${unit.padEnd(3)} ${target.padEnd(14)} ${note}`);
}

function timeCommand(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return performance.now() - t0;
}

/**
 * Each round runs `node -e 0` and then each command, so every ratio is paired with the floor of
 * its own round and machine noise hits both sides alike. Returns, per command, the times and the
 * per-round ratios.
 */
function paired(commands, runs = RUNS) {
  const floor = [];
  const out = commands.map(() => ({ ms: [], ratio: [] }));
  for (let i = 0; i < runs; i++) {
    const base = timeCommand(['-e', '0']);
    floor.push(base);
    for (const [k, args] of commands.entries()) {
      const ms = typeof args === 'function' ? args() : timeCommand(args);
      out[k].ms.push(ms);
      out[k].ratio.push(ms / base);
    }
  }
  return { floor, out };
}

const spread = (xs, digits = 2) => `min ${Math.min(...xs).toFixed(digits)} · median ${median(xs).toFixed(digits)} · max ${Math.max(...xs).toFixed(digits)}`;

/**
 * Milliseconds from spawn to the first question on screen, and that process's peak RSS. The
 * process is killed there, so it leaves no code cache; with `end`, it is stopped with Ctrl-C as a
 * person would and so saves one (bundle-loader.ts), as any first run of a command does.
 */
function firstQuestion(extraEnv = {}, args = ['quiz', '--topic', 's3', '--count', '10', '--seed', 'bench'], end = false) {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = pty.spawn(process.execPath, [bin, ...args], { cols: 120, rows: 40, env: { ...env, ...extraEnv } });
    let out = '';
    let ms = NaN;
    let peakMb = NaN;
    const timer = setTimeout(() => fail(new Error(`no question after 10 s:\n${out}`)), 10_000);
    child.onExit(() => {
      clearTimeout(timer);
      done({ ms, peakMb });
    });
    child.onData((d) => {
      out += d;
      if (!Number.isNaN(ms) || !out.includes('❯')) return;
      ms = performance.now() - t0;
      try {
        peakMb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024;
      } catch {}
      if (end) child.write('\u0003');
      else child.kill('SIGKILL');
    });
  });
}

function writeNotes(count) {
  const dir = join(work, `notes-${count}`);
  mkdirSync(dir);
  for (let n = 1; n <= count; n++) writeFileSync(join(dir, `${String(n).padStart(5, '0')}-gen-${n}.md`), syntheticNote(n));
  return dir;
}

/** Milliseconds from spawn to the first question of a 65-question mock exam on screen (each in a new history). */
async function firstExamQuestion(end = false) {
  const db = join(work, `exam-${Math.random().toString(36).slice(2)}.db`);
  return (await firstQuestion({ SAA_DB: db }, ['exam', '--seed', 'bench'], end)).ms;
}

/** Runs `measure` (async) once per round, paired with a `node -e 0` of the same round. */
async function pairedAsync(measure, runs) {
  const ratio = [];
  const ms = [];
  const extra = [];
  for (let i = 0; i < runs; i++) {
    const base = timeCommand(['-e', '0']);
    const r = await measure(i);
    const t = typeof r === 'number' ? r : r.ms;
    ms.push(t);
    ratio.push(t / base);
    extra.push(r);
  }
  return { ms, ratio, extra };
}

try {
  console.log(`saa bench · node ${process.version} · ${RUNS} paired rounds · ${process.platform} ${process.arch}`);
  console.log(
    `environment: ${removed.length ? `${removed.join(' and ')} removed from both sides (they slow every Node start)` : 'no NODE_EXTRA_CA_CERTS or NODE_OPTIONS set'}; NO_COLOR=1; caches (notes, compiled code) in a fresh folder; "cache cold" is a first start, with the build's seeds (dist/notes-seed.json, dist/code-seed.v8)\n`,
  );
  console.log(`      ${'figure'.padEnd(44)} ${'median'.padStart(9)}     ${'target'.padEnd(14)} ratio to node -e 0 (per round)`);

  // 1. Start-up against the floor, paired round by round.
  const start = paired([
    [bin, '--help'],
    [bin, '--version'],
  ]);
  const [help, version] = start.out;
  report('node -e 0 (the floor, same rounds)', median(start.floor), 'ms', '-', null, spread(start.floor, 1) + ' ms');
  report('saa --help', median(help.ms), 'ms', '≤ 1.5× node', median(help.ratio) <= 1.5, spread(help.ratio));
  report('saa --version', median(version.ms), 'ms', '≤ 1.5× node', median(version.ratio) <= 1.5, spread(version.ratio));

  // 2. A quiz on the shipped notes: first question with no cache at all (a first start), then warm; peak memory.
  const cold = await pairedAsync(
    async () => {
      rmSync(join(work, 'cache'), { recursive: true, force: true });
      return firstQuestion();
    },
    Math.min(RUNS, 10),
  );
  report('quiz: first question, cache cold', median(cold.ms), 'ms', '≤ 4× node', median(cold.ratio) <= 4, spread(cold.ratio));
  // The same with the build's seeds put aside (dist/notes-seed.json, dist/code-seed.v8): a package
  // built elsewhere has no code seed that fits, and a user's own notes are not in the notes seed.
  const seeds = ['notes-seed.json', 'code-seed.v8'].map((f) => join(root, 'dist', f)).filter((f) => existsSync(f));
  for (const f of seeds) renameSync(f, `${f}.aside`);
  let bare;
  try {
    bare = await pairedAsync(
      async () => {
        rmSync(join(work, 'cache'), { recursive: true, force: true });
        return firstQuestion();
      },
      Math.min(RUNS, 10),
    );
  } finally {
    for (const f of seeds) renameSync(`${f}.aside`, f);
  }
  report('quiz: first question, no cache and no seeds', median(bare.ms), 'ms', '-', null, spread(bare.ratio));
  // The first run a person ends (not killed) saves the code cache; every warm start has it.
  await firstQuestion({}, undefined, true);
  const warm = await pairedAsync(() => firstQuestion(), Math.min(RUNS, 10));
  report('quiz: first question, cache warm', median(warm.ms), 'ms', '≤ 2× node', median(warm.ratio) <= 2, spread(warm.ratio));
  // An edit to one note of the user's: the next start parses that note and takes the others from the cache.
  const userNotes = join(work, 'user-notes');
  mkdirSync(userNotes);
  const userNote = join(userNotes, '41-mine.md');
  writeFileSync(userNote, syntheticNote(1));
  await firstQuestion({ SAA_NOTES: userNotes });
  const edited = await pairedAsync(
    async (i) => {
      writeFileSync(userNote, `${syntheticNote(1)}\nEdit ${i}.\n`);
      return firstQuestion({ SAA_NOTES: userNotes });
    },
    Math.min(RUNS, 10),
  );
  report('quiz: first question, one note just edited', median(edited.ms), 'ms', '-', null, spread(edited.ratio));
  const peak = Math.max(...[...cold.extra, ...warm.extra].map((f) => f.peakMb));
  report('quiz: peak memory (RSS, max of runs)', peak, 'MB', '≤ 60 MB', peak <= 60);
  // Apart, since the cold start (which parses every note) sets the maximum above.
  report('quiz: peak memory, cache warm (median)', median(warm.extra.map((f) => f.peakMb)), 'MB', '-', null);
  await firstExamQuestion(true);
  const exam = await pairedAsync(() => firstExamQuestion(), Math.min(RUNS, 10));
  report('exam: first of 65 questions, cache warm', median(exam.ms), 'ms', '≤ 2.5× node', median(exam.ratio) <= 2.5, spread(exam.ratio));

  // 3. Loading and validating notes, cold (parsed) and warm (from the notes cache), growing linearly.
  const perFact = [];
  for (const notes of [67, 667, 2000]) {
    const dir = writeNotes(notes);
    const cold = timeIt(() => lib.loadDeck([{ dir, shipped: true }], { validate: true }), 3);
    const facts = cold.value.deck.facts.length;
    const errors = cold.value.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors) throw new Error(`generated notes have ${errors} errors: ${JSON.stringify(cold.value.diagnostics[0])}`);
    const cacheEnv = { XDG_CACHE_HOME: join(work, `cache-${notes}`) };
    await lib.loadDeckCached([{ dir, shipped: true }], { env: cacheEnv, version: 'bench' });
    const warmTimes = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const r = await lib.loadDeckCached([{ dir, shipped: true }], { env: cacheEnv, version: 'bench' });
      // A cached deck parses its notes when they are first asked for: the figure includes asking for every fact.
      const loaded = r.deck.facts.length;
      warmTimes.push(performance.now() - t0);
      if (!r.fromCache || loaded !== facts) throw new Error('the warm load did not come from the cache');
    }
    const warmMs = median(warmTimes);
    perFact.push({ cold: cold.ms / facts, warm: warmMs / facts });
    const big = notes === 2000;
    const label = `${facts.toLocaleString('en')} facts`;
    report(
      `load + validate ${label}, cold`,
      cold.ms,
      'ms',
      big ? '≤ 600 ms' : '-',
      big ? cold.ms <= 600 : null,
      `${((cold.ms / facts) * 1000).toFixed(1)} µs/fact`,
    );
    report(`load ${label}, warm (cache)`, warmMs, 'ms', big ? '≤ 100 ms' : '-', big ? warmMs <= 100 : null, `${((warmMs / facts) * 1000).toFixed(1)} µs/fact`);
    if (big) {
      const deck = cold.value.deck;
      const topicIds = deck.topics.map((t) => t.id);
      const exam = timeIt(() => lib.buildExam(deck, { topicIds, total: 65 }, lib.createRng('bench')), 5);
      if (exam.value.length !== 65) throw new Error(`exam has ${exam.value.length} questions`);
      report(`65-question exam from ${label}`, exam.ms, 'ms', '< 50 ms', exam.ms < 50);
    }
  }
  const growCold = perFact.at(-1).cold / perFact[0].cold;
  const growWarm = perFact.at(-1).warm / perFact[0].warm;
  report('per-fact cost, cold, 60,000 vs 2,000 facts', growCold, '×', '≤ 2× (linear)', growCold <= 2);
  report('per-fact cost, warm, 60,000 vs 2,000 facts', growWarm, '×', '≤ 2× (linear)', growWarm <= 2);

  // 4. Committing answers.
  const store = lib.Store.open(join(work, 'commit.db'));
  const sid = store.startSession({ uuid: 'b', kind: 'quiz', startedAt: Date.now(), lang: 'en', seed: '1', filters: {}, questionCount: 2000 });
  const lat = [];
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now();
    store.recordAnswer({
      uuid: `a${i}`,
      sessionId: sid,
      position: i,
      factId: `s3.g.f${i % 50}`,
      topicId: 's3',
      questionId: 'q',
      questionKind: 'cloze',
      format: 'mc',
      chosen: 'x',
      correctAnswer: 'x',
      isCorrect: i % 3 !== 0,
      answeredAt: Date.now(),
      elapsedMs: 1000,
    });
    lat.push(performance.now() - t0);
  }
  store.close();
  report('answer commit p50 (2,000 answers, synchronous=FULL)', percentile(lat, 50), 'ms', '-', null);
  report('answer commit p99', percentile(lat, 99), 'ms', '< 5 ms', percentile(lat, 99) < 5);

  // 5. Stats over 1,000,000 answers on the shipped notes.
  const shipped = lib.loadDeck([{ dir: join(root, 'notes'), shipped: true }]).deck;
  const big = lib.Store.open(join(work, 'history.db'));
  const now = Date.now();
  const facts = shipped.facts;
  const ANSWERS = 1_000_000;
  big.write(() => {
    const session = big.startSession({ uuid: 'h', kind: 'quiz', startedAt: now, lang: 'en', seed: '1', filters: {}, questionCount: ANSWERS });
    const insert = big.db.prepare(
      `INSERT INTO answers (uuid, session_id, position, fact_id, topic_id, question_id, question_kind, format, chosen, correct_answer,
         is_correct, answered_at, elapsed_ms) VALUES (?, ?, ?, ?, ?, 'q', 'term-desc', 'mc', 'a', 'a', ?, ?, 3000)`,
    );
    for (let i = 0; i < ANSWERS; i++) {
      const f = facts[(i * 7919) % facts.length];
      insert.run(`h${i}`, session, i, f.id, f.topicId, (i * 31) % 10 < 7 ? 1 : 0, now - ((i * 104729) % (180 * 86_400_000)));
    }
  });
  // A review card for every fact, made by answering it twice as a learner would; then the weekly
  // tallies recomputed from the whole log (replaying a million answers through FSRS is not needed to read stats).
  const session = big.startSession({ uuid: 'c', kind: 'quiz', startedAt: now, lang: 'en', seed: '1', filters: {}, questionCount: facts.length * 2 });
  facts.forEach((f, i) => {
    for (const k of [0, 1]) {
      big.recordAnswer({
        uuid: `c${i}-${k}`,
        sessionId: session,
        position: i * 2 + k,
        factId: f.id,
        topicId: f.topicId,
        questionId: 'q',
        questionKind: 'term-desc',
        format: 'mc',
        chosen: 'a',
        correctAnswer: 'a',
        isCorrect: (i + k) % 3 !== 0,
        answeredAt: now - (2 - k) * 86_400_000,
        elapsedMs: 3000,
      });
    }
  });
  big.db.exec(lib.STATS_SQL.rebuildWeeks);
  const stats = timeIt(() => lib.statsFrom(shipped, big, now), 7);
  const answered = stats.value.totals.answered;
  report(`stats over ${answered.toLocaleString('en')} answers`, stats.ms, 'ms', '≤ 50 ms', stats.ms <= 50 && answered >= ANSWERS);
  big.close();

  const failed = rows.filter((r) => r.pass === false).length;
  console.log(`\n${rows.filter((r) => r.pass === true).length} within target, ${failed} over target`);
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
