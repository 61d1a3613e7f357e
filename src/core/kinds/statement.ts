/** `- [T] claim` / `- [F] claim => correction`: an authored true or false statement. */

import { loc, splitArrow } from '../parse/inline.js';
import { FALSE, phrase, TRUE } from '../phrases.js';
import { choiceQuestion, trueFalseQuestion } from '../questions/build.js';
import { type Candidate, pickDistractors, siblings, type Tier, topicOthers } from '../questions/distractors.js';
import { pick, slugify } from '../text.js';
import { type Fact, groupKey, type StatementFact } from '../types.js';
import { basicNote, factBase, type KindModule } from './kind.js';

const TRUE_AS_STATED = { en: 'True as stated.', ko: '옳은 설명이다.' };

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
    const fact: StatementFact = {
      ...factBase(ctx, key, b.line),
      kind: 'statement',
      truth,
      statement: loc(claim, ko?.[0]),
      correction: loc(correction, ko?.[1]),
    };
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
   * quiz needs fewer true/false questions. Wrong options nearest in length come first.
   */
  ask(deck, f, shape, rng) {
    if (shape.type !== 'statement') return null;
    const opposite = (facts: Fact[]): Candidate[] =>
      facts.flatMap((o) => (o.kind === 'statement' && o.truth !== f.truth ? [{ text: o.statement, source: o.id }] : []));
    const length = (c: Candidate) => Math.abs((c.text.en ?? c.text.ko ?? '').length - (f.statement.en ?? f.statement.ko ?? '').length);
    const near = (facts: Fact[]) => {
      const all = opposite(facts);
      const limit = (f.statement.en ?? f.statement.ko ?? '').length * 0.5;
      return [all.filter((c) => length(c) <= limit), all.filter((c) => length(c) > limit)];
    };
    const tiers: Tier[] = [...near(siblings(deck, f)), ...near(topicOthers(deck, f))];
    const d = pickDistractors(f.statement, tiers, rng);
    // The question names the group when every option is from it, else the whole topic.
    const group = deck.groups.get(groupKey(f.topicId, f.groupId));
    const topic = deck.topicsById.get(f.topicId);
    const inGroup = d.every((c) => deck.factsById.get(c.source)?.groupId === f.groupId);
    const subject = inGroup && group?.title && (group.title.en || group.title.ko) ? group.title : (topic?.title ?? {});
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
  trueFalse: (deck, f) => trueFalseQuestion(deck, f, 'tf', f.statement, f.truth, statement.summary(deck, f)),
  summary: (_deck, f) => (f.truth ? f.statement : f.correction),
  anki: (_deck, f, lang) =>
    basicNote(pick(phrase('trueFalse', { statement: f.statement }), lang), f.truth ? pick(TRUE, lang) : `${pick(FALSE, lang)}: ${pick(f.correction, lang)}`),
  sheet: (_deck, f) => (f.truth ? { mark: 'true', text: f.statement } : { mark: 'false', text: f.statement, detail: f.correction }),
};
