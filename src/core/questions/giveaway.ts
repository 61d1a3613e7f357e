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

const isHangul = (c: number) => c >= 0xac00 && c <= 0xd7a3;
/** An acronym's plural ("APIs", "ENIs"). */
const ACRONYM_PLURAL = /^[A-Z0-9]{2,}s$/;
/** An English name with a Korean particle ("functions는"): the name and the Hangul after it. */
const LATIN_THEN_HANGUL = /^([a-z0-9-]+)[\uac00-\ud7a3]+$/;
const HAS_HANGUL = /[\uac00-\ud7a3]/;

/** Every word a deck's questions use is folded many times a start: each once is enough. */
const folded = new Map<string, string>();

/** One form per word: lower case, an English plural folded ("APIs" → "api", "policies" → "policy"), a Korean particle dropped. */
export function wordForm(w: string): string {
  let form = folded.get(w);
  if (form === undefined) {
    form = fold(w);
    folded.set(w, form);
  }
  return form;
}

// Regular expressions, not loops over characters: they run as native code, and a start folds a
// few thousand words, enough for V8 to spend memory optimizing small JavaScript helpers before
// the first question shows.
function fold(w: string): string {
  // An acronym's plural before the ending rules, which keep "status" and "analysis" whole.
  if (ACRONYM_PLURAL.test(w)) return w.slice(0, -1).toLowerCase();
  let lower = w.toLowerCase();
  const named = LATIN_THEN_HANGUL.exec(lower);
  if (named) lower = named[1] as string;
  else if (isHangul(lower.charCodeAt(lower.length - 1))) return lower.length > 2 ? lower.replace(JOSA, '') : lower;
  const m = lower.length;
  if (m > 4 && lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (m > 3 && lower.endsWith('s') && !(lower.endsWith('ss') || lower.endsWith('us') || lower.endsWith('is'))) return lower.slice(0, -1);
  return lower;
}

/** A text's distinctive words; the same option texts come up for many candidate questions, so each is split once. Never mutated. */
const split = new Map<string, ReadonlySet<string>>();
function wordsOf(t: string): ReadonlySet<string> {
  let words = split.get(t);
  if (!words) {
    const found = new Set<string>();
    for (const w of t.match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? []) {
      // One loop, no helper called per word (see fold): the word's form, kept when long enough to
      // be distinctive (four letters in English, three syllables in Korean).
      let form = folded.get(w);
      if (form === undefined) folded.set(w, (form = fold(w)));
      if (form.length >= (HAS_HANGUL.test(form) ? 3 : 4)) found.add(form);
    }
    words = found;
    split.set(t, words);
  }
  return words;
}

/** Each topic's fact summaries, per language, lower-cased beside the text; made once per deck. */
const summaries = new WeakMap<Deck, Map<string, { text: string; lower: string }[]>>();
/** How many of a topic's facts use a word, per deck, topic and language: counted when first asked. */
const areaCounts = new WeakMap<Deck, Map<string, Map<string, number>>>();

/**
 * Whether a word is one that many of the topic's facts use. Only the few words a stem shares
 * with its key are ever asked about, so a word is counted when asked, and only in the summaries
 * whose text holds all of its folded form but the last letter: every fold (a plural's ending, a
 * particle) keeps that much of the word as written, so no summary that uses the word is skipped.
 */
function areaWords(deck: Deck, topicId: string, lang: Lang): (w: string) => boolean {
  const key = `${lang}:${topicId}`;
  let byTopic = summaries.get(deck);
  if (!byTopic) summaries.set(deck, (byTopic = new Map()));
  let texts = byTopic.get(key);
  if (!texts) {
    texts = (deck.byTopic.get(topicId) ?? []).map((f) => {
      const text = pick(kindOf(f).summary(deck, f), lang);
      return { text, lower: text.toLowerCase() };
    });
    byTopic.set(key, texts);
  }
  let countsByTopic = areaCounts.get(deck);
  if (!countsByTopic) areaCounts.set(deck, (countsByTopic = new Map()));
  let counts = countsByTopic.get(key);
  if (!counts) countsByTopic.set(key, (counts = new Map()));
  const limit = Math.max(AREA_MIN, texts.length * AREA_SHARE);
  const list = texts;
  const c = counts;
  return (w) => {
    let n = c.get(w);
    if (n === undefined) {
      const probe = w.slice(0, -1);
      n = 0;
      for (const t of list) if (t.lower.includes(probe) && wordsOf(t.text).has(w)) n++;
      c.set(w, n);
    }
    return n >= limit;
  };
}

/** The words of the topic title and the fact's group heading: the stem's context, not a clue. */
function contextWords(deck: Deck, fact: Fact | undefined, topicId: string, lang: Lang): ReadonlySet<string> {
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
