/** `saa topics`: topics with fact counts and, once there is history, accuracy, mastery and due reviews. */
import { pick } from '../../core/text.js';
import { resolveLang } from '../../io/locale.js';
import { loadStudyDeck } from '../deck-loader.js';
import { statsFrom, withExistingStore } from '../history.js';
import { bar, clean, makeChalk, percent, safeJson } from '../render.js';
import { table, truncate } from '../table.js';
import { strings } from '../strings.js';

export interface TopicsOptions {
  lang?: string;
  notes?: string;
  db?: string;
  json?: boolean;
}

export async function run(opts: TopicsOptions): Promise<void> {
  const lang = resolveLang(opts.lang, process.env);
  const s = strings(lang);
  const deck = loadStudyDeck(opts.notes);
  const report = withExistingStore(opts.db, (store) => statsFrom(deck, store, Date.now()));

  const rows = report.topics.map((t) => {
    const topic = deck.topicsById.get(t.id);
    return {
      id: t.id,
      title: t.title,
      domains: t.domains,
      aliases: topic?.aliases ?? [],
      facts: t.facts,
      seen: t.seen,
      answered: t.answered,
      accuracy: t.accuracy === null ? null : Math.round(t.accuracy * 1000) / 1000,
      mastery: Math.round(t.mastery * 1000) / 1000,
      due: t.due,
    };
  });

  if (opts.json) {
    process.stdout.write(`${safeJson(rows)}\n`);
    return;
  }
  const c = makeChalk();
  // Titles give way first when the terminal is narrow; the other columns take about 55.
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  const titleWidth = Math.max(12, (process.stdout.columns ?? 120) - idWidth - 50);
  const body = rows.map((r) => [
    r.id,
    truncate(clean(pick(r.title, lang)), titleWidth),
    String(r.facts),
    percent(r.accuracy),
    `${bar(r.mastery)} ${percent(r.mastery)}`,
    r.due ? c.yellow(String(r.due)) : '0',
  ]);
  process.stdout.write(`${table(s.topicsHeaderMastery, body, ['l', 'l', 'r', 'r', 'l', 'r'])}\n\n`);
  const r = report.readiness;
  process.stdout.write(`${s.readiness(r.score, r.low, r.high)} — ${s.readinessVerdict(r.pass)}\n`);
  process.stdout.write(c.dim(`${s.topicsFooter(rows.length, deck.facts.length)} · ${s.overview(report.totals.seen, report.totals.facts, report.totals.due)}\n`));
}
