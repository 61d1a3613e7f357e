/** `- [T] claim` / `- [F] claim => correction`: an authored true or false statement. */

import { loc, splitArrow } from '../parse/inline.js';
import { FALSE, phrase, TRUE } from '../phrases.js';
import { trueFalseQuestion } from '../questions/build.js';
import { pick, slugify } from '../text.js';
import type { StatementFact } from '../types.js';
import type { KindModule } from './kind.js';

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
      id: `${ctx.topicId}.${ctx.group.id}.${key}`,
      topicId: ctx.topicId,
      groupId: ctx.group.id,
      key,
      tags: ctx.tags,
      line: b.line,
      ...(ctx.domain ? { domain: ctx.domain } : {}),
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

  shapes: () => [],
  ask: () => null,
  trueFalse: (deck, f) => trueFalseQuestion(deck, f, 'tf', f.statement, f.truth, statement.summary(deck, f)),
  summary: (_deck, f) => (f.truth ? f.statement : f.correction),
  anki: (_deck, f, lang) => [
    pick(phrase('trueFalse', { statement: f.statement }), lang),
    f.truth ? pick(TRUE, lang) : `${pick(FALSE, lang)}: ${pick(f.correction, lang)}`,
  ],
  sheet: (_deck, f) => (f.truth ? { mark: 'true', text: f.statement } : { mark: 'false', text: f.statement, detail: f.correction }),
};
