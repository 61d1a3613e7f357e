/**
 * Multi-constraint questions from tables whose columns declare how they read as requirements:
 * two or three requirements at once, the key the only row meeting them all, each wrong option
 * a real row that fails exactly one of them. Only where the answer is unique.
 */
import { mapLocalized, phrase, tableContext } from '../phrases.js';
import { type Rng, shuffle } from '../random.js';
import { normalize, pick, sameText } from '../text.js';
import { type Deck, type Group, groupKey, LANGS, type Localized, type Requirement, type RowFact } from '../types.js';
import type { Need } from './shape.js';
import { measure } from './units.js';

/** The table a row belongs to, with its rows in note order. */
export interface Table {
  group: Group;
  rows: RowFact[];
}

/** Whether the row's table declares enough requirements (two) for multi-constraint questions. */
export function asksConstraints(deck: Deck, row: Pick<RowFact, 'topicId' | 'groupId'>): boolean {
  return (deck.groups.get(groupKey(row.topicId, row.groupId))?.requirements?.length ?? 0) >= 2;
}

export function tableOf(deck: Deck, row: RowFact): Table | null {
  const group = deck.groups.get(groupKey(row.topicId, row.groupId));
  if (!group?.requirements || group.requirements.length < 2) return null;
  const rows = (deck.byGroup.get(groupKey(row.topicId, row.groupId)) ?? []).filter((f): f is RowFact => f.kind === 'row');
  return { group, rows };
}

/** Whether `text` mentions `word` as a whole word or phrase ("TCP, UDP, TLS" mentions "UDP"), case aside. */
function mentions(text: string, word: string): boolean {
  const w = normalize(word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return w !== '' && new RegExp(`(^|[^\\p{L}\\p{N}])${w}($|[^\\p{L}\\p{N}])`, 'u').test(normalize(text));
}

/** A cell as a comparable level: its place on the requirement's scale, or the number it holds. */
export function levelOf(req: Requirement, cell: Localized): number | null {
  if (!req.scale) return measure(cell);
  const at = req.scale.findIndex((w) => normalize(w) === normalize(cell.en ?? cell.ko ?? ''));
  return at < 0 ? null : at;
}

/** Whether row `i` meets requirement `req` with the asked value taken from row `from`. */
export function meets(req: Requirement, rows: readonly RowFact[], i: number, from: number): boolean {
  const cell = rows[i]?.cells[req.column];
  if (!cell) return false;
  switch (req.test) {
    case 'fixed':
      return normalize(cell.en ?? cell.ko ?? '') === normalize(req.fixed ?? '');
    case 'has':
      return mentions(cell.en ?? cell.ko ?? '', req.fixed ?? '');
    case 'equal':
      return sameText(cell, rows[from]?.cells[req.column] ?? {});
    case 'min':
    case 'max': {
      const v = levelOf(req, cell);
      const t = levelOf(req, rows[from]?.cells[req.column] ?? {});
      if (v === null || t === null) return false;
      return req.test === 'min' ? v >= t : v <= t;
    }
  }
}

export interface Verdict {
  /** Rows meeting every need. */
  meetAll: number[];
  /** Rows failing exactly one need, with the index (into the needs) of the one they fail. */
  failOne: Map<number, number>;
}

export function judge(table: Table, needs: readonly Need[]): Verdict {
  const reqs = table.group.requirements ?? [];
  const meetAll: number[] = [];
  const failOne = new Map<number, number>();
  table.rows.forEach((_, i) => {
    const failed = needs.flatMap((n, k) => {
      const req = reqs[n.requirement];
      return req && meets(req, table.rows, i, n.from) ? [] : [k];
    });
    if (failed.length === 0) meetAll.push(i);
    else if (failed.length === 1) failOne.set(i, failed[0] as number);
  });
  return { meetAll, failOne };
}

/** A usable question: the key alone meets all needs, and every need rules out at least one row. */
function usable(v: Verdict, key: number, needs: readonly Need[]): boolean {
  if (v.meetAll.length !== 1 || v.meetAll[0] !== key || v.failOne.size < 2) return false;
  const ruled = new Set(v.failOne.values());
  return needs.every((_, k) => ruled.has(k));
}

/** Rows whose value could be asked for requirement `r` so that row `key` still meets it. */
function askable(table: Table, r: number, key: number): number[] {
  const req = (table.group.requirements ?? [])[r];
  if (!req) return [];
  if (req.test !== 'min' && req.test !== 'max') return meets(req, table.rows, key, key) ? [key] : [];
  const out: number[] = [];
  const seen = new Set<number>();
  table.rows.forEach((row, j) => {
    const t = levelOf(req, row.cells[req.column] ?? {});
    // "At least none" or "at most none/unlimited" asks nothing (on a scale, the first word is a real level).
    const empty = !req.scale && (t === 0 || t === Number.POSITIVE_INFINITY);
    if (t === null || seen.has(t) || empty) return;
    if (!meets(req, table.rows, key, j)) return;
    seen.add(t);
    out.push(j);
  });
  return out;
}

function subsets(n: number): number[][] {
  const out: number[][] = [];
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      out.push([a, b]);
      for (let c = b + 1; c < n; c++) out.push([a, b, c]);
    }
  return out;
}

