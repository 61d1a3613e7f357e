/**
 * Draws a mock exam: domain counts by the blueprint; within each domain authored exam-style
 * items first, then multi-constraint questions from tables, then single-fact questions; topics
 * take turns and no fact is asked twice.
 */
import { choiceFor, examQuestionFor, isExamKind } from '../questions/generate.js';
import type { Question } from '../questions/question.js';
import { type Rng, shuffle } from '../random.js';
import { type Deck, DOMAINS, type Fact } from '../types.js';
import { blueprint, domainPools, examDomains } from './blueprint.js';

export interface ExamOptions {
  topicIds: readonly string[];
  total: number;
}

/** Facts in random order, topics taking turns, so one topic's pool does not crowd out the others. */
function inTurn(facts: readonly Fact[], rng: Rng): Fact[] {
  const byTopic = new Map<string, Fact[]>();
  for (const f of facts) byTopic.set(f.topicId, [...(byTopic.get(f.topicId) ?? []), f]);
  const queues = shuffle([...byTopic.values()], rng).map((q) => shuffle(q, rng));
  const out: Fact[] = [];
  while (queues.some((q) => q.length > 0)) for (const q of queues) if (q.length) out.push(q.pop() as Fact);
  return out;
}

export function buildExam(deck: Deck, options: ExamOptions, rng: Rng): Question[] {
  const counts = blueprint(options.total, examDomains(deck, options.topicIds));
  const pools = domainPools(deck, options.topicIds);
  const out: Question[] = [];
  for (const domain of DOMAINS) {
    const want = counts[domain];
    const pool = inTurn(pools.get(domain) ?? [], rng);
    const picked: Question[] = [];
    const stages: [(f: Fact) => boolean, (f: Fact) => Question | null][] = [
      [isExamKind, (f) => examQuestionFor(deck, f, rng)],
      [(f) => f.kind === 'row', (f) => examQuestionFor(deck, f, rng)],
      [(f) => !isExamKind(f), (f) => choiceFor(deck, f, rng)],
    ];
    const used = new Set<string>();
    for (const [keep, make] of stages) {
      for (const fact of pool) {
        if (picked.length >= want) break;
        if (used.has(fact.id) || !keep(fact)) continue;
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
