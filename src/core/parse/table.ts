/**
 * Fact tables: a table whose first header cell carries `{#id}` is a group of row facts, and
 * `need:` lines right below it say how its columns read as requirements.
 */

import type { Reporter } from '../kinds/kind.js';
import { normalize, slugify } from '../text.js';
import { type Fact, type Group, isDomain, type Localized, type Requirement, type RowFact } from '../types.js';
import { bothOrOne, listOf, loc, splitArrow, splitLanguages, takeAttrs, takeAttrsAndTags } from './inline.js';

export interface TableLine {
  text: string;
  line: number;
}

function splitCells(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  // `\|` is a literal pipe inside a cell, as on GitHub.
  return body.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

export interface TableSink {
  report: Reporter;
  addGroup(g: Group): void;
  addFact(f: Fact, derivedKey: boolean): void;
  checkLanguages(line: number, what: string, ...texts: Localized[]): void;
}

/** Parses one table; returns its group, or null for a prose table (no `{#id}`) or a broken one. */
export function parseTable(rows: TableLine[], topicId: string, heading: Localized | null, sink: TableSink): Group | null {
  const header = rows[0];
  if (!header) return null;
  const headerCells = splitCells(header.text);
  const first = takeAttrsAndTags(headerCells[0] ?? '');
  // Tables without a {#group} id in their first header cell are prose.
  if (!first.key) {
    if ((headerCells[0] ?? '').includes('{#')) sink.report(header.line, 'table id not understood: write "Label {#id}" in the first header cell', 'warning');
    return null;
  }
  const separator = rows[1];
  if (!separator || !/^\|?\s*:?-{3,}/.test(separator.text.trim())) {
    sink.report(header.line, 'table header must be followed by a |---|---| line');
    return null;
  }
  const columns = headerCells.slice(1).map(bothOrOne);
  if (columns.length === 0) {
    sink.report(header.line, 'a fact table needs at least one attribute column after the label column');
    return null;
  }
  const domain = first.values.domain;
  if (domain !== undefined && !isDomain(domain)) sink.report(header.line, `unknown domain "${domain}"; use secure, resilient, performant or cost`);
  const labelHeader = bothOrOne(first.text);
  const rankedColumns = rankedOf(first.values.ranked, columns, header.line, sink);
  const group: Group = {
    id: first.key,
    topicId,
    title: heading ?? labelHeader,
    labelHeader,
    columns,
    tags: first.tags,
    line: header.line,
    ...(domain && isDomain(domain) ? { domain } : {}),
    ...(rankedColumns.length ? { rankedColumns } : {}),
  };
  sink.addGroup(group);
  sink.checkLanguages(header.line, 'table header', labelHeader, ...columns);

  for (const row of rows.slice(2)) {
    const cells = splitCells(row.text);
    if (cells.length !== headerCells.length) {
      sink.report(row.line, `ragged table row: ${cells.length} cells, the header has ${headerCells.length}`);
      continue;
    }
    const rowAttrs = takeAttrs(cells[0] ?? '');
    const label = bothOrOne(rowAttrs.text);
    const values = cells.slice(1).map(bothOrOne);
    if (!label.en && !label.ko) {
      sink.report(row.line, 'table row has an empty first cell');
      continue;
    }
    if (values.some((v) => !v.en && !v.ko)) {
      sink.report(row.line, 'empty table cell; write "-" or "n/a" if there is no value');
      continue;
    }
    const key = rowAttrs.key ?? slugify(label.en ?? label.ko ?? '');
    const avoid = listOf(rowAttrs.values.avoid);
    const fact: RowFact = {
      id: `${topicId}.${group.id}.${key}`,
      topicId,
      groupId: group.id,
      key,
      tags: group.tags,
      line: row.line,
      kind: 'row',
      label,
      cells: values,
    };
    // Assigned, not spread in: see factBase in kinds/kind.ts.
    if (avoid.length) fact.avoid = avoid;
    sink.checkLanguages(row.line, `row "${label.en ?? label.ko}"`, label, ...values);
    sink.addFact(fact, false);
  }
  return group;
}

/** `ranked` (every column) or `ranked="Cost, Speed"` in the first header cell: the columns whose values are ranks. */
function rankedOf(value: string | undefined, columns: Localized[], line: number, sink: TableSink): number[] {
  if (value === undefined) return [];
  if (value === '') return columns.map((_, i) => i);
  return listOf(value).flatMap((name) => {
    const i = columns.findIndex((c) => normalize(c.en ?? c.ko ?? '') === normalize(name));
    if (i < 0) sink.report(line, `ranked names column "${name}", which this table does not have`);
    return i < 0 ? [] : [i];
  });
}

const NEED = /^need:\s+(.+?)\s+(>=|<=|=|has)\s+(.+)$/;

/**
 * `need: Max IOPS per volume >= {value} => needs at least {value} IOPS // ...`: adds a
 * requirement to the table above it.
 */
export function parseNeed(text: string, line: number, group: Group, sink: Pick<TableSink, 'report' | 'checkLanguages'>): void {
  const [en, ko] = splitLanguages(text);
  const [test, phraseEn] = splitArrow(en);
  const m = NEED.exec(test);
  if (!m || !phraseEn) {
    sink.report(
      line,
      'a requirement line reads "need: <column> >= {value} => <requirement> // <Korean>" (tests: >= {value}, <= {value}, = {value}, = text, has text)',
    );
    return;
  }
  const [, columnName = '', op, operand = ''] = m;
  const column = (group.columns ?? []).findIndex((c) => normalize(c.en ?? c.ko ?? '') === normalize(columnName));
  if (column < 0) {
    sink.report(line, `requirement names column "${columnName}", which table #${group.id} does not have`);
    return;
  }
  // `{value} [a < b < c]`: the cells are words, ordered by the scale.
  const scaled = /^\{value\}\s*\[(.+)\]$/.exec(operand.trim());
  const scale = scaled
    ? (scaled[1] ?? '')
        .split('<')
        .map((w) => w.trim())
        .filter(Boolean)
    : undefined;
  if (scale && op !== '>=' && op !== '<=') {
    sink.report(line, 'a [a < b < c] scale orders the values for >= and <= only');
    return;
  }
  const byValue = operand.trim() === '{value}' || scale !== undefined;
  if (op === 'has' && byValue) {
    sink.report(line, '"has" looks for a word in the cell: write "has UDP", not "has {value}"');
    return;
  }
  if ((op === '>=' || op === '<=') && !byValue) {
    sink.report(line, `"${op}" compares with the asked value: write "${op} {value}"`);
    return;
  }
  const phrase = loc(phraseEn, ko);
  if (byValue && !(phrase.en ?? '').includes('{value}')) sink.report(line, 'the requirement text should show the asked value as {value}', 'warning');
  sink.checkLanguages(line, 'requirement', phrase);
  const requirement: Requirement = {
    column,
    test: op === '>=' ? 'min' : op === '<=' ? 'max' : op === 'has' ? 'has' : byValue ? 'equal' : 'fixed',
    phrase,
    line,
    ...(byValue ? {} : { fixed: operand.trim() }),
    ...(scale ? { scale } : {}),
  };
  (group.requirements ??= []).push(requirement);
  // A column read on a scale holds ranks: it is never swapped into a false statement.
  if (scale && !group.rankedColumns?.includes(column)) (group.rankedColumns ??= []).push(column);
}
