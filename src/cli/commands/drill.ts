/** `saa drill`: questions from the weakest topics, weakest facts first, some unseen ones mixed in. */
import { randomUUID } from 'node:crypto';
import { planDrill } from '../../core/drill.js';
import { questionsForFacts } from '../../core/quiz.js';
import { createRng } from '../../core/random.js';
import { pick } from '../../core/text.js';
import { resolveLang } from '../../io/locale.js';
import { loadStudyDeck } from '../deck-loader.js';
import { UsageError } from '../errors.js';
import { statsFrom } from '../history.js';
import { openStore } from '../open-store.js';
import { clean, makeChalk, percent } from '../render.js';
import { runQuestions } from '../session-runner.js';
import { strings } from '../strings.js';
import { selectTopics } from '../topic-filter.js';

export interface DrillOptions {
  topic?: string;
  count: number;
  seed?: string;
  lang?: string;
  notes?: string;
  db?: string;
}

export async function run(opts: DrillOptions): Promise<void> {
  const lang = resolveLang(opts.lang, process.env);
  const s = strings(lang);
  if (!process.stdin.isTTY) throw new UsageError(s.needTty('drill'));
  const deck = loadStudyDeck(opts.notes);
  const topicIds = opts.topic ? selectTopics(deck, opts.topic, lang) : undefined;
  const store = openStore(opts.db);
  try {
    const now = Date.now();
    const stats = statsFrom(deck, store, now);
    const seed = opts.seed ?? randomUUID().slice(0, 8);
    const rng = createRng(seed);
    const plan = planDrill(deck, stats.topics, store.cards(), { topicIds, count: opts.count, now }, rng);
    if (!plan) {
      process.stdout.write(`${s.nothingToDrill}\n`);
      return;
    }
    const c = makeChalk();
    const lines = plan.topics.map((t) => {
      const title = clean(pick(deck.topicsById.get(t.id)?.title ?? {}, lang));
      return `  • ${c.bold(t.id)} ${title} — ${s.drillReason(percent(t.accuracy), percent(t.meanRecall), t.lapses)}`;
    });
    process.stdout.write(`${s.drillTopics}\n${lines.join('\n')}\n\n`);
    const questions = questionsForFacts(deck, plan.facts, 'mixed', rng);
    await runQuestions({
      deck,
      store,
      lang,
      kind: 'drill',
      seed,
      filters: { topics: plan.topics.map((t) => t.id), count: opts.count },
      questions,
    });
  } finally {
    store.close();
  }
}
