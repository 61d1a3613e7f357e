/**
 * Wrong options: candidates come in tiers (the fact's group, then its topic, then a shared tag),
 * each tier in random order; a candidate equal to the answer, to another pick or to an avoided
 * text in any language (or from an avoided fact) is skipped.
 */
import { type Rng, shuffle } from '../random.js';
import { normalize, textKeys } from '../text.js';
import { type Deck, type Fact, groupKey, type Localized } from '../types.js';
import { MAX_OPTIONS } from './question.js';

export interface Candidate {
  text: Localized;
  source: string;
}

/** A tier of candidates, or a function that computes it only if the earlier tiers fell short. */
export type Tier = Candidate[] | (() => Candidate[]);

/** Beyond this many candidates a tier is sampled rather than shuffled whole (a deck-wide tier can be huge). */
const SAMPLE_LIMIT = 64;

function order(tier: Candidate[], rng: Rng): Candidate[] {
  if (tier.length <= SAMPLE_LIMIT) return shuffle(tier, rng);
  const picked = new Set<number>();
  while (picked.size < SAMPLE_LIMIT) picked.add(rng.int(tier.length));
  return [...picked].map((i) => tier[i] as Candidate);
}

/** Picks up to `max` distractors, taking tiers in order and in random order within each tier. */
export function pickDistractors(answer: Localized, tiers: Tier[], rng: Rng, max = MAX_OPTIONS - 1, avoid: readonly string[] = []): Candidate[] {
  const chosen: Candidate[] = [];
  const avoided = avoid.map(normalize);
  // An avoided entry names the option's text in either language, or the key or id of the fact it comes from.
  const isAvoided = (c: Candidate) =>
    [c.text.en, c.text.ko, c.source, c.source.slice(c.source.lastIndexOf('.') + 1)].some((t) => t !== undefined && avoided.includes(normalize(t)));
  // Two texts are the same option when they share a comparison form (sameText); the answer's and
  // each pick's forms are worked out once rather than at every comparison.
  const answerKeys = textKeys(answer);
  const chosenKeys: string[][] = [];
  const shares = (keys: string[], other: string[]) => keys.some((k) => other.includes(k));
  for (const lazy of tiers) {
    if (chosen.length >= max) break;
    const tier = typeof lazy === 'function' ? lazy() : lazy;
    for (const c of order(tier, rng)) {
      if (chosen.length >= max) return chosen;
      const keys = textKeys(c.text);
      if (shares(keys, answerKeys)) continue;
      if (chosenKeys.some((x) => shares(keys, x))) continue;
      if (avoided.length && isAvoided(c)) continue;
      chosen.push(c);
      chosenKeys.push(keys);
    }
  }
  return chosen;
}

/** The other facts of the fact's group. */
export function siblings(deck: Deck, fact: Fact): Fact[] {
  return (deck.byGroup.get(groupKey(fact.topicId, fact.groupId)) ?? []).filter((f) => f.id !== fact.id);
}

/** The facts of the groups the fact's group names as `near`. */
export function nearGroups(deck: Deck, fact: Fact): Fact[] {
  const near = deck.groups.get(groupKey(fact.topicId, fact.groupId))?.near ?? [];
  return near.flatMap((id) => deck.byGroup.get(groupKey(fact.topicId, id)) ?? []);
}

/** Facts of the same topic in other groups. */
export function topicOthers(deck: Deck, fact: Fact): Fact[] {
  return (deck.byTopic.get(fact.topicId) ?? []).filter((f) => f.id !== fact.id && f.groupId !== fact.groupId);
}

/** Facts of other topics that share one of the fact's tags. */
export function tagOthers(deck: Deck, fact: Fact): Fact[] {
  const seen = new Set<string>();
  const out: Fact[] = [];
  for (const tag of fact.tags) {
    for (const f of deck.byTag.get(tag) ?? []) {
      if (f.topicId === fact.topicId || seen.has(f.id)) continue;
      seen.add(f.id);
      out.push(f);
    }
  }
  return out;
}

/** Group, topic and tag tiers of whatever `take` makes of each fact. */
export function nearbyTiers(deck: Deck, fact: Fact, take: (facts: Fact[]) => Candidate[]): Tier[] {
  return [take(siblings(deck, fact)), () => take(nearGroups(deck, fact)), () => take(topicOthers(deck, fact)), () => take(tagOthers(deck, fact))];
}
