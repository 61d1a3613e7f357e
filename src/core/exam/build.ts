/**
 * Draws a mock exam: domain counts by the blueprint; within each domain authored exam-style
 * items first, then multi-constraint questions from tables, then single-fact questions; topics
 * take turns, no fact is asked twice, and items the notes keep apart are not asked together.
 */
import { apartGuard, guarded } from '../apart.js';
import { asksConstraints } from '../questions/constraint.js';
import { choiceFor, examQuestionFor, isExamKind } from '../questions/generate.js';
import type { Question } from '../questions/question.js';
import { type Rng, shuffle } from '../random.js';
import { type Deck, DOMAINS, type Domain, type Fact } from '../types.js';
import { blueprint, domainPools } from './blueprint.js';

export interface ExamOptions {
  topicIds: readonly string[];
  total: number;
  /** Only these domains (default: every domain the topics have). */
  domains?: readonly Domain[];
}

/**
 * Facts in random order, topics taking turns (in random order, each topic's facts shuffled only
 * when its turn first comes), produced lazily: an exam needs a few dozen facts, not an order over
 * tens of thousands.
 */
function* inTurn(facts: readonly Fact[], rng: Rng): Generator<Fact> {
  const byTopic = new Map<string, Fact[]>();
  for (const f of facts) {
    const list = byTopic.get(f.topicId);
    if (list) list.push(f);
    else byTopic.set(f.topicId, [f]);
  }
  let queues = shuffle([...byTopic.values()], rng).map((list) => ({ list, order: null as Fact[] | null }));
  while (queues.length > 0) {
    for (const q of queues) {
      q.order ??= shuffle(q.list, rng);
      const next = q.order.pop();
      if (next) yield next;
    }
    queues = queues.filter((q) => q.order === null || q.order.length > 0);
  }
}

export function buildExam(deck: Deck, options: ExamOptions, rng: Rng): Question[] {
  const pools = domainPools(deck, options.topicIds);
  const counts = blueprint(
    options.total,
    (options.domains ?? DOMAINS).filter((d) => (pools.get(d)?.length ?? 0) > 0),
  );
  const out: Question[] = [];
  // Only items can be kept apart: the guard is built from them, not from every fact.
  const items: Fact[] = [];
  for (const pool of pools.values()) for (const f of pool) if (f.kind === 'item') items.push(f);
  const apart = apartGuard(items);
  for (const domain of DOMAINS) {
    const want = counts[domain];
    if (want === 0) continue;
    const pool = pools.get(domain) ?? [];
    const picked: Question[] = [];
    const used = new Set<string>();
    // Each stage walks its own facts only: items, then rows of tables that declare requirements
    // (multi-constraint), then the rest (rows again among them). One pass lists all three; a pool
    // comes table by table, so whether a table declares requirements is looked up when it changes.
    const authored: Fact[] = [];
    const constrained: Fact[] = [];
    const rest: Fact[] = [];
    let table: Fact | undefined;
    let tableAsks = false;
    for (const f of pool) {
      if (isExamKind(f)) {
        authored.push(f);
        continue;
      }
      rest.push(f);
      if (f.kind !== 'row') continue;
      if (table?.groupId !== f.groupId || table.topicId !== f.topicId) {
        table = f;
        tableAsks = asksConstraints(deck, f);
      }
      if (tableAsks) constrained.push(f);
    }
    const stages: [Fact[], (f: Fact) => Question | null][] = [
      [authored, guarded(apart, (f) => examQuestionFor(deck, f, rng))],
      [constrained, guarded(apart, (f) => examQuestionFor(deck, f, rng))],
      [rest, guarded(apart, (f) => choiceFor(deck, f, rng))],
    ];
    for (const [facts, make] of stages) {
      if (picked.length >= want) break;
      for (const fact of inTurn(facts, rng)) {
        if (picked.length >= want) break;
        if (used.has(fact.id)) continue;
        const q = make(fact);
        if (!q) continue;
        used.add(fact.id);
        picked.push(q);
      }
    }
    out.push(...picked);
  }
  return shuffle(out, rng);
}
