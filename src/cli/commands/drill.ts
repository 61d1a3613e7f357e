/** `saa drill`: questions from the weakest topics, weakest facts first, some unseen ones mixed in. */
import { planDrill } from '../../core/drill.js';
import { questionsForFacts } from '../../core/quiz.js';
import { createRng } from '../../core/random.js';
import { pick } from '../../core/text.js';
import { statsFrom } from '../../io/history-stats.js';
import { resolveLang } from '../../io/locale.js';
import type { Context } from '../context.js';
import { loadStudyDeck } from '../deck-loader.js';
import { UsageError } from '../errors.js';
import { openStore } from '../open-store.js';
import { clean, makeChalk, percent } from '../render/render.js';
import { runQuestions } from '../session-runner.js';
import { strings } from '../strings.js';
import { selectTopics } from '../topic-filter.js';

export interface DrillOptions {
  topic?: string;
  count: number;
  seed?: string;
  lang?: string;
  notes?: string;
  /** False with --no-cache. */
  cache?: boolean;
  db?: string;
}

export async function run(opts: DrillOptions, ctx: Context): Promise<number> {
  const lang = resolveLang(opts.lang, ctx.env);
  const s = strings(lang);
  if (!ctx.stdin.isTTY) throw new UsageError(s.needTty('drill'));
  const deck = await loadStudyDeck(opts.notes, ctx, opts.cache);
  const topicIds = opts.topic ? selectTopics(deck, opts.topic, lang) : undefined;
  const store = openStore(opts.db, ctx);
  try {
    const now = ctx.now();
    const stats = statsFrom(deck, store, now);
    const seed = opts.seed ?? ctx.uuid().slice(0, 8);
    const rng = createRng(seed);
    const plan = planDrill(deck, stats.topics, store.cards(), { topicIds, count: opts.count, now }, rng);
    if (!plan) {
      ctx.stdout.write(`${s.nothingToDrill}\n`);
      return 0;
    }
    const c = makeChalk(ctx.stdout, ctx.env);
    const lines = plan.topics.map((t) => {
      const title = clean(pick(deck.topicsById.get(t.id)?.title ?? {}, lang));
      return `  • ${c.bold(t.id)} ${title} — ${s.drillReason(percent(t.accuracy), percent(t.meanRecall), t.lapses)}`;
    });
    ctx.stdout.write(`${s.drillTopics}\n${lines.join('\n')}\n\n`);
    const questions = questionsForFacts(deck, plan.facts, 'mixed', rng);
    await runQuestions({ deck, store, lang, kind: 'drill', seed, filters: { topics: plan.topics.map((t) => t.id), count: opts.count }, questions }, ctx);
  } finally {
    store.close();
  }
  return 0;
}
