/** `saa exam`: a timed mock exam in the SAA-C03 format, with flags, a review screen and resume. */
import { randomUUID } from 'node:crypto';
import {
  EXAM_MINUTES,
  EXAM_QUESTIONS,
  EXTRA_MINUTES,
  buildExam,
  checkBlueprint,
  gradeExam,
  progress,
  remainingMs,
  startExam,
  type ExamResult,
} from '../../core/exam.js';
import { createRng } from '../../core/random.js';
import { pick } from '../../core/text.js';
import type { Deck, Lang } from '../../core/types.js';
import { resolveLang } from '../../io/locale.js';
import { createExam, markExam, saveExamClock, saveExamItem, submitExam, unfinishedExam, type StoredExam } from '../../io/exam-store.js';
import type { Store } from '../../io/store.js';
import { loadStudyDeck } from '../deck-loader.js';
import { DataError, Interrupted, UsageError } from '../errors.js';
import { clock, examStrings, type ExamStrings } from '../exam-strings.js';
import { openStore } from '../open-store.js';
import { choose } from '../prompts.js';
import { bar, clean, formatDate, makeChalk, percent } from '../render.js';
import { table } from '../table.js';
import { strings } from '../strings.js';
import { timedChoose } from '../timed-prompt.js';
import { selectTopics } from '../topic-filter.js';

export interface ExamOptions {
  questions?: number;
  minutes?: number;
  topic?: string;
  seed?: string;
  lang?: string;
  extraTime?: boolean;
  resume?: boolean;
  notes?: string;
  db?: string;
}

const MINUTE = 60_000;

export async function run(opts: ExamOptions): Promise<void> {
  const lang = resolveLang(opts.lang, process.env);
  const e = examStrings(lang);
  if (!process.stdin.isTTY) throw new UsageError(strings(lang).needTty('exam'));
  const deck = loadStudyDeck(opts.notes);
  const store = openStore(opts.db);
  try {
    const existing = unfinishedExam(store, Date.now());
    if (opts.resume) {
      if (!existing) throw new UsageError(e.resumeNothing);
      return await sit(store, existing, lang);
    }
    if (existing) {
      const p = progress(existing.state);
      const left = clock(remainingMs(existing.state, Date.now()));
      const what = await choose(e.unfinished(formatDate(existing.startedAt), p.answered, existing.state.questions.length, left), [
        { label: e.resumeIt },
        { label: e.abandonIt },
        { label: e.cancel },
      ]);
      if (what === 0) return await sit(store, existing, lang);
      if (what === 2) return;
      markExam(store, existing.sessionId, 'abandoned', Date.now());
    }
    const exam = newExam(store, deck, opts, lang, e);
    await sit(store, exam, lang);
  } finally {
    store.close();
  }
}

function newExam(store: Store, deck: Deck, opts: ExamOptions, lang: Lang, e: ExamStrings): StoredExam {
  const topics = selectTopics(deck, opts.topic, lang);
  const total = opts.questions ?? EXAM_QUESTIONS;
  // A shorter mock keeps the real pace (2 minutes a question) unless --minutes says otherwise.
  const minutes = (opts.minutes ?? Math.round((EXAM_MINUTES * total) / EXAM_QUESTIONS)) + (opts.extraTime ? EXTRA_MINUTES : 0);
  const check = checkBlueprint(deck, topics, total);
  if (check.shortfalls.length > 0) {
    const names = strings(lang).domainNames;
    throw new DataError(
      [e.cannotFill(total), ...check.shortfalls.map((s) => e.shortfall(names[s.domain] ?? s.domain, s.needed, s.available)), e.largest(check.largest)].join(
        '\n',
      ),
    );
  }
  const seed = opts.seed ?? randomUUID().slice(0, 8);
  const questions = buildExam(deck, { topicIds: topics, total }, createRng(seed));
  const now = Date.now();
  const limitMs = minutes * MINUTE;
  const uuid = randomUUID();
  const sessionId = createExam(store, { uuid, startedAt: now, lang, seed, topics }, questions, limitMs);
  return { sessionId, uuid, startedAt: now, lang, seed, status: 'active', state: startExam(questions, limitMs, now), result: null };
}

