/**
 * What a fact kind is: one module per kind parses its lines, says which texts must exist in
 * both languages, checks itself against the deck, makes its questions, and says how it reads
 * as a sentence, an Anki card and a line of a study sheet. The registry lists them all.
 */
import type { Question } from '../questions/question.js';
import type { Shape } from '../questions/shape.js';
import type { Rng } from '../random.js';
import type { Deck, Diagnostic, Domain, Fact, FactKind, FactOf, Group, Lang, Localized, Severity } from '../types.js';

/** A note line: its 1-based number, its indent and its text (indent removed). */
export interface SourceLine {
  line: number;
  indent: number;
  text: string;
}

/** A bullet after the shared inline syntax is taken off: languages, attributes, tags. */
export interface Bullet {
  line: number;
  /** English text with the attribute block and tags removed. */
  en: string;
  /** Korean text (after ` // ` or on the bullet's `ko:` line), likewise cleaned. */
  ko?: string;
  key?: string;
  values: Record<string, string>;
  /** Indented lines after the bullet that are not its own `ko:` line. */
  children: SourceLine[];
}

export type Reporter = (line: number, message: string, severity?: Severity) => void;

export interface ParseContext {
  topicId: string;
  group: Group;
  /** The group part of the id when it differs from the group's own (`was=`). */
  idGroup?: string;
  /** The group's tags and the bullet's own. */
  tags: string[];
  domain?: Domain;
  /** The bullet's `avoid=` list. */
  avoid?: string[];
  report: Reporter;
  /** Every text needs both languages (shipped notes, `notes check --bilingual`). */
  bilingual: boolean;
}

/** The fields every bullet fact shares, from where it was parsed: its id is topic.group.key (the old group with `was=`). */
export function factBase(ctx: ParseContext, key: string, line: number): FactBaseFields {
  // Assigned rather than spread in (`...(x ? { x } : {})`): V8 gives every object built by such
  // spreads a hidden class of its own, and tens of thousands of classes make every later property
  // read across facts a slow, megamorphic one. The properties keep the same order.
  const base: FactBaseFields = {
    id: `${ctx.topicId}.${ctx.idGroup ?? ctx.group.id}.${key}`,
    topicId: ctx.topicId,
    groupId: ctx.group.id,
    key,
    tags: ctx.tags,
    line,
  };
  if (ctx.domain) base.domain = ctx.domain;
  if (ctx.avoid) base.avoid = ctx.avoid;
  return base;
}

/** What factBase gives: the fields shared by every fact kind. */
export type FactBaseFields = Pick<Fact, 'id' | 'topicId' | 'groupId' | 'key' | 'tags' | 'line' | 'domain' | 'avoid'>;

export interface Parsed<F extends Fact> {
  fact: F;
  /** The key came from the wording (no `{#key}`): editing the text would start a new history. */
  derivedKey: boolean;
}

/** A text that must exist in both languages, and where it is. */
export interface LanguagePart {
  what: string;
  line: number;
  text: Localized;
}

/** How `notes show` lays a fact out: a mark, the main text, and what follows it. */
export interface SheetLine {
  mark: 'term' | 'true' | 'false' | 'cloze' | 'scenario' | 'item';
  text: Localized;
  detail?: Localized;
  /** Option lines of an exam-style item: keyed or not, with the reason. */
  options?: { correct: boolean; text: Localized; reason: Localized }[];
}

/** A fact as an Anki note of a stock note type: Basic (Front, Back) or Cloze (Text, Back Extra). */
export interface AnkiNote {
  notetype: 'Basic' | 'Cloze';
  fields: [string, string];
}

export const basicNote = (front: string, back: string): AnkiNote => ({ notetype: 'Basic', fields: [front, back] });

export interface KindModule<K extends FactKind> {
  readonly kind: K;
  /** exam: asked as an exam-style question; fact: a single-fact question. */
  readonly style: 'exam' | 'fact';
  /** Bullet kinds: whether a bullet's English text is of this kind (rows come from tables). */
  matches?(en: string): boolean;
  parse?(bullet: Bullet, ctx: ParseContext): Parsed<FactOf<K>> | null;
  languageParts(fact: FactOf<K>): LanguagePart[];
  /** Deck-wide checks for `notes check` on one fact (it cannot give three options, …). */
  validate?(deck: Deck, fact: FactOf<K>, file: string): Diagnostic[];
  /** Checks on a group's facts of this kind together (too few terms to ask, …). */
  validateGroup?(deck: Deck, group: Group, facts: FactOf<K>[], file: string): Diagnostic[];
  /** The multiple-choice shapes this fact can be asked in. */
  shapes(deck: Deck, fact: FactOf<K>): Shape[];
  /** Shapes that ask the fact as an exam-style question (a table row as the key of a multi-constraint scenario). */
  examShapes?(deck: Deck, fact: FactOf<K>): Shape[];
  /** The question of one shape, or null when the deck cannot give it three options. */
  ask(deck: Deck, fact: FactOf<K>, shape: Shape, rng: Rng): Question | null;
  /** A true/false question, or null if the kind has none; `wantTrue` is a wish the kind may not be able to meet. */
  trueFalse(deck: Deck, fact: FactOf<K>, wantTrue: boolean, rng: Rng): Question | null;
  /** The fact as one sentence: what feedback shows as "the correct fact". */
  summary(deck: Deck, fact: FactOf<K>): Localized;
  anki(deck: Deck, fact: FactOf<K>, lang: Lang): AnkiNote;
  sheet(deck: Deck, fact: FactOf<K>): SheetLine;
}
