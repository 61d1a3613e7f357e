/** `saa topics`: topics with fact counts and, once there is history, accuracy per topic. */
import { existsSync } from 'node:fs';
import { pick } from '../../core/text.js';
import { resolveLang } from '../../io/locale.js';
import { databasePath } from '../../io/paths.js';
import type { TopicAccuracy } from '../../io/store.js';
import { loadStudyDeck } from '../deck-loader.js';
import { openStore } from '../open-store.js';
import { bar, clean, makeChalk, table } from '../render.js';
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
  // Listing topics never creates a database: only read one that exists.
  let accuracy = new Map<string, TopicAccuracy>();
  if (existsSync(databasePath(opts.db, process.env))) {
    const store = openStore(opts.db);
    try {
      accuracy = store.topicAccuracy();
    } finally {
      store.close();
    }
  }

  const rows = deck.topics.map((t) => {
    const a = accuracy.get(t.id);
    return {
      id: t.id,
      title: t.title,
      domains: t.domains,
      aliases: t.aliases,
      facts: deck.byTopic.get(t.id)?.length ?? 0,
      answered: a?.answered ?? 0,
      correct: a?.correct ?? 0,
      accuracy: a && a.answered > 0 ? a.correct / a.answered : null,
    };
  });

  if (opts.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const c = makeChalk();
  const body = rows.map((r) => [
    r.id,
    clean(pick(r.title, lang)),
    String(r.facts),
    r.answered ? String(r.answered) : s.noHistory,
    r.accuracy === null ? s.noHistory : `${bar(r.accuracy)} ${Math.round(r.accuracy * 100)}%`,
  ]);
  process.stdout.write(`${table(s.topicsHeader, body, ['l', 'l', 'r', 'r', 'l'])}\n`);
  process.stdout.write(c.dim(`${s.topicsFooter(rows.length, deck.facts.length)}\n`));
}
