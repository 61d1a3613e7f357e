/** `saa export apkg --out FILE`: the Anki export as a package Anki opens directly, optionally with saa's review schedule. */
import { resolve } from 'node:path';
import { type AnkiHistory, ankiCollection } from '../../core/anki-package.js';
import { checkWritable, PackageWriteError, writeApkg } from '../../io/anki-apkg.js';
import { answerLog } from '../../io/answer-log.js';
import { resolveLang } from '../../io/locale.js';
import { databasePath } from '../../io/paths.js';
import { type Context, widthOf } from '../context.js';
import { loadStudyDeck } from '../deck-loader.js';
import { UsageError } from '../errors.js';
import { withExistingStore } from '../open-store.js';
import { clean } from '../render/clean.js';
import { wrap } from '../render/wrap.js';
import { strings } from '../strings.js';
import { selectTopics } from '../topic-filter.js';

export interface ApkgOptions {
  out: string;
  topic?: string;
  lang?: string;
  notes?: string;
  /** False with --no-cache. */
  cache?: boolean;
  db?: string;
  withHistory?: boolean;
}

/** A file that cannot be written is a bad command line: one line, exit 2. */
function writing<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof PackageWriteError) throw new UsageError(err.message);
    throw err;
  }
}

export async function run(opts: ApkgOptions, ctx: Context): Promise<number> {
  const lang = resolveLang(opts.lang, ctx.env);
  const s = strings(lang);
  const out = resolve(opts.out);
  // Before the notes load: a typo in the folder should not cost the wait.
  writing(() => checkWritable(out));
  const deck = await loadStudyDeck(opts.notes, ctx, opts.cache);
  const topics = new Set(selectTopics(deck, opts.topic, lang));
  const now = ctx.now();
  let history: AnkiHistory | null = null;
  if (opts.withHistory) {
    history = withExistingStore(opts.db, ctx, (store) => (store ? { cards: store.cards(), answers: answerLog(store) } : null));
    if (!history) ctx.stderr.write(`${wrap(s.apkgNoHistory(clean(databasePath(opts.db, ctx.env))), widthOf(ctx))}\n`);
  }
  const collection = ankiCollection({
    deck,
    facts: deck.facts.filter((f) => topics.has(f.topicId)),
    lang,
    now,
    // Minutes west of UTC, as Anki counts its days: what getTimezoneOffset gives.
    minutesWest: new Date(now).getTimezoneOffset(),
    // Note text is untrusted: fields lose control sequences, as in the text export.
    sanitize: clean,
    history,
  });
  writing(() => writeApkg(out, collection));
  const scheduled = collection.cards.filter((c) => c.type !== 0).length;
  ctx.stdout.write(
    `${wrap(s.apkgWritten(clean(opts.out), collection.notes.length, collection.deckNames.length, scheduled, collection.revlog.length), widthOf(ctx))}\n`,
  );
  return 0;
}
