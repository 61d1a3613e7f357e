/**
 * saa's review state of a fact (a ts-fsrs card) as Anki card scheduling, and its answers as
 * Anki review-log rows. How Anki reads the columns (rslib/src/card/mod.rs, scheduler/states,
 * scheduler/answering, revlog/mod.rs, storage/card/data.rs):
 *
 * - `type` 0 new, 1 learning, 2 review, 3 relearning; `queue` 0 new, 1 learning due within the
 *   day, 2 review, 3 learning due on a later day.
 * - `due`: a new card's position; a review (or queue 3) card's day, counted from the collection's
 *   `crt`; a queue-1 card's epoch seconds.
 * - `ivl` days; `factor` the SM-2 ease ×1000; `left` the learning steps still to go.
 * - `data` JSON: FSRS memory state `s` (stability, days) and `d` (difficulty 1–10), the forgetting
 *   curve's `decay`, `lrt` (last review, epoch seconds) and `pos` (position while new).
 */
import { FSRS6_DEFAULT_DECAY, State } from 'ts-fsrs';
import { ROLLOVER_HOUR } from './anki-models.js';
import { type CardState, gradeFor, review } from './schedule.js';
import { DAY_MS } from './stats.js';

/** Anki's days: `crt` (epoch seconds) starts day 0, and each day begins at the rollover hour, local time. */
export interface AnkiClock {
  crt: number;
  /** The Anki day (days since `crt`) a moment falls in. */
  day(epochMs: number): number;
}

/**
 * The days of a collection created at the start of the Anki day holding `earliestMs`, so that no
 * due day is negative. `minutesWest` is the local UTC offset the way Anki stores it (Korea: -540).
 */
export function ankiClock(earliestMs: number, minutesWest: number): AnkiClock {
  const shift = minutesWest * 60_000 + ROLLOVER_HOUR * 3_600_000;
  const dayNumber = (t: number) => Math.floor((t - shift) / DAY_MS);
  const first = dayNumber(earliestMs);
  return { crt: Math.round((first * DAY_MS + shift) / 1000), day: (t) => dayNumber(t) - first };
}

/** The columns of `cards` that say when and how a card is studied. */
export interface CardScheduling {
  type: number;
  queue: number;
  due: number;
  ivl: number;
  factor: number;
  reps: number;
  lapses: number;
  left: number;
  data: string;
}

/** Anki's starting ease (250%), for cards that leave learning: saa has no ease, FSRS has none either. */
const STARTING_EASE = 2500;

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** A card never studied: shown in `position` order among new cards. */
export function newCard(position: number): CardScheduling {
  return { type: 0, queue: 0, due: position, ivl: 0, factor: 0, reps: 0, lapses: 0, left: 0, data: '{}' };
}

/** A fact's saa review state as Anki scheduling; `position` is where it would stand as a new card. */
export function scheduledCard(c: CardState | null, position: number, clock: AnkiClock): CardScheduling {
  if (!c || c.state === State.New || c.lastReview === null) return newCard(position);
  const data = JSON.stringify({
    pos: position,
    s: round(c.stability, 4),
    d: round(c.difficulty, 3),
    // saa schedules with ts-fsrs's default (FSRS-6) parameters.
    decay: FSRS6_DEFAULT_DECAY,
    lrt: Math.floor(c.lastReview / 1000),
  });
  const common = { reps: c.reps, lapses: c.lapses, data };
  if (c.state === State.Review) {
    return { ...common, type: 2, queue: 2, due: clock.day(c.due), ivl: Math.max(1, c.scheduledDays), factor: STARTING_EASE, left: 0 };
  }
  // Learning or relearning: Anki keeps a step due later today as a timestamp, one due on a later day as a day.
  const relearning = c.state === State.Relearning;
  const laterDay = clock.day(c.due) > clock.day(c.lastReview);
  return {
    ...common,
    type: relearning ? 3 : 1,
    queue: laterDay ? 3 : 1,
    due: laterDay ? clock.day(c.due) : Math.floor(c.due / 1000),
    ivl: relearning ? Math.max(1, c.scheduledDays) : 0,
    factor: relearning ? STARTING_EASE : 0,
    // One step to go: the next right answer graduates the card.
    left: 1,
  };
}

/** One answer as the review log needs it. */
export interface AnswerEvent {
  factId: string;
  isCorrect: boolean;
  elapsedMs: number;
  answeredAt: number;
}

/** A row of Anki's `revlog` table. */
export interface RevlogRow {
  id: number;
  cid: number;
  usn: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  time: number;
  type: number;
}

/** Anki's reviewer counts at most this long per answer (its default "maximum answer seconds"). */
const MAX_TAKEN_MS = 60_000;

/** The interval a card stands at, as the review log writes it: days, or negative seconds while learning. */
function logInterval(c: CardState | null): number {
  if (!c || c.state === State.New || c.lastReview === null) return 0;
  if (c.state === State.Review) return Math.max(1, c.scheduledDays);
  return -Math.max(1, Math.round((c.due - c.lastReview) / 1000));
}

/** Anki's review kind, from the card's state before the answer: 0 learning (new cards too), 1 review, 2 relearning. */
function reviewKind(before: CardState | null): number {
  if (before?.state === State.Review) return 1;
  if (before?.state === State.Relearning) return 2;
  return 0;
}

/**
 * The review log of the facts in `cardIds`: the answers replayed through saa's scheduler in time
 * order, exactly as the store replays them (an answer older than the card's last review does not
 * move it), one row per answer that counted. Ids are answer times in milliseconds, moved on by
 * one where two answers share a millisecond (they are the table's key).
 */
export function revlogRows(answers: readonly AnswerEvent[], cardIds: ReadonlyMap<string, number>): RevlogRow[] {
  const byFact = new Map<string, AnswerEvent[]>();
  for (const a of answers) if (cardIds.has(a.factId)) byFact.set(a.factId, [...(byFact.get(a.factId) ?? []), a]);
  const rows: RevlogRow[] = [];
  for (const [factId, list] of byFact) {
    let card: CardState | null = null;
    for (const a of [...list].sort((x, y) => x.answeredAt - y.answeredAt)) {
      if (card?.lastReview != null && card.lastReview > a.answeredAt) continue;
      const next = review(card, { factId, topicId: '' }, a.isCorrect, a.elapsedMs, a.answeredAt);
      rows.push({
        id: a.answeredAt,
        cid: cardIds.get(factId) as number,
        usn: 0,
        // saa's grades are Anki's buttons: 1 Again, 2 Hard, 3 Good.
        ease: gradeFor(a.isCorrect, a.elapsedMs),
        ivl: logInterval(next),
        lastIvl: logInterval(card),
        // With FSRS, Anki logs difficulty here, scaled to 100–1100.
        factor: Math.round(((next.difficulty - 1) / 9 + 0.1) * 1000),
        time: Math.max(0, Math.min(Math.round(a.elapsedMs), MAX_TAKEN_MS)),
        type: reviewKind(card),
      });
      card = next;
    }
  }
  rows.sort((x, y) => x.id - y.id || x.cid - y.cid);
  let last = Number.NEGATIVE_INFINITY;
  for (const r of rows) {
    if (r.id <= last) r.id = last + 1;
    last = r.id;
  }
  return rows;
}
