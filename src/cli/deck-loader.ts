/** Loads the deck for a command: shipped notes plus the user's, with broken notes skipped and reported. */
import type { Deck } from '../core/types.js';
import { formatDiagnostic, loadDeck, shippedNotesDir } from '../io/load-notes.js';
import { userNotesDirs } from '../io/paths.js';
import type { Context } from './context.js';
import { DataError } from './errors.js';
import { clean } from './render/clean.js';

export function loadStudyDeck(notesFlag: string | undefined, ctx: Pick<Context, 'env' | 'stderr'>): Deck {
  const sources = [{ dir: shippedNotesDir(), shipped: true }, ...userNotesDirs(notesFlag, ctx.env).map((dir) => ({ dir, shipped: false }))];
  const { deck, diagnostics } = loadDeck(sources);
  // A broken note never stops studying: one line per affected file, then carry on.
  const broken = new Map<string, string>();
  for (const d of diagnostics) {
    if (d.severity === 'error' && !broken.has(d.file)) broken.set(d.file, clean(formatDiagnostic(d)));
  }
  for (const line of broken.values()) ctx.stderr.write(`saa: warning: ${line} (run "saa notes check" for all problems)\n`);
  if (deck.facts.length === 0) throw new DataError('no facts found in the notes; run "saa notes check" to see why');
  return deck;
}
