/** How many questions of each domain a mock exam asks, and what the notes can fill. */
import { isExamKind } from '../questions/generate.js';
import { DOMAIN_WEIGHTS } from '../scoring.js';
import { type Deck, DOMAINS, type Domain, type Fact, factDomain } from '../types.js';

export const EXAM_QUESTIONS = 65;
export const EXAM_MINUTES = 130;
/** Extra time a non-native English speaker may request (ESL +30). */
export const EXTRA_MINUTES = 30;

/**
 * Questions per domain by the exam guide's weights, by largest remainder (sums to `total`).
 * Over a subset of domains (an exam of topics that have no facts in some domain), the weights of
 * the others keep their proportions.
 */
export function blueprint(total: number, domains: readonly Domain[] = DOMAINS): Record<Domain, number> {
  const weight = domains.reduce((n, d) => n + DOMAIN_WEIGHTS[d], 0);
  const raw = domains.map((d) => ({ d, exact: (total * DOMAIN_WEIGHTS[d]) / weight }));
  const counts = Object.fromEntries(DOMAINS.map((d) => [d, 0])) as Record<Domain, number>;
  for (const r of raw) counts[r.d] = Math.floor(r.exact);
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
  for (const id of topicIds) {
    // A fact with no domain of its own (and not an item, whose task names one) has its group's
    // (see factDomain), and a topic's facts come group by group: the group is looked up when it
    // changes, not once per fact.
    let group: string | undefined;
    let groupDomain: Domain | undefined;
    for (const f of deck.byTopic.get(id) ?? []) {
      if (!examable(f)) continue;
      let domain: Domain;
      if (f.kind === 'item' || f.domain !== undefined) domain = factDomain(deck, f);
      else {
        if (f.groupId !== group || groupDomain === undefined) {
          group = f.groupId;
          groupDomain = factDomain(deck, f);
        }
        domain = groupDomain;
      }
      pools.get(domain)?.push(f);
    }
  }
  return pools;
}

export interface Shortfall {
  domain: Domain;
  needed: number;
  available: number;
}

/** The domains the topics have anything to ask in: an exam of those topics is drawn over these. */
export function examDomains(deck: Deck, topicIds: readonly string[]): Domain[] {
  const pools = domainPools(deck, topicIds);
  return DOMAINS.filter((d) => (pools.get(d)?.length ?? 0) > 0);
}

/** What the notes cannot fill for an exam of `total` questions, and the largest exam they can. */
/** `only` limits the exam to those domains (`exam --domain`); by default every domain the topics have. */
export function checkBlueprint(
  deck: Deck,
  topicIds: readonly string[],
  total: number,
  only: readonly Domain[] = DOMAINS,
): { shortfalls: Shortfall[]; largest: number; domains: Domain[] } {
  const pools = domainPools(deck, topicIds);
  const domains = only.filter((d) => (pools.get(d)?.length ?? 0) > 0);
  const fits = (n: number) => {
    const counts = blueprint(n, domains);
    return domains.flatMap((d) => {
      const available = pools.get(d)?.length ?? 0;
      return available < counts[d] ? [{ domain: d, needed: counts[d], available }] : [];
    });
  };
  const shortfalls = domains.length ? fits(total) : DOMAINS.map((d) => ({ domain: d, needed: 1, available: 0 }));
  let largest = domains.length ? total : 0;
  while (largest > 0 && fits(largest).length > 0) largest--;
  return { shortfalls, largest, domains };
}
