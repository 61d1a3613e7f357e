/** `- **Term** :: description`: asked both ways (which describes the term, which term is described). */

import { loc } from '../parse/inline.js';
import { phrase } from '../phrases.js';
import { choiceQuestion, trueFalseQuestion } from '../questions/build.js';
import { type Candidate, nearbyTiers, pickDistractors } from '../questions/distractors.js';
import { oppositeNames } from '../questions/swap.js';
import { pick, slugify } from '../text.js';
import { type Fact, groupKey, type TermFact } from '../types.js';
import { basicNote, factBase, type KindModule } from './kind.js';

const TERM = /^\*\*(.+?)\*\*\s*::\s*(.*)$/;

/**
 * A front that is itself a question ("What is the largest object S3 stores?", as in most imported
 * decks) is asked as it stands, answers as the options; the reverse ("which question does this
 * answer?") and "Which statement describes What is …?" would read as nonsense.
 */
export const isQuestion = (f: TermFact) => /[?？]\s*$/.test(f.term.en ?? f.term.ko ?? '');
const claim = (f: TermFact, desc: TermFact['description']) => phrase(isQuestion(f) ? 'questionClaim' : 'termClaim', { term: f.term, desc });

const terms = (facts: Fact[], field: 'term' | 'description'): Candidate[] =>
  facts.flatMap((f) => (f.kind === 'term' ? [{ text: f[field], source: f.id }] : []));

export const term: KindModule<'term'> = {
  kind: 'term',
  style: 'fact',
  matches: (en) => /^\*\*.+?\*\*\s*::/.test(en),

  parse(b, ctx) {
    const m = TERM.exec(b.en);
    const name = (m?.[1] ?? '').trim();
    const desc = (m?.[2] ?? '').trim();
    if (!name || !desc) {
      ctx.report(b.line, 'a term needs a name and a description: "**Term** :: description"');
      return null;
    }
    const km = b.ko !== undefined ? TERM.exec(b.ko) : null;
    const koTerm = km?.[1]?.trim();
    const koDesc = km ? km[2]?.trim() : b.ko;
    const key = b.key ?? slugify(name);
    // Assigned onto the base, not spread: see factBase.
    const fact: TermFact = Object.assign(factBase(ctx, key, b.line), {
      kind: 'term' as const,
      term: loc(name, koTerm ?? (koDesc !== undefined ? name : undefined)),
      description: loc(desc, koDesc),
    });
    return { fact, derivedKey: false };
  },

  languageParts: (f) => [{ what: `fact "${f.id}"`, line: f.line, text: f.description }],

  validateGroup(_deck, group, facts, file) {
    if (facts.length >= 3) return [];
    return [
      { file, line: group.line, severity: 'error', message: `group #${group.id} has ${facts.length} term(s); a term question needs 3 or more in its group` },
    ];
  },

  shapes: (_deck, f) => (isQuestion(f) ? [{ type: 'term-desc' }] : [{ type: 'term-desc' }, { type: 'desc-term' }]),

  ask(deck, f, shape, rng) {
    const explanation = term.summary(deck, f);
    if (shape.type === 'term-desc') {
      const d = pickDistractors(
        f.description,
        nearbyTiers(deck, f, (fs) => terms(fs, 'description')),
        rng,
        undefined,
        f.avoid,
      );
      return choiceQuestion(
        deck,
        f,
        {
          kind: 'term-desc',
          shape,
          prompt: phrase(isQuestion(f) ? 'askedTerm' : 'termDesc', { term: f.term }),
          answer: f.description,
          distractors: d,
          explanation,
        },
        rng,
      );
    }
    if (shape.type !== 'desc-term' || isQuestion(f)) return null;
    const d = pickDistractors(
      f.term,
      nearbyTiers(deck, f, (fs) => terms(fs, 'term')),
      rng,
      undefined,
      f.avoid,
    );
    return choiceQuestion(
      deck,
      f,
      { kind: 'desc-term', shape, prompt: phrase('descTerm', { desc: f.description }), answer: f.term, distractors: d, explanation },
      rng,
    );
  },

  trueFalse(deck, f, wantTrue, rng) {
    const explanation = term.summary(deck, f);
    if (wantTrue) return trueFalseQuestion(deck, f, 'tf', term.summary(deck, f), true, explanation);
    // Not a sibling whose name is this one's opposite or a step of its scale, nor any sibling of a ranked group.
    const ranked = deck.groups.get(groupKey(f.topicId, f.groupId))?.ranked === true;
    const fair = (fs: Fact[]) =>
      terms(
        fs.filter((o) => o.kind === 'term' && !(ranked && o.groupId === f.groupId) && !oppositeNames(f.term, o.term)),
        'description',
      );
    const [other] = pickDistractors(f.description, nearbyTiers(deck, f, fair), rng, 1, f.avoid);
    if (!other) return null;
    return trueFalseQuestion(deck, f, 'tf', claim(f, other.text), false, explanation, other.source);
  },

  summary: (_deck, f) => claim(f, f.description),
  anki: (_deck, f, lang) => basicNote(pick(f.term, lang), pick(f.description, lang)),
  sheet: (_deck, f) => ({ mark: 'term', text: f.term, detail: f.description }),
};
