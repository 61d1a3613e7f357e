/**
 * What kind of thing an answer names, read from its head noun: a policy type, a pool, a
 * directory, a role … or a name (a service or feature). A group whose answers are of many kinds
 * offers a policy as the wrong option for a directory question, which a candidate strikes out
 * without knowing either.
 */
import type { Deck, Fact, Group } from './types.js';
import { groupKey } from './types.js';

/** Head nouns that name a kind of answer; every other head noun is a product or feature name. */
const KIND_OF_HEAD: Record<string, string> = {
  policy: 'policy',
  policies: 'policy',
  scp: 'policy',
  rcp: 'policy',
  pool: 'pool',
  pools: 'pool',
  ad: 'directory',
  directory: 'directory',
  connector: 'directory',
  role: 'role',
  roles: 'role',
  control: 'control',
  controls: 'control',
  key: 'key',
  keys: 'key',
  metric: 'metric',
  alarm: 'alarm',
  endpoint: 'endpoint',
  gateway: 'gateway',
  volume: 'volume',
  class: 'storage class',
  tier: 'tier',
  record: 'record',
  routing: 'routing policy',
  header: 'header',
};

/** "Cross-account IAM role with an external ID" → role; "Service control policy (SCP)" → policy. */
export function answerKind(name: string): string {
  const head = name
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+(with|for|of|in|on|from|to|and|using|via|per|behind)\s.*$/i, '')
    .trim()
    .split(/\s+/)
    .pop()
    ?.toLowerCase();
  return (head && KIND_OF_HEAD[head]) ?? 'name';
}

const answerName = (f: Fact) => (f.kind === 'term' ? f.term.en : f.kind === 'scenario' ? f.answer.en : undefined);

/** A group's answers by kind, largest first; only groups of terms or scenarios. */
export function kindsOfGroup(deck: Deck, group: Group): [string, number][] {
  const counts = new Map<string, number>();
  for (const f of deck.byGroup.get(groupKey(group.topicId, group.id)) ?? []) {
    const name = answerName(f);
    if (name !== undefined) counts.set(answerKind(name), (counts.get(answerKind(name)) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]);
}

/** Three or more kinds with none holding half of the answers: wrong options of another kind would be offered. */
export function mixesKinds(kinds: readonly [string, number][]): boolean {
  const total = kinds.reduce((n, [, c]) => n + c, 0);
  const largest = kinds[0]?.[1] ?? 0;
  return kinds.length >= 3 && largest * 2 < total;
}
