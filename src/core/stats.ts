/**
 * Mastery, accuracy, trend, streak and readiness from the answer history and review cards.
 * Pure: the store hands in aggregated rows and `now`; every figure here can be checked by hand.
 */
import { type CardState, recall } from './schedule.js';
import { DOMAIN_WEIGHTS, estimateScore, type ScoreEstimate } from './scoring.js';
import { type Deck, DOMAINS, type Domain, factDomain, type Localized } from './types.js';

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** Recent answers count more: a week's weight halves every HALF_LIFE_WEEKS weeks. */
export const HALF_LIFE_WEEKS = 4;
/** Recall assumed for a fact never answered: a blind guess among four options. */
export const UNSEEN_RECALL = 0.25;
export const TREND_WEEKS = 8;

/** Answers of one topic in one week (see weekOf: weeks start on Monday in the user's time zone). */
export interface WeekRow {
  topicId: string;
  week: number;
  answered: number;
  correct: number;
}

export interface ExamRow {
  id: number;
  startedAt: number;
  questions: number;
  correct: number;
  score: number;
}

export interface StatsInput {
  deck: Deck;
  cards: readonly CardState[];
  weeks: readonly WeekRow[];
  /** Local calendar days (days since the epoch in the user's time zone) with at least one answer. */
  days: readonly number[];
  exams?: readonly ExamRow[];
  now: number;
  /** The user's offset from UTC in minutes (east positive), for calendar days. */
  utcOffsetMinutes?: number;
  examDate?: number | null;
}

export interface AreaStats {
  facts: number;
  seen: number;
  answered: number;
  /** Recency-weighted share of right answers; null before any answer. */
  accuracy: number | null;
  /** Mean recall probability over the facts seen; null before any. */
  meanRecall: number | null;
  /** Mean recall over all facts, unseen ones counted as 0: how much of the area is learnt. */
  mastery: number;
  /** Mean recall over all facts, unseen ones counted as a guess: what the exam would find. */
  expected: number;
  due: number;
  lapses: number;
}

export interface TopicStats extends AreaStats {
  id: string;
  title: Localized;
  domains: Domain[];
}

export interface DomainStats extends AreaStats {
  domain: Domain;
  weight: number;
}

export interface TrendPoint {
  /** Start of the week (epoch ms). */
  weekStart: number;
  answered: number;
  accuracy: number | null;
}

export interface ExamPlan {
  examDate: number;
  daysLeft: number;
  dueBeforeExam: number;
  unseen: number;
  reviewsPerDay: number;
  newPerDay: number;
  /** Facts whose next review is scheduled after the exam. */
  dueAfterExam: number;
}

export interface StatsReport {
  now: number;
  totals: AreaStats;
  topics: TopicStats[];
  domains: DomainStats[];
  trend: TrendPoint[];
  streak: { current: number; longest: number };
  readiness: ScoreEstimate;
  exams: ExamRow[];
  plan: ExamPlan | null;
}

interface Acc {
  facts: number;
  seen: number;
  answered: number;
  weighted: number;
  weightedCorrect: number;
  recallSum: number;
  expectedSum: number;
  due: number;
  lapses: number;
}

const emptyAcc = (): Acc => ({ facts: 0, seen: 0, answered: 0, weighted: 0, weightedCorrect: 0, recallSum: 0, expectedSum: 0, due: 0, lapses: 0 });

function finish(a: Acc): AreaStats {
  return {
    facts: a.facts,
    seen: a.seen,
    answered: Math.round(a.answered),
    accuracy: a.weighted > 0 ? a.weightedCorrect / a.weighted : null,
    meanRecall: a.seen > 0 ? a.recallSum / a.seen : null,
    mastery: a.facts > 0 ? a.recallSum / a.facts : 0,
    expected: a.facts > 0 ? a.expectedSum / a.facts : UNSEEN_RECALL,
    due: a.due,
    lapses: a.lapses,
  };
}

function add(into: Acc, from: Acc): void {
  for (const k of Object.keys(into) as (keyof Acc)[]) into[k] += from[k];
}

function countFact(acc: Acc, card: CardState | undefined, now: number): void {
  acc.facts++;
  if (!card || card.lastReview === null) {
    acc.expectedSum += UNSEEN_RECALL;
    return;
  }
  const r = recall(card, now);
  acc.seen++;
  acc.recallSum += r;
  // A fact once seen is at least as likely to be answered as a blind guess.
  acc.expectedSum += Math.max(r, UNSEEN_RECALL);
  if (card.due <= now) acc.due++;
  acc.lapses += card.lapses;
}

function addAnswers(acc: Acc, row: WeekRow, weight: number, share: number): void {
  acc.answered += row.answered * share;
  acc.weighted += weight * row.answered * share;
  acc.weightedCorrect += weight * row.correct * share;
}

/**
 * The week number of a moment: weeks start on Monday at local midnight (1970-01-01 was a
 * Thursday, so local day d is in week ⌊(d + 3) / 7⌋). `utcOffsetMinutes` is east positive.
 */
export function weekOf(epochMs: number, utcOffsetMinutes: number): number {
  return Math.floor((Math.floor((epochMs + utcOffsetMinutes * 60_000) / DAY_MS) + 3) / 7);
}

/** The moment week `week` starts: its Monday's local midnight. */
export function weekStartOf(week: number, utcOffsetMinutes: number): number {
  return (week * 7 - 3) * DAY_MS - utcOffsetMinutes * 60_000;
}

