/**
 * The fact kinds, in one typed table: adding a kind is writing its module and listing it here.
 * Bullet kinds are tried in order; the first whose `matches` accepts a bullet parses it.
 */
import type { Question } from '../questions/question.js';
import type { Shape } from '../questions/shape.js';
import type { Rng } from '../random.js';
import type { Deck, Diagnostic, Fact, FactKind, Group, Lang, Localized } from '../types.js';
import { cloze } from './cloze.js';
import { item } from './item.js';
import type { AnkiNote, Bullet, KindModule, LanguagePart, ParseContext, Parsed, SheetLine } from './kind.js';
import { row } from './row.js';
import { scenario } from './scenario.js';
import { statement } from './statement.js';
import { term } from './term.js';

export const KINDS: { readonly [K in FactKind]: KindModule<K> } = { term, row, statement, cloze, scenario, item };

/** Classification order of bullets: the most specific markers first (cloze braces can appear in any text). */
export const BULLET_KINDS: readonly FactKind[] = ['term', 'statement', 'item', 'scenario', 'cloze'];

/** A kind module seen through facts of any kind. */
interface AnyKind {
  readonly style: 'exam' | 'fact';
  matches?(en: string): boolean;
  parse?(bullet: Bullet, ctx: ParseContext): Parsed<Fact> | null;
  languageParts(fact: Fact): LanguagePart[];
  validate?(deck: Deck, fact: Fact, file: string): Diagnostic[];
  validateGroup?(deck: Deck, group: Group, facts: Fact[], file: string): Diagnostic[];
  shapes(deck: Deck, fact: Fact): Shape[];
  examShapes?(deck: Deck, fact: Fact): Shape[];
  ask(deck: Deck, fact: Fact, shape: Shape, rng: Rng): Question | null;
  trueFalse(deck: Deck, fact: Fact, wantTrue: boolean, rng: Rng): Question | null;
  summary(deck: Deck, fact: Fact): Localized;
  anki(deck: Deck, fact: Fact, lang: Lang): AnkiNote;
  sheet(deck: Deck, fact: Fact): SheetLine;
}

/**
 * The module of a kind, taking any fact. The one cast of the registry: callers pass a fact to
 * the module of its own `kind` only (see `kindOf`), which is what each module's types assume.
 */
export function kindModule(kind: FactKind): AnyKind {
  return KINDS[kind] as unknown as AnyKind;
}

export function kindOf(fact: Fact): AnyKind {
  return kindModule(fact.kind);
}
