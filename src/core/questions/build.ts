/** Builders shared by the fact kinds: a multiple-choice question from an answer and distractors, a true/false one. */
import { FALSE, phrase, TRUE } from '../phrases.js';
import type { Rng } from '../random.js';
import { type Deck, type Fact, factDomain, type Localized } from '../types.js';
import type { Candidate } from './distractors.js';
import { MIN_OPTIONS, makeQuestion, type Option, type Origin, type Question, type QuestionKind } from './question.js';
import { type Shape, shapeId } from './shape.js';

const NO_REASON: Localized = {};

export function originOf(deck: Deck, fact: Fact, shape: string): Origin {
  return { factId: fact.id, topicId: fact.topicId, domain: factDomain(deck, fact), shape };
}

export interface ChoiceSpec {
  kind: QuestionKind;
  shape: Shape;
  prompt: Localized;
  answer: Localized;
  distractors: Candidate[];
  explanation: Localized;
}

/** One right answer among 2–3 distractors; null when there are too few distractors. */
export function choiceQuestion(deck: Deck, fact: Fact, spec: ChoiceSpec, rng: Rng): Question | null {
  if (spec.distractors.length < MIN_OPTIONS - 1) return null;
  const options: Option[] = [
    { text: spec.answer, correct: true, source: fact.id, reason: NO_REASON },
    ...spec.distractors.map((d) => ({ text: d.text, correct: false, source: d.source, reason: NO_REASON })),
  ];
  return makeQuestion(originOf(deck, fact, shapeId(spec.shape)), { kind: spec.kind, prompt: spec.prompt, explanation: spec.explanation }, options, rng);
}

/** "True or false?" with True first; `swappedFrom` names the fact a false value came from. */
export function trueFalseQuestion(
  deck: Deck,
  fact: Fact,
  shape: string,
  statement: Localized,
  truth: boolean,
  explanation: Localized,
  swappedFrom?: string,
): Question {
  const options: Option[] = [
    { text: TRUE, correct: truth, source: null, reason: NO_REASON },
    { text: FALSE, correct: !truth, source: null, reason: NO_REASON },
  ];
  const q = makeQuestion(originOf(deck, fact, shape), { kind: 'tf', format: 'tf', prompt: phrase('trueFalse', { statement }), explanation }, options, null);
  if (swappedFrom) q.swappedFrom = swappedFrom;
  return q;
}