/** One sitting: from the current question until submission, time-out or Ctrl-C. */
async function sit(store: Store, exam: StoredExam, lang: Lang): Promise<void> {
  const e = examStrings(lang);
  const c = makeChalk();
  const { state } = exam;
  const n = state.questions.length;
  const saveClock = () => saveExamClock(store, exam.sessionId, state, Date.now());
  if (state.usedMs > 0) process.stdout.write(`${e.resuming(state.current + 1, clock(remainingMs(state, Date.now())))}\n`);

  const header = (i: number) => (left: number) => {
    const line = e.header(i + 1, n, clock(left), state.flagged[i] === true);
    // The 10-minute warning means something only in an exam longer than that.
    const warn = left <= MINUTE ? c.red.bold(e.warn1) : left <= 10 * MINUTE && state.limitMs > 10 * MINUTE ? c.yellow.bold(e.warn10) : '';
    return warn ? `${c.dim(line)}  ${warn}` : c.dim(line);
  };

  let timedOut = false;
  // The question to go back to from the review screen.
  let returnTo = Math.min(state.current, n - 1);
  try {
    for (;;) {
      if (remainingMs(state, Date.now()) <= 0) {
        timedOut = true;
        break;
      }
      const reviewing = state.current >= n;
      if (reviewing) {
        const p = progress(state);
        const items = state.questions.map((q, i) =>
          e.item(i + 1, state.chosen[i] !== null, state.flagged[i] === true, oneLine(clean(pick(q.prompt, lang)))),
        );
        const back = returnTo;
        const action = await timedChoose({
          header: (left) => c.dim(e.reviewHeader(clock(left))),
          message: e.reviewTitle(p.answered, p.unanswered, p.flagged),
          choices: [e.submit, e.back(back + 1), ...items],
          pick: 1,
          chosen: [],
          remainingMs: () => remainingMs(state, Date.now()),
          questionKeys: false,
          numbered: false,
          help: e.reviewHelp,
          pickError: e.pickError,
          onTick: saveClock,
        });
        if (action.type === 'timeout') {
          timedOut = true;
          break;
        }
        if (action.type !== 'answer') continue;
        const k = action.chosen[0] ?? 1;
        if (k === 0) break;
        state.current = k === 1 ? back : k - 2;
        saveClock();
        continue;
      }

      const i = state.current;
      const q = state.questions[i];
      if (!q) break;
      returnTo = i;
      const action = await timedChoose({
        header: header(i),
        message: clean(pick(q.prompt, lang)),
        choices: q.options.map((o) => clean(pick(o.text, lang))),
        pick: q.answers.length,
        chosen: state.chosen[i] ?? [],
        remainingMs: () => remainingMs(state, Date.now()),
        questionKeys: true,
        help: q.answers.length > 1 ? e.helpMulti : e.help,
        pickError: e.pickError,
        onTick: saveClock,
      });
      switch (action.type) {
        case 'answer':
          state.chosen[i] = action.chosen;
          state.current = i + 1;
          saveExamItem(store, exam.sessionId, i, state, Date.now());
          break;
        case 'flag':
          state.flagged[i] = !state.flagged[i];
          saveExamItem(store, exam.sessionId, i, state, Date.now());
          break;
        case 'next':
          state.current = i + 1;
          saveClock();
          break;
        case 'prev':
          state.current = Math.max(0, i - 1);
          saveClock();
          break;
        case 'review':
          state.current = n;
          saveClock();
          break;
        case 'timeout':
          timedOut = true;
          break;
      }
      if (timedOut) break;
    }
  } catch (err) {
    if (err instanceof Interrupted) {
      const now = Date.now();
      saveExamClock(store, exam.sessionId, state, now);
      markExam(store, exam.sessionId, 'interrupted', now);
      const p = progress(state);
      process.stdout.write(`\n${e.paused(p.answered, n, clock(remainingMs(state, now)))}\n`);
    }
    throw err;
  }

  const now = Date.now();
  if (timedOut) process.stdout.write(`${c.yellow(e.timeUp)}\n`);
  const result = gradeExam(state, now, timedOut);
  submitExam(store, exam, result, now, randomUUID);
  process.stdout.write(renderResult(result, exam, lang));
}

/** A question in one line for the review screen: its last line is the part that tells it apart. */
function oneLine(text: string): string {
  const lines = text.split('\n').filter((l) => l.trim());
  const flat = (lines.at(-1) ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, 89)}…` : flat;
}

export function renderResult(r: ExamResult, exam: StoredExam, lang: Lang): string {
  const e = examStrings(lang);
  const c = makeChalk();
  const names = strings(lang).domainNames;
  const share = (a: { questions: number; correct: number }) => (a.questions ? a.correct / a.questions : 0);
  const row = (label: string, a: { questions: number; correct: number }) => [
    label,
    String(a.questions),
    String(a.correct),
    `${bar(share(a))} ${percent(a.questions ? share(a) : null)}`,
  ];
  const out = [
    '',
    c.bold(e.resultTitle),
    r.pass ? c.green.bold(e.score(r.score, true)) : c.red.bold(e.score(r.score, false)),
    e.correct(r.correct, r.questions, r.unanswered),
    e.timeUsed(clock(r.usedMs), clock(exam.state.limitMs)),
    c.dim(e.estimateNote),
    '',
    table(
      e.domainHeader,
      (Object.entries(r.domains) as [string, { questions: number; correct: number }][]).map(([d, a]) => row(names[d] ?? d, a)),
      ['l', 'r', 'r', 'l'],
    ),
    '',
    table(
      e.topicHeader,
      Object.entries(r.topics)
        .sort((a, b) => share(a[1]) - share(b[1]) || a[0].localeCompare(b[0]))
        .map(([t, a]) => row(t, a)),
      ['l', 'r', 'r', 'l'],
    ),
    '',
    e.reviewHint(exam.sessionId),
  ];
  return `${out.join('\n')}\n`;
}
