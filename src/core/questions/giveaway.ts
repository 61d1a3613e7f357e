/**
 * A single-fact question whose stem names a word that only the key has ("Which statement
 * describes Glacier Vault Lock?" with the one option about "a vault … Glacier … lock"): a
 * candidate picks the key by matching words, not by knowing AWS. The generator skips such a
 * shape for another, and `saa questions --audit` and `notes check` count them in the notes.
 *
 * Only distinctive words count: a word that many facts of the topic use ("data", "users" in a
 * topic about Regions) names the area, not the key, and so do the topic title and the group's
 * heading that the stem shows as context.
 */
import { kindOf } from '../kinds/registry.js';
import { pick } from '../text.js';
import { type Deck, type Fact, groupKey, type Lang } from '../types.js';
import type { Question } from './question.js';

/** Common words, and the words of the question templates themselves ("Which AWS service or feature fits best?"). */
const STOP = new Set(
  [
    'that with from this which what when where their there they have been will into more than each only also such your about',
    'after before other some most over uses used using must same does both statement describes described here service feature fits best',
    '서비스 기능 설명으로 옳은 옳지 해당하는 알맞은 빈칸에 들어갈',
  ]
    .join(' ')
    .split(' '),
);

/** A word that this share of a topic's facts use (or at least AREA_MIN of them) is the area's, not the key's. */
const AREA_SHARE = 0.08;
const AREA_MIN = 4;

/** Korean particles and endings that follow a noun; stripped so "버킷을" and "버킷" are one word. */
const JOSA = /(으로|에서|에게|까지|부터|보다|처럼|이나|이며|이고|하는|하고|된다|한다|이다|을|를|이|가|은|는|의|에|로|와|과|도|만)$/u;

/** One form per word: lower case, an English plural folded ("APIs" → "api", "policies" → "policy"), a Korean particle dropped. */
export function wordForm(w: string): string {
  // An acronym's plural ("APIs", "ENIs") before the ending rules, which keep "status" and "analysis" whole.
  if (/^[A-Z0-9]{2,}s$/.test(w)) return w.slice(0, -1).toLowerCase();
  let lower = w.toLowerCase();
  // An English name with a Korean particle ("functions는"): the particle goes, the name is folded as English.
  const latin = /^([a-z0-9-]+)[가-힣]+$/u.exec(lower);
  if (latin) lower = latin[1] as string;
  else if (/[가-힣]$/u.test(lower)) return lower.length > 2 ? lower.replace(JOSA, '') : lower;
  if (lower.length > 4 && lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (lower.length > 3 && lower.endsWith('s') && !/(ss|us|is)$/.test(lower)) return lower.slice(0, -1);
  return lower;
}

/** Words long enough to be distinctive once folded: four letters in English, three syllables in Korean. */
const longEnough = (w: string) => w.length >= (/[가-힣]/u.test(w) ? 3 : 4);
const wordsOf = (t: string) => new Set((t.match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? []).map(wordForm).filter(longEnough));

/** How many facts of each topic use each word, per language; built once per deck. */
const areaCounts = new WeakMap<Deck, Map<string, Map<string, number>>>();

function areaWords(deck: Deck, topicId: string, lang: Lang): (w: string) => boolean {
  let byTopic = areaCounts.get(deck);
  if (!byTopic) areaCounts.set(deck, (byTopic = new Map()));
  const facts = deck.byTopic.get(topicId) ?? [];
  const key = `${lang}:${topicId}`;
  let counts = byTopic.get(key);
  if (!counts) {
    counts = new Map();
    for (const f of facts) for (const w of wordsOf(pick(kindOf(f).summary(deck, f), lang))) counts.set(w, (counts.get(w) ?? 0) + 1);
    byTopic.set(key, counts);
  }
  const limit = Math.max(AREA_MIN, facts.length * AREA_SHARE);
  const c = counts;
  return (w) => (c.get(w) ?? 0) >= limit;
}

/** The words of the topic title and the fact's group heading: the stem's context, not a clue. */
function contextWords(deck: Deck, fact: Fact | undefined, topicId: string, lang: Lang): Set<string> {
  const title = pick(deck.topicsById.get(topicId)?.title ?? {}, lang);
  const heading = fact ? pick(deck.groups.get(groupKey(fact.topicId, fact.groupId))?.title ?? {}, lang) : '';
  return wordsOf(`${title} ${heading}`);
}

/** The key's distinctive words that the stem says and no wrong option has; empty when there is none. */
export function keyWordsInStem(deck: Deck, q: Question, lang: Lang = 'en'): string[] {
  const key = q.options[q.answer];
  if (!key || q.format === 'tf') return [];
  const others = new Set(q.options.filter((o) => !o.correct).flatMap((o) => [...wordsOf(pick(o.text, lang))]));
  const candidates = [...wordsOf(pick(key.text, lang))].filter((w) => !others.has(w) && !STOP.has(w));
  if (candidates.length === 0) return [];
  const stem = wordsOf(pick(q.prompt, lang));
  const inStem = candidates.filter((w) => stem.has(w));
  if (inStem.length === 0) return [];
  const context = contextWords(deck, deck.factsById.get(q.factId), q.topicId, lang);
  const isArea = areaWords(deck, q.topicId, lang);
  return inStem.filter((w) => !context.has(w) && !isArea(w));
}
