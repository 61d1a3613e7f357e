/**
 * The question loop shared by quiz, review and drill: show a question, take the answer, commit
 * it (with its review card) before anything else happens, then show feedback and wait for the
 * learner to read it; Ctrl-C ends cleanly with every answer so far kept.
 */
import type { Question } from '../core/questions/question.js';
import { QuizSession } from '../core/session.js';
import { pick } from '../core/text.js';
import type { Deck, Lang } from '../core/types.js';
import type { SessionKind, Store } from '../io/store.js';
import { type Context, widthOf } from './context.js';
import { Interrupted } from './errors.js';
import { feedback, summary } from './render/feedback.js';
import { clean, makeChalk } from './render/render.js';
import { wrap } from './render/wrap.js';
import { strings } from './strings.js';

export interface RunOptions {
  deck: Deck;
  store: Store;
  lang: Lang;
  kind: SessionKind;
  seed: string;
  filters: Record<string, unknown>;
  questions: readonly Question[];
}

export async function runQuestions(o: RunOptions, ctx: Context): Promise<void> {
  const s = strings(o.lang);
  const c = makeChalk(ctx.stdout, ctx.env);
  const width = widthOf(ctx);
  const { deck, store, lang, questions } = o;
  const sessionId = store.startSession({
    uuid: ctx.uuid(),
    kind: o.kind,
    startedAt: ctx.now(),
    lang,
    seed: o.seed,
    filters: o.filters,
    questionCount: questions.length,
  });
  const session = new QuizSession(questions);
  try {
    for (let q = session.current(); q; q = session.current()) {
      const topic = deck.topicsById.get(q.topicId);
      const tag = q.style === 'exam' ? ` · ${s.examStyle}` : '';
      const header = c.dim(`[${s.progress(session.position + 1, questions.length)}] ${clean(pick(topic?.title ?? {}, lang))}${tag}`);
      const prompt = clean(pick(q.prompt, lang));
      const labels = q.options.map((opt) => clean(pick(opt.text, lang)));
      const started = ctx.now();
      const multi = q.answers.length > 1;
      const chosen = await ctx.prompts.choose({
        message: `${header}\n${prompt}`,
        choices: labels,
        pick: q.answers.length,
        help: multi ? s.helpMulti(q.answers.length) : s.help,
        pickError: s.pickError,
        tallHint: s.tallHint,
      });
      // Each chosen option on its own line, wrapped under its own text.
      const picked = chosen.map((i) => wrap(labels[i] ?? '', width, `  ${c.dim('›')} ${i + 1}. `, '       ')).join('\n');
      ctx.stdout.write(`${header}\n${wrap(prompt, width)}\n${picked}\n`);
      const outcome = session.answer(chosen, Math.max(0, ctx.now() - started));
      const text = (i: number) => pick(q.options[i]?.text ?? {}, lang);
      store.recordAnswer({
        uuid: ctx.uuid(),
        sessionId,
        position: outcome.position,
        factId: q.factId,
        topicId: q.topicId,
        questionId: q.id,
        questionKind: q.kind,
        format: q.format,
        chosen: outcome.chosen.map(text).join(' + '),
        correctAnswer: q.answers.map(text).join(' + '),
        isCorrect: outcome.correct,
        answeredAt: ctx.now(),
        elapsedMs: outcome.elapsedMs,
      });
      ctx.stdout.write(feedback(outcome, lang, s, c, width));
      // Feedback stays until the learner moves on; a second Enter meant for it cannot answer the next question.
      if (!session.done) await ctx.prompts.choose({ message: '', choices: [s.next], help: s.nextHelp, pickError: s.pickError, numbered: false });
      ctx.stdout.write('\n');
    }
    store.finishSession(sessionId, 'finished', ctx.now());
    ctx.stdout.write(summary(session.summary(), lang, s, c, width));
  } catch (err) {
    if (err instanceof Interrupted) {
      store.finishSession(sessionId, 'interrupted', ctx.now());
      ctx.stdout.write(`\n${s.interrupted(session.position)}\n`);
    }
    throw err;
  }
}
