#!/usr/bin/env node
/**
 * `npm run bench`: speed and memory of saa, each figure printed with its target and, for whole
 * commands, its ratio to plain Node measured in the same run. Medians of repeated runs.
 * It is a measurement, not a test: `npm test` never times anything.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pty from 'node-pty';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const bin = join(root, 'bin', 'saa.js');
const lib = await import(join(root, 'dist', 'lib.js'));
const work = mkdtempSync(join(tmpdir(), 'saa-bench-'));
const env = { ...process.env, NO_COLOR: '1', SAA_DB: join(work, 'bench.db'), SAA_NOTES: '' };
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

/** The commands take turns for RUNS rounds, so machine noise hits all of them alike. */
function interleaved(commands) {
  const times = commands.map(() => []);
  for (let i = 0; i < RUNS; i++) for (const [k, args] of commands.entries()) times[k].push(timeCommand(args));
  return times.map(median);
}

/** Milliseconds from spawn to the first question on screen, and that process's peak RSS. */
function firstQuestion() {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = pty.spawn(process.execPath, [bin, 'quiz', '--topic', 's3', '--count', '10', '--seed', 'bench'], { cols: 120, rows: 40, env });
    let out = '';
    const timer = setTimeout(() => fail(new Error(`no question after 10 s:\n${out}`)), 10_000);
    child.onData((d) => {
      out += d;
      if (!out.includes('❯')) return;
      const ms = performance.now() - t0;
      let peakMb = NaN;
      try {
        peakMb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]) / 1024;
      } catch {}
      clearTimeout(timer);
      child.kill('SIGKILL');
      done({ ms, peakMb });
      out = '';
    });
  });
}

const DOMAINS = ['secure', 'resilient', 'performant', 'cost'];

/** A synthetic note of 30 facts: terms, a table, statements, clozes and scenarios, in both languages. */
function syntheticNote(n) {
  const id = `gen-${n}`;
  const lines = [
    '---',
    `id: ${id}`,
    `title: { en: Generated ${n}, ko: 생성 ${n} }`,
    `domains: [${DOMAINS[n % 4]}, ${DOMAINS[(n + 1) % 4]}]`,
    '---',
    '',
    `## Services ${n} // 서비스 ${n} {#svc}`,
    '',
  ];
  for (let i = 0; i < 8; i++) lines.push(`- **Service ${n}-${i}** :: does job ${i} of note ${n} // 노트 ${n}의 작업 ${i}`);
  for (let i = 0; i < 6; i++)
    lines.push(`- ? Need job ${i} done in note ${n} => Service ${n}-${i} // 노트 ${n}에서 작업 ${i} => Service ${n}-${i} {#pick-${i}}`);
  lines.push('', `## Limits ${n} // 한도 ${n} {#limits}`, '');
  for (let i = 0; i < 6; i++)
    lines.push(`- Limit ${i} of note ${n} is {{${(i + 1) * n + 1} GB}}. // 노트 ${n}의 한도 ${i}은 {{${(i + 1) * n + 1} GB}}. {#limit-${i}}`);
  for (let i = 0; i < 4; i++)
    lines.push(
      `- [${i % 2 ? 'T' : 'F'}] Claim ${i} of note ${n}.${i % 2 ? '' : ' => It is not.'} // 노트 ${n}의 주장 ${i}.${i % 2 ? '' : ' => 아니다.'} {#claim-${i}}`,
    );
  lines.push('', `| Tier // 등급 {#tiers} | Size // 크기 | Speed // 속도 |`, '|---|---|---|');
  for (let i = 0; i < 6; i++) lines.push(`| tier-${i} | ${i + 1} TB | ${(i + 1) * 100} MB/s |`);
  return lines.join('\n') + '\n';
}

function writeNotes(count) {
  const dir = join(work, `notes-${count}`);
  mkdirSync(dir);
  for (let n = 1; n <= count; n++) writeFileSync(join(dir, `${String(n).padStart(5, '0')}-gen-${n}.md`), syntheticNote(n));
  return dir;
}

