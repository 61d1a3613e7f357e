/**
 * Questions from facts through the kind registry: the shapes a fact can take, the question of
 * a shape with a reason on every option, true/false, and a fact as a sentence.
 */
import { kindOf } from '../kinds/registry.js';
import { isQuestion } from '../kinds/term.js';
import { phrase } from '../phrases.js';
import { type Rng, shuffle } from '../random.js';
import { pick } from '../text.js';
import type { Deck, Fact, Localized } from '../types.js';
import { keyWordsInStem } from './giveaway.js';
import type { Option, Question } from './question.js';
import type { Shape } from './shape.js';

/** The fact as one sentence: what feedback shows as "the correct fact". */
export function factSummary(deck: Deck, fact: Fact): Localized {
  return kindOf(fact).summary(deck, fact);
}

const isQuestionTerm = (f: Fact) => f.kind === 'term' && isQuestion(f);

/** Fills the reasons a kind left empty: the key's is the explanation, a wrong option's the fact it belongs to. */
function withReasons(deck: Deck, q: Question | null): Question | null {
  if (!q) return q;
  const swapped = q.swappedFrom ? deck.factsById.get(q.swappedFrom) : undefined;
  for (const o of q.options) {
    if (o.reason.en !== undefined || o.reason.ko !== undefined) continue;
    if (o.correct) o.reason = q.explanation;
    else if (q.format === 'tf') o.reason = swapped ? phrase('belongsTo', { fact: factSummary(deck, swapped) }) : q.explanation;
    else {
      const source = o.source ? deck.factsById.get(o.source) : undefined;
      o.reason =
        source && source.id !== q.factId ? phrase(isQuestionTerm(source) ? 'answersOther' : 'belongsTo', { fact: factSummary(deck, source) }) : q.explanation;
    }
  }
  return q;
}

/** Whether a fact is asked as an exam-style question by nature (an authored item). */
export function isExamKind(fact: Fact): boolean {
  return kindOf(fact).style === 'exam';
}

/** Single-fact multiple-choice shapes (`fact`) or exam-style ones (`exam`: items, multi-constraint rows). */
export function shapesOf(deck: Deck, fact: Fact, style: 'fact' | 'exam'): Shape[] {
  const kind = kindOf(fact);
  if (kind.style === 'exam') return style === 'exam' ? kind.shapes(deck, fact) : [];
  return style === 'exam' ? (kind.examShapes?.(deck, fact) ?? []) : kind.shapes(deck, fact);
}

export function ask(deck: Deck, fact: Fact, shape: Shape, rng: Rng): Question | null {
  return withReasons(deck, kindOf(fact).ask(deck, fact, shape, rng));
}

export function trueFalse(deck: Deck, fact: Fact, wantTrue: boolean, rng: Rng): Question | null {
  return withReasons(deck, kindOf(fact).trueFalse(deck, fact, wantTrue, rng));
}

/** Draws of wrong options tried per shape before a shape whose stem names its key is given up. */
const GIVEAWAY_TRIES = 3;

/** Exam-style shapes tried per fact before moving on (a table row can key dozens of constraint questions). */
const SHAPE_TRIES = 6;

/** An exam-style question for a fact (an authored item, or a multi-constraint question keyed on a row). */
export function examQuestionFor(deck: Deck, fact: Fact, rng: Rng): Question | null {
  for (const shape of shuffle(shapesOf(deck, fact, 'exam'), rng).slice(0, SHAPE_TRIES)) {
    const q = ask(deck, fact, shape, rng);
    if (q) return q;
  }
  return null;
}

/** A key this many times as long as every wrong option stands out by its length alone. */
export const MUCH_LONGER = 1.5;

/** Whether the key is at least MUCH_LONGER times as long as every wrong option, in either language. */
export function keyMuchLonger(q: Question): boolean {
  return (['en', 'ko'] as const).some((lang) => {
    const len = (o: Option) => pick(o.text, lang).length;
    const key = len(q.options[q.answer] ?? q.options[0] ?? ({ text: {} } as Option));
    const rest = Math.max(...q.options.filter((o) => !o.correct).map(len));
    return Number.isFinite(rest) && key >= MUCH_LONGER * rest && key - rest >= 8;
  });
}

/**
 * A single-fact multiple-choice question for a fact, trying its shapes in random order. A shape
 * whose stem names a word only its key has (in either language) is never asked; one whose key
 * is much longer than every wrong option is asked only when no other shape or draw avoids it.
 */
export function choiceFor(deck: Deck, fact: Fact, rng: Rng): Question | null {
  const fair = (q: Question) => keyWordsInStem(deck, q, 'en').length === 0 && keyWordsInStem(deck, q, 'ko').length === 0;
  let fallback: Question | null = null;
  for (const shape of shuffle(shapesOf(deck, fact, 'fact'), rng)) {
    // Another draw of wrong options may hold a sibling that shares the word, which makes it fair.
    for (let attempt = 0; attempt < GIVEAWAY_TRIES; attempt++) {
      const q = ask(deck, fact, shape, rng);
      if (!q) break;
      if (!fair(q)) continue;
      if (!keyMuchLonger(q)) return q;
      fallback ??= q;
      break;
    }
  }
  return fallback;
}
