/** `saa exam`: a timed mock exam in the SAA-C03 format, with flags, a review screen, resume, and `--print`. */
import { progress, remainingMs, startExam } from '../../core/exam/state.js';
import { createExam, markExam, type StoredExam, unfinishedExam } from '../../io/exam-store.js';
import { resolveLang } from '../../io/locale.js';
import type { Store } from '../../io/store.js';
import type { Context } from '../context.js';
import { loadStudyDeck } from '../deck-loader.js';
import { UsageError } from '../errors.js';
import { type ExamPlanOptions, planExam, planNotes } from '../exam-plan.js';
import { sit } from '../exam-sitting.js';
import { clock, examStrings } from '../exam-strings.js';
import { openStore } from '../open-store.js';
import { formatDate, makeChalk } from '../render/render.js';
import { strings } from '../strings.js';

export interface ExamOptions extends ExamPlanOptions {
  lang?: string;
  resume?: boolean;
  print?: boolean;
  json?: boolean;
  notes?: string;
  /** False with --no-cache. */
  cache?: boolean;
  db?: string;
}

const MINUTE = 60_000;

export async function run(opts: ExamOptions, ctx: Context): Promise<number> {
  const lang = resolveLang(opts.lang, ctx.env);
  const e = examStrings(lang);
  if (opts.print) return (await import('./exam-print.js')).run(opts, ctx);
  if (opts.json) throw new UsageError(e.jsonNeedsPrint);
  if (!ctx.stdin.isTTY) throw new UsageError(strings(lang).needTty('exam'));
  const deck = await loadStudyDeck(opts.notes, ctx, opts.cache);
  const store = openStore(opts.db, ctx);
  try {
    const existing = unfinishedExam(store, ctx.now());
    if (opts.resume) {
      if (!existing) throw new UsageError(e.resumeNothing);
      return await sit(store, existing, lang, ctx);
    }
    if (existing) {
      const p = progress(existing.state);
      const left = clock(remainingMs(existing.state, ctx.now()));
      const [what] = await ctx.prompts.choose({
        message: e.unfinished(formatDate(existing.startedAt), p.answered, existing.state.questions.length, left),
        choices: [e.resumeIt, e.abandonIt, e.cancel],
        help: strings(lang).help,
        pickError: strings(lang).pickError,
      });
      if (what === 0) return await sit(store, existing, lang, ctx);
      if (what === 2) return 0;
      markExam(store, existing.sessionId, 'abandoned', ctx.now());
    }
    return await sit(store, newExam(store, deck, opts, lang, ctx), lang, ctx);
  } finally {
    store.close();
  }
}

function newExam(store: Store, deck: Parameters<typeof planExam>[0], opts: ExamOptions, lang: 'en' | 'ko', ctx: Context): StoredExam {
  const plan = planExam(deck, opts, lang, opts.seed ?? ctx.uuid().slice(0, 8));
  for (const line of planNotes(plan, lang)) ctx.stdout.write(`${makeChalk(ctx.stdout, ctx.env).yellow(line)}\n`);
  const now = ctx.now();
  const limitMs = plan.limitMinutes * MINUTE;
  const uuid = ctx.uuid();
  const { sessionId, number } = createExam(store, { uuid, startedAt: now, lang, seed: plan.seed, topics: plan.topics }, plan.questions, limitMs);
  const state = startExam(plan.questions, limitMs, now);
  return { sessionId, number, uuid, startedAt: now, lang, seed: plan.seed, status: 'active', state, result: null };
}
