/**
 * Questions that must not be asked together (`apart=` on an exam-style item): two scenarios on
 * the same control, where one's key gives part of the other's away. An item names another item
 * or any other fact (a one-line scenario that asks the same choice); the pair is kept apart both
 * ways.
 */
import type { Fact } from './types.js';

/** The facts each fact of `facts` must not be asked with, as far as the items among them name them. */
export function apartPairs(facts: Iterable<Fact>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    const list = out.get(a);
    if (!list) out.set(a, [b]);
    else if (!list.includes(b)) list.push(b);
  };
  for (const f of facts) {
    if (f.kind !== 'item') continue;
    for (const other of f.apart ?? []) {
      add(f.id, other);
      add(other, f.id);
    }
  }
  return out;
}

export interface ApartGuard {
  barred(id: string): boolean;
  asked(id: string): void;
}

/** A record of what has been asked, which bars the partners of every asked item. */
export function apartGuard(facts: Iterable<Fact>): ApartGuard {
  const pairs = apartPairs(facts);
  const barred = new Set<string>();
  return {
    barred: (id) => barred.has(id),
    asked(id) {
      for (const other of pairs.get(id) ?? []) barred.add(other);
    },
  };
}

/** What a question shows of the notes: its own fact, the facts its options come from, a swapped-in value's fact. */
interface Shown {
  factId: string;
  options: readonly { source: string | null }[];
  swappedFrom?: string;
}

const shownFacts = (q: Shown): string[] => [q.factId, ...q.options.flatMap((o) => (o.source ? [o.source] : [])), ...(q.swappedFrom ? [q.swappedFrom] : [])];

/** Draws of a fact's question before it is given up for showing barred facts (its wrong options differ each draw). */
const DRAWS = 4;

/**
 * `make` for the facts `guard` has not barred. A question counts as asking every fact it shows, not
 * only its own: a barred statement offered as a wrong option, with its reason after the answer,
 * gives away as much as asking it. So a question that would show a barred fact is drawn again,
 * and given up after a few draws; one that is made bars the partners of all it shows.
 */
export function guarded<Q extends Shown>(guard: ApartGuard, make: (f: Fact) => Q | null): (f: Fact) => Q | null {
  return (f) => {
    if (guard.barred(f.id)) return null;
    for (let draw = 0; draw < DRAWS; draw++) {
      const q = make(f);
      if (!q) return null;
      const shown = shownFacts(q);
      if (shown.some((id) => guard.barred(id))) continue;
      for (const id of shown) guard.asked(id);
      return q;
    }
    return null;
  };
}
