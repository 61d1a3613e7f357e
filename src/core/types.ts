/** The data model shared by every layer: notes, facts and the deck built from them. */

export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];

/** Text in one or both languages; a shipped note has both, a user's note may have one. */
export type Localized = Partial<Record<Lang, string>>;

export type Domain = 'secure' | 'resilient' | 'performant' | 'cost';
export const DOMAINS: readonly Domain[] = ['secure', 'resilient', 'performant', 'cost'];

export type FactKind = 'term' | 'row' | 'statement' | 'cloze' | 'scenario' | 'item';

interface FactBase {
  /** Texts or fact keys never offered as this fact's wrong options (`avoid="SSE-KMS, dsse-kms"`): they would also be right. */
  avoid?: string[];
  /** Stable id: `topic.group.key`, never derived from the fact's wording when a key is given. */
  id: string;
  topicId: string;
  groupId: string;
  key: string;
  tags: string[];
  /** Line in the note file where the fact starts (1-based), for diagnostics. */
  line: number;
  /** The exam domain the fact itself names (`{#key domain=cost}`); else its group's, else its topic's first. */
  domain?: Domain;
}

/** `- **Term** :: description`, asked both ways. */
export interface TermFact extends FactBase {
  kind: 'term';
  term: Localized;
  description: Localized;
}

/** One table row: a label and its attribute values, one per column. */
export interface RowFact extends FactBase {
  kind: 'row';
  label: Localized;
  /** Values in column order (the label column excluded). */
  cells: Localized[];
}

/** `- [T] ...` / `- [F] ... => correction`. */
export interface StatementFact extends FactBase {
  kind: 'statement';
  truth: boolean;
  statement: Localized;
  correction: Localized;
}

/** A sentence with `{{blanks}}`. */
export interface ClozeFact extends FactBase {
  kind: 'cloze';
  /** The sentence with blanks kept as `{{...}}`, per language. */
  text: Localized;
  /** Blank answers, per language, in order. Both languages have the same count. */
  blanks: Localized[];
}

/** `- ? situation => Service`. */
export interface ScenarioFact extends FactBase {
  kind: 'scenario';
  scenario: Localized;
  answer: Localized;
}

/** One option of an exam-style item, with the reason it wins or fails the item's scenario. */
export interface ItemOption {
  text: Localized;
  correct: boolean;
  reason: Localized;
  line: number;
}

/** An authored exam-style item: a scenario stem, one or more keys, near-miss wrong options. */
export interface ItemFact extends FactBase {
  kind: 'item';
  stem: Localized;
  options: ItemOption[];
  /** The exam guide's task statement, e.g. "3.4"; it fixes the item's domain. */
  task: TaskId;
  /** Ids of items never asked in the same exam or quiz as this one (`apart="vpc.exam.key"`): either gives part of the other away. */
  apart?: string[];
}

export type Fact = TermFact | RowFact | StatementFact | ClozeFact | ScenarioFact | ItemFact;
export type FactOf<K extends FactKind> = Extract<Fact, { kind: K }>;

/** SAA-C03 task statements by domain (exam guide, "Content outline"). */
export const TASKS = {
  '1.1': 'secure',
  '1.2': 'secure',
  '1.3': 'secure',
  '2.1': 'resilient',
  '2.2': 'resilient',
  '3.1': 'performant',
  '3.2': 'performant',
  '3.3': 'performant',
  '3.4': 'performant',
  '3.5': 'performant',
  '4.1': 'cost',
  '4.2': 'cost',
  '4.3': 'cost',
  '4.4': 'cost',
} as const satisfies Record<string, Domain>;
export type TaskId = keyof typeof TASKS;

export function isTask(value: string): value is TaskId {
  return Object.hasOwn(TASKS, value);
}

export function isDomain(value: string): value is Domain {
  return (DOMAINS as readonly string[]).includes(value);
}

/** How a table column reads as a requirement (`need:` lines under a table). */
export interface Requirement {
  /** Attribute column index (the label column excluded). */
  column: number;
  /** min: value ≥ asked; max: value ≤ asked; equal: cell equals the asked value; fixed: cell equals `fixed`; has: cell mentions `fixed`. */
  test: 'min' | 'max' | 'equal' | 'fixed' | 'has';
  fixed?: string;
  /** For min/max on words: the column's values in order, lowest first (`[low < medium < high]`). */
  scale?: string[];
  /** The requirement as a sentence with `{value}` for the asked value. */
  phrase: Localized;
  line: number;
}

export interface Group {
  id: string;
  topicId: string;
  title: Localized;
  /** For a table group: the label column header and the attribute column headers. */
  labelHeader?: Localized;
  columns?: Localized[];
  /** For a table group: how its columns read as requirements. */
  requirements?: Requirement[];
  /** A group of terms whose names are steps of one scale (`{#id ranked}`): no false statement swaps one for another. */
  ranked?: boolean;
  /** For a table group: columns whose values are ranks (`ranked="Cost"`, or a `need:` scale); never swapped. */
  rankedColumns?: number[];
  /** `was=<group>`: its facts keep the ids they had in that group, from before they moved here. */
  idGroup?: string;
  /** `near="a, b"`: groups of the same topic whose answers are the same kind, asked before the rest of the topic for wrong options. */
  near?: string[];
  tags: string[];
  domain?: Domain;
  line: number;
}

export interface Topic {
  id: string;
  /** Ordering number from the file name (`08-s3.md` → 8). */
  order: number;
  title: Localized;
  domains: Domain[];
  aliases: string[];
  file: string;
  /** Shipped with saa (a user's note with the same id extends it instead of clashing). */
  shipped?: boolean;
}

export interface Note {
  topic: Topic;
  groups: Group[];
  facts: Fact[];
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  line: number;
  severity: Severity;
  message: string;
}

export interface Deck {
  topics: Topic[];
  topicsById: Map<string, Topic>;
  /** Keyed by `topic.group` (see groupKey). */
  groups: Map<string, Group>;
  facts: Fact[];
  factsById: Map<string, Fact>;
  byGroup: Map<string, Fact[]>;
  byTopic: Map<string, Fact[]>;
  byTag: Map<string, Fact[]>;
}

export function groupKey(topicId: string, groupId: string): string {
  return `${topicId}.${groupId}`;
}

/** The exam domain a fact counts toward: the item's task, the fact's own, its group's, else its topic's first. */
export function factDomain(deck: Deck, fact: Fact): Domain {
  if (fact.kind === 'item') return TASKS[fact.task];
  return fact.domain ?? deck.groups.get(groupKey(fact.topicId, fact.groupId))?.domain ?? deck.topicsById.get(fact.topicId)?.domains[0] ?? 'secure';
}
