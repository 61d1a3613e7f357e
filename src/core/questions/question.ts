/** What a question is, and the builders every fact kind uses to make one. */
import { type Rng, shuffle } from '../random.js';
import type { Domain, Localized } from '../types.js';

export type QuestionKind = 'term-desc' | 'desc-term' | 'cell' | 'cell-label' | 'cloze' | 'scenario' | 'tf' | 'statement' | 'item' | 'constraint';
/** mc: one of 3–4; tf: true/false; mr: multiple response ("choose two"). */
export type QuestionFormat = 'mc' | 'tf' | 'mr';
/** exam: a scenario in the exam's form (authored item or multi-constraint); fact: a single-fact question. */
export type QuestionStyle = 'exam' | 'fact';

export interface Option {
  text: Localized;
  correct: boolean;
  /** The fact this option's text belongs to, so a wrong choice can be explained. */
  source: string | null;
  /** Why this option is right or wrong for this question. */
  reason: Localized;
}

export interface Question {
  /** `factId#shape`: unique per question shape. */
  id: string;
  factId: string;
  topicId: string;
  kind: QuestionKind;
  format: QuestionFormat;
  style: QuestionStyle;
  domain: Domain;
  prompt: Localized;
  options: Option[];
  /** The first correct option's index (the only one unless format is mr). */
  answer: number;
  /** Every correct option's index, ascending. */
  answers: number[];
  /** Why the key is right: the correct fact as a sentence, or an item's key reason. */
  explanation: Localized;
  /** For a generated false statement: the fact whose value was swapped in. */
  swappedFrom?: string;
}

export const MAX_OPTIONS = 4;
export const MIN_OPTIONS = 3;

/** Where a question comes from: the fact and the shape (the part after `#` in its id). */
export interface Origin {
  factId: string;
  topicId: string;
  domain: Domain;
  shape: string;
}

/** A question over options in random order; reasons left empty are filled in by the generator. */
export function makeQuestion(
  origin: Origin,
  fields: { kind: QuestionKind; style?: QuestionStyle; prompt: Localized; explanation: Localized; format?: QuestionFormat },
  options: Option[],
  rng: Rng | null,
): Question {
  const ordered = rng ? shuffle(options, rng) : options;
  const answers = ordered.flatMap((o, i) => (o.correct ? [i] : []));
  return {
    id: `${origin.factId}#${origin.shape}`,
    factId: origin.factId,
    topicId: origin.topicId,
    kind: fields.kind,
    format: fields.format ?? (answers.length > 1 ? 'mr' : 'mc'),
    style: fields.style ?? 'fact',
    domain: origin.domain,
    prompt: fields.prompt,
    options: ordered,
    answer: answers[0] ?? 0,
    answers,
    explanation: fields.explanation,
  };
}

/** Whether a chosen set of options is exactly the keyed set. */
export function isCorrectChoice(q: Pick<Question, 'answers'>, chosen: readonly number[] | null): boolean {
  if (!chosen) return false;
  const a = [...new Set(chosen)].sort((x, y) => x - y);
  return a.length === q.answers.length && a.every((x, i) => x === q.answers[i]);
}
