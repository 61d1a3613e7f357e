/**
 * Drill: questions from the weakest topics and, inside them, the facts with the lowest recall
 * or the most lapses, with some unseen facts of those topics mixed in.
 */
import { type Rng, shuffle } from './random.js';
import { type CardState, recall } from './schedule.js';
import type { TopicStats } from './stats.js';
import type { Deck, Fact } from './types.js';

export const DRILL_TOPICS = 3;
/** Share of a drill given to facts already seen; the rest are unseen facts of the same topics. */
export const SEEN_SHARE = 0.75;

export interface DrillTopic {
  id: string;
  accuracy: number | null;
  meanRecall: number | null;
  lapses: number;
  /** Higher is weaker. */
  weakness: number;
}

export interface DrillPlan {
  topics: DrillTopic[];
  facts: Fact[];
}

export function topicWeakness(t: TopicStats): number {
  const accuracy = t.accuracy ?? 0;
  const memory = t.meanRecall ?? 0;
  const lapseRate = t.seen > 0 ? t.lapses / t.seen : 0;
  return 1 - (accuracy + memory) / 2 + Math.min(0.5, 0.1 * lapseRate);
}

/** Null when nothing has been answered in the candidate topics: a drill needs history. */
export function planDrill(
  deck: Deck,
  topicStats: readonly TopicStats[],
  cards: readonly CardState[],
  options: { topicIds?: readonly string[]; count: number; now: number },
  rng: Rng,
): DrillPlan | null {
  const allowed = options.topicIds ? new Set(options.topicIds) : null;
  const candidates = topicStats
    .filter((t) => (!allowed || allowed.has(t.id)) && t.answered > 0)
    .map((t) => ({ id: t.id, accuracy: t.accuracy, meanRecall: t.meanRecall, lapses: t.lapses, weakness: topicWeakness(t) }))
    .sort((a, b) => b.weakness - a.weakness || a.id.localeCompare(b.id));
  if (candidates.length === 0) return null;
  // With topics named on the command line, drill all of them; otherwise the weakest few.
  const topics = allowed ? candidates : candidates.slice(0, DRILL_TOPICS);

  const cardByFact = new Map(cards.map((c) => [c.factId, c]));
  const seen: { fact: Fact; recall: number; lapses: number }[] = [];
  const unseen: Fact[] = [];
  for (const t of topics) {
    for (const fact of deck.byTopic.get(t.id) ?? []) {
      const card = cardByFact.get(fact.id);
      if (card && card.lastReview !== null) seen.push({ fact, recall: recall(card, options.now), lapses: card.lapses });
      else unseen.push(fact);
    }
  }
  seen.sort((a, b) => a.recall - b.recall || b.lapses - a.lapses || a.fact.id.localeCompare(b.fact.id));
  const seenQuota = Math.min(seen.length, Math.max(options.count - unseen.length, Math.ceil(options.count * SEEN_SHARE)));
  const picked = seen.slice(0, seenQuota).map((s) => s.fact);
  picked.push(...shuffle(unseen, rng).slice(0, options.count - picked.length));
  return { topics, facts: shuffle(picked, rng) };
}

/** Due cards of facts still in the deck, most overdue first. */
export function dueFacts(deck: Deck, due: readonly CardState[], limit: number): Fact[] {
  const out: Fact[] = [];
  for (const card of due) {
    const fact = deck.factsById.get(card.factId);
    if (fact) out.push(fact);
    if (out.length >= limit) break;
  }
  return out;
}