export function weekWeight(week: number, now: number, utcOffsetMinutes = 0): number {
  const ago = Math.max(0, weekOf(now, utcOffsetMinutes) - week);
  return 0.5 ** (ago / HALF_LIFE_WEEKS);
}

export function computeStats(input: StatsInput): StatsReport {
  const { deck, now } = input;
  const cardByFact = new Map(input.cards.map((c) => [c.factId, c]));
  const perTopic = new Map<string, Acc>();
  // Per topic and domain: a fact counts toward its own domain (see factDomain), not all its topic's.
  const perTopicDomain = new Map<string, Map<Domain, Acc>>();

  for (const topic of deck.topics) {
    const acc = emptyAcc();
    const byDomain = new Map<Domain, Acc>();
    for (const fact of deck.byTopic.get(topic.id) ?? []) {
      const domain = factDomain(deck, fact);
      let dAcc = byDomain.get(domain);
      if (!dAcc) byDomain.set(domain, (dAcc = emptyAcc()));
      for (const a of [acc, dAcc]) countFact(a, cardByFact.get(fact.id), now);
    }
    perTopic.set(topic.id, acc);
    perTopicDomain.set(topic.id, byDomain);
  }
  // Answers to facts that are no longer in the notes still count towards their topic's accuracy.
  // The answer log is tallied by topic, so a domain takes each topic's answers in proportion to its facts there.
  for (const row of input.weeks) {
    const acc = perTopic.get(row.topicId);
    if (!acc) continue;
    const w = weekWeight(row.week, now, input.utcOffsetMinutes ?? 0);
    addAnswers(acc, row, w, 1);
    for (const dAcc of perTopicDomain.get(row.topicId)?.values() ?? []) addAnswers(dAcc, row, w, acc.facts ? dAcc.facts / acc.facts : 0);
  }

  const topics: TopicStats[] = deck.topics.map((t) => ({
    id: t.id,
    title: t.title,
    domains: t.domains,
    ...finish(perTopic.get(t.id) ?? emptyAcc()),
  }));

  const domains: DomainStats[] = DOMAINS.map((domain) => {
    const acc = emptyAcc();
    for (const byDomain of perTopicDomain.values()) add(acc, byDomain.get(domain) ?? emptyAcc());
    return { domain, weight: DOMAIN_WEIGHTS[domain], ...finish(acc) };
  });

  const total = emptyAcc();
  for (const acc of perTopic.values()) add(total, acc);

  const expected = Object.fromEntries(domains.map((d) => [d.domain, d.facts > 0 ? d.expected : UNSEEN_RECALL])) as Record<Domain, number>;

  return {
    now,
    totals: finish(total),
    topics,
    domains,
    trend: trend(input.weeks, now, input.utcOffsetMinutes ?? 0),
    streak: streak(input.days, now, input.utcOffsetMinutes ?? 0),
    readiness: estimateScore(expected),
    exams: [...(input.exams ?? [])].sort((a, b) => b.startedAt - a.startedAt),
    plan: input.examDate ? examPlan(input, cardByFact) : null,
  };
}

function trend(weeks: readonly WeekRow[], now: number, utcOffsetMinutes: number): TrendPoint[] {
  const current = weekOf(now, utcOffsetMinutes);
  const points: TrendPoint[] = [];
  for (let w = current - TREND_WEEKS + 1; w <= current; w++) {
    let answered = 0;
    let correct = 0;
    for (const row of weeks) {
      if (row.week !== w) continue;
      answered += row.answered;
      correct += row.correct;
    }
    points.push({ weekStart: weekStartOf(w, utcOffsetMinutes), answered, accuracy: answered > 0 ? correct / answered : null });
  }
  return points;
}

/** Consecutive study days ending today (or yesterday, so a streak survives until the day ends). */
export function streak(days: readonly number[], now: number, utcOffsetMinutes: number): { current: number; longest: number } {
  const set = new Set(days);
  const today = Math.floor((now + utcOffsetMinutes * 60_000) / DAY_MS);
  let current = 0;
  let day = set.has(today) ? today : today - 1;
  while (set.has(day)) {
    current++;
    day--;
  }
  let longest = 0;
  let run = 0;
  let prev: number | null = null;
  for (const d of [...set].sort((a, b) => a - b)) {
    run = prev !== null && d === prev + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    prev = d;
  }
  return { current, longest };
}

function examPlan(input: StatsInput, cardByFact: Map<string, CardState>): ExamPlan {
  const examDate = input.examDate as number;
  const daysLeft = Math.max(1, Math.ceil((examDate - input.now) / DAY_MS));
  let dueBeforeExam = 0;
  let dueAfterExam = 0;
  let unseen = 0;
  for (const fact of input.deck.facts) {
    const card = cardByFact.get(fact.id);
    if (!card || card.lastReview === null) unseen++;
    else if (card.due <= examDate) dueBeforeExam++;
    else dueAfterExam++;
  }
  return {
    examDate,
    daysLeft,
    dueBeforeExam,
    unseen,
    reviewsPerDay: Math.ceil(dueBeforeExam / daysLeft),
    newPerDay: Math.ceil(unseen / daysLeft),
    dueAfterExam,
  };
}

/** ▁▂▃▄▅▆▇█ for shares in [0, 1]; a space where there is no data. Eight glyphs need no library. */
export function sparkline(values: readonly (number | null)[]): string {
  const glyphs = '▁▂▃▄▅▆▇█';
  return values.map((v) => (v === null ? ' ' : glyphs[Math.min(glyphs.length - 1, Math.floor(Math.max(0, v) * glyphs.length))])).join('');
}
