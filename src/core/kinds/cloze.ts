/** A sentence with `{{blanks}}`: each blank is asked with wrong values of the same kind and magnitude. */

import { loc } from '../parse/inline.js';
import { fillCloze, mapLocalized, phrase } from '../phrases.js';
import { choiceQuestion, trueFalseQuestion } from '../questions/build.js';
import { inContext, subjectContext } from '../questions/context.js';
import { type Candidate, pickDistractors, type Tier, tagOthers, topicOthers } from '../questions/distractors.js';
import { MIN_OPTIONS } from '../questions/question.js';
import { measure, numberOf, unitClass, unitOf } from '../questions/units.js';
import { createRng } from '../random.js';
import { pick, slugify, textKeys } from '../text.js';
import { type ClozeFact, type Deck, type Fact, groupKey, type Localized } from '../types.js';
import { factBase, type KindModule } from './kind.js';

const BLANK = /\{\{([^{}]+)\}\}/g;
const MAX_BLANKS = 12;

/** A blank's unit class, worked out once per blank: candidates are sorted by it again and again. */
const classes = new WeakMap<Localized, string>();
function classOf(blank: Localized): string {
  let c = classes.get(blank);
  if (c === undefined) classes.set(blank, (c = unitClass(blank.en ?? blank.ko ?? '')));
  return c;
}

function blanksOf(facts: readonly Fact[], cls: string): Candidate[] {
  const out: Candidate[] = [];
  for (const f of facts) if (f.kind === 'cloze') for (const b of f.blanks) if (classOf(b) === cls) out.push({ text: b, source: f.id });
  return out;
}

/** The blanks of a group's clozes by unit class, built once per group (the first tier of each of its blanks). */
const groupBlanks = new WeakMap<Deck, Map<string, Map<string, Candidate[]>>>();

/** `blanksOf(siblings(deck, fact), cls)`: the same candidates in the same order, from the group's list. */
function siblingBlanks(deck: Deck, fact: ClozeFact, cls: string): Candidate[] {
  let byGroup = groupBlanks.get(deck);
  if (!byGroup) groupBlanks.set(deck, (byGroup = new Map()));
  const key = groupKey(fact.topicId, fact.groupId);
  let byClass = byGroup.get(key);
  if (!byClass) byGroup.set(key, (byClass = new Map()));
  let list = byClass.get(cls);
  if (!list) byClass.set(cls, (list = blanksOf(deck.byGroup.get(key) ?? [], cls)));
  return list.filter((c) => c.source !== fact.id);
}

/** Every cloze blank of these facts by unit class, in their order: the deck-wide tier's candidates. */
export function clozeBlankIndex(facts: Iterable<Fact>): Map<string, Candidate[]> {
  const index = new Map<string, Candidate[]>();
  for (const f of facts) {
    if (f.kind !== 'cloze') continue;
    for (const b of f.blanks) {
      const c = classOf(b);
      const list = index.get(c) ?? [];
      list.push({ text: b, source: f.id });
      index.set(c, list);
    }
  }
  return index;
}

/** The deck-wide tier by unit class, built once per deck (or given: see provideBlankIndex). */
const blanksByClass = new WeakMap<Deck, Map<string, Candidate[]>>();
const blankIndexes = new WeakMap<Deck, () => Map<string, Candidate[]>>();

/**
 * Lets a deck answer the deck-wide tier from an index made when the deck was (clozeBlankIndex of
 * its facts, in order), so that asking it does not read every note of a deck that loads lazily.
 */
export function provideBlankIndex(deck: Deck, index: () => Map<string, Candidate[]>): void {
  blankIndexes.set(deck, index);
}

function deckBlanks(deck: Deck, cls: string): Candidate[] {
  let index = blanksByClass.get(deck);
  if (!index) blanksByClass.set(deck, (index = blankIndexes.get(deck)?.() ?? clozeBlankIndex(deck.facts)));
  return index.get(cls) ?? [];
}

