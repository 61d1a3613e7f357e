/** Loads the deck for a command: shipped notes plus the user's, with broken notes skipped and reported. */
import type { Deck } from '../core/types.js';
import { formatDiagnostic, loadDeck, shippedNotesDir } from '../io/load-notes.js';
import { userNotesDirs, type Env } from '../io/paths.js';
import { DataError } from './errors.js';
import { clean } from './render.js';

export function loadStudyDeck(notesFlag: string | undefined, env: Env = process.env): Deck {
  const sources = [
    { dir: shippedNotesDir(), shipped: true },
    ...userNotesDirs(notesFlag, env).map((dir) => ({ dir, shipped: false })),
  ];
  const { deck, diagnostics } = loadDeck(sources);
  // A broken note never stops studying: one line per affected file, then carry on.
  const broken = new Map<string, string>();
  for (const d of diagnostics) {
    if (d.severity === 'error' && !broken.has(d.file)) broken.set(d.file, clean(formatDiagnostic(d)));
  }
  for (const line of broken.values()) {
    process.stderr.write(`saa: warning: ${line} (run "saa notes check" for all problems)\n`);
  }
  if (deck.facts.length === 0) {
    throw new DataError('no facts found in the notes; run "saa notes check" to see why');
  }
  return deck;
}
