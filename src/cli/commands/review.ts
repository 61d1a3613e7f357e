/** `saa review`: the facts the scheduler says are due, most overdue first. */
import { randomUUID } from 'node:crypto';
import { dueFacts } from '../../core/drill.js';
import { questionsForFacts } from '../../core/quiz.js';
import { createRng } from '../../core/random.js';
import { resolveLang } from '../../io/locale.js';
import { loadStudyDeck } from '../deck-loader.js';
import { UsageError } from '../errors.js';
import { openStore } from '../open-store.js';
import { formatWhen } from '../render.js';
import { runQuestions } from '../session-runner.js';
import { strings } from '../strings.js';

export interface ReviewOptions {
  limit: number;
  seed?: string;
  lang?: string;
  notes?: string;
  db?: string;
}

export async function run(opts: ReviewOptions): Promise<void> {
  const lang = resolveLang(opts.lang, process.env);
  const s = strings(lang);
  if (!process.stdin.isTTY) throw new UsageError(s.needTty('review'));
  const deck = loadStudyDeck(opts.notes);
  const store = openStore(opts.db);
  try {
    const now = Date.now();
    const due = store.dueCards(now).filter((c) => deck.factsById.has(c.factId));
    if (due.length === 0) {
      const next = store.nextDue(now);
      process.stdout.write(`${s.nothingDue(next ? formatWhen(next.due, now, lang) : null)}\n`);
      return;
    }
    const seed = opts.seed ?? randomUUID().slice(0, 8);
    const questions = questionsForFacts(deck, dueFacts(deck, due, opts.limit), 'mixed', createRng(seed));
    process.stdout.write(`${s.reviewing(questions.length, due.length)}\n\n`);
    await runQuestions({ deck, store, lang, kind: 'review', seed, filters: { limit: opts.limit }, questions });
  } finally {
    store.close();
  }
}
