/**
 * Mock exam in the SAA-C03 format: the blueprint (how many questions per domain), drawing the
 * questions, multiple-response questions, and the exam as a state machine (answers, flags,
 * navigation, time) with its result. Pure: time comes in as `now`.
 */
import { mcVariants, multipleChoice, type Option, type Question } from './questions.js';
import { shuffle, type Rng } from './random.js';
import { DOMAIN_WEIGHTS, PASS_SCORE, scaledScore } from './scoring.js';
import { sameText } from './text.js';
import { DOMAINS, groupKey, type Deck, type Domain, type Fact, type Localized, type RowFact, type StatementFact } from './types.js';

export const EXAM_QUESTIONS = 65;
export const EXAM_MINUTES = 130;
/** Extra time a non-native English speaker may request (ESL +30). */
export const EXTRA_MINUTES = 30;
/** Share of questions drawn as multiple response ("choose two") where the notes allow. */
const MULTI_RESPONSE_SHARE = 0.15;
/** How many facts are tried as the seed of a "choose two" question before giving up (bounds the work on huge decks). */
const MULTI_RESPONSE_TRIES = 200;
/** Share of each domain's questions drawn from scenario facts first, as the real exam is mostly scenarios. */
const SCENARIO_SHARE = 0.5;

export interface ExamQuestion extends Question {
  domain: Domain;
  /** Correct option indexes: one, or two for "choose two". */
  answers: number[];
}

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

export interface Shortfall {
  domain: Domain;
  needed: number;
  available: number;
}

/** Facts a domain can fill multiple-choice questions with: those of the topics that list the domain. */
function domainPools(deck: Deck, topicIds: readonly string[]): Map<Domain, Fact[]> {
  const pools = new Map<Domain, Fact[]>(DOMAINS.map((d) => [d, []]));
  for (const id of topicIds) {
    const topic = deck.topicsById.get(id);
    if (!topic) continue;
    for (const fact of deck.byTopic.get(id) ?? []) {
      if (fact.kind === 'statement') continue;
      for (const d of topic.domains) pools.get(d)?.push(fact);
    }
  }
  return pools;
}

/**
 * What the notes cannot fill for an exam of `total` questions, and the largest exam they can.
 * A fact counted for one domain is not counted again for another.
 */
export function checkBlueprint(deck: Deck, topicIds: readonly string[], total: number): { shortfalls: Shortfall[]; largest: number } {
  const pools = domainPools(deck, topicIds);
  const fits = (n: number) => {
    const counts = blueprint(n);
    const used = new Set<string>();
    const short: Shortfall[] = [];
    // Domains with the fewest facts pick first, so shared facts go where they are scarce.
    for (const d of [...DOMAINS].sort((a, b) => (pools.get(a)?.length ?? 0) - (pools.get(b)?.length ?? 0))) {
      const free = (pools.get(d) ?? []).filter((f) => !used.has(f.id));
      free.slice(0, counts[d]).forEach((f) => used.add(f.id));
      if (free.length < counts[d]) short.push({ domain: d, needed: counts[d], available: free.length });
    }
    return short;
  };
  const shortfalls = fits(total);
  let largest = total;
  while (largest > 0 && fits(largest).length > 0) largest--;
  return { shortfalls, largest };
}

export interface ExamOptions {
  topicIds: readonly string[];
  total: number;
}

/**
 * Facts of the given topics, the topics taking turns (in random order, each topic's facts in
 * random order), produced lazily: an exam needs a few dozen facts, not an order over all of them.
 */
function* inTurn(deck: Deck, topicIds: readonly string[], keep: (f: Fact) => boolean, rng: Rng): Generator<Fact> {
  let queues = shuffle(topicIds, rng).map((id) => ({ id, facts: null as Fact[] | null }));
  while (queues.length > 0) {
    for (const q of queues) {
      q.facts ??= shuffle((deck.byTopic.get(q.id) ?? []).filter(keep), rng);
      const next = q.facts.pop();
      if (next) yield next;
    }
    queues = queues.filter((q) => q.facts === null || q.facts.length > 0);
  }
}