try {
  console.log(`saa bench · node ${process.version} · medians of ${RUNS} runs unless noted\n`);
  console.log(`      ${'figure'.padEnd(44)} ${'value'.padStart(9)}     ${'target'.padEnd(14)} ratio / note`);

  // 1. Start-up against the floor.
  const [nodeMs, helpMs, versionMs] = interleaved([
    ['-e', '0'],
    [bin, '--help'],
    [bin, '--version'],
  ]);
  report('node -e 0 (the floor, same run)', nodeMs, 'ms', '-', null);
  report('saa --help', helpMs, 'ms', '≤ 2× node', helpMs <= 2 * nodeMs, `${(helpMs / nodeMs).toFixed(2)}× node`);
  report('saa --version', versionMs, 'ms', '≤ 2× node', versionMs <= 2 * nodeMs, `${(versionMs / nodeMs).toFixed(2)}× node`);

  // 2. A quiz on the shipped notes: time to the first question, peak memory.
  const firsts = [];
  for (let i = 0; i < Math.min(RUNS, 10); i++) firsts.push(await firstQuestion());
  const fq = median(firsts.map((f) => f.ms));
  report('quiz: time to first question', fq, 'ms', '≤ 4× node', fq <= 4 * nodeMs, `${(fq / nodeMs).toFixed(2)}× node`);
  const peak = Math.max(...firsts.map((f) => f.peakMb));
  report('quiz: peak memory (RSS, max of runs)', peak, 'MB', '< 120 MB', peak < 120);

  // 3. Loading and validating notes, growing linearly.
  const perFact = [];
  for (const notes of [7, 67, 667, 2000]) {
    const dir = writeNotes(notes);
    const { ms, value } = timeIt(() => lib.loadDeck([{ dir, shipped: true }], { validate: true }), notes >= 667 ? 3 : 5);
    const facts = value.deck.facts.length;
    const errors = value.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors) throw new Error(`generated notes have ${errors} errors: ${JSON.stringify(value.diagnostics[0])}`);
    perFact.push(ms / facts);
    const target = notes === 2000 ? '< 1500 ms' : '-';
    report(
      `load + validate ${notes} notes (${facts.toLocaleString('en')} facts)`,
      ms,
      'ms',
      target,
      notes === 2000 ? ms < 1500 : null,
      `${((ms / facts) * 1000).toFixed(1)} µs/fact`,
    );
    if (notes === 2000) {
      const deck = value.deck;
      const topicIds = deck.topics.map((t) => t.id);
      const exam = timeIt(() => lib.buildExam(deck, { topicIds, total: 65 }, lib.createRng('bench')), 5);
      if (exam.value.length !== 65) throw new Error(`exam has ${exam.value.length} questions`);
      report(`65-question exam from ${facts.toLocaleString('en')} facts`, exam.ms, 'ms', '< 50 ms', exam.ms < 50);
    }
  }
  const growth = perFact.at(-1) / perFact[1];
  report('per-fact cost, 60,000 vs 2,000 facts', growth, '×', '≤ 2× (linear)', growth <= 2);

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

  // 5. Stats over 200,000 answers on the shipped notes.
  const shipped = lib.loadDeck([{ dir: join(root, 'notes'), shipped: true }]).deck;
  const big = lib.Store.open(join(work, 'history.db'));
  const now = Date.now();
  const facts = shipped.facts;
  big.write(() => {
    const session = big.startSession({ uuid: 'h', kind: 'quiz', startedAt: now, lang: 'en', seed: '1', filters: {}, questionCount: 200_000 });
    const insert = big.db.prepare(
      `INSERT INTO answers (uuid, session_id, position, fact_id, topic_id, question_id, question_kind, format, chosen, correct_answer,
         is_correct, answered_at, elapsed_ms) VALUES (?, ?, ?, ?, ?, 'q', 'term-desc', 'mc', 'a', 'a', ?, ?, 3000)`,
    );
    for (let i = 0; i < 200_000; i++) {
      const f = facts[(i * 7919) % facts.length];
      insert.run(`h${i}`, session, i, f.id, f.topicId, (i * 31) % 10 < 7 ? 1 : 0, now - ((i * 104729) % (180 * 86_400_000)));
    }
  });
  // Review cards and weekly tallies from that log, as answering would have built them one by one.
  big.rebuildFromLog();
  const stats = timeIt(() => lib.statsFrom(shipped, big, now), 7);
  const answered = stats.value.totals.answered;
  report(`stats over ${answered.toLocaleString('en')} answers`, stats.ms, 'ms', '< 100 ms', stats.ms < 100 && answered >= 200_000);
  big.close();

  const failed = rows.filter((r) => r.pass === false).length;
  console.log(`\n${rows.filter((r) => r.pass === true).length} within target, ${failed} over target`);
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
