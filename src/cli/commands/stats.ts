/** `saa stats`: mastery per topic and domain, trend, streak, exam history and readiness. */
import type { StatsReport } from '../../core/stats.js';
import { sparkline, TREND_WEEKS } from '../../core/stats.js';
import type { Lang } from '../../core/types.js';
import { EXAM_DATE_KEY, statsFrom } from '../../io/history-stats.js';
import { resolveLang } from '../../io/locale.js';
import { examDateOf } from '../../io/schemas.js';
import { type Context, widthOf } from '../context.js';
import { loadStudyDeck } from '../deck-loader.js';
import { UsageError } from '../errors.js';
import { openStore, withExistingStore } from '../open-store.js';
import { bar, clean, formatDate, makeChalk, percent, safeJson } from '../render/render.js';
import { fitTable } from '../render/table.js';
import { wrap } from '../render/wrap.js';
import { strings } from '../strings.js';

export interface StatsOptions {
  lang?: string;
  notes?: string;
  /** False with --no-cache. */
  cache?: boolean;
  db?: string;
  json?: boolean;
  examDate?: string;
}

export async function run(opts: StatsOptions, ctx: Context): Promise<number> {
  const lang = resolveLang(opts.lang, ctx.env);
  const s = strings(lang);
  const deck = await loadStudyDeck(opts.notes, ctx, opts.cache);
  const now = ctx.now();

  if (opts.examDate !== undefined) {
    const clear = opts.examDate === 'none';
    const date = clear ? null : examDateOf(opts.examDate);
    if (!clear && !date) throw new UsageError(s.badExamDate(clean(opts.examDate).slice(0, 40)));
    // A date before today (in the user's calendar) is a typo, not a plan.
    if (date && date < formatDate(now)) throw new UsageError(s.pastExamDate(date));
    const store = openStore(opts.db, ctx);
    try {
      if (date) store.setSetting(EXAM_DATE_KEY, date);
      else store.deleteSetting(EXAM_DATE_KEY);
    } finally {
      store.close();
    }
    if (!opts.json) ctx.stdout.write(`${date ? s.examDateSaved(date) : s.examDateCleared}\n`);
  }

  const report = withExistingStore(opts.db, ctx, (store) => statsFrom(deck, store, now));
  if (opts.json) {
    ctx.stdout.write(`${safeJson(toJson(report))}\n`);
    return 0;
  }
  ctx.stdout.write(render(report, lang, makeChalk(ctx.stdout, ctx.env), widthOf(ctx)));
  return 0;
}

/** The documented `--json` shape (README, "saa stats --json"): shares are 0–1, times ISO 8601. */
export function toJson(r: StatsReport) {
  const round = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);
  const area = (a: StatsReport['totals']) => ({
    facts: a.facts,
    seen: a.seen,
    answered: a.answered,
    accuracy: round(a.accuracy),
    meanRecall: round(a.meanRecall),
    mastery: round(a.mastery),
    due: a.due,
    lapses: a.lapses,
  });
  return {
    generatedAt: new Date(r.now).toISOString(),
    totals: area(r.totals),
    readiness: {
      score: r.readiness.score,
      low: r.readiness.low,
      high: r.readiness.high,
      expectedShare: round(r.readiness.raw),
      pass: r.readiness.pass,
      estimate: true,
    },
    domains: r.domains.map((d) => ({ domain: d.domain, weight: d.weight, ...area(d) })),
    topics: r.topics.map((t) => ({ id: t.id, title: t.title, domains: t.domains, ...area(t) })),
    trend: r.trend.map((p) => ({ weekStart: formatDate(p.weekStart), answered: p.answered, accuracy: round(p.accuracy) })),
    streak: r.streak,
    exams: r.exams.map((e) => ({ id: e.id, startedAt: new Date(e.startedAt).toISOString(), questions: e.questions, correct: e.correct, score: e.score })),
    plan: r.plan && {
      examDate: new Date(r.plan.examDate).toISOString().slice(0, 10),
      daysLeft: r.plan.daysLeft,
      dueBeforeExam: r.plan.dueBeforeExam,
      unseen: r.plan.unseen,
      reviewsPerDay: r.plan.reviewsPerDay,
      newPerDay: r.plan.newPerDay,
      dueAfterExam: r.plan.dueAfterExam,
    },
  };
}

function render(r: StatsReport, lang: Lang, c: ReturnType<typeof makeChalk>, width: number): string {
  const s = strings(lang);
  const out: string[] = [];
  const verdict = s.readinessVerdict(r.readiness.pass);
  out.push(
    wrap(`${c.bold(s.readiness(r.readiness.score, r.readiness.low, r.readiness.high))} — ${r.readiness.pass ? c.green(verdict) : c.yellow(verdict)}`, width),
  );
  out.push(c.dim(wrap(s.readinessNote, width)));
  out.push(wrap(`${s.overview(r.totals.seen, r.totals.facts, r.totals.due)} · ${s.streak(r.streak.current, r.streak.longest)}`, width), '');

  const masteryCell = (m: number) => `${bar(m)} ${percent(m)}`;
  // A table too wide for the terminal becomes stacked records rather than rows that fold.
  out.push(
    fitTable(
      s.statsTopicHeader,
      r.topics.map((t) => [t.id, String(t.facts), String(t.seen), percent(t.accuracy), percent(t.meanRecall), String(t.due), masteryCell(t.mastery)]),
      width,
      ['l', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
    c.dim(wrap(s.statsLegend, width)),
    '',
  );
  out.push(
    fitTable(
      s.statsDomainHeader,
      r.domains.map((d) => [
        s.domainNames[d.domain] ?? d.domain,
        percent(d.weight),
        String(d.facts),
        String(d.seen),
        percent(d.accuracy),
        String(d.due),
        masteryCell(d.mastery),
      ]),
      width,
      ['l', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
    '',
  );
  const last = [...r.trend].reverse().find((p) => p.accuracy !== null);
  out.push(`${s.trend(TREND_WEEKS)} ${c.cyan(`[${sparkline(r.trend.map((p) => p.accuracy))}]`)}${last ? ` ${percent(last.accuracy)}` : ''}`, '');
  out.push(c.bold(s.examsTitle));
  if (r.exams.length === 0) out.push(`  ${s.noExams}`);
  for (const e of r.exams.slice(0, 10)) out.push(wrap(s.examLine(formatDate(e.startedAt), e.score, e.correct, e.questions), width, '  '));
  if (r.plan) {
    out.push('', wrap(s.plan(formatDate(r.plan.examDate), r.plan.daysLeft, r.plan.reviewsPerDay, r.plan.newPerDay), width));
    if (r.plan.dueAfterExam > 0) out.push(c.yellow(wrap(s.planWarning(r.plan.dueAfterExam), width)));
  }
  return `${out.join('\n')}\n`;
}
