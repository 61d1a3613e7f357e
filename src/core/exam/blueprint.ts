/** How many questions of each domain a mock exam asks, and what the notes can fill. */
import { isExamKind } from '../questions/generate.js';
import { DOMAIN_WEIGHTS } from '../scoring.js';
import { DOMAINS, factDomain, type Deck, type Domain, type Fact } from '../types.js';

export const EXAM_QUESTIONS = 65;
export const EXAM_MINUTES = 130;
/** Extra time a non-native English speaker may request (ESL +30). */
export const EXTRA_MINUTES = 30;

/** Questions per domain by the exam guide's weights, by largest remainder (sums to `total`). */
export function blueprint(total: number): Record<Domain, number> {
  const raw = DOMAINS.map((d) => ({ d, exact: total * DOMAIN_WEIGHTS[d] }));
  const counts = Object.fromEntries(raw.map((r) => [r.d, Math.floor(r.exact)])) as Record<Domain, number>;
  let left = total - raw.reduce((n, r) => n + Math.floor(r.exact), 0);
  for (const r of [...raw].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)))) {
    if (left-- <= 0) break;
    counts[r.d]++;
  }
  return counts;
}

/** Facts a mock can ask (authored items and anything with a multiple-choice shape; not true/false statements). */
export function examable(fact: Fact): boolean {
  return fact.kind !== 'statement' || isExamKind(fact);
}

/** The examable facts of the topics, by the domain each counts toward. */
export function domainPools(deck: Deck, topicIds: readonly string[]): Map<Domain, Fact[]> {
  const pools = new Map<Domain, Fact[]>(DOMAINS.map((d) => [d, []]));
  for (const id of topicIds) for (const f of deck.byTopic.get(id) ?? []) if (examable(f)) pools.get(factDomain(deck, f))?.push(f);
  return pools;
}

export interface Shortfall {
  domain: Domain;
  needed: number;
  available: number;
}

/** What the notes cannot fill for an exam of `total` questions, and the largest exam they can. */
export function checkBlueprint(deck: Deck, topicIds: readonly string[], total: number): { shortfalls: Shortfall[]; largest: number } {
  const pools = domainPools(deck, topicIds);
  const fits = (n: number) => {
    const counts = blueprint(n);
    return DOMAINS.flatMap((d) => {
      const available = pools.get(d)?.length ?? 0;
      return available < counts[d] ? [{ domain: d, needed: counts[d], available }] : [];
    });
  };
  const shortfalls = fits(total);
  let largest = total;
  while (largest > 0 && fits(largest).length > 0) largest--;
  return { shortfalls, largest };
}
