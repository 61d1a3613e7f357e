/** Picks the questions of a quiz: which facts, in what order, in which shape. */
import { mcVariants, multipleChoice, trueFalse, type Question } from './questions.js';
import { shuffle, type Rng } from './random.js';
import type { Deck, Fact } from './types.js';

export type QuestionType = 'mc' | 'tf' | 'mixed';

export interface QuizOptions {
  topicIds: readonly string[];
  count: number;
  type: QuestionType;
}

/** Share of true/false questions in a mixed quiz (authored statements are always true/false). */
const MIXED_TF_SHARE = 0.2;

/** Keeps generated true/false answers near half true, whatever the authored statements lean to. */
export class TruthBalance {
  private trues = 0;
  private falses = 0;
  want(rng: Rng): boolean {
    if (this.trues !== this.falses) return this.trues < this.falses;
    return rng.int(2) === 0;
  }
  record(q: Question): void {
    if (q.format !== 'tf') return;
    if (q.answer === 0) this.trues++;
    else this.falses++;
  }
}

/** One question for a fact in the requested format, or null if the fact cannot give one. */
export function questionFor(deck: Deck, fact: Fact, type: QuestionType, rng: Rng, balance: TruthBalance): Question | null {
  const tf = () => trueFalse(deck, fact, balance.want(rng), rng) ?? trueFalse(deck, fact, true, rng);
  const mc = () => {
    for (const variant of shuffle(mcVariants(fact), rng)) {
      const q = multipleChoice(deck, fact, variant, rng);
      if (q) return q;
    }
    return null;
  };
  let q: Question | null;
  if (type === 'tf') q = tf();
  else if (type === 'mc') q = mc();
  else if (fact.kind === 'statement' || rng.float() < MIXED_TF_SHARE) q = tf() ?? mc();
  else q = mc() ?? tf();
  if (q) balance.record(q);
  return q;
}

/**
 * Builds a quiz: facts are shuffled within each topic and topics take turns, so a short quiz
 * over many topics still spreads across them. No fact appears twice.
 */
export function buildQuiz(deck: Deck, options: QuizOptions, rng: Rng): Question[] {
  const queues = shuffle(options.topicIds, rng).map((id) => shuffle(deck.byTopic.get(id) ?? [], rng));
  const balance = new TruthBalance();
  const out: Question[] = [];
  while (out.length < options.count && queues.some((q) => q.length > 0)) {
    for (const queue of queues) {
      if (out.length >= options.count) break;
      let q: Question | null = null;
      while (!q && queue.length > 0) {
        const fact = queue.shift() as Fact;
        q = questionFor(deck, fact, options.type, rng, balance);
      }
      if (q) out.push(q);
    }
  }
  return out;
}

/** Questions for a chosen list of facts (review, drill), in that order; facts that give none are skipped. */
export function questionsForFacts(deck: Deck, facts: readonly Fact[], type: QuestionType, rng: Rng): Question[] {
  const balance = new TruthBalance();
  const out: Question[] = [];
  for (const fact of facts) {
    const q = questionFor(deck, fact, type, rng, balance);
    if (q) out.push(q);
  }
  return out;
}
