/** The data model shared by every layer: notes, facts and the deck built from them. */

export type Lang = 'en' | 'ko';

/** Text in one or both languages; a shipped note has both, a user's note may have one. */
export type Localized = Partial<Record<Lang, string>>;

export type Domain = 'secure' | 'resilient' | 'performant' | 'cost';
export const DOMAINS: readonly Domain[] = ['secure', 'resilient', 'performant', 'cost'];

export type FactKind = 'term' | 'row' | 'statement' | 'cloze' | 'scenario';

interface FactBase {
  /** Stable id: `topic.group.key`, never derived from the fact's wording when a key is given. */
  id: string;
  topicId: string;
  groupId: string;
  key: string;
  tags: string[];
  /** Line in the note file where the fact starts (1-based), for diagnostics. */
  line: number;
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

/** A sentence with `{{blanks}}`; `parts` alternate text and blank answers per language. */
export interface ClozeFact extends FactBase {
  kind: 'cloze';
  /** The sentence with blanks kept as `{{...}}`, per language. */
  text: Localized;
  /** Blank answers, per language, in order. Both languages have the same count. */
  blanks: Localized[];
}

/** `- ? situation => Service`; `avoid` lists answers that are also defensible. */
export interface ScenarioFact extends FactBase {
  kind: 'scenario';
  scenario: Localized;
  answer: Localized;
  avoid: string[];
}

export type Fact = TermFact | RowFact | StatementFact | ClozeFact | ScenarioFact;

export interface Group {
  id: string;
  topicId: string;
  title: Localized;
  /** For a table group: the label column header and the attribute column headers. */
  labelHeader?: Localized;
  columns?: Localized[];
  tags: string[];
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
