/**
 * Spaced repetition: a thin wrapper over ts-fsrs. One card per fact; each answer is a review
 * (wrong → Again, right → Good, right after a long think → Hard). Fuzz is off so that the
 * schedule depends only on the answers and the `now` passed in.
 */
import { type Card, createEmptyCard, fsrs, type Grade, Rating, State } from 'ts-fsrs';

/** A card as stored: times in epoch milliseconds. */
export interface CardState {
  factId: string;
  topicId: string;
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: number | null;
}

/** A right answer that took longer than this counts as Hard: recalled, but with effort. */
export const SLOW_ANSWER_MS = 25_000;

// Short-term (minutes-apart) learning steps are off: a right answer moves a card to a day interval,
// so "due now" counts only what is really due, not everything answered right ten minutes ago.
const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

export function gradeFor(correct: boolean, elapsedMs: number): Grade {
  if (!correct) return Rating.Again;
  return elapsedMs > SLOW_ANSWER_MS ? Rating.Hard : Rating.Good;
}

function toCard(c: CardState): Card {
  return {
    due: new Date(c.due),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsedDays,
    scheduled_days: c.scheduledDays,
    learning_steps: c.learningSteps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as State,
    ...(c.lastReview === null ? {} : { last_review: new Date(c.lastReview) }),
  };
}

function fromCard(factId: string, topicId: string, card: Card): CardState {
  return {
    factId,
    topicId,
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

/** The card after one answer at `now`. A fact never seen before starts from an empty card. */
export function review(previous: CardState | null, fact: { factId: string; topicId: string }, correct: boolean, elapsedMs: number, now: number): CardState {
  const card = previous ? toCard(previous) : createEmptyCard(new Date(now));
  const next = scheduler.next(card, new Date(now), gradeFor(correct, elapsedMs));
  return fromCard(fact.factId, fact.topicId, next.card);
}

/** Probability of recalling the fact at `now` (0 for a card never reviewed). */
export function recall(card: CardState, now: number): number {
  if (card.state === State.New || card.lastReview === null) return 0;
  return scheduler.get_retrievability(toCard(card), new Date(now), false);
}
