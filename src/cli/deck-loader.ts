/** Loads the deck for a command: shipped notes plus the user's, with broken notes skipped and reported. */
import type { Deck } from '../core/types.js';
import { cacheDisabled, loadDeckCached } from '../io/deck-cache.js';
import { formatDiagnostic } from '../io/diagnostics.js';
import { userNotesDirs } from '../io/paths.js';
import { shippedNotesDir, shippedSeed } from '../io/shipped.js';
import type { Context } from './context.js';
import { DataError } from './errors.js';
import { clean } from './render/clean.js';
import { VERSION } from './version.js';

/** `cache` is commander's `--no-cache` (false when given). */
export async function loadStudyDeck(notesFlag: string | undefined, ctx: Pick<Context, 'env' | 'stderr'>, cache?: boolean): Promise<Deck> {
  const sources = [{ dir: shippedNotesDir(), shipped: true }, ...userNotesDirs(notesFlag, ctx.env).map((dir) => ({ dir, shipped: false }))];
  const { deck, diagnostics, facts } = await loadDeckCached(sources, {
    env: ctx.env,
    version: VERSION,
    disabled: cacheDisabled(cache, ctx.env),
    seed: shippedSeed(),
  });
  // A broken note never stops studying: one line per affected file, then carry on.
  const broken = new Map<string, string>();
  for (const d of diagnostics) {
    if (d.severity === 'error' && !broken.has(d.file)) broken.set(d.file, clean(formatDiagnostic(d)));
  }
  for (const line of broken.values()) ctx.stderr.write(`saa: warning: ${line} (run "saa notes check" for all problems)\n`);
  if (facts === 0) throw new DataError('no facts found in the notes; run "saa notes check" to see why');
  return deck;
}
