/**
 * Table rows: a row's value in a column, the row that has a value, true/false by swapping in a
 * sibling's value, and multi-constraint exam-style questions where the table declares requirements.
 */
import { phrase, tableContext } from '../phrases.js';
import { choiceQuestion, originOf, trueFalseQuestion } from '../questions/build.js';
import { constraintNeeds, constraintParts, levelOf, tableOf } from '../questions/constraint.js';
import { type Candidate, pickDistractors, siblings } from '../questions/distractors.js';
import { MIN_OPTIONS, makeQuestion, type Question } from '../questions/question.js';
import { type Shape, shapeId } from '../questions/shape.js';
import { scaleSteps } from '../questions/swap.js';
import { shuffle } from '../random.js';
import { pick, sameText } from '../text.js';
import { type Deck, groupKey, LANGS, type Localized, type RowFact } from '../types.js';
import { basicNote, type KindModule } from './kind.js';

function columnValues(deck: Deck, fact: RowFact, column: number): Candidate[] {
  return siblings(deck, fact).flatMap((f) => (f.kind === 'row' ? [{ text: f.cells[column] ?? {}, source: f.id }] : []));
}

function header(deck: Deck, fact: RowFact) {
  const g = deck.groups.get(groupKey(fact.topicId, fact.groupId));
  const labelHeader = g?.labelHeader ?? {};
  return { group: g, labelHeader, columns: g?.columns ?? [], context: tableContext(g?.title ?? {}, labelHeader) };
}

