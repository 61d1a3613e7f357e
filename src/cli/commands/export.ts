/** `saa export anki|json`: the facts (and optionally the answer log) for other tools. */
import { ankiExport } from '../../core/anki.js';
import { factSummary } from '../../core/phrases.js';
import { resolveLang } from '../../io/locale.js';
import { exportHistory } from '../../io/history-transfer.js';
import { loadStudyDeck } from '../deck-loader.js';
import { withExistingStore } from '../history.js';
import { safeJson } from '../render.js';
import { VERSION } from '../version.js';
import { selectTopics } from '../topic-filter.js';

export interface ExportOptions {
  topic?: string;
  lang?: string;
  notes?: string;
  db?: string;
  history?: boolean;
}

export async function anki(opts: ExportOptions): Promise<void> {
  const lang = resolveLang(opts.lang, process.env);
  const deck = loadStudyDeck(opts.notes);
  const topics = new Set(selectTopics(deck, opts.topic, lang));
  process.stdout.write(ankiExport(deck, deck.facts.filter((f) => topics.has(f.topicId)), lang));
}

export async function json(opts: ExportOptions): Promise<void> {
  const lang = resolveLang(opts.lang, process.env);
  const deck = loadStudyDeck(opts.notes);
  const topics = new Set(selectTopics(deck, opts.topic, lang));
  const out: Record<string, unknown> = {
    saa: VERSION,
    topics: deck.topics.filter((t) => topics.has(t.id)).map(({ id, order, title, domains, aliases }) => ({ id, order, title, domains, aliases })),
    facts: deck.facts
      .filter((f) => topics.has(f.topicId))
      .map((f) => ({ ...f, summary: factSummary(deck, f) })),
  };
  if (opts.history) {
    out.history = withExistingStore(opts.db, (store) => (store ? exportHistory(store) : { format: 'saa-history', version: 1, sessions: [], answers: [] }));
  }
  process.stdout.write(`${safeJson(out)}\n`);
}

export async function history(opts: ExportOptions): Promise<void> {
  const data = withExistingStore(opts.db, (store) => (store ? exportHistory(store) : { format: 'saa-history', version: 1, sessions: [], answers: [] }));
  process.stdout.write(`${safeJson(data)}\n`);
}
