/**
 * `saa exam review [N]`: one finished exam's questions with your answer and the reason for
 * every option. In a terminal it is a walk, one question a page (next, previous, only the wrong
 * ones, only the flagged ones, the result); piped, it is the whole text.
 */

import { isCorrectChoice } from '../../core/questions/question.js';
import type { Lang } from '../../core/types.js';
import { examByNumber, latestFinishedExamNumber } from '../../io/exam-store.js';
import { resolveLang } from '../../io/locale.js';
import { type Context, widthOf } from '../context.js';
import { Interrupted, UsageError } from '../errors.js';
import { examStrings } from '../exam-strings.js';
import { withExistingStore } from '../open-store.js';
import { renderResult, reviewedQuestion } from '../render/exam-result.js';
import { clean, makeChalk } from '../render/render.js';

type Filter = 'all' | 'wrong' | 'flagged';
type Exam = NonNullable<ReturnType<typeof examByNumber>>;

export async function run(id: string | undefined, opts: { lang?: string; notes?: string; db?: string }, ctx: Context): Promise<number> {
  const lang = resolveLang(opts.lang, ctx.env);
  const e = examStrings(lang);
  const exam = withExistingStore(opts.db, ctx, (store) => {
    if (!store) throw new UsageError(e.noExams);
    const number = id === undefined ? latestFinishedExamNumber(store) : /^\d{1,9}$/.test(id) ? Number(id) : Number.NaN;
    if (number === null) throw new UsageError(e.noExams);
    const found = Number.isNaN(number) ? null : examByNumber(store, number, ctx.now());
    if (!found || !found.result) throw new UsageError(e.noSuchExam(clean(id ?? '').slice(0, 20)));
    return found;
  });
  if (ctx.stdin.isTTY && ctx.stdout.isTTY) return walk(exam, lang, ctx);
  const c = makeChalk(ctx.stdout, ctx.env);
  const width = widthOf(ctx);
  const out = exam.state.questions.map((q, i) => reviewedQuestion(q, i, exam.state.chosen[i] ?? null, exam.state.flagged[i] === true, lang, c, width));
  if (exam.result) out.push(renderResult(exam.result, exam.state.limitMs, lang, c, width));
  ctx.stdout.write(out.join('\n'));
  return 0;
}

/** One question a page, with a menu under it; Ctrl-C or "Done" ends the walk. */
async function walk(exam: Exam, lang: Lang, ctx: Context): Promise<number> {
  const e = examStrings(lang);
  const c = makeChalk(ctx.stdout, ctx.env);
  const { questions, chosen, flagged } = exam.state;
  const wrong = questions.flatMap((q, i) => (isCorrectChoice(q, chosen[i] ?? null) ? [] : [i]));
  const marked = questions.flatMap((_, i) => (flagged[i] === true ? [i] : []));
  const every = questions.map((_, i) => i);
  const pages: Record<Filter, number[]> = { all: every, wrong, flagged: marked };
  let filter = 'all' as Filter;
  let at = 0;
  try {
    for (;;) {
      const shown = pages[filter];
      const i = shown[at] ?? 0;
      const q = questions[i];
      if (!q) return 0;
      const width = widthOf(ctx);
      ctx.stdout.write(`\n${c.bold(e.page(i + 1, questions.length, e.onlyShown[filter] ?? ''))}\n`);
      ctx.stdout.write(reviewedQuestion(q, i, chosen[i] ?? null, flagged[i] === true, lang, c, width));
      const menu: [string, () => boolean][] = [];
      const step = (by: number) => () => {
        at += by;
        return true;
      };
      if (at < shown.length - 1) menu.push([e.next, step(1)]);
      if (at > 0) menu.push([e.previous, step(-1)]);
      const to = (f: Filter) => () => {
        filter = f;
        at = Math.max(0, pages[f].indexOf(i));
        return true;
      };
      if (filter !== 'wrong' && wrong.length) menu.push([e.onlyWrong(wrong.length), to('wrong')]);
      if (filter !== 'flagged' && marked.length) menu.push([e.onlyFlagged(marked.length), to('flagged')]);
      if (filter !== 'all') menu.push([e.everyQuestion(every.length), to('all')]);
      menu.push([
        e.result,
        () => {
          if (exam.result) ctx.stdout.write(renderResult(exam.result, exam.state.limitMs, lang, c, widthOf(ctx)));
          return true;
        },
      ]);
      menu.push([e.done, () => false]);
      const [pick = 0] = await ctx.prompts.choose({ message: '', choices: menu.map(([label]) => label), help: e.pageHelp, pickError: () => '' });
      if (!(menu[pick]?.[1] ?? (() => false))()) return 0;
    }
  } catch (err) {
    // Ctrl-C leaves the walk; nothing was being written.
    if (err instanceof Interrupted) return 0;
    throw err;
  }
}
