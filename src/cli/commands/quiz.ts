/** `saa quiz`: questions one at a time, feedback after each, every answer committed before the next. */
import { buildQuiz, type QuestionType, type QuizStyle } from '../../core/quiz.js';
import { createRng } from '../../core/random.js';
import { resolveLang } from '../../io/locale.js';
import type { Context } from '../context.js';
import { loadStudyDeck } from '../deck-loader.js';
import { DataError, UsageError } from '../errors.js';
import { openStore } from '../open-store.js';
import { makeChalk } from '../render/render.js';
import { runQuestions } from '../session-runner.js';
import { strings } from '../strings.js';
import { selectTopics } from '../topic-filter.js';

export interface QuizOptions {
  topic?: string;
  count: number;
  seed?: string;
  type: QuestionType;
  style?: QuizStyle;
  lang?: string;
  notes?: string;
  /** False with --no-cache. */
  cache?: boolean;
  db?: string;
  /** Only facts never answered before. */
  new?: boolean;
}

export async function run(opts: QuizOptions, ctx: Context): Promise<number> {
  const lang = resolveLang(opts.lang, ctx.env);
  const s = strings(lang);
  // Refuse before touching notes or the database: a piped stdin would answer at random.
  if (!ctx.stdin.isTTY) throw new UsageError(s.needTty('quiz'));
  const style = opts.style ?? 'mixed';
  if (style === 'exam' && opts.type === 'tf') throw new UsageError(s.examStyleNoTf);

  const deck = await loadStudyDeck(opts.notes, ctx, opts.cache);
  const topicIds = selectTopics(deck, opts.topic, lang);
  const seed = opts.seed ?? ctx.uuid().slice(0, 8);
  const store = openStore(opts.db, ctx);
  try {
    const exclude = opts.new ? new Set(store.cards().flatMap((c) => (c.lastReview !== null ? [c.factId] : []))) : undefined;
    const questions = buildQuiz(deck, { topicIds, count: opts.count, type: opts.type, style, ...(exclude ? { exclude } : {}) }, createRng(seed));
    if (questions.length === 0) {
      throw new DataError(opts.new ? s.noNewFacts(topicIds.join(', ')) : s.noQuestions(style === 'exam' ? s.examStyle : opts.type, topicIds.join(', ')));
    }
    if (questions.length < opts.count) ctx.stdout.write(`${makeChalk(ctx.stdout, ctx.env).yellow(s.fewer(questions.length, opts.count))}\n`);
    await runQuestions({ deck, store, lang, kind: 'quiz', seed, filters: { topics: topicIds, type: opts.type, style, count: opts.count }, questions }, ctx);
  } finally {
    store.close();
  }
  return 0;
}
