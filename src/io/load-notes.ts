/** Reads topic notes from disk (the shipped folder and the user's) and parses them into a deck. */
import { buildDeck } from '../core/deck.js';
import type { Deck, Diagnostic } from '../core/types.js';
import { validateDeck } from '../core/validate.js';
import { type NotesSource, type ReadNotes, readNoteFiles } from './note-files.js';
import { parseNoteFiles } from './parse-notes.js';

export { formatDiagnostic } from './diagnostics.js';
export type { NotesSource } from './note-files.js';
export { shippedNotesDir } from './shipped.js';

export interface LoadedDeck {
  deck: Deck;
  diagnostics: Diagnostic[];
  files: number;
}

/** Parses notes already read. A note with errors is still used if it parsed; one that did not is left out. */
export function parseNotes(read: ReadNotes, options: { validate?: boolean; quality?: boolean } = {}): LoadedDeck {
  const { notes, diagnostics } = parseNoteFiles(read);
  const built = buildDeck(notes);
  diagnostics.push(...built.diagnostics);
  if (options.validate) diagnostics.push(...validateDeck(built.deck, { quality: options.quality === true }));
  return { deck: built.deck, diagnostics, files: read.count };
}

/**
 * Loads every `NN-slug.md` in the given folders. The diagnostics say what was skipped and why;
 * nothing here throws for a bad note.
 */
export function loadDeck(sources: readonly NotesSource[], options: { validate?: boolean; quality?: boolean } = {}): LoadedDeck {
  return parseNotes(readNoteFiles(sources), options);
}