/** Draws the exam's questions: domain counts by blueprint, topics in turn, no fact twice. */
export function buildExam(deck: Deck, options: ExamOptions, rng: Rng): ExamQuestion[] {
  const counts = blueprint(options.total);
  const used = new Set<string>();
  const out: ExamQuestion[] = [];
  const topicsOf = (d: Domain) => options.topicIds.filter((id) => deck.topicsById.get(id)?.domains.includes(d));
  const size = (d: Domain) => topicsOf(d).reduce((n, id) => n + (deck.byTopic.get(id)?.length ?? 0), 0);
  // Domains with the fewest facts draw first, so facts shared between domains go where they are scarce.
  const order = [...DOMAINS].sort((a, b) => size(a) - size(b));

  for (const domain of order) {
    const want = counts[domain];
    const topics = topicsOf(domain);
    const picked: ExamQuestion[] = [];
    const take = (q: Question | null, extraFacts: string[] = []) => {
      if (!q || used.has(q.factId)) return false;
      used.add(q.factId);
      for (const id of extraFacts) used.add(id);
      picked.push(toExam(q, domain));
      return true;
    };
    const fresh = (f: Fact) => !used.has(f.id);

    // Multiple response first (they need several facts of one group), then scenarios, then the rest.
    const mrWanted = Math.round(want * MULTI_RESPONSE_SHARE);
    let tries = 0;
    for (const fact of inTurn(deck, topics, (f) => fresh(f) && (f.kind === 'row' || (f.kind === 'statement' && f.truth)), rng)) {
      if (picked.length >= mrWanted || tries++ >= MULTI_RESPONSE_TRIES) break;
      if (!fresh(fact)) continue;
      const mr = multipleResponse(deck, fact, rng, used);
      if (mr) take(mr.question, mr.facts);
    }
    const scenarioTarget = picked.length + Math.round((want - picked.length) * SCENARIO_SHARE);
    for (const fact of inTurn(deck, topics, (f) => fresh(f) && f.kind === 'scenario', rng)) {
      if (picked.length >= scenarioTarget) break;
      if (fresh(fact)) take(multipleChoice(deck, fact, 'scenario', rng));
    }
    for (const fact of inTurn(deck, topics, (f) => fresh(f) && f.kind !== 'statement', rng)) {
      if (picked.length >= want) break;
      if (!fresh(fact)) continue;
      for (const v of shuffle(mcVariants(fact), rng)) if (take(multipleChoice(deck, fact, v, rng))) break;
    }
    out.push(...picked);
  }
  return shuffle(out, rng);
}

function toExam(q: Question, domain: Domain): ExamQuestion {
  return { ...q, domain, answers: q.options.flatMap((o, i) => (o.correct ? [i] : [])) };
}

const CHOOSE_TWO: Localized = { en: '(Choose two.)', ko: '(두 개를 고르시오.)' };

/**
 * A "choose two" question built around `fact`, when its group allows one:
 * - a table row whose value in some column is shared by exactly one other row, with three rows
 *   that differ ("Which two EBS types have Media: HDD?"), or
 * - a true statement with another true one and three false ones from the same group.
 */
export function multipleResponse(
  deck: Deck,
  fact: Fact,
  rng: Rng,
  used: ReadonlySet<string> = new Set(),
): { question: Question; facts: string[] } | null {
  const siblings = (deck.byGroup.get(groupKey(fact.topicId, fact.groupId)) ?? []).filter((f) => f.id !== fact.id && !used.has(f.id));
  if (fact.kind === 'row') {
    const group = deck.groups.get(groupKey(fact.topicId, fact.groupId));
    const rows = siblings.filter((f): f is RowFact => f.kind === 'row');
    for (const c of shuffle(fact.cells.map((_, i) => i), rng)) {
      const value = fact.cells[c];
      const column = group?.columns?.[c];
      if (!value || !column) continue;
      const same = rows.filter((r) => sameText(r.cells[c] ?? {}, value));
      const others = rows.filter((r) => !sameText(r.cells[c] ?? {}, value));
      if (same.length !== 1 || others.length < 3) continue;
      const partner = same[0] as RowFact;
      const wrong = shuffle(others, rng).slice(0, 3);
      const prompt: Localized = {
        en: `Which two ${group?.labelHeader?.en ?? ''} have ${column.en ?? column.ko}: ${value.en ?? value.ko}? ${CHOOSE_TWO.en}`,
        ko: `${group?.labelHeader?.ko ?? group?.labelHeader?.en ?? ''} 중 '${column.ko ?? column.en}: ${value.ko ?? value.en}'에 해당하는 것은? ${CHOOSE_TWO.ko}`,
      };
      const options: Option[] = shuffle(
        [
          { text: fact.label, correct: true, source: fact.id },
          { text: partner.label, correct: true, source: partner.id },
          ...wrong.map((r) => ({ text: r.label, correct: false, source: r.id })),
        ],
        rng,
      );
      return { question: mrQuestion(fact, `mr-row:${c}`, prompt, options), facts: [partner.id, ...wrong.map((w) => w.id)] };
    }
    return null;
  }
  if (fact.kind === 'statement' && fact.truth) {
    const statements = siblings.filter((f): f is StatementFact => f.kind === 'statement');
    const trues = shuffle(statements.filter((s) => s.truth), rng);
    const falses = shuffle(statements.filter((s) => !s.truth), rng);
    const partner = trues[0];
    if (!partner || falses.length < 3) return null;
    const wrong = falses.slice(0, 3);
    const prompt: Localized = { en: `Which two statements are true? ${CHOOSE_TWO.en}`, ko: `옳은 설명 두 개는? ${CHOOSE_TWO.ko}` };
    const options: Option[] = shuffle(
      [
        { text: fact.statement, correct: true, source: fact.id },
        { text: partner.statement, correct: true, source: partner.id },
        ...wrong.map((s) => ({ text: s.statement, correct: false, source: s.id })),
      ],
      rng,
    );
    return { question: mrQuestion(fact, 'mr-statements', prompt, options), facts: [partner.id, ...wrong.map((w) => w.id)] };
  }
  return null;
}

