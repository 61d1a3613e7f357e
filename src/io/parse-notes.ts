/** Parsing note files already read: the part of loading that the notes cache skips. */
import { parseNote } from '../core/parse/note.js';
import type { Diagnostic, Note } from '../core/types.js';
import type { ReadNotes } from './note-files.js';

/** What one file parsed to (no note when it could not be parsed at all). */
export interface ParsedNoteFile {
  file: string;
  note: Note | undefined;
  diagnostics: Diagnostic[];
  bytes: Buffer | undefined;
}

/**
 * Parses every file read, in order; a file marked `reused` takes what `reuse` kept of it instead.
 * `diagnostics` are the reading's, then each file's in order, as a parse of every file gives them.
 */
export function parseNoteFiles(
  read: ReadNotes,
  reuse?: (file: string) => { note: Note; diagnostics: Diagnostic[] } | undefined,
): { notes: Note[]; diagnostics: Diagnostic[]; files: ParsedNoteFile[]; parsedFiles: number } {
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const notes: Note[] = [];
  const files: ParsedNoteFile[] = [];
  let parsedFiles = 0;
  for (const f of read.files) {
    const kept = f.reused ? reuse?.(f.file) : undefined;
    if (f.reused && !kept) throw new Error(`${f.file} was not read and has nothing kept to reuse`);
    let parsed: { note?: Note | null | undefined; diagnostics: Diagnostic[] };
    if (kept) parsed = kept;
    else {
      parsed = parseNote(f.file, f.text, { requireBothLanguages: f.source.shipped || f.source.bilingual === true, shipped: f.source.shipped });
      parsedFiles++;
    }
    diagnostics.push(...parsed.diagnostics);
    if (parsed.note) notes.push(parsed.note);
    files.push({ file: f.file, note: parsed.note ?? undefined, diagnostics: parsed.diagnostics, bytes: kept ? undefined : f.bytes });
  }
  return { notes, diagnostics, files, parsedFiles };
}
