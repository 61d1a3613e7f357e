/**
 * The question loop shared by quiz, review and drill: show a question, take the answer, commit
 * it (with its review card) before anything else happens, show feedback; Ctrl-C ends cleanly.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Question } from '../core/questions.js';
import { QuizSession } from '../core/session.js';
import { pick } from '../core/text.js';
import type { Deck, Lang } from '../core/types.js';
import type { SessionKind, Store } from '../io/store.js';
import { Interrupted } from './errors.js';
import { feedback, summary } from './feedback.js';
import { choose } from './prompts.js';
import { clean, makeChalk } from './render.js';
import { strings } from './strings.js';

export interface RunOptions {
  deck: Deck;
  store: Store;
  lang: Lang;
  kind: SessionKind;
  seed: string;
  filters: Record<string, unknown>;
  questions: readonly Question[];
  /** Time source, replaceable in tests. */
  now?: () => number;
}

export async function runQuestions(o: RunOptions): Promise<void> {
  const s = strings(o.lang);
  const c = makeChalk();
  const now = o.now ?? Date.now;
  const { deck, store, lang, questions } = o;
  const sessionId = store.startSession({
    uuid: randomUUID(),
    kind: o.kind,
    startedAt: now(),
    lang,
    seed: o.seed,
    filters: o.filters,
    questionCount: questions.length,
  });
  const session = new QuizSession(questions);
  try {
    for (let q = session.current(); q; q = session.current()) {
      const topic = deck.topicsById.get(q.topicId);
      const header = c.dim(`[${s.progress(session.position + 1, questions.length)}] ${clean(pick(topic?.title ?? {}, lang))}`);
      const message = `${header}\n${clean(pick(q.prompt, lang))}`;
      const labels = q.options.map((opt) => clean(pick(opt.text, lang)));
      const started = performance.now();
      const chosen = await choose(message, labels.map((label) => ({ label })));
      process.stdout.write(`${message}\n  ${c.dim('›')} ${chosen + 1}. ${labels[chosen] ?? ''}\n`);
      const outcome = session.answer(chosen, Math.round(performance.now() - started));
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
        answeredAt: now(),
        elapsedMs: outcome.elapsedMs,
      });
      process.stdout.write(`${feedback(deck, outcome, lang, s, c)}\n`);
    }
    store.finishSession(sessionId, 'finished', now());
    process.stdout.write(summary(session.summary(), lang, s, c));
  } catch (err) {
    if (err instanceof Interrupted) {
      store.finishSession(sessionId, 'interrupted', now());
      process.stdout.write(`\n${s.interrupted(session.position)}\n`);
    }
    throw err;
  }
}
