/** `saa export anki|json|history`: the facts (and optionally the answer log) for other tools. */
import { ankiExport } from '../../core/anki.js';
import { factSummary } from '../../core/questions/generate.js';
import { exportHistory } from '../../io/history-transfer.js';
import { resolveLang } from '../../io/locale.js';
import type { Context } from '../context.js';
import { loadStudyDeck } from '../deck-loader.js';
import { withExistingStore } from '../open-store.js';
import { clean } from '../render/clean.js';
import { safeJson } from '../render/render.js';
import { selectTopics } from '../topic-filter.js';
import { VERSION } from '../version.js';

export interface ExportOptions {
  topic?: string;
  lang?: string;
  notes?: string;
  /** False with --no-cache. */
  cache?: boolean;
  db?: string;
  history?: boolean;
}

const EMPTY_HISTORY = { format: 'saa-history', version: 1, sessions: [], answers: [] };

export async function anki(opts: ExportOptions, ctx: Context): Promise<number> {
  const lang = resolveLang(opts.lang, ctx.env);
  const deck = await loadStudyDeck(opts.notes, ctx, opts.cache);
  const topics = new Set(selectTopics(deck, opts.topic, lang));
  // Note text is untrusted: fields lose control sequences, whether they go to a terminal or a file.
  ctx.stdout.write(
    ankiExport(
      deck,
      deck.facts.filter((f) => topics.has(f.topicId)),
      lang,
      clean,
    ),
  );
  return 0;
}

export async function json(opts: ExportOptions, ctx: Context): Promise<number> {
  const lang = resolveLang(opts.lang, ctx.env);
  const deck = await loadStudyDeck(opts.notes, ctx, opts.cache);
  const topics = new Set(selectTopics(deck, opts.topic, lang));
  const out: Record<string, unknown> = {
    saa: VERSION,
    topics: deck.topics.filter((t) => topics.has(t.id)).map(({ id, order, title, domains, aliases }) => ({ id, order, title, domains, aliases })),
    facts: deck.facts.filter((f) => topics.has(f.topicId)).map((f) => ({ ...f, summary: factSummary(deck, f) })),
  };
  if (opts.history) out.history = withExistingStore(opts.db, ctx, (store) => (store ? exportHistory(store) : EMPTY_HISTORY));
  ctx.stdout.write(`${safeJson(out)}\n`);
  return 0;
}

export async function history(opts: ExportOptions, ctx: Context): Promise<number> {
  const data = withExistingStore(opts.db, ctx, (store) => (store ? exportHistory(store) : EMPTY_HISTORY));
  ctx.stdout.write(`${safeJson(data)}\n`);
  return 0;
}
