/** Picks the questions of a quiz: which facts, in what order, in which shape and style. */
import { type ApartGuard, apartGuard, guarded } from './apart.js';
import { choiceFor, examQuestionFor, isExamKind, trueFalse } from './questions/generate.js';
import type { Question } from './questions/question.js';
import { type Rng, shuffle } from './random.js';
import type { Deck, Fact } from './types.js';

export type QuestionType = 'mc' | 'tf' | 'mixed';
/** exam: only exam-style questions; fact: only single-fact ones; mixed: some of each. */
export type QuizStyle = 'exam' | 'fact' | 'mixed';

export interface QuizOptions {
  topicIds: readonly string[];
  count: number;
  type: QuestionType;
  style?: QuizStyle;
  /** Facts not to ask (`quiz --new` leaves out those already answered). */
  exclude?: ReadonlySet<string>;
}

/** Chance that a generated fact (term, row, cloze, scenario) is asked as true/false in a mixed quiz. */
const MIXED_TF_SHARE = 0.2;
/** True/false questions are at most this share of a mixed quiz; the other statements are asked as multiple choice. */
export const MAX_TF_SHARE = 0.25;
/** Share of a mixed quiz given to exam-style questions, where the topics have them. */
export const MIXED_EXAM_SHARE = 0.3;

/**
 * Keeps a mixed quiz's true/false questions within their share and their keys near half true:
 * generated statements are made true or false on demand, and an authored statement whose truth
 * would tip the balance is asked as multiple choice instead.
 */
export class TruthBalance {
  private trues = 0;
  private falses = 0;
  constructor(private readonly budget = Number.POSITIVE_INFINITY) {}
  /** Whether one more true/false question stays within the budget. */
  roomForTf(): boolean {
    return this.trues + this.falses < this.budget;
  }
  /**
   * The key a generated statement should get. At a tie it is false: a generated statement can be
   * made either way, while the notes' own statements, asked when they fit, are more often true.
   */
  want(): boolean {
    return this.trues < this.falses;
  }
  /**
   * Whether one of the notes' own statements, keyed `truth`, may be asked as true/false: only
   * the key that is behind, and at a tie a false one always, a true one half the time (the notes
   * hold more true statements, and a quiz that asks just one would otherwise lean true).
   */
  fits(truth: boolean, rng: Rng): boolean {
    if (this.trues === this.falses) return !truth || rng.int(2) === 0;
    return truth ? this.trues < this.falses : this.falses < this.trues;
  }
  record(q: Question): void {
    if (q.format !== 'tf') return;
    if (q.answer === 0) this.trues++;
    else this.falses++;
  }
}

/** One question for a fact in the requested format, or null if the fact cannot give one. */
export function questionFor(deck: Deck, fact: Fact, type: QuestionType, rng: Rng, balance: TruthBalance): Question | null {
  if (isExamKind(fact)) return type === 'tf' ? null : examQuestionFor(deck, fact, rng);
  // The key the balance wants, if this fact can be stated that way (a fact with no partner to swap in can only be true).
  const wanted = () => trueFalse(deck, fact, balance.want(), rng);
  const tf = () => wanted() ?? trueFalse(deck, fact, true, rng);
  const mc = () => choiceFor(deck, fact, rng);
  let q: Question | null;
  if (type === 'tf') q = tf();
  else if (type === 'mc') q = mc();
  else if (fact.kind === 'statement') {
    const asTf = balance.roomForTf() && balance.fits(fact.truth, rng);
    q = asTf ? tf() : (mc() ?? (balance.roomForTf() ? tf() : null));
  } else if (balance.roomForTf() && rng.float() < MIXED_TF_SHARE) q = wanted() ?? mc() ?? tf();
  else q = mc() ?? (balance.roomForTf() ? tf() : null);
  if (q) balance.record(q);
  return q;
}

/**
 * Draws up to `count` questions with `make`, topics taking turns (facts shuffled within each),
 * so a short quiz over many topics still spreads across them. No fact appears twice.
 */
function drawInTurn(
  deck: Deck,
  topicIds: readonly string[],
  count: number,
  keep: (f: Fact) => boolean,
  make: (f: Fact) => Question | null,
  rng: Rng,
): Question[] {
  const queues = shuffle(topicIds, rng).map((id) => shuffle((deck.byTopic.get(id) ?? []).filter(keep), rng));
  const out: Question[] = [];
  while (out.length < count && queues.some((q) => q.length > 0)) {
    for (const queue of queues) {
      if (out.length >= count) break;
      let q: Question | null = null;
      while (!q && queue.length > 0) q = make(queue.shift() as Fact);
      if (q) out.push(q);
    }
  }
  return out;
}

/** The pairs the topics' items keep apart (apart.ts), with nothing asked yet. */
const topicGuard = (deck: Deck, topicIds: readonly string[]): ApartGuard => apartGuard(topicIds.flatMap((id) => deck.byTopic.get(id) ?? []));

/**
 * Exam-style questions for the topics: authored items first (they are the closest to the exam),
 * then multi-constraint questions from tables.
 */
export function examStyleQuestions(
  deck: Deck,
  topicIds: readonly string[],
  count: number,
  rng: Rng,
  used: Set<string> = new Set(),
  apart: ApartGuard = topicGuard(deck, topicIds),
): Question[] {
  const fresh = (f: Fact) => !used.has(f.id);
  // Whether a fact is barred is known only as the draw goes: it depends on the items drawn before it.
  const make = guarded(apart, (f) => examQuestionFor(deck, f, rng));
  const items = drawInTurn(deck, topicIds, count, (f) => fresh(f) && isExamKind(f), make, rng);
  for (const q of items) used.add(q.factId);
  const generated = drawInTurn(deck, topicIds, count - items.length, (f) => fresh(f) && f.kind === 'row', make, rng);
  for (const q of generated) used.add(q.factId);
  return [...items, ...generated];
}

export function buildQuiz(deck: Deck, options: QuizOptions, rng: Rng): Question[] {
  const style = options.type === 'tf' ? 'fact' : (options.style ?? 'mixed');
  const used = new Set<string>(options.exclude ?? []);
  if (style === 'exam') return shuffle(examStyleQuestions(deck, options.topicIds, options.count, rng, used), rng);
  // One guard for both draws: an item drawn first bars the one-line facts it names (and the reverse).
  const apart = topicGuard(deck, options.topicIds);
  const exam = style === 'mixed' ? examStyleQuestions(deck, options.topicIds, Math.round(options.count * MIXED_EXAM_SHARE), rng, used, apart) : [];
  const balance = new TruthBalance(options.type === 'mixed' ? Math.max(1, Math.floor(options.count * MAX_TF_SHARE)) : Number.POSITIVE_INFINITY);
  const facts = drawInTurn(
    deck,
    options.topicIds,
    options.count - exam.length,
    (f) => !used.has(f.id) && !isExamKind(f),
    guarded(apart, (f) => questionFor(deck, f, options.type, rng, balance)),
    rng,
  );
  return exam.length ? shuffle([...exam, ...facts], rng) : facts;
}

/** Questions for a chosen list of facts (review, drill), in that order; facts that give none are skipped. */
export function questionsForFacts(deck: Deck, facts: readonly Fact[], type: QuestionType, rng: Rng): Question[] {
  const balance = new TruthBalance(type === 'mixed' ? Math.max(1, Math.floor(facts.length * MAX_TF_SHARE)) : Number.POSITIVE_INFINITY);
  const out: Question[] = [];
  for (const fact of facts) {
    const q = questionFor(deck, fact, type, rng, balance);
    if (q) out.push(q);
  }
  return out;
}
