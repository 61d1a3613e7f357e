/**
 * Question generation from facts, following DESIGN.md's quality rules: one correct option,
 * distractors from the same group first (then topic, then shared tag), never equal to the
 * answer in any language, 3–4 options, uniform answer position.
 */
import { FALSE, TRUE, factSummary, fillCloze, phrase, tableContext } from './phrases.js';
import { shuffle, type Rng } from './random.js';
import { normalize, sameText } from './text.js';
import {
  groupKey,
  type ClozeFact,
  type Deck,
  type Fact,
  type Localized,
  type RowFact,
  type ScenarioFact,
  type TermFact,
} from './types.js';

export type QuestionKind = 'term-desc' | 'desc-term' | 'cell' | 'cell-label' | 'cloze' | 'scenario' | 'tf' | 'multi';
/** mc: one of 3–4; tf: true/false; mr: multiple response ("choose two", exams only). */
export type QuestionFormat = 'mc' | 'tf' | 'mr';

export interface Option {
  text: Localized;
  correct: boolean;
  /** The fact this option's text belongs to, so a wrong choice can be explained. */
  source: string | null;
}

export interface Question {
  /** `factId#variant`: unique per question shape. */
  id: string;
  factId: string;
  topicId: string;
  kind: QuestionKind;
  format: QuestionFormat;
  prompt: Localized;
  options: Option[];
  answer: number;
  /** The correct fact as a sentence. */
  explanation: Localized;
  /** For a generated false statement: the fact whose value was swapped in. */
  swappedFrom?: string;
}

export const MAX_OPTIONS = 4;
const MIN_OPTIONS = 3;

interface Candidate {
  text: Localized;
  source: string;
}

/** A tier of candidates, or a function that computes it only if the earlier tiers fell short. */
type Tier = Candidate[] | (() => Candidate[]);

/** Beyond this many candidates a tier is sampled rather than shuffled whole (a deck-wide tier can be huge). */
const SAMPLE_LIMIT = 64;

function order(tier: Candidate[], rng: Rng): Candidate[] {
  if (tier.length <= SAMPLE_LIMIT) return shuffle(tier, rng);
  const picked = new Set<number>();
  while (picked.size < SAMPLE_LIMIT) picked.add(rng.int(tier.length));
  return [...picked].map((i) => tier[i] as Candidate);
}

/** Picks up to `max` distractors, taking tiers in order and in random order within each tier. */
export function pickDistractors(
  answer: Localized,
  tiers: Tier[],
  rng: Rng,
  max = MAX_OPTIONS - 1,
  avoid: string[] = [],
): Candidate[] {
  const chosen: Candidate[] = [];
  const avoided = avoid.map(normalize);
  for (const lazy of tiers) {
    if (chosen.length >= max) break;
    const tier = typeof lazy === 'function' ? lazy() : lazy;
    for (const c of order(tier, rng)) {
      if (chosen.length >= max) return chosen;
      if (sameText(c.text, answer)) continue;
      if (chosen.some((x) => sameText(x.text, c.text))) continue;
      if (avoided.length && [c.text.en, c.text.ko].some((t) => t !== undefined && avoided.includes(normalize(t))))
        continue;
      chosen.push(c);
    }
  }
  return chosen;
}

function mcQuestion(
  fact: Fact,
  kind: QuestionKind,
  variant: string,
  prompt: Localized,
  answer: Localized,
  distractors: Candidate[],
  deck: Deck,
  rng: Rng,
): Question | null {
  if (distractors.length < MIN_OPTIONS - 1) return null;
  const options = shuffle(
    [
      { text: answer, correct: true, source: fact.id },
      ...distractors.map((d) => ({ text: d.text, correct: false, source: d.source })),
    ],
    rng,
  );
  return {
    id: `${fact.id}#${variant}`,
    factId: fact.id,
    topicId: fact.topicId,
    kind,
    format: 'mc',
    prompt,
    options,
    answer: options.findIndex((o) => o.correct),
    explanation: factSummary(deck, fact),
  };
}

function tfQuestion(
  fact: Fact,
  variant: string,
  statement: Localized,
  truth: boolean,
  deck: Deck,
  swappedFrom?: string,
): Question {
  const q: Question = {
    id: `${fact.id}#${variant}`,
    factId: fact.id,
    topicId: fact.topicId,
    kind: 'tf',
    format: 'tf',
    prompt: phrase('trueFalse', { statement }),
    options: [
      { text: TRUE, correct: truth, source: null },
      { text: FALSE, correct: !truth, source: null },
    ],
    answer: truth ? 0 : 1,
    explanation: factSummary(deck, fact),
  };
  if (swappedFrom) q.swappedFrom = swappedFrom;
  return q;
}

