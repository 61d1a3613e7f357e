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

/** `make` for the facts `guard` has not barred; a fact it makes a question of counts as asked. */
export function guarded<Q>(guard: ApartGuard, make: (f: Fact) => Q | null): (f: Fact) => Q | null {
  return (f) => {
    if (guard.barred(f.id)) return null;
    const q = make(f);
    if (q) guard.asked(f.id);
    return q;
  };
}
