/** A recorded answer to an S3 term question, for store-level tests: position n answers fact n. */
import type { AnswerRecord } from '../../src/io/store.js';

export function answerRecord(sessionId: number, position: number, now: number, extra: Partial<AnswerRecord> = {}): AnswerRecord {
  return {
    uuid: `u-${sessionId}-${position}`,
    sessionId,
    position,
    factId: `s3.class.f${position}`,
    topicId: 's3',
    questionId: `s3.class.f${position}#term-desc`,
    questionKind: 'term-desc',
    format: 'mc',
    chosen: 'A',
    correctAnswer: 'A',
    isCorrect: position % 2 === 0,
    answeredAt: now + position * 1000,
    elapsedMs: 1200,
    ...extra,
  };
}
