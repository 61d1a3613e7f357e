/** The SQL the store shares between methods, and with the tests that check its plans. */
import { ANSWER_DAYS_FROM_LOG, ANSWER_WEEKS_FROM_LOG } from './migrations.js';

export const CARD_COLUMNS = `fact_id AS factId, topic_id AS topicId, due, stability, difficulty, elapsed_days AS elapsedDays,
  scheduled_days AS scheduledDays, learning_steps AS learningSteps, reps, lapses, state, last_review AS lastReview`;

/** The queries behind stats and review, exported so tests can check their plans use indexes. */
export const STATS_SQL = {
  weekRows: 'SELECT topic_id AS topicId, week, answered, correct FROM answer_weeks',
  /** Recomputes answer_weeks from the log (after an import). */
  rebuildWeeks: `DELETE FROM answer_weeks; ${ANSWER_WEEKS_FROM_LOG}`,
  activeDays: 'SELECT day FROM answer_days',
  /** Recomputes answer_days from the log (after an import). */
  rebuildDays: `DELETE FROM answer_days; ${ANSWER_DAYS_FROM_LOG}`,
  dueCards: `SELECT ${CARD_COLUMNS} FROM cards WHERE due <= ? ORDER BY due, fact_id`,
};