/** A blank's unit, number and value in base units, worked out once per blank (every tier of every blank of its group asks). */
const magnitudes = new WeakMap<Localized, { unit: string; value: number | null; base: number | null }>();
function magnitudeOf(blank: Localized): { unit: string; value: number | null; base: number | null } {
  let m = magnitudes.get(blank);
  if (!m) {
    const text = blank.en ?? blank.ko ?? '';
    magnitudes.set(blank, (m = { unit: unitOf(text), value: numberOf(text), base: measure(blank) }));
  }
  return m;
}

/** How far apart two magnitudes are, as a ratio ≥ 1; small values (≤ 10) count as close to each other. */
function spread(a: number, b: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b) || 1;
  return hi <= 10 ? 1 : hi / Math.max(lo, 1e-9);
}

/**
 * Splits a tier so the most plausible candidates come first: the answer's own unit and a
 * magnitude within ten times of it (3 AZs → 2 or 6, not 32,766), then any unit of its class
 * within a hundred, then a thousand times in base units (20 GiB → 150 GB, not 4 KB), then the
 * same unit at any magnitude, then the rest.
 */
function plausibleFirst(answer: Localized, tier: () => Candidate[]): Tier[] {
  const { unit, value, base } = magnitudeOf(answer);
  let cached: Candidate[] | null = null;
  const all = () => (cached ??= tier());
  const sameUnit = (c: Candidate) => magnitudeOf(c.text).unit === unit;
  const near = (c: Candidate) => {
    const v = magnitudeOf(c.text).value;
    return value === null || v === null || spread(v, value) <= 10;
  };
  const within = (limit: number) => (c: Candidate) => {
    const v = magnitudeOf(c.text).base;
    return base === null || v === null || !Number.isFinite(v) || !Number.isFinite(base) || spread(v, base) <= limit;
  };
  const first = (c: Candidate) => sameUnit(c) && near(c);
  const hundred = within(100);
  const thousand = within(1000);
  return [
    () => all().filter(first),
    () => all().filter((c) => !first(c) && hundred(c)),
    () => all().filter((c) => !first(c) && !hundred(c) && thousand(c)),
    () => all().filter((c) => !thousand(c) && sameUnit(c)),
    () => all().filter((c) => !thousand(c) && !sameUnit(c)),
  ];
}

function clozeTiers(deck: Deck, fact: ClozeFact, blank: number): Tier[] {
  const answer = fact.blanks[blank] ?? {};
  const cls = unitClass(answer.en ?? answer.ko ?? '');
  const tiers: (() => Candidate[])[] = [
    () => siblingBlanks(deck, fact, cls),
    () => blanksOf(topicOthers(deck, fact), cls),
    () => blanksOf(tagOthers(deck, fact), cls),
  ];
  // Numbers with a unit read as plausible across topics; a free-text blank does not.
  // A fact id starts with its topic id and a dot (topic ids have none).
  const ownTopic = `${fact.topicId}.`;
  if (cls !== 'text') tiers.push(() => deckBlanks(deck, cls).filter((c) => !c.source.startsWith(ownTopic)));
  // A value the sentence already shows in another blank would make the question contradict itself.
  const shown = new Set(fact.blanks.flatMap((b, k) => (k === blank ? [] : textKeys(b))));
  const notShown = (t: () => Candidate[]) => () => t().filter((c) => !textKeys(c.text).some((x) => shown.has(x)));
  // Plausibility first, nearness second: a like value from another topic beats an unlike one from this group.
  const split = tiers.map((t) => plausibleFirst(answer, notShown(t)));
  return [0, 1, 2, 3, 4].flatMap((k) => split.map((parts) => parts[k] as Tier));
}

