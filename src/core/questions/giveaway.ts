/**
 * A single-fact question whose stem names a word that only the key has ("Which statement
 * describes Glacier Vault Lock?" with the one option about "a vault … Glacier … lock"): a
 * candidate picks the key by matching words, not by knowing AWS. The generator skips such a
 * shape for another, and `saa questions --audit` counts them in the notes.
 */
import { pick } from '../text.js';
import type { Deck, Lang } from '../types.js';
import type { Question } from './question.js';

/** Common words, and the words of the question templates themselves ("Which AWS service or feature fits best?"). */
const STOP = new Set(
  [
    'that with from this which what when where their there they have been will into more than each only also such your about',
    'after before other some most over uses used using must same does both statement describes described here service feature fits best',
  ]
    .join(' ')
    .split(' '),
);

const wordsOf = (t: string) => new Set(t.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]{3,}/gu) ?? []);

/** The key's words that the stem says and no wrong option has; empty when there is none. */
export function keyWordsInStem(deck: Deck, q: Question, lang: Lang = 'en'): string[] {
  const key = q.options[q.answer];
  if (!key || q.format === 'tf') return [];
  const others = new Set(q.options.filter((o) => !o.correct).flatMap((o) => [...wordsOf(pick(o.text, lang))]));
  // The topic's title ("Which statement about Serverless: Lambda, …") names the area, not the key.
  const title = pick(deck.topics.find((t) => t.id === q.topicId)?.title ?? {}, lang).toLowerCase();
  // One pass over the stem's words (a RegExp per word would compile Unicode classes each time).
  const stem = wordsOf(pick(q.prompt, lang).toLowerCase().replace(title, ' '));
  return [...wordsOf(pick(key.text, lang))].filter((w) => !others.has(w) && !STOP.has(w) && stem.has(w));
}
