/**
 * What the notes produce, audited for the writer of notes: over every question the deck can make
 * (every shape of every fact, and both true/false forms), how often the patterns a candidate could
 * game appear, with the worst examples; and the true/false share and balance of seeded mixed
 * quizzes, the way a learner meets them.
 */
import { ask, choiceFor, MUCH_LONGER, shapesOf, trueFalse } from './questions/generate.js';
import { keyWordsInStem } from './questions/giveaway.js';
import type { Question } from './questions/question.js';
import { buildQuiz } from './quiz.js';
import { createRng } from './random.js';
import { pick } from './text.js';
import type { Deck, Lang } from './types.js';

export interface AuditExample {
  id: string;
  prompt: string;
  detail: string;
}

export interface AuditPattern {
  /** What the pattern is, in a few words. */
  name: string;
  count: number;
  /** How many questions it was looked for in. */
  of: number;
  examples: AuditExample[];
}

export interface Audit {
  lang: Lang;
  facts: number;
  questions: number;
  byKind: Record<string, number>;
  mixedQuiz: { quizzes: number; questions: number; trueFalseShare: number; trueShare: number };
  trueFalse: {
    count: number;
    trueShare: number;
    meanTrueLength: number;
    meanFalseLength: number;
    authored: { meanTrueLength: number; meanFalseLength: number };
  };
  /** Single-answer exam-style items by where the key's length ranks: [strictly longest, 2nd, 3rd, strictly shortest]. */
  itemKeyRanks: number[];
  patterns: AuditPattern[];
}

/**
 * Where each single-answer item's key ranks by length among its options (0 = strictly longest,
 * 3 = strictly shortest; a tie counts as longer). Each rank near a quarter gives a test-wise
 * candidate nothing: a key never the longest, or mostly second, is a cue of its own.
 */
export function itemKeyRanks(deck: Deck, topicIds: readonly string[], lang: Lang): number[] {
  const ranks = [0, 0, 0, 0];
  for (const f of deck.facts) {
    if (f.kind !== 'item' || !topicIds.includes(f.topicId)) continue;
    const keys = f.options.filter((o) => o.correct);
    if (keys.length !== 1 || f.options.length !== 4) continue;
    const len = (t: { en?: string; ko?: string }) => [...pick(t, lang)].length;
    const key = len(keys[0]?.text ?? {});
    const rank = f.options.filter((o) => !o.correct && len(o.text) >= key).length;
    ranks[rank] = (ranks[rank] ?? 0) + 1;
  }
  return ranks;
}

const EXAMPLES = 5;
/** Words that make a statement absolute; a false statement built on one is guessable. */
const ABSOLUTE: Record<Lang, RegExp> = {
  en: /\b(always|never|only|all|none|every|any|cannot|no longer)\b/i,
  ko: /(항상|절대|오직|뿐이다|모든|전혀|반드시|결코)/,
};
function pattern(name: string, of: number, hits: (AuditExample & { score: number })[]): AuditPattern {
  const examples = [...hits].sort((a, b) => b.score - a.score).slice(0, EXAMPLES);
  return { name, count: hits.length, of, examples: examples.map(({ id, prompt, detail }) => ({ id, prompt, detail })) };
}

/** Every question the topics' facts can make: each shape once, and true/false both ways. */
function everyQuestion(deck: Deck, topicIds: readonly string[]): Question[] {
  const topics = new Set(topicIds);
  const rng = createRng('audit');
  const out = new Map<string, Question>();
  for (const fact of deck.facts.filter((f) => topics.has(f.topicId))) {
    for (const shape of [...shapesOf(deck, fact, 'fact'), ...shapesOf(deck, fact, 'exam')]) {
      const q = ask(deck, fact, shape, rng);
      if (q) out.set(q.id, q);
    }
    for (const wantTrue of [true, false]) {
      const q = trueFalse(deck, fact, wantTrue, rng);
      if (q) out.set(`${q.id}:${q.options[q.answer]?.text.en}`, q);
    }
  }
  return [...out.values()];
}