export const cloze: KindModule<'cloze'> = {
  kind: 'cloze',
  style: 'fact',
  matches: (en) => /\{\{[^{}]*\}\}/.test(en),

  parse(b, ctx) {
    const enBlanks = [...b.en.matchAll(BLANK)].map((m) => (m[1] ?? '').trim());
    const koBlanks = b.ko !== undefined ? [...b.ko.matchAll(BLANK)].map((m) => (m[1] ?? '').trim()) : [];
    if (b.ko !== undefined && koBlanks.length !== enBlanks.length) {
      ctx.report(b.line, `cloze has ${enBlanks.length} blanks in English but ${koBlanks.length} in Korean`);
      return null;
    }
    if (enBlanks.length > MAX_BLANKS) {
      ctx.report(b.line, `cloze has ${enBlanks.length} blanks; at most ${MAX_BLANKS} keep it readable (split the sentence)`);
      return null;
    }
    if (enBlanks.some((x) => x === '') || /\{\{\s*\}\}/.test(b.en)) {
      ctx.report(b.line, 'empty cloze blank "{{}}"');
      return null;
    }
    const key = b.key ?? slugify(b.en.replace(BLANK, '$1'));
    // Assigned onto the base, not spread: see factBase.
    const fact: ClozeFact = Object.assign(factBase(ctx, key, b.line), {
      kind: 'cloze' as const,
      text: loc(b.en, b.ko),
      blanks: enBlanks.map((x, k) => loc(x, b.ko !== undefined ? koBlanks[k] : undefined)),
    });
    return { fact, derivedKey: b.key === undefined };
  },

  languageParts: (f) => [{ what: `fact "${f.id}"`, line: f.line, text: f.text }],

  validate(deck, f, file) {
    // Whether some blank can be asked: ask gives a question exactly when the blank has enough
    // wrong options (choiceQuestion's test, made before it draws from the rng), so only those
    // are drawn here, from the same rng in the same order, without building the questions.
    const rng = createRng(0);
    const enough = (answer: Localized, blank: number) => pickDistractors(answer, clozeTiers(deck, f, blank), rng, undefined, f.avoid).length >= MIN_OPTIONS - 1;
    if (f.blanks.some(enough)) return [];
    return [
      {
        file,
        line: f.line,
        severity: 'error',
        message: `fact "${f.id}": group #${f.groupId} is too small to give three options; add more blanks of the same kind (a size, a duration, a number…)`,
      },
    ];
  },

  shapes: (_deck, f) => f.blanks.map((_, blank) => ({ type: 'cloze', blank })),

  ask(deck, f, shape, rng) {
    if (shape.type !== 'cloze') return null;
    const answer = f.blanks[shape.blank];
    if (!answer) return null;
    const d = pickDistractors(answer, clozeTiers(deck, f, shape.blank), rng, undefined, f.avoid);
    const text = inContext(
      subjectContext(deck, f, cloze.summary(deck, f)),
      mapLocalized(f.text, (t) => fillCloze(t, shape.blank)),
    );
    return choiceQuestion(
      deck,
      f,
      { kind: 'cloze', shape, prompt: phrase('cloze', { text }), answer, distractors: d, explanation: cloze.summary(deck, f) },
      rng,
    );
  },

  trueFalse(deck, f, wantTrue, rng) {
    const b = rng.int(f.blanks.length);
    const answer = f.blanks[b];
    if (!answer) return null;
    const context = subjectContext(deck, f, cloze.summary(deck, f));
    const fill = (value: Localized) =>
      inContext(
        context,
        mapLocalized(f.text, (t, lang) => fillCloze(t, b, value[lang] ?? value.en ?? value.ko)),
      );
    const explanation = cloze.summary(deck, f);
    if (wantTrue) return trueFalseQuestion(deck, f, `tf:${b}`, fill(answer), true, explanation);
    const [other] = pickDistractors(answer, clozeTiers(deck, f, b), rng, 1, f.avoid);
    if (!other) return null;
    return trueFalseQuestion(deck, f, `tf:${b}`, fill(other.text), false, explanation, other.source);
  },

  summary: (_deck, f) => mapLocalized(f.text, (t) => fillCloze(t, -1)),
  // Every blank is c1: one card hides them all, so no blank gives another away.
  anki: (_deck, f, lang) => ({ notetype: 'Cloze', fields: [pick(f.text, lang).replace(BLANK, (_m, a: string) => `{{c1::${a.trim()}}}`), ''] }),
  sheet: (_deck, f) => ({ mark: 'cloze', text: mapLocalized(f.text, (t) => fillCloze(t, -1)) }),
};
