/** `saa exam --print`: the questions a mock exam with these options would ask, with keys, reasons and domains; nothing is saved. */
import { DOMAINS } from '../../core/types.js';
import { resolveLang } from '../../io/locale.js';
import { type Context, widthOf } from '../context.js';
import { loadStudyDeck } from '../deck-loader.js';
import { planExam, planNotes } from '../exam-plan.js';
import { examStrings } from '../exam-strings.js';
import { questionText } from '../render/question-text.js';
import { safeJson } from '../render/render.js';
import { strings } from '../strings.js';
import type { ExamOptions } from './exam.js';

export async function run(opts: ExamOptions, ctx: Context): Promise<number> {
  const lang = resolveLang(opts.lang, ctx.env);
  const deck = await loadStudyDeck(opts.notes, ctx, opts.cache);
  const plan = planExam(deck, opts, lang, opts.seed ?? ctx.uuid().slice(0, 8));
  const counts = Object.fromEntries(DOMAINS.map((d) => [d, plan.questions.filter((q) => q.domain === d).length]));
  if (opts.json) {
    const examStyle = plan.questions.filter((q) => q.style === 'exam').length;
    ctx.stdout.write(
      `${safeJson({ seed: plan.seed, topics: plan.topics, minutes: plan.limitMinutes, questions: plan.questions.length, domains: counts, examStyle, items: plan.questions })}\n`,
    );
    return 0;
  }
  const e = examStrings(lang);
  const names = strings(lang).domainNames;
  const domains = DOMAINS.map((d) => `${names[d] ?? d} ${counts[d]}`).join(', ');
  const out = [e.printTitle(plan.seed, plan.questions.length, plan.limitMinutes, domains)];
  out.push(...planNotes(plan, lang));
  out.push(e.printNote, '');
  for (const [i, q] of plan.questions.entries()) out.push(questionText(q, i + 1, lang, widthOf(ctx), (d) => names[d] ?? d, strings(lang).examStyle));
  ctx.stdout.write(out.join('\n'));
  return 0;
}