function mrQuestion(fact: Fact, variant: string, prompt: Localized, options: Option[]): Question {
  const sources = options.filter((o) => o.correct).map((o) => o.text);
  return {
    id: `${fact.id}#${variant}`,
    factId: fact.id,
    topicId: fact.topicId,
    kind: 'multi',
    format: 'mr',
    prompt,
    options,
    answer: options.findIndex((o) => o.correct),
    explanation: {
      en: sources.map((t) => t.en ?? t.ko).join(' · '),
      ko: sources.map((t) => t.ko ?? t.en).join(' · '),
    },
  };
}

// ---- the exam as a state machine --------------------------------------------------------

export interface ExamState {
  questions: ExamQuestion[];
  /** Chosen option indexes per question; null while unanswered. */
  chosen: (number[] | null)[];
  flagged: boolean[];
  current: number;
  limitMs: number;
  /** Time used before the current sitting began (earlier sittings, before a crash or Ctrl-C). */
  usedMs: number;
  /** When the current sitting began; time left is measured from here. */
  resumedAt: number;
}

export function startExam(questions: ExamQuestion[], limitMs: number, now: number): ExamState {
  return {
    questions,
    chosen: questions.map(() => null),
    flagged: questions.map(() => false),
    current: 0,
    limitMs,
    usedMs: 0,
    resumedAt: now,
  };
}

export function usedMs(s: ExamState, now: number): number {
  return Math.min(s.limitMs, s.usedMs + Math.max(0, now - s.resumedAt));
}

export function remainingMs(s: ExamState, now: number): number {
  return Math.max(0, s.limitMs - usedMs(s, now));
}

export function isCorrectChoice(q: ExamQuestion, chosen: readonly number[] | null): boolean {
  if (!chosen) return false;
  const a = [...chosen].sort((x, y) => x - y);
  const b = [...q.answers].sort((x, y) => x - y);
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export interface ExamProgress {
  answered: number;
  unanswered: number;
  flagged: number;
}

export function progress(s: ExamState): ExamProgress {
  const answered = s.chosen.filter((c) => c !== null).length;
  return { answered, unanswered: s.questions.length - answered, flagged: s.flagged.filter(Boolean).length };
}

export interface AreaResult {
  questions: number;
  correct: number;
}

export interface ExamResult {
  questions: number;
  correct: number;
  unanswered: number;
  score: number;
  pass: boolean;
  usedMs: number;
  timedOut: boolean;
  domains: Record<Domain, AreaResult>;
  topics: Record<string, AreaResult>;
}

/** Grades the exam as it stands: an unanswered question is wrong, as in the real exam. */
export function gradeExam(s: ExamState, now: number, timedOut: boolean): ExamResult {
  const domains = Object.fromEntries(DOMAINS.map((d) => [d, { questions: 0, correct: 0 }])) as Record<Domain, AreaResult>;
  const topics: Record<string, AreaResult> = {};
  let correct = 0;
  s.questions.forEach((q, i) => {
    const ok = isCorrectChoice(q, s.chosen[i] ?? null);
    if (ok) correct++;
    domains[q.domain].questions++;
    if (ok) domains[q.domain].correct++;
    const t = (topics[q.topicId] ??= { questions: 0, correct: 0 });
    t.questions++;
    if (ok) t.correct++;
  });
  const total = s.questions.length;
  const score = scaledScore(total ? correct / total : 0);
  return {
    questions: total,
    correct,
    unanswered: progress(s).unanswered,
    score,
    pass: score >= PASS_SCORE,
    usedMs: usedMs(s, now),
    timedOut,
    domains,
    topics,
  };
}
