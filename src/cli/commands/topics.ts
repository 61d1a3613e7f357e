/** `saa topics`: topics with fact counts and, once there is history, accuracy, mastery and due reviews. */
import { pick } from '../../core/text.js';
import { statsFrom } from '../../io/history-stats.js';
import { resolveLang } from '../../io/locale.js';
import type { Context } from '../context.js';
import { widthOf } from '../context.js';
import { loadStudyDeck } from '../deck-loader.js';
import { withExistingStore } from '../open-store.js';
import { bar, clean, makeChalk, percent, safeJson } from '../render/render.js';
import { fitTable, truncate } from '../render/table.js';
import { wrap } from '../render/wrap.js';
import { strings } from '../strings.js';

export interface TopicsOptions {
  lang?: string;
  notes?: string;
  /** False with --no-cache. */
  cache?: boolean;
  db?: string;
  json?: boolean;
}

export async function run(opts: TopicsOptions, ctx: Context): Promise<number> {
  const lang = resolveLang(opts.lang, ctx.env);
  const s = strings(lang);
  const deck = await loadStudyDeck(opts.notes, ctx, opts.cache);
  const report = withExistingStore(opts.db, ctx, (store) => statsFrom(deck, store, ctx.now()));

  const rows = report.topics.map((t) => {
    const topic = deck.topicsById.get(t.id);
    return {
      id: t.id,
      title: t.title,
      domains: t.domains,
      aliases: topic?.aliases ?? [],
      facts: t.facts,
      examItems: (deck.byTopic.get(t.id) ?? []).filter((f) => f.kind === 'item').length,
      seen: t.seen,
      answered: t.answered,
      accuracy: t.accuracy === null ? null : Math.round(t.accuracy * 1000) / 1000,
      mastery: Math.round(t.mastery * 1000) / 1000,
      due: t.due,
    };
  });

  if (opts.json) {
    ctx.stdout.write(`${safeJson(rows)}\n`);
    return 0;
  }
  const c = makeChalk(ctx.stdout, ctx.env);
  // Titles give way first when the terminal is narrow (the other columns take about 55), and go
  // when even a short title would not fit: 80 columns keep a table.
  const width = widthOf(ctx);
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  const titleWidth = width - idWidth - 56;
  const withTitle = titleWidth >= 12;
  const header = withTitle ? s.topicsHeaderMastery : s.topicsHeaderMastery.filter((_, i) => i !== 1);
  const body = rows.map((r) => [
    r.id,
    ...(withTitle ? [truncate(clean(pick(r.title, lang)), titleWidth)] : []),
    String(r.facts),
    String(r.examItems),
    percent(r.accuracy),
    `${bar(r.mastery)} ${percent(r.mastery)}`,
    r.due ? c.yellow(String(r.due)) : '0',
  ]);
  // On a narrow terminal each topic becomes a stacked record rather than a row that folds.
  ctx.stdout.write(`${fitTable(header, body, width, withTitle ? ['l', 'l', 'r', 'r', 'r', 'l', 'r'] : ['l', 'r', 'r', 'r', 'l', 'r'])}\n\n`);
  const r = report.readiness;
  ctx.stdout.write(`${wrap(`${s.readiness(r.score, r.low, r.high)} — ${s.readinessVerdict(r.pass)}`, width)}\n`);
  ctx.stdout.write(
    c.dim(`${wrap(`${s.topicsFooter(rows.length, deck.facts.length)} · ${s.overview(report.totals.seen, report.totals.facts, report.totals.due)}`, width)}\n`),
  );
  return 0;
}
