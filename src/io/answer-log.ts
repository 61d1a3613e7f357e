/** The answer log as the Anki export's review log needs it: which fact, right or wrong, how long, when. */
import type { AnswerEvent } from '../core/anki-schedule.js';
import type { Store } from './store.js';

/** Every answer in time order (ties in the order they were saved), as the store replays them. */
export function answerLog(store: Store): AnswerEvent[] {
  return store.read(() =>
    (
      store.db
        .prepare(
          `SELECT fact_id AS factId, is_correct AS isCorrect, elapsed_ms AS elapsedMs, answered_at AS answeredAt
           FROM answers ORDER BY answered_at, id`,
        )
        .all() as (Omit<AnswerEvent, 'isCorrect'> & { isCorrect: number })[]
    ).map((a) => ({ ...a, isCorrect: a.isCorrect === 1 })),
  );
}