const cache = new WeakMap<Group, Map<number, Need[][]>>();

/** Every usable combination of needs whose key is row `key`, computed once per table. */
export function constraintNeeds(table: Table, key: number): Need[][] {
  let byKey = cache.get(table.group);
  if (!byKey) {
    byKey = new Map();
    cache.set(table.group, byKey);
  }
  const known = byKey.get(key);
  if (known) return known;
  const found: Need[][] = [];
  for (const subset of subsets(table.group.requirements?.length ?? 0)) {
    let combos: Need[][] = [[]];
    for (const r of subset) combos = combos.flatMap((c) => askable(table, r, key).map((from) => [...c, { requirement: r, from }]));
    for (const needs of combos.slice(0, 200)) if (usable(judge(table, needs), key, needs)) found.push(needs);
  }
  byKey.set(key, found);
  return found;
}

/** The requirement with the asked value in place of `{value}`, in each language. */
export function needText(table: Table, need: Need): Localized {
  const req = table.group.requirements?.[need.requirement];
  const value = table.rows[need.from]?.cells[req?.column ?? -1] ?? {};
  // A function replacement: a string one would read "$$" in a cell as an escaped "$".
  return mapLocalized(req?.phrase ?? {}, (t, lang) => t.replaceAll('{value}', () => pick(value, lang)));
}

/** A header read inside a sentence: "Storage class" → "storage class", "EBS type" stays. */
function inSentence(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]?.toLowerCase() + text.slice(1) : text;
}

export interface ConstraintParts {
  prompt: Localized;
  key: Localized;
  /** Up to three rows, each failing exactly one need, together failing every need. */
  wrong: { row: RowFact; reason: Localized }[];
}

/** The prompt, the key's reason and the wrong rows for one combination of needs, or null if it no longer fits. */
export function constraintParts(table: Table, key: number, needs: readonly Need[], rng: Rng): ConstraintParts | null {
  const verdict = judge(table, needs);
  if (!usable(verdict, key, needs)) return null;
  const { group, rows } = table;
  const reqs = group.requirements ?? [];
  const columnOf = (n: Need) => group.columns?.[reqs[n.requirement]?.column ?? -1] ?? {};
  const cellOf = (i: number, n: Need) => rows[i]?.cells[reqs[n.requirement]?.column ?? -1] ?? {};

  // One wrong row per need first, so every requirement matters; then any others.
  const pool = shuffle([...verdict.failOne.entries()], rng);
  const picked: [number, number][] = [];
  needs.forEach((_, k) => {
    const hit = pool.find(([i, f]) => f === k && !picked.some(([p]) => p === i));
    if (hit) picked.push(hit);
  });
  for (const entry of pool) if (picked.length < 3 && !picked.some(([p]) => p === entry[0])) picked.push(entry);

  const texts = needs.map((n) => needText(table, n));
  const list: Localized = {};
  for (const lang of LANGS) list[lang] = texts.map((t) => `  • ${pick(t, lang)}`).join('\n');
  const header = mapLocalized(group.labelHeader ?? {}, (t, lang) => (lang === 'en' ? inSentence(t) : t));
  const values: Localized = {};
  for (const lang of LANGS) values[lang] = needs.map((n) => `${pick(columnOf(n), lang)}: ${pick(cellOf(key, n), lang)}`).join('; ');
  return {
    prompt: phrase('constraint', { context: tableContext(group.title, group.labelHeader ?? {}), header, needs: list }),
    key: phrase('meetsAll', { values }),
    wrong: picked.map(([i, k]) => {
      const n = needs[k] as Need;
      return { row: rows[i] as RowFact, reason: phrase('failsOne', { need: texts[k] ?? {}, column: columnOf(n), value: cellOf(i, n) }) };
    }),
  };
}
