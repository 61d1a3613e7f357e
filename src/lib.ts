/**
 * The parts of saa that scripts (and `npm run bench`) use without the CLI around them.
 * Not a stable public API: it follows the CLI's needs.
 */
export { buildDeck } from './core/deck.js';
export { checkBlueprint } from './core/exam/blueprint.js';
export { buildExam } from './core/exam/build.js';
export { parseNote } from './core/parse/note.js';
export { buildQuiz } from './core/quiz.js';
export { createRng } from './core/random.js';
export { computeStats } from './core/stats.js';
export { loadDeckCached } from './io/deck-cache.js';
export { statsFrom } from './io/history-stats.js';
export { loadDeck } from './io/load-notes.js';
export { writeNotesSeed } from './io/notes-seed-write.js';
export { STATS_SQL, Store } from './io/store.js';
