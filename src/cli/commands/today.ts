/**
 * `saa today`: one screen of what to study today (due reviews, a new-fact quota from the exam
 * date, the weakest topic) and, in a terminal, the first step started on Enter.
 */
import { planToday, type TodayPlan, type TodayStep } from '../../core/today.js';
import type { Deck, Lang } from '../../core/types.js';
import { statsFrom } from '../../io/history-stats.js';
import { resolveLang } from '../../io/locale.js';
import type { Context } from '../context.js';
import { widthOf } from '../context.js';
import { loadStudyDeck } from '../deck-loader.js';
import { withExistingStore } from '../open-store.js';
import { clean, formatDate, makeChalk, percent, safeJson } from '../render/render.js';
import { wrap } from '../render/wrap.js';
import { type TodayStrings, todayStrings } from '../today-strings.js';

export interface TodayOptions {
  lang?: string;
  notes?: string;
  /** False with --no-cache. */
  cache?: boolean;
  db?: string;
  json?: boolean;
}

const titleOf = (deck: Deck, id: string, lang: Lang) => {
  const t = deck.topicsById.get(id)?.title;
  return clean((lang === 'ko' ? (t?.ko ?? t?.en) : (t?.en ?? t?.ko)) ?? id);
};

function label(step: TodayStep, t: TodayStrings, deck: Deck, lang: Lang): string {
  if (step.kind === 'review') return t.review(step.count, step.due);
  if (step.kind === 'learn') return t.learn(step.count, titleOf(deck, step.topicId, lang));
  return t.drill(step.count, titleOf(deck, step.topicId, lang));
}

/** The command that does a step, as a person would type it. */
function command(step: TodayStep): string {
  if (step.kind === 'review') return `saa review --limit ${step.count}`;
  if (step.kind === 'learn') return `saa quiz --topic ${step.topicId} --count ${step.count} --new`;
  return `saa drill --topic ${step.topicId} --count ${step.count}`;
}

function screen(plan: TodayPlan, deck: Deck, lang: Lang, now: number): string[] {
  const t = todayStrings(lang);
  const w = plan.weakest;
  return [
    t.title(formatDate(now)),
    plan.examDate !== null && plan.daysLeft !== null ? t.examIn(formatDate(plan.examDate), plan.daysLeft) : t.noExam,
    '',
    t.due(plan.due),
    t.quota(plan.newQuota, plan.unseen, plan.quotaFrom),
    w ? t.weakest(titleOf(deck, w.id, lang), percent(w.accuracy), percent(w.mastery)) : t.noWeakest,
  ];
}

export async function run(opts: TodayOptions, ctx: Context): Promise<number> {
  const lang = resolveLang(opts.lang, ctx.env);
  const t = todayStrings(lang);
  const deck = await loadStudyDeck(opts.notes, ctx, opts.cache);
  const now = ctx.now();
  const plan = planToday(withExistingStore(opts.db, ctx, (store) => statsFrom(deck, store, now)));
  if (opts.json) {
    ctx.stdout.write(`${safeJson({ ...plan, weakest: plan.weakest?.id ?? null, steps: plan.steps.map((s) => ({ ...s, command: command(s) })) })}\n`);
    return 0;
  }
  const width = widthOf(ctx);
  const c = makeChalk(ctx.stdout, ctx.env);
  const lines = screen(plan, deck, lang, now).map((l, i) => (i === 0 ? c.bold(l) : wrap(l, width, '', '  ')));
  if (plan.steps.length === 0) {
    ctx.stdout.write(`${[...lines, '', wrap(t.nothing, width)].join('\n')}\n`);
    return 0;
  }
  if (!ctx.stdin.isTTY) {
    const steps = plan.steps.map((s, i) => `${wrap(`${i + 1}. ${label(s, t, deck, lang)}`, width, '', '   ')}\n   ${command(s)}`);
    ctx.stdout.write(`${[...lines, '', t.howToStart, ...steps].join('\n')}\n`);
    return 0;
  }
  ctx.stdout.write(`${[...lines, ''].join('\n')}\n`);
  const [picked = 0] = await ctx.prompts.choose({
    message: t.choose,
    choices: [...plan.steps.map((s) => label(s, t, deck, lang)), t.later],
    help: t.help,
    pickError: () => '',
  });
  const step = plan.steps[picked];
  if (!step) return 0;
  const shared = {
    ...(opts.lang ? { lang: opts.lang } : {}),
    ...(opts.notes ? { notes: opts.notes } : {}),
    ...(opts.db ? { db: opts.db } : {}),
    cache: opts.cache !== false,
  };
  if (step.kind === 'review') return (await import('./review.js')).run({ ...shared, limit: step.count }, ctx);
  if (step.kind === 'learn') return (await import('./quiz.js')).run({ ...shared, topic: step.topicId, count: step.count, type: 'mixed', new: true }, ctx);
  return (await import('./drill.js')).run({ ...shared, topic: step.topicId, count: step.count }, ctx);
}
