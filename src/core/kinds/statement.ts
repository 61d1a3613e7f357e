/** `- [T] claim` / `- [F] claim => correction`: an authored true or false statement. */

import { loc, splitArrow } from '../parse/inline.js';
import { FALSE, phrase, TRUE } from '../phrases.js';
import { choiceQuestion, trueFalseQuestion } from '../questions/build.js';
import { groupSubject, inContext, subjectContext } from '../questions/context.js';
import { type Candidate, pickDistractors, siblings, type Tier, topicOthers } from '../questions/distractors.js';
import { MAX_OPTIONS } from '../questions/question.js';
import type { Rng } from '../random.js';
import { pick, slugify } from '../text.js';
import type { Fact, Localized, StatementFact } from '../types.js';
import { basicNote, factBase, type KindModule } from './kind.js';

const TRUE_AS_STATED = { en: 'True as stated.', ko: '옳은 설명이다.' };

const lengthOf = (t: Localized) => (t.en ?? t.ko ?? '').length;

/**
 * Three wrong statements for `f` whose lengths straddle its own: one longer and one shorter
 * where the pool has them (true statements run longer than false ones, so nearest-in-length
 * alone left the true key the longest option seven times in ten), then the nearest in length.
 * Each pick takes the group before the topic.
 */
function balancedByLength(f: StatementFact, pools: Tier[], rng: Rng): Candidate[] {
  const own = lengthOf(f.statement);
  const all = () => pools.flatMap((p) => (typeof p === 'function' ? p() : p));
  const within = (lo: number, hi: number) =>
    pools.map((p) => () => (typeof p === 'function' ? p() : p).filter((c) => lengthOf(c.text) >= lo && lengthOf(c.text) < hi));
  const chosen: Candidate[] = [];
  const take = (tiers: Tier[], max: number) => {
    const avoid = [...(f.avoid ?? []), ...chosen.map((c) => c.source)];
    chosen.push(...pickDistractors(f.statement, tiers, rng, max, avoid));
  };
  take(within(own, own * 1.6), 1);
  take(within(own * 0.6, own), 1);
  const near = [...all()].sort((a, b) => Math.abs(lengthOf(a.text) - own) - Math.abs(lengthOf(b.text) - own));
  take([near.slice(0, 6), near], MAX_OPTIONS - 1 - chosen.length);
  return chosen;
}

export const statement: KindModule<'statement'> = {
  kind: 'statement',
  style: 'fact',
  matches: (en) => /^\[[TF]\]\s/.test(en),

  parse(b, ctx) {
    const m = /^\[([TF])\]\s+(.*)$/.exec(b.en);
    const truth = m?.[1] === 'T';
    const [claim, correction] = splitArrow(m?.[2] ?? '');
    const ko = b.ko !== undefined ? splitArrow(b.ko.replace(/^\[[TF]\]\s*/, '')) : undefined;
    if (!claim) {
      ctx.report(b.line, 'empty true/false statement');
      return null;
    }
    if (!truth && !correction) {
      ctx.report(b.line, 'a false statement needs its correction: "[F] claim => what is true"');
      return null;
    }
    if (truth && correction) {
      ctx.report(b.line, 'a true statement takes no "=> correction"');
      return null;
    }
    if (!truth && ko && ko[0] && !ko[1]) {
      ctx.report(b.line, 'the Korean of a false statement needs its correction too ("=> ...")');
      return null;
    }
    const key = b.key ?? slugify(claim);
    // Assigned onto the base, not spread: see factBase.
    const fact: StatementFact = Object.assign(factBase(ctx, key, b.line), {
      kind: 'statement' as const,
      truth,
      statement: loc(claim, ko?.[0]),
      correction: loc(correction, ko?.[1]),
    });
    return { fact, derivedKey: b.key === undefined };
  },

  languageParts: (f) => [
    { what: `fact "${f.id}"`, line: f.line, text: f.statement },
    ...(f.truth ? [] : [{ what: `fact "${f.id}"`, line: f.line, text: f.correction }]),
  ],

  shapes: () => [{ type: 'statement' }],

  /**
   * "Which statement about X is true?" with false siblings as the wrong options, or, for a false
   * statement, "… is NOT true?" with true siblings: the statement asked as multiple choice, so a
   * quiz needs fewer true/false questions. The wrong options straddle the key's length (see
   * balancedByLength), so neither the longest nor the shortest option tells the answer.
   */
  ask(deck, f, shape, rng) {
    if (shape.type !== 'statement') return null;
    const opposite = (facts: Fact[]): Candidate[] =>
      facts.flatMap((o) => (o.kind === 'statement' && o.truth !== f.truth ? [{ text: o.statement, source: o.id }] : []));
    const d = balancedByLength(f, [opposite(siblings(deck, f)), () => opposite(topicOthers(deck, f))], rng);
    // The question names the group when every option is from it, else the whole topic.
    const inGroup = d.every((c) => deck.factsById.get(c.source)?.groupId === f.groupId);
    const subject = inGroup ? groupSubject(deck, f) : (deck.topicsById.get(f.topicId)?.title ?? {});
    const q = choiceQuestion(
      deck,
      f,
      {
        kind: 'statement',
        shape,
        prompt: phrase(f.truth ? 'statementTrue' : 'statementFalse', { topic: subject }),
        answer: f.statement,
        distractors: d,
        explanation: f.truth ? TRUE_AS_STATED : phrase('isFalse', { fact: f.correction }),
      },
      rng,
    );
    if (!q) return null;
    // A wrong option is another statement: say whether it holds, and what is true instead.
    for (const o of q.options) {
      const s = deck.factsById.get(o.source ?? '');
      if (s?.kind === 'statement') o.reason = s.truth ? TRUE_AS_STATED : phrase('isFalse', { fact: s.correction });
    }
    return q;
  },
  trueFalse: (deck, f) => trueFalseQuestion(deck, f, 'tf', inContext(subjectContext(deck, f, f.statement), f.statement), f.truth, statement.summary(deck, f)),
  summary: (_deck, f) => (f.truth ? f.statement : f.correction),
  anki: (_deck, f, lang) =>
    basicNote(pick(phrase('trueFalse', { statement: f.statement }), lang), f.truth ? pick(TRUE, lang) : `${pick(FALSE, lang)}: ${pick(f.correction, lang)}`),
  sheet: (_deck, f) => (f.truth ? { mark: 'true', text: f.statement } : { mark: 'false', text: f.statement, detail: f.correction }),
};
