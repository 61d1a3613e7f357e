/**
 * Schemas for data that comes from outside the program's memory: JSON stored in the database
 * (exam questions and state) and history files. Checked with valibot where it enters, so a bad
 * value is reported as `path.to.field: what is wrong` instead of failing later.
 */
import * as v from 'valibot';
import { DOMAINS } from '../core/types.js';

const text = v.pipe(v.string(), v.maxLength(20_000));
export const LocalizedSchema = v.object({ en: v.optional(text), ko: v.optional(text) });
const index = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(50));

export const OptionSchema = v.object({
  text: LocalizedSchema,
  correct: v.boolean(),
  source: v.nullable(v.string()),
  // Exams stored before reasons existed have none.
  reason: v.optional(LocalizedSchema, {}),
});

export const QuestionSchema = v.object({
  id: v.string(),
  factId: v.string(),
  topicId: v.string(),
  kind: v.string(),
  format: v.picklist(['mc', 'tf', 'mr']),
  style: v.optional(v.picklist(['exam', 'fact']), 'fact'),
  domain: v.picklist(DOMAINS),
  prompt: LocalizedSchema,
  options: v.pipe(
    v.array(OptionSchema),
    v.check((o) => o.length >= 2 && o.length <= 10, 'a question has 2 to 10 options'),
  ),
  answer: index,
  answers: v.pipe(
    v.array(index),
    v.check((a) => a.length >= 1, 'a question has at least one answer'),
  ),
  explanation: LocalizedSchema,
  swappedFrom: v.optional(v.string()),
});

export const ChosenSchema = v.nullable(v.array(index));

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const area = v.object({ questions: count, correct: count });

export const ExamResultSchema = v.object({
  questions: count,
  correct: count,
  unanswered: count,
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(1000)),
  pass: v.boolean(),
  usedMs: count,
  timedOut: v.boolean(),
  domains: v.record(v.string(), area),
  topics: v.record(v.string(), area),
});

export const ExamSessionStateSchema = v.object({
  limitMs: v.pipe(v.number(), v.minValue(0)),
  usedMs: v.optional(v.pipe(v.number(), v.minValue(0)), 0),
  current: v.optional(count, 0),
  topics: v.optional(v.array(v.string())),
  result: v.optional(ExamResultSchema),
});

export class SchemaError extends Error {
  constructor(readonly issues: string[]) {
    super(issues.join('; '));
    this.name = 'SchemaError';
  }
}

/** The value if it fits the schema; else a SchemaError listing `path: problem` for the first few issues. */
export function check<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, value);
  if (r.success) return r.output;
  throw new SchemaError(
    r.issues.slice(0, 3).map((issue) => {
      const path = v.getDotPath(issue);
      return `${path ?? '(top level)'}: ${issue.message}`;
    }),
  );
}

/** JSON text checked against a schema; bad JSON is a SchemaError too. */
export function checkJson<S extends v.GenericSchema>(schema: S, json: string | null): v.InferOutput<S> {
  let value: unknown;
  try {
    value = JSON.parse(json ?? 'null');
  } catch (err) {
    throw new SchemaError([`not JSON: ${(err as Error).message}`]);
  }
  return check(schema, value);
}

/** A calendar date as `YYYY-MM-DD` that really exists (no 2026-02-30): the exam date, typed or stored. */
export const ExamDateSchema = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/),
  v.check((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, 'is not a calendar date'),
);

export function examDateOf(value: unknown): string | null {
  const r = v.safeParse(ExamDateSchema, value);
  return r.success ? r.output : null;
}

/**
 * An Anki collection's note types and decks (schema 11 keeps them as JSON in the `col` row):
 * only what an import reads. A note type's `type` is 0 for standard, 1 for cloze.
 */
export const AnkiModelsSchema = v.record(
  v.string(),
  v.object({
    name: v.optional(v.string(), ''),
    type: v.optional(v.number(), 0),
    flds: v.optional(v.array(v.object({ name: v.optional(v.string(), '') })), []),
  }),
);
export const AnkiDecksSchema = v.record(v.string(), v.object({ name: v.string() }));
