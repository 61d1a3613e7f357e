/** Parsing note files already read: the part of loading that the notes cache skips. */
import { parseNote } from '../core/parse/note.js';
import type { Diagnostic, Note } from '../core/types.js';
import type { ReadNotes } from './note-files.js';

export function parseNoteFiles(read: ReadNotes): { notes: Note[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const notes: Note[] = [];
  for (const { file, text, source } of read.files) {
    const parsed = parseNote(file, text, { requireBothLanguages: source.shipped || source.bilingual === true, shipped: source.shipped });
    diagnostics.push(...parsed.diagnostics);
    if (parsed.note) notes.push(parsed.note);
  }
  return { notes, diagnostics };
}
