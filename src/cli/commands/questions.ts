/** `saa questions`: generate questions and print them without asking (for scripts, tests and note review). */
import { buildQuiz, type QuestionType } from '../../core/quiz.js';
import { createRng } from '../../core/random.js';
import { pick } from '../../core/text.js';
import { resolveLang } from '../../io/locale.js';
import { loadStudyDeck } from '../deck-loader.js';
import { selectTopics } from '../topic-filter.js';
import { clean, safeJson } from '../render.js';

export interface QuestionsOptions {
  topic?: string;
  count: number;
  seed: string;
  type: QuestionType;
  lang?: string;
  notes?: string;
  json?: boolean;
}

export async function run(opts: QuestionsOptions): Promise<void> {
  const lang = resolveLang(opts.lang, process.env);
  const deck = loadStudyDeck(opts.notes);
  const topicIds = selectTopics(deck, opts.topic, lang);
  const questions = buildQuiz(deck, { topicIds, count: opts.count, type: opts.type }, createRng(opts.seed));
  if (opts.json) {
    process.stdout.write(`${safeJson(questions)}\n`);
    return;
  }
  const out: string[] = [];
  questions.forEach((q, i) => {
    out.push(`${i + 1}. [${q.topicId} · ${q.kind}] ${q.factId}`);
    out.push(...clean(pick(q.prompt, lang)).split('\n').map((l) => `   ${l}`));
    q.options.forEach((o, k) => out.push(`   ${o.correct ? '*' : ' '} ${k + 1}) ${clean(pick(o.text, lang))}`));
    out.push(`   = ${clean(pick(q.explanation, lang))}`, '');
  });
  process.stdout.write(out.join('\n'));
}