export const row: KindModule<'row'> = {
  kind: 'row',
  style: 'fact',

  languageParts: (f) => [{ what: `row "${f.label.en ?? f.label.ko}"`, line: f.line, text: f.label }],

  validateGroup(deck, group, facts, file) {
    const out = [];
    if (group.columns && facts.length > 0 && facts.length < 3) {
      out.push({
        file,
        line: group.line,
        severity: 'error' as const,
        message: `table #${group.id} has ${facts.length} rows; it needs 3 or more to give three options`,
      });
    }
    const first = facts[0];
    const table = first ? tableOf(deck, first) : null;
    if (table) {
      for (const req of table.group.requirements ?? []) {
        if (req.test !== 'min' && req.test !== 'max') continue;
        for (const r of table.rows) {
          const cell = r.cells[req.column] ?? {};
          if (levelOf(req, cell) === null) {
            const what = req.scale ? `the values [${req.scale.join(' < ')}]` : 'numbers';
            out.push({
              file,
              line: r.line,
              severity: 'error' as const,
              message: `requirement at line ${req.line} compares ${what}, but row "${pick(r.label, 'en')}" has "${cell.en ?? cell.ko}"`,
            });
          }
        }
      }
      if (!table.rows.some((_, k) => constraintNeeds(table, k).length > 0)) {
        out.push({
          file,
          line: group.line,
          severity: 'warning' as const,
          message: `the requirements of table #${group.id} give no question where exactly one row meets two or three of them`,
        });
      }
    } else if ((group.requirements?.length ?? 0) === 1) {
      out.push({ file, line: group.line, severity: 'warning' as const, message: `table #${group.id} has one requirement line; questions need two or more` });
    }
    return out;
  },

  shapes: (_deck, f) =>
    f.cells.flatMap((_, column): Shape[] => [
      { type: 'cell', column },
      { type: 'cell-label', column },
    ]),

  examShapes(deck, f) {
    const table = tableOf(deck, f);
    if (!table) return [];
    const key = table.rows.indexOf(f);
    return constraintNeeds(table, key).map((needs): Shape => ({ type: 'constraint', needs }));
  },

  ask(deck, f, shape, rng) {
    if (shape.type === 'constraint') return constraintQuestion(deck, f, shape, rng);
    if (shape.type !== 'cell' && shape.type !== 'cell-label') return null;
    const value = f.cells[shape.column];
    const h = header(deck, f);
    const column = h.columns[shape.column];
    if (!value || !column) return null;
    const explanation = row.summary(deck, f);
    if (shape.type === 'cell') {
      const d = pickDistractors(value, [columnValues(deck, f, shape.column)], rng, undefined, f.avoid);
      const prompt = phrase('cell', { context: h.context, label: f.label, header: h.labelHeader, column });
      return withRowReasons(
        deck,
        choiceQuestion(deck, f, { kind: 'cell', shape, prompt, answer: value, distractors: d, explanation }, rng),
        shape.column,
        column,
      );
    }
    // Asking for the row by its value is fair only when no other row shares that value.
    if (columnValues(deck, f, shape.column).some((c) => sameText(c.text, value))) return null;
    const labels = siblings(deck, f).flatMap((s) => (s.kind === 'row' ? [{ text: s.label, source: s.id }] : []));
    const d = pickDistractors(f.label, [labels], rng, undefined, f.avoid);
    const prompt = phrase('cellLabel', { context: h.context, header: h.labelHeader, column, value });
    return withRowReasons(
      deck,
      choiceQuestion(deck, f, { kind: 'cell-label', shape, prompt, answer: f.label, distractors: d, explanation }, rng),
      shape.column,
      column,
    );
  },

  trueFalse(deck, f, wantTrue, rng) {
    const h = header(deck, f);
    const explanation = row.summary(deck, f);
    for (const c of shuffle(
      h.columns.map((_, i) => i),
      rng,
    )) {
      const value = f.cells[c];
      const column = h.columns[c];
      if (!value || !column) continue;
      const claim = (v: Localized) => phrase('cellClaim', { context: h.context, label: f.label, header: h.labelHeader, column, value: v });
      if (wantTrue) return trueFalseQuestion(deck, f, `tf:${c}`, claim(value), true, explanation);
      // A ranked column is never swapped, nor a value for a step of its own scale ("low" for "lowest").
      if (h.group?.rankedColumns?.includes(c)) continue;
      const swappable = columnValues(deck, f, c).filter((v) => !scaleSteps(value, v.text));
      const [other] = pickDistractors(value, [swappable], rng, 1, f.avoid);
      if (other) return trueFalseQuestion(deck, f, `tf:${c}`, claim(other.text), false, explanation, other.source);
    }
    return null;
  },

  summary(deck, f) {
    const h = header(deck, f);
    const out: Localized = {};
    for (const lang of LANGS) {
      const cols = h.columns.map((c, i) => `${pick(c, lang)}: ${pick(f.cells[i] ?? {}, lang)}`);
      out[lang] = `${h.context[lang] ?? ''}${pick(f.label, lang)} (${pick(h.labelHeader, lang)}) — ${cols.join(' · ')}`;
    }
    return out;
  },

  anki(deck, f, lang) {
    return basicNote(`${pick(f.label, lang)} (${pick(header(deck, f).labelHeader, lang)})`, pick(row.summary(deck, f), lang));
  },

  sheet: (deck, f) => ({ mark: 'term', text: f.label, detail: row.summary(deck, f) }),
};

/** A wrong option of a table question is explained by its own row's value in the asked column: "io1 has Size range: 4 GiB – 16 TiB." */
function withRowReasons(deck: Deck, q: Question | null, index: number, column: Localized): Question | null {
  for (const o of q?.options ?? []) {
    const source = o.correct ? undefined : deck.factsById.get(o.source ?? '');
    if (source?.kind === 'row') o.reason = phrase('rowHas', { label: source.label, column, value: source.cells[index] ?? {} });
  }
  return q;
}

function constraintQuestion(deck: Deck, f: RowFact, shape: Extract<Shape, { type: 'constraint' }>, rng: Parameters<typeof shuffle>[1]) {
  const table = tableOf(deck, f);
  if (!table) return null;
  const parts = constraintParts(table, table.rows.indexOf(f), shape.needs, rng);
  if (!parts || parts.wrong.length < MIN_OPTIONS - 1) return null;
  return makeQuestion(
    originOf(deck, f, shapeId(shape)),
    { kind: 'constraint', style: 'exam', prompt: parts.prompt, explanation: parts.key },
    [
      { text: f.label, correct: true, source: f.id, reason: parts.key },
      ...parts.wrong.map((w) => ({ text: w.row.label, correct: false, source: w.row.id, reason: w.reason })),
    ],
    rng,
  );
}
