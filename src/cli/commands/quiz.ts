/** `saa quiz`: questions one at a time, feedback after each, every answer committed before the next. */
import { randomUUID } from 'node:crypto';
import { buildQuiz, type QuestionType } from '../../core/quiz.js';
import { createRng } from '../../core/random.js';
import { resolveLang } from '../../io/locale.js';
import { loadStudyDeck } from '../deck-loader.js';
import { DataError, UsageError } from '../errors.js';
import { openStore } from '../open-store.js';
import { makeChalk } from '../render.js';
import { runQuestions } from '../session-runner.js';
import { strings } from '../strings.js';
import { selectTopics } from '../topic-filter.js';

export interface QuizOptions {
  topic?: string;
  count: number;
  seed?: string;
  type: QuestionType;
  lang?: string;
  notes?: string;
  db?: string;
}

export async function run(opts: QuizOptions): Promise<void> {
  const lang = resolveLang(opts.lang, process.env);
  const s = strings(lang);
  // Refuse before touching notes or the database: a piped stdin would answer at random.
  if (!process.stdin.isTTY) throw new UsageError(s.needTty('quiz'));

  const deck = loadStudyDeck(opts.notes);
  const topicIds = selectTopics(deck, opts.topic, lang);
  const seed = opts.seed ?? randomUUID().slice(0, 8);
  const questions = buildQuiz(deck, { topicIds, count: opts.count, type: opts.type }, createRng(seed));
  if (questions.length === 0) throw new DataError(`no ${opts.type} questions can be made from: ${topicIds.join(', ')}`);
  if (questions.length < opts.count) process.stdout.write(`${makeChalk().yellow(s.fewer(questions.length, opts.count))}\n`);

  const store = openStore(opts.db);
  try {
    await runQuestions({
      deck,
      store,
      lang,
      kind: 'quiz',
      seed,
      filters: { topics: topicIds, type: opts.type, count: opts.count },
      questions,
    });
  } finally {
    store.close();
  }
}
