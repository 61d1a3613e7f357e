/** Parsing note files already read: the part of loading that the notes cache skips. */
import { parseNote } from '../core/parse/note.js';
import { gatherNotes, type KeptNote, type ParseOne } from './gather-notes.js';
import type { ReadNotes } from './note-files.js';

/** One file as its folder's rules have it: shipped notes (and `--bilingual` checks) need both languages. */
export const parseNoteFile: ParseOne = (f) =>
  parseNote(f.file, f.text, { requireBothLanguages: f.source.shipped || f.source.bilingual === true, shipped: f.source.shipped });

/** Parses every file read, in order; a file `reuse` kept something of takes that instead. */
export function parseNoteFiles(read: ReadNotes, reuse?: (file: string) => KeptNote | undefined): ReturnType<typeof gatherNotes> {
  return gatherNotes(read, reuse, parseNoteFile);
}
