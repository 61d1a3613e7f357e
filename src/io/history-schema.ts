/**
 * The shape of a history file (`saa export history`), checked before anything is written: every
 * field typed, times plausible (none in the future: an answer dated 9999 would freeze its card),
 * stored JSON that parses, and exam state that fits what `saa exam` reads back.
 */
import * as v from 'valibot';
import { check, ExamSessionStateSchema, SchemaError } from './schemas.js';

export const HISTORY_FORMAT = 'saa-history';
export const HISTORY_VERSION = 1;

/** A moment saa could have recorded: after 2000, and no later than a day past `now` (clocks drift). */
const moment = (now: number) =>
  v.pipe(
    v.number(),
    v.integer(),
    v.check((t) => t >= Date.UTC(2000, 0, 1), 'is before the year 2000'),
    v.check((t) => t <= now + 86_400_000, 'is in the future'),
  );
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const text = v.pipe(v.string(), v.maxLength(20_000));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** JSON text whose value is an object (or null where allowed). */
const jsonObject = v.pipe(
  v.string(),
  v.maxLength(5_000_000),
  v.check((s) => {
    try {
      const x = JSON.parse(s) as unknown;
      return !!x && typeof x === 'object' && !Array.isArray(x);
    } catch {
      return false;
    }
  }, 'is not a JSON object'),
);

const sessionSchema = (now: number) =>
  v.object({
    uuid: id,
    kind: v.picklist(['quiz', 'exam', 'review', 'drill']),
    status: v.picklist(['active', 'finished', 'interrupted', 'abandoned']),
    startedAt: moment(now),
    endedAt: v.optional(v.nullable(moment(now)), null),
    lang: v.picklist(['en', 'ko']),
    seed: v.pipe(v.string(), v.maxLength(200)),
    filters: jsonObject,
    questionCount: count,
    state: v.optional(v.nullable(jsonObject), null),
  });

const answerSchema = (now: number) =>
  v.object({
    uuid: id,
    session: id,
    position: count,
    factId: id,
    topicId: id,
    questionId: v.pipe(v.string(), v.maxLength(400)),
    questionKind: v.pipe(v.string(), v.maxLength(40)),
    format: v.picklist(['mc', 'tf', 'mr']),
    chosen: text,
    correctAnswer: text,
    isCorrect: v.boolean(),
    answeredAt: moment(now),
    elapsedMs: count,
    flagged: v.optional(v.boolean(), false),
  });

const historySchema = (now: number) =>
  v.object({
    format: v.literal(HISTORY_FORMAT),
    version: v.pipe(v.number(), v.integer(), v.minValue(1)),
    sessions: v.array(sessionSchema(now)),
    answers: v.array(answerSchema(now)),
  });

export type HistoryExport = v.InferOutput<ReturnType<typeof historySchema>>;
export type SessionExport = HistoryExport['sessions'][number];
export type AnswerExport = HistoryExport['answers'][number];

export class HistoryFormatError extends Error {}

/** A history file's text, checked; the message of a failure names the field (`answers[3].answeredAt: is in the future`). */
export function parseHistory(json: string, now: number): HistoryExport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    throw new HistoryFormatError(`not JSON: ${(err as Error).message}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new HistoryFormatError('not a saa history export (the file holds no object)');
  // `saa export json --history` wraps the history beside the facts.
  const wrapped = data as { format?: unknown; history?: unknown };
  const inner = wrapped.format === undefined && wrapped.history !== undefined ? wrapped.history : data;
  const top = inner as { format?: unknown; version?: unknown };
  if (top?.format !== HISTORY_FORMAT) throw new HistoryFormatError('not a saa history export (format field missing)');
  if (typeof top.version === 'number' && top.version > HISTORY_VERSION) {
    throw new HistoryFormatError(`history format version ${top.version} is newer than this saa reads (${HISTORY_VERSION})`);
  }
  let h: HistoryExport;
  try {
    h = check(historySchema(now), inner);
  } catch (err) {
    if (err instanceof SchemaError) throw new HistoryFormatError(err.issues.map(path).join('; '));
    throw err;
  }
  // An exam's stored state must be what `saa exam` reads back, or every later `exam list` would fail.
  for (const [i, s] of h.sessions.entries()) {
    if (s.kind !== 'exam' || s.state === null) continue;
    try {
      check(ExamSessionStateSchema, JSON.parse(s.state));
    } catch (err) {
      if (err instanceof SchemaError) throw new HistoryFormatError(err.issues.map((m) => `sessions[${i}].state.${path(m)}`).join('; '));
      throw err;
    }
  }
  return h;
}

/** valibot's dot paths with array indexes written as [n]: `answers.3.answeredAt` → `answers[3].answeredAt`. */
function path(issue: string): string {
  return issue.replace(/\.(\d+)(?=[.:])/g, '[$1]');
}