const statementOf = (q: Question, lang: Lang) => pick(q.prompt, lang).split('\n').at(-1) ?? '';
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const isTrueKey = (q: Question) => q.options[q.answer]?.text.en === 'True';

export function auditQuestions(deck: Deck, topicIds: readonly string[], lang: Lang): Audit {
  const all = everyQuestion(deck, topicIds);
  const byKind: Record<string, number> = {};
  for (const q of all) byKind[q.kind] = (byKind[q.kind] ?? 0) + 1;
  const short = (q: Question) => pick(q.prompt, lang).replace(/\s+/g, ' ').slice(0, 140);

  // A learner's view: 100 seeded mixed quizzes of 20.
  const quizzes = Array.from({ length: 100 }, (_, i) => buildQuiz(deck, { topicIds, count: 20, type: 'mixed', style: 'mixed' }, createRng(`audit-${i}`)));
  const asked = quizzes.flat();
  const askedTf = asked.filter((q) => q.format === 'tf');

  const tf = all.filter((q) => q.format === 'tf');
  const tfTrue = tf.filter(isTrueKey);
  const tfFalse = tf.filter((q) => !isTrueKey(q));

  const single = all.filter((q) => q.format === 'mc' && q.options.length > 2);
  const lengths = (q: Question) => q.options.map((o) => pick(o.text, lang).length);
  const longestHits = (qs: Question[]) =>
    qs.flatMap((q) => {
      const l = lengths(q);
      const key = l[q.answer] ?? 0;
      const rest = Math.max(...l.filter((_, i) => i !== q.answer));
      return key > rest ? [{ id: q.id, prompt: short(q), detail: `key ${key} chars, longest wrong ${rest}`, score: key / Math.max(1, rest) }] : [];
    });
  // The opposite cue: a key that is never the longest lets a candidate strike the longest option.
  const shortestHits = (qs: Question[]) =>
    qs.flatMap((q) => {
      const l = lengths(q);
      const key = l[q.answer] ?? 0;
      const rest = Math.min(...l.filter((_, i) => i !== q.answer));
      return key < rest ? [{ id: q.id, prompt: short(q), detail: `key ${key} chars, shortest wrong ${rest}`, score: rest / Math.max(1, key) }] : [];
    });
  const askedSingle = asked.filter((q) => q.format === 'mc' && q.options.length > 2);
  const longest = longestHits(single);
  // Fact questions only: an authored scenario shares words with its key by nature.
  const factSingle = single.filter((q) => q.style === 'fact');
  const inStem = factSingle.flatMap((q) => {
    const hits = keyWordsInStem(deck, q, lang);
    return hits.length ? [{ id: q.id, prompt: short(q), detail: `stem says "${hits.join('", "')}"`, score: hits.length }] : [];
  });
  // In Korean, an option left in English among Korean ones (or the reverse) stands out; it should be the key no more often than chance.
  const loneScript = (qs: Question[]) =>
    qs.flatMap((q) => {
      const hangul = q.options.map((o) => /[가-힣]/.test(pick(o.text, 'ko')));
      const h = hangul.filter(Boolean).length;
      if (h !== 1 && h !== hangul.length - 1) return [];
      const lone = h === 1 ? hangul.indexOf(true) : hangul.indexOf(false);
      return [{ id: q.id, prompt: short(q), detail: pick(q.options[lone]?.text ?? {}, lang), score: lone === q.answer ? 1 : 0 }];
    });
  const lone = lang === 'ko' ? loneScript(single) : [];
  const askedInStem = asked.filter((q) => q.style === 'fact' && q.format === 'mc' && keyWordsInStem(deck, q, lang).length > 0);
  // Facts the quiz can ask only as true/false, because every multiple-choice form names the key.
  const rng = createRng('audit-fair');
  const unfair = deck.facts
    .filter((f) => topicIds.includes(f.topicId) && shapesOf(deck, f, 'fact').length > 0 && !choiceFor(deck, f, rng))
    .flatMap((f) => {
      const q = shapesOf(deck, f, 'fact')
        .map((shape) => ask(deck, f, shape, rng))
        .find((x) => x && keyWordsInStem(deck, x, lang).length > 0);
      return q ? [{ id: f.id, prompt: short(q), detail: `stem says "${keyWordsInStem(deck, q, lang).join('", "')}"`, score: 1 }] : [];
    });
  const authored = deck.facts.flatMap((f) => (f.kind === 'statement' && topicIds.includes(f.topicId) ? [f] : []));
  const absolute = (qs: Question[]) => qs.filter((q) => ABSOLUTE[lang].test(statementOf(q, lang)));
  const absoluteFalse = absolute(tfFalse);

  return {
    lang,
    facts: deck.facts.filter((f) => topicIds.includes(f.topicId)).length,
    questions: all.length,
    byKind,
    mixedQuiz: {
      quizzes: quizzes.length,
      questions: asked.length,
      trueFalseShare: asked.length ? askedTf.length / asked.length : 0,
      trueShare: askedTf.length ? askedTf.filter(isTrueKey).length / askedTf.length : 0,
    },
    trueFalse: {
      count: tf.length,
      trueShare: tf.length ? tfTrue.length / tf.length : 0,
      meanTrueLength: Math.round(mean(tfTrue.map((q) => statementOf(q, lang).length))),
      meanFalseLength: Math.round(mean(tfFalse.map((q) => statementOf(q, lang).length))),
      // The notes' own [T] and [F] lines: a gap here shows in every "Which statement is true?".
      authored: {
        meanTrueLength: Math.round(mean(authored.filter((f) => f.truth).map((f) => pick(f.statement, lang).length))),
        meanFalseLength: Math.round(mean(authored.filter((f) => !f.truth).map((f) => pick(f.statement, lang).length))),
      },
    },
    itemKeyRanks: itemKeyRanks(deck, topicIds, lang),
    patterns: [
      pattern('key is the strictly longest option', single.length, longest),
      pattern('key is the strictly longest option (in the mixed quizzes)', askedSingle.length, longestHits(askedSingle)),
      pattern('key is the strictly shortest option (in the mixed quizzes)', askedSingle.length, shortestHits(askedSingle)),
      pattern(
        `key at least ${MUCH_LONGER}× as long as every wrong option`,
        single.length,
        longest.filter((h) => h.score >= MUCH_LONGER),
      ),
      pattern(
        `key at least ${MUCH_LONGER}× as long as every wrong option (in the mixed quizzes)`,
        askedSingle.length,
        longestHits(askedSingle).filter((h) => h.score >= MUCH_LONGER),
      ),
      ...(lang === 'ko'
        ? [
            pattern(
              'the key is the one option in another script (English among Korean, or the reverse), of the questions that have such an option',
              lone.length,
              lone.filter((h) => h.score === 1),
            ),
          ]
        : []),
      pattern('stem names a word only the key has (fact questions the notes can make)', factSingle.length, inStem),
      pattern(
        'facts asked only as true/false, every multiple-choice form naming the key',
        deck.facts.filter((f) => topicIds.includes(f.topicId) && shapesOf(deck, f, 'fact').length > 0).length,
        unfair,
      ),
      pattern(
        'stem names a word only the key has (in the mixed quizzes, after the filter)',
        asked.filter((q) => q.style === 'fact' && q.format === 'mc').length,
        askedInStem.map((q) => ({ id: q.id, prompt: short(q), detail: keyWordsInStem(deck, q, lang).join(', '), score: 1 })),
      ),
      pattern(
        'false statement with an absolute word',
        tfFalse.length,
        absoluteFalse.map((q) => ({ id: q.id, prompt: short(q), detail: statementOf(q, lang).match(ABSOLUTE[lang])?.[0] ?? '', score: 1 })),
      ),
      // The same count among true statements: when it is far lower, "always" or "only" gives the key away.
      pattern(
        'true statement with an absolute word',
        tfTrue.length,
        absolute(tfTrue).map((q) => ({ id: q.id, prompt: short(q), detail: statementOf(q, lang).match(ABSOLUTE[lang])?.[0] ?? '', score: 1 })),
      ),
    ],
  };
}
