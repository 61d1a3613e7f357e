/** `saa quiz`: questions one at a time, feedback after each, every answer committed before the next. */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { buildQuiz, type QuestionType } from '../../core/quiz.js';
import { createRng } from '../../core/random.js';
import { QuizSession } from '../../core/session.js';
import { pick } from '../../core/text.js';
import { resolveLang } from '../../io/locale.js';
import { loadStudyDeck } from '../deck-loader.js';
import { DataError, Interrupted, UsageError } from '../errors.js';
import { feedback, summary } from '../feedback.js';
import { openStore } from '../open-store.js';
import { choose } from '../prompts.js';
import { clean, makeChalk } from '../render.js';
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
  if (!process.stdin.isTTY) throw new UsageError(s.needTty);

  const c = makeChalk();
  const deck = loadStudyDeck(opts.notes);
  const topicIds = selectTopics(deck, opts.topic, lang);
  const seed = opts.seed ?? randomUUID().slice(0, 8);
  const questions = buildQuiz(deck, { topicIds, count: opts.count, type: opts.type }, createRng(seed));
  if (questions.length === 0) throw new DataError(`no ${opts.type} questions can be made from: ${topicIds.join(', ')}`);
  if (questions.length < opts.count) process.stdout.write(`${c.yellow(s.fewer(questions.length, opts.count))}\n`);

  const store = openStore(opts.db);
  const sessionId = store.startSession({
    uuid: randomUUID(),
    kind: 'quiz',
    startedAt: Date.now(),
    lang,
    seed,
    filters: { topics: topicIds, type: opts.type, count: opts.count },
    questionCount: questions.length,
  });
  const session = new QuizSession(questions);
  try {
    for (let q = session.current(); q; q = session.current()) {
      const n = session.position + 1;
      const topic = deck.topicsById.get(q.topicId);
      const header = c.dim(`[${s.progress(n, questions.length)}] ${clean(pick(topic?.title ?? {}, lang))}`);
      const started = performance.now();
      const message = `${header}\n${clean(pick(q.prompt, lang))}`;
      const labels = q.options.map((o) => clean(pick(o.text, lang)));
      const chosen = await choose(message, labels.map((label) => ({ label })));
      process.stdout.write(`${message}\n  ${c.dim('›')} ${chosen + 1}. ${labels[chosen] ?? ''}\n`);
      const outcome = session.answer(chosen, Math.round(performance.now() - started));
      // Committed (synchronous=FULL) before the next question is drawn.
      store.recordAnswer({
        uuid: randomUUID(),
        sessionId,
        position: outcome.position,
        factId: q.factId,
        topicId: q.topicId,
        questionId: q.id,
        questionKind: q.kind,
        format: q.format,
        chosen: pick(q.options[chosen]?.text ?? {}, lang),
        correctAnswer: pick(q.options[q.answer]?.text ?? {}, lang),
        isCorrect: outcome.correct,
        answeredAt: Date.now(),
        elapsedMs: outcome.elapsedMs,
      });
      process.stdout.write(`${feedback(deck, outcome, lang, s, c)}\n`);
    }
    store.finishSession(sessionId, 'finished', Date.now());
    process.stdout.write(summary(session.summary(), lang, s, c));
  } catch (err) {
    if (err instanceof Interrupted) {
      store.finishSession(sessionId, 'interrupted', Date.now());
      process.stdout.write(`\n${s.interrupted(session.position)}\n`);
    }
    throw err;
  } finally {
    store.close();
  }
}
