/** `saa review`: the facts the scheduler says are due, most overdue first. */
import { dueFacts } from '../../core/drill.js';
import { questionsForFacts } from '../../core/quiz.js';
import { createRng } from '../../core/random.js';
import { resolveLang } from '../../io/locale.js';
import type { Context } from '../context.js';
import { loadStudyDeck } from '../deck-loader.js';
import { UsageError } from '../errors.js';
import { openStore } from '../open-store.js';
import { formatWhen } from '../render/render.js';
import { runQuestions } from '../session-runner.js';
import { strings } from '../strings.js';

export interface ReviewOptions {
  limit: number;
  seed?: string;
  lang?: string;
  notes?: string;
  /** False with --no-cache. */
  cache?: boolean;
  db?: string;
}

export async function run(opts: ReviewOptions, ctx: Context): Promise<number> {
  const lang = resolveLang(opts.lang, ctx.env);
  const s = strings(lang);
  if (!ctx.stdin.isTTY) throw new UsageError(s.needTty('review'));
  const deck = await loadStudyDeck(opts.notes, ctx, opts.cache);
  const store = openStore(opts.db, ctx);
  try {
    const now = ctx.now();
    const due = store.dueCards(now).filter((c) => deck.factsById.has(c.factId));
    if (due.length === 0) {
      const next = store.nextDue(now);
      ctx.stdout.write(`${s.nothingDue(next ? formatWhen(next.due, now, lang) : null)}\n`);
      return 0;
    }
    const seed = opts.seed ?? ctx.uuid().slice(0, 8);
    const questions = questionsForFacts(deck, dueFacts(deck, due, opts.limit), 'mixed', createRng(seed));
    ctx.stdout.write(`${s.reviewing(questions.length, due.length)}\n\n`);
    await runQuestions({ deck, store, lang, kind: 'review', seed, filters: { limit: opts.limit }, questions }, ctx);
  } finally {
    store.close();
  }
  return 0;
}