// ---- candidate pools -------------------------------------------------------------------------

function siblings(deck: Deck, fact: Fact): Fact[] {
  return (deck.byGroup.get(groupKey(fact.topicId, fact.groupId)) ?? []).filter((f) => f.id !== fact.id);
}

function topicOthers(deck: Deck, fact: Fact): Fact[] {
  return (deck.byTopic.get(fact.topicId) ?? []).filter((f) => f.id !== fact.id && f.groupId !== fact.groupId);
}

function tagOthers(deck: Deck, fact: Fact): Fact[] {
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

const terms = (facts: Fact[]) => facts.filter((f): f is TermFact => f.kind === 'term');

function termTiers(deck: Deck, fact: TermFact, field: 'term' | 'description'): Tier[] {
  const of = (facts: Fact[]) => terms(facts).map((f) => ({ text: f[field], source: f.id }));
  return [of(siblings(deck, fact)), () => of(topicOthers(deck, fact)), () => of(tagOthers(deck, fact))];
}

/** Unit class of a cloze answer, so a size is only ever confused with another size. */
export function unitClass(answer: string): string {
  const a = answer.trim().toLowerCase();
  const num = /^[~≈<>]?\s*[\d.,]+\s*(.*)$/.exec(a);
  if (!num) return 'text';
  const unit = (num[1] ?? '').trim();
  if (unit === '') return 'number';
  if (/^(b|bytes?|kb|kib|mb|mib|gb|gib|tb|tib|pb|pib|eb)$/.test(unit)) return 'size';
  if (/^(ms|milliseconds?|seconds?|secs?|s|minutes?|mins?|hours?|h|days?|weeks?|months?|years?|초|분|시간|일|주|개월|년)$/.test(unit))
    return 'duration';
  if (unit === '%') return 'percent';
  if (/^(mb\/s|mib\/s|gb\/s|gbps|mbps|kbps)$/.test(unit)) return 'throughput';
  return `unit:${unit}`;
}

function blanksOf(facts: readonly Fact[], cls: string): Candidate[] {
  return facts.flatMap((f) =>
    f.kind === 'cloze' ? f.blanks.filter((b) => unitClass(b.en ?? b.ko ?? '') === cls).map((b) => ({ text: b, source: f.id })) : [],
  );
}

/** Every cloze blank of the deck by unit class, built once per deck: the last-resort tier. */
const blanksByClass = new WeakMap<Deck, Map<string, Candidate[]>>();

function deckBlanks(deck: Deck, cls: string): Candidate[] {
  let index = blanksByClass.get(deck);
  if (!index) {
    index = new Map();
    for (const f of deck.facts) {
      if (f.kind !== 'cloze') continue;
      for (const b of f.blanks) {
        const c = unitClass(b.en ?? b.ko ?? '');
        const list = index.get(c) ?? [];
        list.push({ text: b, source: f.id });
        index.set(c, list);
      }
    }
    blanksByClass.set(deck, index);
  }
  return index.get(cls) ?? [];
}

/** The unit written after a number (`10 minutes` → `minutes`), to prefer like units over merely like classes. */
function unitOf(text: string): string {
  return text.trim().toLowerCase().replace(/^[~≈<>]?\s*[\d.,]+\s*/, '').replace(/s$/, '');
}

function numberOf(text: string): number | null {
  const m = /^[~≈<>]?\s*([\d.,]+)/.exec(text.trim());
  const n = m ? Number((m[1] ?? '').replace(/,/g, '')) : NaN;
  return Number.isFinite(n) ? n : null;
}

/**
 * Splits a tier so the most plausible candidates come first: the answer's own unit and a
 * magnitude within ten times of it (3 AZs → 2 or 6, not 32,766), then the same unit, then the rest.
 */
function plausibleFirst(answer: Localized, tier: () => Candidate[]): Tier[] {
  const text = answer.en ?? answer.ko ?? '';
  const unit = unitOf(text);
  const value = numberOf(text);
  let cached: Candidate[] | null = null;
  const all = () => (cached ??= tier());
  const sameUnit = (c: Candidate) => unitOf(c.text.en ?? c.text.ko ?? '') === unit;
  const near = (c: Candidate) => {
    const v = numberOf(c.text.en ?? c.text.ko ?? '');
    if (value === null || v === null) return true;
    const [lo, hi] = value === 0 || v === 0 ? [Math.min(v, value), Math.max(v, value) || 1] : [Math.min(v, value), Math.max(v, value)];
    return hi / Math.max(lo, 1e-9) <= 10 || hi <= 10;
  };
  return [
    () => all().filter((c) => sameUnit(c) && near(c)),
    () => all().filter((c) => sameUnit(c) && !near(c)),
    () => all().filter((c) => !sameUnit(c)),
  ];
}

function clozeTiers(deck: Deck, fact: ClozeFact, blank: number): Tier[] {
  const answer = fact.blanks[blank] ?? {};
  const cls = unitClass(answer.en ?? answer.ko ?? '');
  const tiers: (() => Candidate[])[] = [
    () => blanksOf(siblings(deck, fact), cls),
    () => blanksOf(topicOthers(deck, fact), cls),
    () => blanksOf(tagOthers(deck, fact), cls),
  ];
  // Numbers with a unit read as plausible across topics; a free-text blank does not.
  if (cls !== 'text') tiers.push(() => deckBlanks(deck, cls).filter((c) => deck.factsById.get(c.source)?.topicId !== fact.topicId));
  // A value the sentence already shows in another blank would make the question contradict itself.
  const shown = fact.blanks.filter((_, k) => k !== blank);
  const notShown = (t: () => Candidate[]) => () => t().filter((c) => !shown.some((b) => sameText(b, c.text)));
  // Plausibility first, nearness second: a like value from another topic beats an unlike one from this group.
  const split = tiers.map((t) => plausibleFirst(answer, notShown(t)));
  return [0, 1, 2].flatMap((k) => split.map((parts) => parts[k] as Tier));
}

function answerNames(facts: Fact[]): Candidate[] {
  const out: Candidate[] = [];
  for (const f of facts) {
    if (f.kind === 'scenario') out.push({ text: f.answer, source: f.id });
    else if (f.kind === 'term') out.push({ text: f.term, source: f.id });
  }
  return out;
}

function scenarioTiers(deck: Deck, fact: ScenarioFact): Tier[] {
  return [answerNames(siblings(deck, fact)), () => answerNames(topicOthers(deck, fact)), () => answerNames(tagOthers(deck, fact))];
}

function columnValues(deck: Deck, fact: RowFact, column: number): Candidate[] {
  return siblings(deck, fact)
    .filter((f): f is RowFact => f.kind === 'row')
    .map((f) => ({ text: f.cells[column] ?? {}, source: f.id }));
}

function rowHeader(deck: Deck, fact: RowFact) {
  const g = deck.groups.get(groupKey(fact.topicId, fact.groupId));
  const header = g?.labelHeader ?? {};
  return { header, columns: g?.columns ?? [], context: tableContext(g?.title ?? {}, header) };
}

// ---- multiple choice -----------------------------------------------------------------------

/** Every multiple-choice shape a fact can take, in no particular order. */
export function mcVariants(fact: Fact): string[] {
  switch (fact.kind) {
    case 'term':
      return ['term-desc', 'desc-term'];
    case 'row':
      return fact.cells.flatMap((_, c) => [`cell:${c}`, `cell-label:${c}`]);
    case 'cloze':
      return fact.blanks.map((_, b) => `cloze:${b}`);
    case 'scenario':
      return ['scenario'];
    case 'statement':
      return [];
  }
}

export function multipleChoice(deck: Deck, fact: Fact, variant: string, rng: Rng): Question | null {
  const [shape, indexText] = variant.split(':');
  const index = Number(indexText ?? 0);
  switch (fact.kind) {
    case 'term': {
      if (shape === 'term-desc') {
        const d = pickDistractors(fact.description, termTiers(deck, fact, 'description'), rng);
        return mcQuestion(fact, 'term-desc', variant, phrase('termDesc', { term: fact.term }), fact.description, d, deck, rng);
      }
      const d = pickDistractors(fact.term, termTiers(deck, fact, 'term'), rng);
      return mcQuestion(fact, 'desc-term', variant, phrase('descTerm', { desc: fact.description }), fact.term, d, deck, rng);
    }
    case 'row': {
      const value = fact.cells[index];
      const { header, columns, context } = rowHeader(deck, fact);
      const column = columns[index];
      if (!value || !column) return null;
      if (shape === 'cell') {
        const d = pickDistractors(value, [columnValues(deck, fact, index)], rng);
        const prompt = phrase('cell', { context, label: fact.label, header, column });
        return mcQuestion(fact, 'cell', variant, prompt, value, d, deck, rng);
      }
      // Asking for the row by its value is fair only when no other row shares that value.
      if (columnValues(deck, fact, index).some((c) => sameText(c.text, value))) return null;
      const labels = siblings(deck, fact)
        .filter((f): f is RowFact => f.kind === 'row')
        .map((f) => ({ text: f.label, source: f.id }));
      const d = pickDistractors(fact.label, [labels], rng);
      const prompt = phrase('cellLabel', { context, header, column, value });
      return mcQuestion(fact, 'cell-label', variant, prompt, fact.label, d, deck, rng);
    }
    case 'cloze': {
      const answer = fact.blanks[index];
      if (!answer) return null;
      const d = pickDistractors(answer, clozeTiers(deck, fact, index), rng);
      const text: Localized = {};
      for (const lang of ['en', 'ko'] as const) {
        const t = fact.text[lang];
        if (t !== undefined) text[lang] = fillCloze(t, index);
      }
      return mcQuestion(fact, 'cloze', variant, phrase('cloze', { text }), answer, d, deck, rng);
    }
    case 'scenario': {
      const d = pickDistractors(fact.answer, scenarioTiers(deck, fact), rng, MAX_OPTIONS - 1, fact.avoid);
      return mcQuestion(fact, 'scenario', variant, phrase('scenario', { scenario: fact.scenario }), fact.answer, d, deck, rng);
    }
    case 'statement':
      return null;
  }
}

// ---- true / false --------------------------------------------------------------------------

/**
 * A true/false question. For authored statements the truth is fixed; for others `wantTrue`
 * decides, and a false one swaps in a sibling's different value. Null when no sibling value exists.
 */
export function trueFalse(deck: Deck, fact: Fact, wantTrue: boolean, rng: Rng): Question | null {
  switch (fact.kind) {
    case 'statement':
      return tfQuestion(fact, 'tf', fact.statement, fact.truth, deck);
    case 'term': {
      if (wantTrue) return tfQuestion(fact, 'tf', phrase('termClaim', { term: fact.term, desc: fact.description }), true, deck);
      const [other] = pickDistractors(fact.description, termTiers(deck, fact, 'description'), rng, 1);
      if (!other) return null;
      return tfQuestion(fact, 'tf', phrase('termClaim', { term: fact.term, desc: other.text }), false, deck, other.source);
    }
    case 'row': {
      const { header, columns, context } = rowHeader(deck, fact);
      const order = shuffle(
        columns.map((_, c) => c),
        rng,
      );
      for (const c of order) {
        const value = fact.cells[c];
        const column = columns[c];
        if (!value || !column) continue;
        if (wantTrue) {
          return tfQuestion(fact, `tf:${c}`, phrase('cellClaim', { context, label: fact.label, header, column, value }), true, deck);
        }
        const [other] = pickDistractors(value, [columnValues(deck, fact, c)], rng, 1);
        if (other) {
          const claim = phrase('cellClaim', { context, label: fact.label, header, column, value: other.text });
          return tfQuestion(fact, `tf:${c}`, claim, false, deck, other.source);
        }
      }
      return null;
    }
    case 'cloze': {
      const b = rng.int(fact.blanks.length);
      const answer = fact.blanks[b];
      if (!answer) return null;
      const fill = (value: Localized): Localized => {
        const out: Localized = {};
        for (const lang of ['en', 'ko'] as const) {
          const t = fact.text[lang];
          if (t !== undefined) out[lang] = fillCloze(t, b, value[lang] ?? value.en ?? value.ko);
        }
        return out;
      };
      if (wantTrue) return tfQuestion(fact, `tf:${b}`, fill(answer), true, deck);
      const [other] = pickDistractors(answer, clozeTiers(deck, fact, b), rng, 1);
      if (!other) return null;
      return tfQuestion(fact, `tf:${b}`, fill(other.text), false, deck, other.source);
    }
    case 'scenario': {
      if (wantTrue)
        return tfQuestion(fact, 'tf', phrase('scenarioClaim', { scenario: fact.scenario, answer: fact.answer }), true, deck);
      const [other] = pickDistractors(fact.answer, scenarioTiers(deck, fact), rng, 1, fact.avoid);
      if (!other) return null;
      const claim = phrase('scenarioClaim', { scenario: fact.scenario, answer: other.text });
      return tfQuestion(fact, 'tf', claim, false, deck, other.source);
    }
  }
}
