#!/usr/bin/env node
/**
 * `npm run bench`: speed and memory of the built CLI, each figure with its target and the
 * ratio to plain Node measured in the same run. Medians of repeated runs; never part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pty from 'node-pty';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const bin = join(root, 'bin', 'saa.js');
const work = mkdtempSync(join(tmpdir(), 'saa-bench-'));
const env = { ...process.env, NO_COLOR: '1', SAA_DB: join(work, 'bench.db'), SAA_NOTES: '' };
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

function timeCommand(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return performance.now() - t0;
}

/** Runs the commands in turn, RUNS rounds, so machine noise hits all of them alike. */
function interleaved(commands) {
  const times = commands.map(() => []);
  for (let i = 0; i < RUNS; i++) commands.forEach((args, k) => times[k].push(timeCommand(args)));
  return times.map(median);
}

/** Milliseconds from spawn to the first question's prompt, and the peak RSS of that process. */
function firstQuestion() {
  return new Promise((resolveRun, reject) => {
    const t0 = performance.now();
    const child = pty.spawn(process.execPath, [bin, 'quiz', '--topic', 's3', '--count', '10', '--seed', 'bench'], {
      cols: 120,
      rows: 40,
      env,
    });
    let out = '';
    let done = false;
    const timer = setTimeout(() => reject(new Error(`no question after 10 s:\n${out}`)), 10_000);
    child.onData((d) => {
      out += d;
      if (!done && out.includes('❯')) {
        done = true;
        const ms = performance.now() - t0;
        let peakKb = NaN;
        try {
          peakKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
        } catch {}
        clearTimeout(timer);
        child.kill('SIGKILL');
        resolveRun({ ms, peakMb: peakKb / 1024 });
      }
    });
  });
}

async function commitLatencies(n) {
  const { Store } = await import(join(root, 'dist', 'store.js')).catch(() => ({}));
  if (!Store) return null;
  const store = Store.open(join(work, 'commit.db'));
  const id = store.startSession({ uuid: 'b', kind: 'quiz', startedAt: Date.now(), lang: 'en', seed: '1', filters: {}, questionCount: n });
  const lat = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    store.recordAnswer({
      uuid: `a${i}`, sessionId: id, position: i, factId: `s3.g.f${i % 50}`, topicId: 's3', questionId: 'q', questionKind: 'cloze',
      format: 'mc', chosen: 'x', correctAnswer: 'x', isCorrect: i % 3 !== 0, answeredAt: Date.now(), elapsedMs: 1000,
    });
    lat.push(performance.now() - t0);
  }
  store.close();
  return lat;
}

const rows = [];
function report(name, value, unit, target, pass, ratio) {
  rows.push({ name, value, unit, target, pass, ratio });
  const r = ratio === undefined ? '' : `  (${ratio.toFixed(2)}× node -e 0)`;
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${name.padEnd(34)} ${value.toFixed(1).padStart(8)} ${unit.padEnd(3)} target ${target}${r}`);
}

try {
  console.log(`saa bench: node ${process.version}, ${RUNS} runs each, median\n`);
  const [nodeMs, helpMs, versionMs, checkMs] = interleaved([
    ['-e', '0'],
    [bin, '--help'],
    [bin, '--version'],
    [bin, 'notes', 'check'],
  ]);
  report('node -e 0 (floor)', nodeMs, 'ms', '-', true);
  report('saa --help', helpMs, 'ms', '≤ 2× node', helpMs <= 2 * nodeMs, helpMs / nodeMs);
  report('saa --version', versionMs, 'ms', '≤ 2× node', versionMs <= 2 * nodeMs, versionMs / nodeMs);
  report('saa notes check (shipped notes)', checkMs, 'ms', '-', true, checkMs / nodeMs);

  const firsts = [];
  for (let i = 0; i < Math.min(RUNS, 10); i++) firsts.push(await firstQuestion());
  const fq = median(firsts.map((f) => f.ms));
  const peak = Math.max(...firsts.map((f) => f.peakMb));
  report('quiz: time to first question', fq, 'ms', '≤ 4× node', fq <= 4 * nodeMs, fq / nodeMs);
  report('quiz: peak memory (RSS)', peak, 'MB', '< 120 MB', peak < 120);

  const lat = await commitLatencies(2000);
  if (lat) {
    report('answer commit p50', percentile(lat, 50), 'ms', '-', true);
    report('answer commit p99', percentile(lat, 99), 'ms', '< 5 ms', percentile(lat, 99) < 5);
  }
  const failed = rows.filter((r) => !r.pass).length;
  console.log(`\n${rows.length - failed} within target, ${failed} over`);
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
