/** `saa exam review [N]`: one finished exam's questions with your answer and the reason for every option. */

import { examByNumber, latestFinishedExamNumber } from '../../io/exam-store.js';
import { resolveLang } from '../../io/locale.js';
import { type Context, widthOf } from '../context.js';
import { UsageError } from '../errors.js';
import { examStrings } from '../exam-strings.js';
import { withExistingStore } from '../open-store.js';
import { renderResult, reviewedQuestion } from '../render/exam-result.js';
import { clean, makeChalk } from '../render/render.js';

export async function run(id: string | undefined, opts: { lang?: string; notes?: string; db?: string }, ctx: Context): Promise<number> {
  const lang = resolveLang(opts.lang, ctx.env);
  const e = examStrings(lang);
  const c = makeChalk(ctx.stdout, ctx.env);
  const width = widthOf(ctx);
  const text = withExistingStore(opts.db, ctx, (store) => {
    if (!store) throw new UsageError(e.noExams);
    const number = id === undefined ? latestFinishedExamNumber(store) : /^\d{1,9}$/.test(id) ? Number(id) : Number.NaN;
    if (number === null) throw new UsageError(e.noExams);
    const exam = Number.isNaN(number) ? null : examByNumber(store, number, ctx.now());
    if (!exam || !exam.result) throw new UsageError(e.noSuchExam(clean(id ?? '').slice(0, 20)));
    const out = exam.state.questions.map((q, i) => reviewedQuestion(q, i, exam.state.chosen[i] ?? null, exam.state.flagged[i] === true, lang, c, width));
    out.push(renderResult(exam.result, exam.state.limitMs, lang, c));
    return out.join('\n');
  });
  ctx.stdout.write(text);
  return 0;
}
